package org.cyclecolor.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.train.Checkpoint;
import org.cyclecolor.train.TrainingConfig;
import org.cyclecolor.train.TrainingEvent;
import org.cyclecolor.train.TrainingListener;

/**
 * What every user interface keeps of a training run beside the model: the loss of every step as
 * CSV ({@link TrainingLog}) and the loss curves as PNG ({@link LossPlot}), redrawn at every
 * checkpoint and at the end. A resumed run starts from the checkpoint's history, so both files
 * always cover the whole run. Default names: the model's name with {@code -losses.csv} and
 * {@code -losses.png}.
 */
public final class TrainingRecorder implements TrainingListener, AutoCloseable {

	private final TrainingLog csv;
	private final Path plot;
	private final String title;
	private final Progress progress;
	private final List<Map<String, Double>> history = new ArrayList<>();

	/**
	 * @param model the model's name, for the plot's title
	 * @param config the run's settings, for the plot's title (a resumed run's come from its checkpoint)
	 * @param checkpoint the run's checkpoint: when resuming, its history is written first
	 * @param overwrite replace existing log and plot files (a resumed run always rewrites them)
	 */
	public TrainingRecorder(Path log, Path plot, String model, TrainingConfig config, boolean resume, Path checkpoint, boolean overwrite,
		Progress progress)
	{
		if (!overwrite && !resume && Files.exists(plot)) {
			throw new UserException("The loss plot " + plot + " already exists; choose another name or allow overwriting.");
		}
		TrainingConfig c = config;
		if (resume && Files.exists(checkpoint)) {
			Checkpoint earlier = Checkpoint.read(checkpoint);
			history.addAll(earlier.history());
			c = earlier.config();
		}
		this.csv = new TrainingLog(log, overwrite || resume, history);
		this.plot = plot;
		this.title = LossPlot.title(model, c);
		this.progress = progress;
	}

	/** The loss plot's title: the model and how it is trained. */
	public String title() {
		return title;
	}

	/** {@code <model name without .onnx><suffix>} beside the model. */
	public static Path besideModel(Path model, String suffix) {
		String name = model.getFileName().toString();
		String stem = name.toLowerCase(Locale.ROOT).endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
		return model.resolveSibling(stem + suffix);
	}

	public Path logPath() {
		return csv.path();
	}

	public Path plotPath() {
		return plot;
	}

	/** Every step so far (a resumed run's earlier steps included). */
	public List<Map<String, Double>> history() {
		return history;
	}

	@Override
	public void onStep(TrainingEvent e) {
		csv.onStep(e);
		history.add(e.terms());
	}

	@Override
	public void onCheckpoint(Path checkpoint, int step) {
		if (!history.isEmpty()) writePlot();
	}

	/** Draws the curves to the PNG (failures are logged: the plot is a convenience, the CSV the record). */
	public void writePlot() {
		try {
			LossPlot.writePng(title, history, plot);
		}
		catch (UserException e) {
			progress.log("Could not update the loss plot: " + e.getMessage());
		}
	}

	@Override
	public void close() {
		csv.close();
	}
}
