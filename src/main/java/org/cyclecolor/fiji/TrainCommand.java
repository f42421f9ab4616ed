package org.cyclecolor.fiji;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.cyclecolor.UserException;
import org.cyclecolor.pipeline.TrainOperation;
import org.cyclecolor.pipeline.TrainSettings;
import org.cyclecolor.pipeline.TrainingRecorder;
import org.cyclecolor.train.TrainingControl;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins &gt; Cycle Colorization &gt; Train...: trains or fine-tunes the colorization network
 * (cycle losses on real pairs without ground truth, or supervised on synthesized pairs), or
 * pre-trains the structure-similarity network (mode ssm). Live loss plot, status bar, Finish and
 * Cancel; the loss log (CSV) and plot (PNG) are written beside the model, the checkpoint too.
 * <p>
 * Macro: {@code run("Train...", "data=/data/rig output=/data/rig.onnx color_side=left steps=500 crop=256x128");}
 * (every key has a default; see docs/commands/train.md).
 */
@Plugin(type = Command.class, headless = true, menu = { @Menu(label = MenuOrder.PLUGINS), @Menu(label = MenuOrder.SUITE),
	@Menu(label = "Train...", weight = MenuOrder.TRAIN) },
	description = "Train the colorization network on your own mono/colour pairs (the paper's cycle losses) or on synthesized pairs")
public final class TrainCommand extends SuiteCommand {

	@Parameter(label = "Training data (folder)", style = FileWidget.DIRECTORY_STYLE, persist = false,
		description = "A pairs folder (mono/ + color/), a list file, stereo scenes or photos")
	private File data = new File("");

	@Parameter(label = "Model to write (.onnx)", style = FileWidget.SAVE_STYLE, persist = false)
	private File output = new File("");

	@Parameter(label = "Mode", choices = { "cycle", "supervised", "refinement", "ssm" }, persist = false,
		description = "cycle: no ground truth needed (the paper's); supervised: synthesized pairs; refinement: the refinement network "
			+ "alone on synthesized pairs; ssm: pre-train the structure network")
	private String mode = "cycle";

	@Parameter(label = "Start from", persist = false, description = "default (the shipped model), scratch, or the path of a model file")
	private String init = "default";

	@Parameter(label = "Structure loss", choices = { "learned", "ssim", "none" }, persist = false,
		description = "learned: the pre-trained structure-similarity network (the paper's); ssim: SSIM itself; none: off")
	private String structure_loss = "learned";

	@Parameter(label = "Structure network model (optional)", required = false, persist = false,
		description = "A model written by pre-training (mode ssm); empty: the starting model's network, else the default model's")
	private File ssm;

	@Parameter(label = "Crop (WxH, after shrinking)", persist = false)
	private String crop = "512x256";

	@Parameter(label = "Steps", min = "1", persist = false)
	private int steps = 2000;

	@Parameter(label = "Learning rate (RMSProp)", min = "0", stepSize = "0.0001", persist = false)
	private double learning_rate = 1e-3;

	@Parameter(label = "Seed", persist = false)
	private long seed = 1;

	@Parameter(label = "Checkpoint every (steps)", min = "1", persist = false)
	private int checkpoint_every = 100;

	@Parameter(label = "Threads (0 = one per core)", min = "0", persist = false)
	private int threads = 0;

	@Parameter(label = "Train the refinement CNN", persist = false)
	private boolean refinement = true;

	@Parameter(label = "Synthesized pairs: cameras and noise", choices = { "clean", "noisy", "mixed", "camera" }, persist = false)
	private String preset = "clean";

	@Parameter(label = "Stereo scenes and photos: mono view", choices = { "left", "right", "both" }, persist = false)
	private String gray_view = "left";

	@Parameter(label = "Pairs folders: colour camera side", choices = { "auto", "left", "right" }, persist = false)
	private String color_side = "auto";

	@Parameter(label = "Largest disparity (px, 0 = known or estimated)", min = "0", persist = false)
	private int max_disparity = 0;

	@Parameter(label = "Resume the run in the checkpoint", persist = false)
	private boolean resume = false;

	@Parameter(label = "Overwrite an existing model and checkpoint", persist = false)
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Model")
	private String model;

	private TrainOperation.Result result;
	private TrainingMonitor monitor;
	private Path checkpoint;

	@Override
	String title() {
		return "Train";
	}

	@Override
	boolean stopRequested() {
		return monitor != null && monitor.cancelRequested();
	}

	@Override
	String cancelledMessage() {
		return "Training was cancelled; no model was written. The checkpoint " + checkpoint + " keeps the run (resume it "
			+ "with 'Resume the run in the checkpoint').";
	}

	@Override
	void work(StatusProgress progress) {
		if (data == null || data.getPath().isEmpty()) throw new UserException("Choose the training data folder.");
		if (output == null || output.getPath().isEmpty()) throw new UserException("Choose the model file to write (.onnx).");
		TrainOperation op = settings().operation(List.of(data.toPath()), output.toPath(), "Fiji Train... " + macroOptions());
		checkpoint = op.checkpointPath();
		Path out = output.toPath();
		TrainingControl control = new TrainingControl();
		try (TrainingRecorder recorder = new TrainingRecorder(TrainingRecorder.besideModel(out, "-losses.csv"),
			TrainingRecorder.besideModel(out, "-losses.png"), out.getFileName().toString(), op.config(), resume, op.checkpointPath(),
			overwrite, progress); TrainingMonitor m = new TrainingMonitor(recorder, control, progress, out.getFileName().toString(), 20,
				hasDisplay())) {
			monitor = m;
			result = op.run(progress, m, control);
			recorder.writePlot();
		}
		model = result.model().toAbsolutePath().toString();
		log.info(String.format(Locale.ROOT, "Train: wrote %s (%s, %d steps, %s); losses in %s.", model, result.outcome().ending()
			.name().toLowerCase(Locale.ROOT), result.outcome().step(), result.summary().get("parity"),
			TrainingRecorder.besideModel(out, "-losses.csv")));
	}

	/** The result of the last run (for scripts and tests); null when it failed or was cancelled. */
	public TrainOperation.Result result() {
		return result;
	}

	/** Presses Finish (for scripts and tests): stop after the current step and write the model. */
	public void finish() {
		if (monitor != null) monitor.requestFinish();
	}

	/** Presses Cancel (for scripts and tests): stop after the current step, write no model. */
	public void cancelTraining() {
		if (monitor != null) monitor.requestCancel();
	}

	private TrainSettings settings() {
		TrainSettings s = new TrainSettings();
		s.mode = mode;
		s.init = init == null || init.isBlank() ? "default" : init.trim();
		s.structureLoss = structure_loss;
		s.ssm = ssm == null || ssm.getPath().isEmpty() ? null : ssm.toPath();
		s.crop = crop;
		s.steps = steps;
		s.learningRate = learning_rate;
		s.seed = seed;
		s.checkpointEvery = checkpoint_every;
		s.threads = threads;
		s.refinement = refinement;
		s.preset = preset;
		s.grayView = gray_view;
		s.colorSide = color_side.equals("auto") ? "" : color_side;
		s.maxDisparity = max_disparity;
		s.resume = resume;
		s.overwrite = overwrite;
		return s;
	}

	/** The run's options as a macro would give them (recorded in the model). */
	private String macroOptions() {
		return String.format(Locale.ROOT, "data=[%s] output=[%s] mode=%s init=[%s] structure_loss=%s%s crop=%s steps=%d learning_rate=%s "
			+ "seed=%d checkpoint_every=%d threads=%d%s preset=%s gray_view=%s color_side=%s max_disparity=%d%s%s", data, output, mode,
			init, structure_loss, ssm == null ? "" : " ssm=[" + ssm + "]", crop, steps, learning_rate, seed, checkpoint_every, threads,
			refinement ? " refinement" : "", preset, gray_view, color_side, max_disparity, resume ? " resume" : "",
			overwrite ? " overwrite" : "");
	}
}
