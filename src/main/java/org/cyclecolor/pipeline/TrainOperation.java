package org.cyclecolor.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.cyclecolor.Progress;
import org.cyclecolor.ThreadCount;
import org.cyclecolor.UserException;
import org.cyclecolor.infer.BundledModel;
import org.cyclecolor.infer.ModelDescription;
import org.cyclecolor.infer.OnnxModelFile;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Variant;
import org.cyclecolor.model.Variants;
import org.cyclecolor.synth.DatasetOptions;
import org.cyclecolor.synth.Datasets;
import org.cyclecolor.synth.PairDataset;
import org.cyclecolor.synth.UnlabelledPairs;
import org.cyclecolor.train.Checkpoint;
import org.cyclecolor.train.Trainer;
import org.cyclecolor.train.TrainingConfig;
import org.cyclecolor.train.TrainingControl;
import org.cyclecolor.train.TrainingData;
import org.cyclecolor.train.TrainingListener;

/**
 * The "Train" operation for the command line, Fiji and macros: opens the datasets (cycle mode sees
 * them without ground truth), prepares the starting model (the shipped default model, another model
 * file, or fresh weights) or resumes a checkpoint, trains, and writes the model — through a
 * temporary file, after checking that ONNX Runtime computes what the trainer computed — without
 * ever replacing an existing model unless asked.
 */
public final class TrainOperation {

	/** "scratch" as the starting model: fresh weights. */
	public static final String SCRATCH = "scratch";

	private final List<Path> datasets;
	private final DatasetOptions datasetOptions;
	private final Path output;
	private TrainingConfig config = TrainingConfig.paper();
	private String init;
	private Path ssm;
	private String variant = "cyclecnn";
	private Path checkpoint;
	private boolean resume;
	private int resumeSteps;
	private boolean overwrite;
	private int threads;
	private long cacheBytes = 4L << 30;
	private String command = "";
	private Supplier<Optional<ModelBundle>> bundled = StructureNetworkSource.BUNDLED;
	private String structureNetwork;

	/**
	 * @param datasets one or more dataset paths (read by {@link Datasets#open} with the same options)
	 * @param output the model to write (.onnx)
	 */
	public TrainOperation(List<Path> datasets, DatasetOptions datasetOptions, Path output) {
		this.datasets = List.copyOf(datasets);
		this.datasetOptions = datasetOptions;
		this.output = output;
	}

	public TrainOperation config(TrainingConfig c) {
		this.config = c;
		return this;
	}

	/** The settings a fresh run trains with (a resumed run takes its checkpoint's). */
	public TrainingConfig config() {
		return config;
	}

	/** The starting model: a .onnx path, {@link #SCRATCH}, or null for the shipped default model. */
	public TrainOperation init(String modelOrScratch) {
		this.init = modelOrScratch;
		return this;
	}

	/** A model file whose structure-similarity network the learned structure loss uses (null: the starting model's). */
	public TrainOperation structureNetwork(Path model) {
		this.ssm = model;
		return this;
	}

	/** Where the shipped default model comes from (tests replace it). */
	TrainOperation bundledModel(Supplier<Optional<ModelBundle>> b) {
		this.bundled = b;
		return this;
	}

	/** The architecture when training from scratch. */
	public TrainOperation variant(String name) {
		this.variant = name;
		return this;
	}

	/** The checkpoint file (default: the model's name with .ckpt). */
	public TrainOperation checkpoint(Path path) {
		this.checkpoint = path;
		return this;
	}

	/** Continue the run in the checkpoint instead of starting one. */
	public TrainOperation resume(boolean r) {
		this.resume = r;
		return this;
	}

	/** When resuming: the steps to reach (0 = the run's own target). */
	public TrainOperation resumeSteps(int steps) {
		this.resumeSteps = steps;
		return this;
	}

	public TrainOperation overwrite(boolean o) {
		this.overwrite = o;
		return this;
	}

	/** PyTorch threads, 0 = one per core. */
	public TrainOperation threads(int n) {
		this.threads = ThreadCount.check(n);
		return this;
	}

	/** Memory for shrunk training pairs kept between steps. */
	public TrainOperation cacheBytes(long bytes) {
		this.cacheBytes = bytes;
		return this;
	}

	/** The command line or macro call that started the run (recorded in the model). */
	public TrainOperation command(String c) {
		this.command = c;
		return this;
	}

	/** The checkpoint file this run uses. */
	public Path checkpointPath() {
		if (checkpoint != null) return checkpoint;
		String name = output.getFileName().toString();
		String stem = name.toLowerCase(Locale.ROOT).endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
		return output.resolveSibling(stem + ".ckpt");
	}

	/** What a run produced. */
	public record Result(Trainer.Outcome outcome, Path model, Path checkpoint, Map<String, Object> summary) {}

	/**
	 * Trains and writes the model. A cancel ({@link org.cyclecolor.CancelledException}) keeps the
	 * checkpoint and writes no model; {@link TrainingControl#requestFinish()} stops early and writes it.
	 */
	public Result run(Progress progress, TrainingListener listener, TrainingControl control) {
		checkOutputs();
		Trainer.Start start = resume ? resumeStart() : freshStart(progress);
		TrainingConfig c = start.config();
		if (resume && c.needsStructureNetwork()) {
			progress.log("Learned structure loss: the structure-similarity network saved in the checkpoint (pre-trained "
				+ start.model().provenance().get("ssm_steps") + " steps).");
		}
		Variant v = start.model().variant();
		int m = v.sizeMultiple();
		if (c.cropWidth() % m != 0 || c.cropHeight() % m != 0) {
			throw new UserException("The " + v.name() + " network needs crops whose sides are multiples of " + m + ", got "
				+ c.cropWidth() + "x" + c.cropHeight() + "; e.g. " + (c.cropWidth() / m * m) + "x" + (c.cropHeight() / m * m) + ".");
		}
		TrainingData data = openData(v, c, progress.sub(0, 0.03));
		Map<String, String> info = new LinkedHashMap<>();
		if (!command.isEmpty()) info.put("command", command);
		info.put("training_datasets", String.join("; ", datasets.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()));
		info.put("training_dataset_options", describe(datasetOptions));
		if (!resume) info.put("started_from", startedFrom());
		if (structureNetwork != null) info.put("training_structure_network", structureNetwork);
		Trainer trainer = new Trainer(start, data, checkpointPath(), threads, resume ? start.resume().info() : info);
		long t0 = System.nanoTime();
		Trainer.Outcome outcome = trainer.run(progress.sub(0.03, 0.97), listener, control);
		progress.report(0.97, "Writing the model");
		ModelExport.Parity parity = ModelExport.write(outcome.model(), output, overwrite, data.batch(0), threads, progress);
		progress.report(1, "Training done");
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("model", output.toAbsolutePath().toString());
		s.put("checkpoint", checkpointPath().toAbsolutePath().toString());
		s.put("ending", outcome.ending().name().toLowerCase(Locale.ROOT));
		s.put("steps", outcome.step());
		s.put("target_steps", c.steps());
		s.put("mode", c.mode().key());
		s.put("variant", v.name());
		s.put("structure_network", !c.needsStructureNetwork() ? "none" : structureNetwork != null ? structureNetwork
			: "the structure-similarity network saved in the checkpoint");
		s.put("pairs", data.size());
		s.put("losses", outcome.finalLosses());
		s.put("wall_seconds", outcome.wallSeconds());
		s.put("seconds", (System.nanoTime() - t0) / 1e9);
		s.put("parity", parity.describe());
		return new Result(outcome, output, checkpointPath(), s);
	}

	private void checkOutputs() {
		if (output == null) throw new UserException("No output model was given; name the .onnx file to write.");
		if (!output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
			throw new UserException("The output " + output.getFileName() + " must end with .onnx; choose a name like my-rig.onnx.");
		}
		if (Files.exists(output) && !overwrite) {
			throw new UserException("The model " + output + " already exists; choose another name or allow overwriting "
				+ "(--overwrite on the command line, overwrite in macros).");
		}
		if (init != null && !init.equals(SCRATCH) && Files.exists(output) && output.toAbsolutePath().normalize()
			.equals(Path.of(init).toAbsolutePath().normalize())) {
			throw new UserException("The output " + output + " is the starting model itself; write the trained model to another file.");
		}
		Path ck = checkpointPath();
		if (!resume && Files.exists(ck) && !overwrite) {
			throw new UserException("The checkpoint " + ck + " already exists; resume that run (--resume), or allow overwriting "
				+ "(--overwrite), or choose another output name.");
		}
		if (resume && !Files.exists(ck)) {
			throw new UserException("There is no checkpoint " + ck + " to resume; check the model name or the --checkpoint path.");
		}
	}

	private Trainer.Start resumeStart() {
		Checkpoint c = Checkpoint.read(checkpointPath());
		return Trainer.Start.resume(c, resumeSteps);
	}

	private Trainer.Start freshStart(Progress progress) {
		ModelBundle model;
		if (SCRATCH.equals(init)) {
			Variant v = variantByName(variant);
			model = ModelBundle.initialized(v, config.seed(), Provenance.empty());
			if (v.has(NetworkKind.STRUCTURE_SIMILARITY) && config.mode() != TrainingConfig.Mode.STRUCTURE_SIMILARITY) {
				// Fresh structure-similarity weights measure nothing: keep them only when one is given.
				model = withoutStructureNetwork(model);
			}
			progress.log("Starting from fresh " + v.name() + " weights (seed " + config.seed() + ").");
		}
		else {
			OnnxModelFile f = OnnxModelFile.read(init == null ? BundledModel.path() : BundledModel.resolve(init));
			model = f.bundle();
			progress.log("Starting from " + ModelDescription.of(f).inSentence() + ".");
			if (config.mode() == TrainingConfig.Mode.STRUCTURE_SIMILARITY && !model.has(NetworkKind.STRUCTURE_SIMILARITY)
				&& model.variant().has(NetworkKind.STRUCTURE_SIMILARITY)) {
				model = model.with(NetworkKind.STRUCTURE_SIMILARITY, org.cyclecolor.model.Weights.initialize(
					model.variant().graph(NetworkKind.STRUCTURE_SIMILARITY), config.seed()));
			}
			if (model.variant().has(NetworkKind.REFINEMENT) && !model.has(NetworkKind.REFINEMENT)) {
				model = model.with(NetworkKind.REFINEMENT, org.cyclecolor.model.Weights.initialize(
					model.variant().graph(NetworkKind.REFINEMENT), config.seed()));
			}
		}
		if (config.needsStructureNetwork()) {
			StructureNetworkSource.Choice choice = StructureNetworkSource.choose(ssm, model, init == null, bundled)
				.orElseThrow(StructureNetworkSource::missing);
			model = choice.applyTo(model);
			structureNetwork = choice.description();
			progress.log(choice.logLine());
		}
		else if (ssm != null) {
			// Not used by this objective, but carried into the trained model for later fine-tuning.
			model = StructureNetworkSource.choose(ssm, model, false, bundled).orElseThrow().applyTo(model);
			progress.log("The structure-similarity network of " + ssm.getFileName() + " goes into the model but this run does not use "
				+ "it (structure loss " + (config.lambdaStructure() > 0 ? config.structure().key() : "off") + ").");
		}
		return Trainer.Start.fresh(model, config);
	}

	private static ModelBundle withoutStructureNetwork(ModelBundle b) {
		Map<NetworkKind, org.cyclecolor.model.Weights> w = new LinkedHashMap<>();
		for (NetworkKind k : b.networks()) if (k != NetworkKind.STRUCTURE_SIMILARITY) w.put(k, b.weights(k));
		return new ModelBundle(b.variant(), new java.util.EnumMap<>(w), b.provenance());
	}

	private String startedFrom() {
		if (SCRATCH.equals(init)) return "fresh weights (seed " + config.seed() + ")";
		BundledModel.Which bundled = init == null ? BundledModel.Which.DEFAULT : BundledModel.keyword(init);
		if (bundled != null && (init == null || !Files.exists(Path.of(init)))) return "the " + bundled.label();
		return Path.of(init).getFileName().toString();
	}

	private static Variant variantByName(String name) {
		try {
			return Variants.get(name);
		}
		catch (IllegalArgumentException e) {
			throw new UserException("Unknown network variant '" + name + "'; choose one of " + Variants.names() + ".");
		}
	}

	private TrainingData openData(Variant v, TrainingConfig c, Progress progress) {
		if (datasets.isEmpty()) throw new UserException("No training data was given; pass at least one dataset folder or list file.");
		Progress p = progress;
		if (c.mode() == TrainingConfig.Mode.CYCLE) {
			List<UnlabelledPairs> sets = new ArrayList<>();
			for (Path d : datasets) sets.add(Datasets.open(d, datasetOptions, progress).withoutGroundTruth());
			return TrainingData.cycle(v, sets, c, cacheBytes, p);
		}
		List<PairDataset> sets = new ArrayList<>();
		for (Path d : datasets) sets.add(Datasets.open(d, datasetOptions, progress));
		if (c.mode() == TrainingConfig.Mode.STRUCTURE_SIMILARITY) {
			return TrainingData.structure(v, sets, datasetOptions.degradation(), c, cacheBytes, p);
		}
		return TrainingData.supervised(v, sets, c, cacheBytes, p);
	}

	static String describe(DatasetOptions o) {
		return String.format(Locale.ROOT, "kind %s, gray view %s, %s, seed %d%s%s, pairs per photo %d, photo max disparity %d",
			o.kind().name().toLowerCase(Locale.ROOT), o.grayView().name().toLowerCase(Locale.ROOT), o.degradation().describe(), o.seed(),
			o.colorSide() == null ? "" : ", colour side " + o.colorSide().key(), o.maxDisparity() > 0 ? ", max disparity " + o.maxDisparity()
				: "", o.pairsPerPhoto(), o.photos().maxDisparity());
	}
}
