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
import org.cyclecolor.pipeline.TrainOperation;
import org.cyclecolor.pipeline.TrainingRecorder;
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

	/** How long Ctrl+C waits for the current step to end and the checkpoint to be written. */
	static final int TRAINING_GRACE_SECONDS = 300;

	@Parameters(arity = "1..*", paramLabel = "DATASET", description = "Training data: pairs folders (mono/ + color/), list files, "
		+ "stereo scene folders, photo folders (several allowed).")
	List<Path> datasets;

	@Option(names = { "-o", "--output" }, paramLabel = "MODEL", required = true, description = "The model to write (.onnx).")
	Path output;

	@Option(names = "--variant", paramLabel = "NAME", defaultValue = "cyclecnn",
		description = "Architecture when starting from scratch (default: ${DEFAULT-VALUE}).")
	String variant;

	@Option(names = "--shrink", paramLabel = "N|auto", defaultValue = "auto",
		description = "Shrink every pair by this integer factor, or auto: as colorization shrinks it (its disparities fit the "
			+ "candidates, about the working width) (default: ${DEFAULT-VALUE}).")
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
		Path logPath = log != null ? log : TrainingRecorder.besideModel(output, "-losses.csv");
		Path plotPath = plot != null ? plot : TrainingRecorder.besideModel(output, "-losses.png");
		ConsoleProgress progress = new ConsoleProgress(System.err, json).cancelOnInterrupt(TRAINING_GRACE_SECONDS);
		try (TrainingRecorder recorder = new TrainingRecorder(logPath, plotPath, output.getFileName().toString(), op.config(), resume,
			op.checkpointPath(), overwrite, progress)) {
			TrainOperation.Result r = op.run(progress, new Printer(progress, recorder, printEvery), new TrainingControl());
			recorder.writePlot();
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

	/** The recorder's files, and the losses on standard error every few steps. */
	static final class Printer implements TrainingListener {
		private final ConsoleProgress progress;
		private final TrainingRecorder recorder;
		private final int every;

		Printer(ConsoleProgress progress, TrainingRecorder recorder, int every) {
			this.progress = progress;
			this.recorder = recorder;
			this.every = every;
		}

		@Override
		public void onStep(TrainingEvent e) {
			recorder.onStep(e);
			if (e.step() % every != 0 && e.step() != e.steps()) return;
			StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "step %d/%d", e.step(), e.steps()));
			for (Map.Entry<String, Double> t : e.terms().entrySet()) {
				sb.append(String.format(Locale.ROOT, "  %s %.4f", t.getKey(), t.getValue()));
			}
			sb.append(String.format(Locale.ROOT, "  %.3f steps/s  ETA %s", e.stepsPerSecond(), TrainingEvent.duration(e.etaSeconds())));
			progress.log(sb.toString());
		}

		@Override
		public void onCheckpoint(Path checkpoint, int step) {
			recorder.onCheckpoint(checkpoint, step);
		}
	}
}
