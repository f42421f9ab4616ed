package org.cyclecolor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code train} and {@code pretrain-ssm} share: data, output, crops, steps, optimizer,
 * checkpoints and resuming, the CSV log, the loss plot, and the progress printed as it goes.
 */
abstract class TrainingCommandBase implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "DATASET", description = "Training data: pairs folders (mono/ + color/), list files, "
		+ "stereo scene folders, photo folders (several allowed).")
	List<Path> datasets;

	@Option(names = { "-o", "--output" }, paramLabel = "MODEL", required = true, description = "The model to write (.onnx).")
	Path output;

	@Option(names = "--variant", paramLabel = "NAME", defaultValue = "cyclecnn",
		description = "Architecture when starting from scratch (default: ${DEFAULT-VALUE}).")
	String variant;

	@Option(names = "--shrink", paramLabel = "N|auto", defaultValue = "auto",
		description = "Shrink every pair by this integer factor, or auto: each pair just enough that its disparities fit the "
			+ "candidates (default: ${DEFAULT-VALUE}).")
	String shrink;

	@Option(names = "--steps", paramLabel = "N", description = "Steps to reach (default: ${COMMAND-NAME}'s own; when resuming, the "
		+ "run's own number; a checkpoint already there has its model written as it is).")
	Integer steps;

	@Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "0.001", description = "RMSProp learning rate (default: ${DEFAULT-VALUE}).")
	double learningRate;

	@Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seeds the crops and fresh weights (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--checkpoint", paramLabel = "FILE", description = "The checkpoint file (default: the model's name with .ckpt).")
	Path checkpoint;

	@Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "100", description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
	int checkpointEvery;

	@Option(names = "--resume", description = "Continue the run saved in the checkpoint (same data and options); --steps may extend it.")
	boolean resume;

	@Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "PyTorch threads, 0 = one per core (default: ${DEFAULT-VALUE}).")
	int threads;

	@Option(names = "--cache-gb", paramLabel = "GB", defaultValue = "4", description = "Memory for training pairs kept between steps (default: ${DEFAULT-VALUE}).")
	double cacheGb;

	@Option(names = "--log", paramLabel = "FILE", description = "Loss of every step as CSV (default: the model's name with -losses.csv).")
	Path log;

	@Option(names = "--plot", paramLabel = "FILE", description = "Loss curves as PNG, updated at every checkpoint (default: the model's name with -losses.png).")
	Path plot;

	@Option(names = "--print-every", paramLabel = "N", defaultValue = "10", description = "Print the losses every N steps (default: ${DEFAULT-VALUE}).")
	int printEvery;

	@Mixin
	DatasetOptionsMixin data;

	@Option(names = "--overwrite", description = "Replace an existing model, checkpoint, log and plot.")
	boolean overwrite;

	@Option(names = "--json", description = "Print a JSON summary on standard output (messages go to standard error).")
	boolean json;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	/** The run's configuration from the options. */
	abstract TrainingConfig config();

	/** The starting model option (a path, "scratch", or null for the command's default). */
	abstract String init();

	/** Command-specific settings of the operation. */
	TrainOperation configure(TrainOperation op) {
		return op;
	}

	@Override
	public Integer call() {
		if (printEvery < 1) throw new UserException("--print-every must be at least 1, got " + printEvery + ".");
		TrainingConfig config = config();
		TrainOperation op = configure(new TrainOperation(datasets, data.options(), output).config(config)
			.resumeSteps(steps == null ? 0 : steps).init(init()).variant(variant).checkpoint(checkpoint).resume(resume)
			.overwrite(overwrite).threads(threads).cacheBytes((long) (cacheGb * (1L << 30)))
			.command("cyclecolor " + String.join(" ", spec.commandLine().getParseResult().originalArgs())));
		Path logPath = log != null ? log : sibling("-losses.csv");
		Path plotPath = plot != null ? plot : sibling("-losses.png");
		if (!overwrite && !resume && Files.exists(plotPath)) {
			throw new UserException("The loss plot " + plotPath + " already exists; choose another name (--plot) or allow overwriting.");
		}
		List<Map<String, Double>> earlier = resume && Files.exists(op.checkpointPath()) ? Checkpoint.read(op.checkpointPath()).history()
			: List.of();
		ConsoleProgress progress = new ConsoleProgress(System.err, json).cancelOnInterrupt();
		try (TrainingLog csv = new TrainingLog(logPath, overwrite || resume, earlier)) {
			Printer printer = new Printer(progress, csv, plotPath, printEvery, earlier, output.getFileName().toString());
			TrainOperation.Result r = op.run(progress, printer, new TrainingControl());
			LossPlot.writePng("Training losses: " + output.getFileName(), r.outcome().history(), plotPath);
			progress.done();
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("command", spec.name());
			s.put("version", Version.get());
			s.putAll(r.summary());
			s.put("log", logPath.toAbsolutePath().toString());
			s.put("plot", plotPath.toAbsolutePath().toString());
			if (json) {
				JsonOutput.print(spec.commandLine().getOut(), s);
			}
			else {
				PrintWriter err = spec.commandLine().getErr();
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

	/** The --shrink option as a factor, 0 for auto. */
	int shrinkFactor() {
		if (shrink.equalsIgnoreCase("auto")) return 0;
		int f;
		try {
			f = Integer.parseInt(shrink.trim());
		}
		catch (NumberFormatException e) {
			throw new UserException("--shrink takes a whole number or auto, got '" + shrink + "'.");
		}
		if (f < 1) throw new UserException("--shrink takes a whole number of at least 1, or auto; got " + f + ".");
		return f;
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
	static final class Printer implements TrainingListener {
		private final ConsoleProgress progress;
		private final TrainingLog csv;
		private final Path plot;
		private final int every;
		private final String title;
		private final List<Map<String, Double>> history = new ArrayList<>();

		Printer(ConsoleProgress progress, TrainingLog csv, Path plot, int every, List<Map<String, Double>> earlier, String title) {
			this.history.addAll(earlier);
			this.progress = progress;
			this.csv = csv;
			this.plot = plot;
			this.every = every;
			this.title = title;
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
			if (history.isEmpty()) return;
			try {
				LossPlot.writePng("Training losses: " + title, history, plot);
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
