package org.cyclecolor.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cyclecolor.Progress;
import org.cyclecolor.ThreadCount;
import org.cyclecolor.UserException;
import org.cyclecolor.infer.BundledModel;
import org.cyclecolor.infer.OnnxModelFile;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Variants;
import org.cyclecolor.synth.DatasetOptions;
import org.cyclecolor.synth.Datasets;
import org.cyclecolor.synth.UnlabelledPairs;
import org.cyclecolor.train.SecondTimeSsim;
import org.cyclecolor.train.TrainingConfig;
import org.cyclecolor.train.TrainingControl;
import org.cyclecolor.train.TrainingData;
import org.cyclecolor.train.TrainingListener;

/**
 * The paper's ablation (Table 4) at a small budget: the same starting model fine-tuned in cycle
 * mode with each loss left out in turn (no L_cc, no L_ss, no L_smooth) and with SSIM as the
 * structure loss, next to the full objective; each variant's second-time chroma SSIM
 * ({@link SecondTimeSsim}) on the evaluation pairs, and the starting model's for reference. Every
 * variant starts from the same weights with the same seed and crops, so only the objective
 * differs. Each run is an ordinary training run ({@link TrainOperation}) writing its model, checkpoint
 * and loss log into the output folder.
 */
public final class AblationOperation {

	/** One row of Table 4. */
	public enum Variant {
		FULL("full", "L_ss + L_cc + 0.1 L_smooth"),
		NO_CYCLE("no-cc", "without L_cc"),
		NO_STRUCTURE("no-ss", "without L_ss"),
		NO_SMOOTH("no-smooth", "without L_smooth"),
		SSIM_STRUCTURE("ssim-ss", "SSIM as L_ss");

		public final String key;
		public final String label;

		Variant(String key, String label) {
			this.key = key;
			this.label = label;
		}
	}

	/** The result of one variant (or of the starting model: variant null, no losses). */
	public record Row(Variant variant, String objective, double secondTimeSsim, Map<String, Double> finalLosses, double wallSeconds) {}

	private final List<Path> datasets;
	private final List<Path> evaluation;
	private final DatasetOptions options;
	private final Path folder;
	private TrainingConfig base = TrainingConfig.paper().withCrop(96, 48).withSteps(80).withRefinement(false);
	private String init;
	private Path ssm;
	private int threads;
	private boolean overwrite;

	/**
	 * @param evaluation the pairs the second-time SSIM is measured on (empty: the training pairs)
	 * @param folder where each variant's model, checkpoint and loss log go
	 */
	public AblationOperation(List<Path> datasets, List<Path> evaluation, DatasetOptions options, Path folder) {
		this.datasets = List.copyOf(datasets);
		this.evaluation = evaluation.isEmpty() ? this.datasets : List.copyOf(evaluation);
		this.options = options;
		this.folder = folder;
	}

	/** Crop, steps, seed and learning rate of every variant (the losses are set per variant). */
	public AblationOperation config(TrainingConfig c) {
		this.base = c.withMode(TrainingConfig.Mode.CYCLE).withRefinement(false);
		return this;
	}

	/** The starting model: a .onnx path, "scratch", or null for the shipped default model. */
	public AblationOperation init(String modelOrScratch) {
		this.init = modelOrScratch;
		return this;
	}

	/** A model whose pre-trained structure-similarity network the learned L_ss uses. */
	public AblationOperation structureNetwork(Path model) {
		this.ssm = model;
		return this;
	}

	public AblationOperation threads(int n) {
		this.threads = ThreadCount.check(n);
		return this;
	}

	public AblationOperation overwrite(boolean o) {
		this.overwrite = o;
		return this;
	}

	/** Trains every variant and measures them; the first row is the starting model. */
	public List<Row> run(Progress progress, TrainingListener listener) {
		prepareFolder();
		ModelBundle start = startModel();
		Optional<StructureNetworkSource.Choice> network = StructureNetworkSource.choose(ssm, start, init == null,
			StructureNetworkSource.BUNDLED);
		boolean learned = network.isPresent();
		if (learned) progress.log(network.get().logLine());
		else {
			progress.log("No pre-trained structure-similarity network (give one with --ssm): the full objective uses SSIM as L_ss, "
				+ "so the 'SSIM as L_ss' row is the full objective and is not run twice.");
		}
		TrainingData evalData = evaluationData(start.variant(), progress.sub(0, 0.02));
		List<Row> rows = new ArrayList<>();
		rows.add(new Row(null, "starting model", SecondTimeSsim.of(start, evalData, threads, progress.sub(0.02, 0.05)), Map.of(), 0));
		List<Variant> variants = new ArrayList<>(List.of(Variant.values()));
		if (!learned) variants.remove(Variant.SSIM_STRUCTURE);
		double share = 0.95 / variants.size();
		for (int i = 0; i < variants.size(); i++) {
			Variant v = variants.get(i);
			Progress p = progress.sub(0.05 + i * share, 0.05 + (i + 1) * share);
			progress.log("Ablation " + (i + 1) + "/" + variants.size() + ": " + v.label);
			TrainingConfig c = configFor(v, learned);
			TrainOperation op = new TrainOperation(datasets, options, folder.resolve(v.key + ".onnx")).config(c).init(init)
				.structureNetwork(ssm).threads(threads).overwrite(overwrite).command("ablation " + v.key);
			TrainOperation.Result r = op.run(p.sub(0, 0.9), listener, new TrainingControl());
			double s = SecondTimeSsim.of(r.outcome().model(), evalData, threads, p.sub(0.9, 1));
			rows.add(new Row(v, describe(c), s, r.outcome().finalLosses(), r.outcome().wallSeconds()));
			progress.log(String.format(Locale.ROOT, "  %s: second-time SSIM %.4f", v.label, s));
		}
		writeCsv(rows);
		return rows;
	}

	/** The objective of a variant: the paper's λ = (1, 1, 0.1) with one term switched off or replaced. */
	TrainingConfig configFor(Variant v, boolean learned) {
		TrainingConfig c = base.withLambdas(1, 1, 0.1).withStructure(learned ? TrainingConfig.StructureLoss.LEARNED
			: TrainingConfig.StructureLoss.SSIM);
		return switch (v) {
			case FULL -> c;
			case NO_CYCLE -> c.withLambdas(1, 0, 0.1);
			case NO_STRUCTURE -> c.withLambdas(0, 1, 0.1).withStructure(TrainingConfig.StructureLoss.NONE);
			case NO_SMOOTH -> c.withLambdas(1, 1, 0);
			case SSIM_STRUCTURE -> c.withStructure(TrainingConfig.StructureLoss.SSIM);
		};
	}

	private static String describe(TrainingConfig c) {
		return String.format(Locale.ROOT, "λ = (%s, %s, %s), L_ss %s", c.lambdaStructure(), c.lambdaCycle(), c.lambdaSmooth(),
			c.lambdaStructure() > 0 ? c.structure().key() : "off");
	}

	private void prepareFolder() {
		try {
			Files.createDirectories(folder);
			if (!overwrite && Files.exists(folder.resolve("ablation.csv"))) {
				throw new UserException("The folder " + folder + " already holds an ablation (ablation.csv); choose another folder or "
					+ "allow overwriting.");
			}
		}
		catch (IOException e) {
			throw new UserException("Could not create the folder " + folder + " (" + e.getMessage() + "); choose a writable place.", e);
		}
	}

	private ModelBundle startModel() {
		if (TrainOperation.SCRATCH.equals(init)) return ModelBundle.initialized(Variants.get("cyclecnn"), base.seed(), Provenance.empty());
		return OnnxModelFile.read(init == null ? BundledModel.path() : BundledModel.resolve(init)).bundle();
	}

	private TrainingData evaluationData(org.cyclecolor.model.Variant v, Progress progress) {
		List<UnlabelledPairs> sets = new ArrayList<>();
		for (Path d : evaluation) sets.add(Datasets.open(d, options, progress).withoutGroundTruth());
		return TrainingData.cycle(v, sets, base, 1L << 30, progress);
	}

	private void writeCsv(List<Row> rows) {
		StringBuilder sb = new StringBuilder("variant,objective,second_time_ssim,final_total_loss,wall_seconds\n");
		for (Row r : rows) {
			sb.append(String.format(Locale.ROOT, "%s,\"%s\",%.5f,%s,%.0f%n", r.variant() == null ? "start" : r.variant().key,
				r.objective(), r.secondTimeSsim(), r.finalLosses().containsKey("total") ? String.format(Locale.ROOT, "%.5f",
					r.finalLosses().get("total")) : "", r.wallSeconds()));
		}
		Path csv = folder.resolve("ablation.csv"), tmp = folder.resolve(".ablation.csv.tmp");
		try {
			Files.writeString(tmp, sb.toString());
			Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UserException("Could not write " + csv + " (" + e.getMessage() + "); check that the folder is writable.", e);
		}
	}

	/** The rows as a Markdown table (for the docs and the terminal). */
	public static String table(List<Row> rows) {
		StringBuilder sb = new StringBuilder("| variant | objective | second-time SSIM (Cb, Cr) | final loss |\n|---|---|---|---|\n");
		for (Row r : rows) {
			sb.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %s |%n", r.variant() == null ? "start" : r.variant().label,
				r.objective(), r.secondTimeSsim(), r.finalLosses().containsKey("total") ? String.format(Locale.ROOT, "%.4f",
					r.finalLosses().get("total")) : "–"));
		}
		return sb.toString();
	}
}
