package org.cyclecolor.pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cyclecolor.UserException;
import org.cyclecolor.train.TrainingEvent;
import org.cyclecolor.train.TrainingListener;

/**
 * The loss of every step as CSV ({@code step,<terms...>,steps_per_second,elapsed_seconds}), one
 * line per step, flushed as it goes so that a long run can be watched and plotted while it
 * trains. A resumed run rewrites the earlier steps from its checkpoint first, so the file always
 * holds the whole run.
 */
public final class TrainingLog implements TrainingListener, AutoCloseable {

	private final Path path;
	private final BufferedWriter out;
	private List<String> terms;
	/** Lines written: a log left without any (the run failed before its first step) is removed. */
	private int lines;

	/**
	 * @param earlier the steps done before (from a checkpoint), written first
	 */
	public TrainingLog(Path path, boolean overwrite, List<Map<String, Double>> earlier) {
		if (Files.exists(path) && !overwrite) {
			throw new UserException("The loss log " + path + " already exists; choose another name or allow overwriting.");
		}
		this.path = path;
		try {
			Path dir = path.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
			for (int i = 0; i < earlier.size(); i++) line(i + 1, earlier.get(i), Double.NaN, Double.NaN);
			lines = earlier.size();
			out.flush();
		}
		catch (IOException e) {
			throw new UserException("Cannot write the loss log " + path + " (" + e.getMessage() + "); check the folder.", e);
		}
	}

	public Path path() {
		return path;
	}

	@Override
	public void onStep(TrainingEvent e) {
		try {
			line(e.step(), e.terms(), e.stepsPerSecond(), e.elapsedSeconds());
			out.flush();
			lines++;
		}
		catch (IOException x) {
			throw new UserException("Cannot write the loss log " + path + " (" + x.getMessage() + ").", x);
		}
	}

	private void line(int step, Map<String, Double> values, double rate, double elapsed) throws IOException {
		if (terms == null) {
			terms = new ArrayList<>(values.keySet());
			out.write("step," + String.join(",", terms) + ",steps_per_second,elapsed_seconds\n");
		}
		StringBuilder sb = new StringBuilder().append(step);
		for (String t : terms) {
			Double v = values.get(t);
			sb.append(',').append(v == null ? "" : String.format(Locale.ROOT, "%.7g", v));
		}
		sb.append(',').append(Double.isNaN(rate) ? "" : String.format(Locale.ROOT, "%.4f", rate));
		sb.append(',').append(Double.isNaN(elapsed) ? "" : String.format(Locale.ROOT, "%.1f", elapsed));
		out.write(sb.append('\n').toString());
	}

	@Override
	public void close() {
		try {
			out.close();
			// A run refused before its first step (bad data, say) leaves no empty log in the way of the next.
			if (lines == 0) Files.deleteIfExists(path);
		}
		catch (IOException e) {
			throw new UserException("Cannot finish the loss log " + path + " (" + e.getMessage() + ").", e);
		}
	}
}
