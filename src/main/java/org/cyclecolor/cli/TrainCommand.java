package org.cyclecolor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.cyclecolor.UserException;
import org.cyclecolor.Version;
import org.cyclecolor.pipeline.LossPlot;
import org.cyclecolor.pipeline.TrainOperation;
import org.cyclecolor.pipeline.TrainingLog;
import org.cyclecolor.train.Checkpoint;
import org.cyclecolor.train.TrainingConfig;
import org.cyclecolor.train.TrainingControl;
import org.cyclecolor.train.TrainingEvent;
import org.cyclecolor.train.TrainingListener;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cyclecolor train}: train or fine-tune the colorization network on pairs, with the cycle losses or supervised. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class, sortOptions = false,
	usageHelpAutoWidth = true, header = "Train or fine-tune the colorization network (cycle losses on real pairs, or supervised).",
	description = { "Cycle mode (the paper's, default) learns from mono/colour pairs without ground truth: it colorizes twice, there "
		+ "and back, and compares the reconstruction with the colour image (L = 1 L_ss + 1 L_cc + 0.1 L_smooth). Supervised mode "
		+ "learns chroma from synthesized pairs' ground truth. Each pair is shrunk so that its disparities fit the network's 48 "
		+ "candidates; random crops; RMSProp. A checkpoint is written every --checkpoint-every steps and when the run ends "
		+ "(Ctrl+C keeps it; --resume continues exactly). The model is written only after ONNX Runtime was checked to compute "
		+ "what the trainer computed.", "" },
	footer = { "", "Examples:", "  cyclecolor train /data/rig --color-side left -o rig.onnx --steps 2000",
		"  cyclecolor train /data/rig --color-side left -o rig.onnx --steps 4000 --resume",
		"  cyclecolor train stereo/ photos/ --mode supervised --init scratch --preset noisy -o synth.onnx", "",
		"Exit codes: 0 done, 2 wrong command line, 3 input to fix (message says how), 1 unexpected, 130 cancelled (checkpoint kept)." })
public final class TrainCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "DATASET", description = "Training data: pairs folders (mono/ + color/), list files, "
		+ "stereo scene folders, photo folders (several allowed).")
	private List<Path> datasets;

	@Option(names = { "-o", "--output" }, paramLabel = "MODEL", required = true, description = "The model to write (.onnx).")
	private Path output;

	@Option(names = "--mode", paramLabel = "MODE", defaultValue = "cycle",
		description = "cycle (no ground truth needed) or supervised (synthesized pairs) (default: ${DEFAULT-VALUE}).")
	private String mode;

	@Option(names = "--init", paramLabel = "MODEL", description = "Start from this model (.onnx), or 'scratch' for fresh weights "
		+ "(default: the shipped default model).")
	private String init;

	@Option(names = "--variant", paramLabel = "NAME", defaultValue = "cyclecnn",
		description = "Architecture when starting from scratch (default: ${DEFAULT-VALUE}).")
	private String variant;

	@Option(names = "--ssm", paramLabel = "MODEL", description = "Take the structure-similarity network from this model (made by pretrain-ssm).")
	private Path ssm;

	@Option(names = "--structure-loss", paramLabel = "KIND", defaultValue = "learned",
		description = "learned (the pre-trained structure-similarity network), ssim, or none (default: ${DEFAULT-VALUE}).")
	private String structureLoss;

	@Option(names = "--lambda", paramLabel = "SS,CC,SMOOTH", split = ",", defaultValue = "1,1,0.1",
		description = "Weights of L_ss, L_cc and L_smooth (default: ${DEFAULT-VALUE}).")
	private double[] lambda;

	@Option(names = "--no-refinement", description = "Do not train the refinement CNN.")
	private boolean noRefinement;

	@Option(names = "--crop", paramLabel = "WxH", defaultValue = "512x256",
		description = "Crop size after shrinking, multiples of 4 (default: ${DEFAULT-VALUE}, the paper's).")
	private String crop;

	@Option(names = "--shrink", paramLabel = "N|auto", defaultValue = "auto",
		description = "Shrink every pair by this integer factor, or auto: each pair just enough that its disparities fit the "
			+ "candidates (default: ${DEFAULT-VALUE}).")
	private String shrink;

	@Option(names = "--steps", paramLabel = "N", description = "Steps to reach (default: 2000; when resuming, the run's own "
		+ "number; a checkpoint already there has its model written as it is).")
	private Integer steps;

	@Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "0.001", description = "RMSProp learning rate (default: ${DEFAULT-VALUE}).")
	private double learningRate;

	@Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seeds the crops and fresh weights (default: ${DEFAULT-VALUE}).")
	private long seed;

	@Option(names = "--checkpoint", paramLabel = "FILE", description = "The checkpoint file (default: the model's name with .ckpt).")
	private Path checkpoint;

	@Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "100", description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
	private int checkpointEvery;

	@Option(names = "--resume", description = "Continue the run saved in the checkpoint (same data and options); --steps may extend it.")
	private boolean resume;

	@Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "PyTorch threads, 0 = one per core (default: ${DEFAULT-VALUE}).")
	private int threads;

	@Option(names = "--cache-gb", paramLabel = "GB", defaultValue = "4", description = "Memory for training pairs kept between steps (default: ${DEFAULT-VALUE}).")
	private double cacheGb;

	@Option(names = "--log", paramLabel = "FILE", description = "Loss of every step as CSV (default: the model's name with -losses.csv).")
	private Path log;

	@Option(names = "--plot", paramLabel = "FILE", description = "Loss curves as PNG, updated at every checkpoint (default: the model's name with -losses.png).")
	private Path plot;

	@Option(names = "--print-every", paramLabel = "N", defaultValue = "10", description = "Print the losses every N steps (default: ${DEFAULT-VALUE}).")
	private int printEvery;

	@Mixin
	private DatasetOptionsMixin data;

	@Option(names = "--overwrite", description = "Replace an existing model, checkpoint, log and plot.")
	private boolean overwrite;

	@Option(names = "--json", description = "Print a JSON summary on standard output (messages go to standard error).")
	private boolean json;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		TrainingConfig config = config();
		TrainOperation op = new TrainOperation(datasets, data.options(), output).config(config).resumeSteps(steps == null ? 0 : steps)
			.init(init).variant(variant)
			.structureNetwork(ssm).checkpoint(checkpoint).resume(resume).overwrite(overwrite).threads(threads)
			.cacheBytes((long) (cacheGb * (1L << 30))).command("cyclecolor " + String.join(" ", spec.commandLine().getParseResult()
				.originalArgs()));
		Path logPath = log != null ? log : sibling("-losses.csv");
		Path plotPath = plot != null ? plot : sibling("-losses.png");
		if (!overwrite && !resume && java.nio.file.Files.exists(plotPath)) {
			throw new UserException("The loss plot " + plotPath + " already exists; choose another name (--plot) or allow overwriting.");
		}
		List<Map<String, Double>> earlier = resume && java.nio.file.Files.exists(op.checkpointPath())
			? Checkpoint.read(op.checkpointPath()).history() : List.of();
		ConsoleProgress progress = new ConsoleProgress(System.err, json).cancelOnInterrupt();
		PrintWriter err = spec.commandLine().getErr();
		try (TrainingLog csv = new TrainingLog(logPath, overwrite || resume, earlier)) {
			Printer printer = new Printer(progress, csv, plotPath, printEvery, earlier);
			TrainOperation.Result r = op.run(progress, printer, new TrainingControl());
			LossPlot.writePng("Training losses: " + output.getFileName(), r.outcome().history(), plotPath);
			progress.done();
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("command", "train");
			s.put("version", Version.get());
			s.putAll(r.summary());
			s.put("log", logPath.toAbsolutePath().toString());
			s.put("plot", plotPath.toAbsolutePath().toString());
			if (json) {
				JsonOutput.print(spec.commandLine().getOut(), s);
			}
			else {
				err.printf(Locale.ROOT, "Wrote %s after %d steps (%s, %.0f s of training); checkpoint %s, losses %s and %s.%n",
					r.model(), r.outcome().step(), s.get("ending"), r.outcome().wallSeconds(), r.checkpoint(), logPath, plotPath);
				err.flush();
			}
			return ExitCode.OK;
		}
		finally {
			progress.done();
		}
	}

	private Path sibling(String suffix) {
		String name = output.getFileName().toString();
		String stem = name.toLowerCase(Locale.ROOT).endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
		return output.resolveSibling(stem + suffix);
	}

	private TrainingConfig config() {
		if (lambda.length != 3) throw new UserException("--lambda takes three weights SS,CC,SMOOTH, e.g. 1,1,0.1; got " + lambda.length + ".");
		int[] wh = parseCrop(crop);
		int f;
		if (shrink.equalsIgnoreCase("auto")) {
			f = 0;
		}
		else {
			try {
				f = Integer.parseInt(shrink.trim());
			}
			catch (NumberFormatException e) {
				throw new UserException("--shrink takes a whole number or auto, got '" + shrink + "'.");
			}
			if (f < 1) throw new UserException("--shrink takes a whole number of at least 1, or auto; got " + f + ".");
		}
		if (printEvery < 1) throw new UserException("--print-every must be at least 1, got " + printEvery + ".");
		return new TrainingConfig(TrainingConfig.Mode.fromKey(mode), TrainingConfig.StructureLoss.fromKey(structureLoss), lambda[0],
			lambda[1], lambda[2], !noRefinement, wh[0], wh[1], learningRate, seed, steps == null ? 2000 : steps, checkpointEvery, f);
	}

	/** "512x256" as {width, height}. */
	static int[] parseCrop(String s) {
		String[] p = s.toLowerCase(Locale.ROOT).split("x");
		try {
			if (p.length == 2) return new int[] { Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()) };
		}
		catch (NumberFormatException e) {
			// below
		}
		throw new UserException("--crop takes WIDTHxHEIGHT, e.g. 512x256; got '" + s + "'.");
	}

	/** Losses on standard error every few steps, the CSV, and the plot at every checkpoint. */
	private static final class Printer implements TrainingListener {
		private final ConsoleProgress progress;
		private final TrainingLog csv;
		private final Path plot;
		private final int every;
		private final java.util.List<Map<String, Double>> history = new java.util.ArrayList<>();

		Printer(ConsoleProgress progress, TrainingLog csv, Path plot, int every, List<Map<String, Double>> earlier) {
			this.history.addAll(earlier);
			this.progress = progress;
			this.csv = csv;
			this.plot = plot;
			this.every = every;
		}

		@Override
		public void onStep(TrainingEvent e) {
			csv.onStep(e);
			history.add(e.terms());
			if (e.step() % every != 0 && e.step() != e.steps()) return;
			StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "step %d/%d", e.step(), e.steps()));
			for (Map.Entry<String, Double> t : e.terms().entrySet()) {
				sb.append(String.format(Locale.ROOT, "  %s %.4f", t.getKey(), t.getValue()));
			}
			sb.append(String.format(Locale.ROOT, "  %.3f steps/s  ETA %s", e.stepsPerSecond(), duration(e.etaSeconds())));
			progress.log(sb.toString());
		}

		@Override
		public void onCheckpoint(Path checkpoint, int step) {
			if (step == 0) return;
			try {
				LossPlot.writePng("Training losses", history, plot);
			}
			catch (UserException e) {
				progress.log("Could not update the loss plot: " + e.getMessage());
			}
		}

		static String duration(double s) {
			long t = Math.round(s);
			return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, t % 3600 / 60)
				: String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60);
		}
	}
}
