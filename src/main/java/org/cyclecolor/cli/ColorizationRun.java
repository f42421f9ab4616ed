package org.cyclecolor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import ij.ImagePlus;

import org.cyclecolor.UserException;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.pipeline.ColorizeOperation;
import org.cyclecolor.pipeline.Composite;
import org.cyclecolor.pipeline.ColorizeResult;

import picocli.CommandLine;

/**
 * One run of {@code colorize} or {@code cycle}, what the two share around their own outputs: the
 * options checked, the progress bar, both images read and every output refused before any work
 * ({@link ColorizationOptions#start}); the operation run; the outputs written; the summary (command,
 * version, inputs, the operation's summary, outputs, notes, timings) printed as JSON or one line.
 * Close it to end the progress bar whatever happened.
 */
final class ColorizationRun implements AutoCloseable {

	private final ColorizationOptions options;
	private final PrintWriter out;
	private final ConsoleProgress progress;
	private final ImagePlus gray, color, truth;
	private final long t0, tRead;
	private long tRun, tEnd;

	/**
	 * @param groundTruth the mono view's true colour for the composite figure, or null; an input like
	 *        the two images (never an output), read and checked against the mono image's size now
	 * @param composite the composite figure's file, or null (a ground truth needs one)
	 * @param checkOutputs refuses the command's outputs, given the checker and the gray image read (its type is the result's)
	 */
	ColorizationRun(ColorizationOptions options, CommandLine.Model.CommandSpec spec, Path groundTruth, Path composite,
		BiConsumer<Outputs, ImagePlus> checkOutputs)
	{
		t0 = System.nanoTime();
		options.validate(spec);
		this.options = options;
		out = spec.commandLine().getOut();
		progress = new ConsoleProgress(System.err, options.json).cancelOnInterrupt();
		try {
			if (groundTruth != null && composite == null) {
				throw new UserException("--ground-truth adds a panel to the --composite figure; give --composite FILE too.");
			}
			Outputs files = new Outputs(options.overwrite, options.gray, options.color, groundTruth);
			gray = ImageFiles.read(options.gray);
			color = ImageFiles.read(options.color);
			truth = groundTruth == null ? null : ImageFiles.read(groundTruth);
			// a ground truth that cannot go into the figure is refused before anything is written
			if (truth != null) Composite.truth(truth, gray.getWidth(), gray.getHeight());
			checkOutputs.accept(files, gray);
		}
		catch (RuntimeException e) {
			progress.done();
			throw e;
		}
		tRead = System.nanoTime();
	}

	/** Runs the operation the options describe, with the command's own settings added. */
	ColorizeResult run(UnaryOperator<ColorizeOperation> settings) {
		ColorizeResult r = settings.apply(options.operation(gray, color)).run(progress);
		tRun = System.nanoTime();
		progress.report(1, "writing");
		return r;
	}

	/** The ground truth for the {@code --composite} figure, read and checked at the start (null when none is given). */
	ImagePlus groundTruth() {
		return truth;
	}

	/** Writes one output, when it was asked for. */
	void write(ImagePlus image, Path path) {
		if (path != null) ImageFiles.write(image, path, options.overwrite);
	}

	/**
	 * Ends the work (progress bar done) and prints the summary: JSON with {@code --json}, else
	 * the line {@code human} makes of the summary and the seconds taken.
	 */
	void report(String command, ColorizeResult r, Map<String, Object> outputs, HumanLine human) {
		tEnd = System.nanoTime();
		progress.done();
		Map<String, Object> summary = JsonOutput.header(command);
		summary.put("gray", options.gray.toAbsolutePath().toString());
		summary.put("color", options.color.toAbsolutePath().toString());
		summary.putAll(r.summary());
		summary.put("outputs", outputs);
		summary.put("notes", r.notes());
		Outputs.timings(summary, t0, tRead, tRun, tEnd);
		if (options.json) JsonOutput.print(out, summary);
		else {
			out.print(human.line(summary, (tEnd - t0) / 1e9));
			out.flush();
		}
	}

	@Override
	public void close() {
		progress.done();
	}

	/** The command's human-readable result (lines ending with a line break). */
	interface HumanLine {
		String line(Map<String, Object> summary, double seconds);
	}
}
