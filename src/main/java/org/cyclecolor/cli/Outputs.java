package org.cyclecolor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import org.cyclecolor.UserException;
import org.cyclecolor.image.ImageFiles;

/**
 * The output files of a command, checked before any work: a known format that holds the image,
 * not an input image, not named twice, and not existing unless overwriting is allowed.
 */
final class Outputs {

	private final boolean overwrite;
	private final Path[] inputs;
	private final List<Path> seen = new ArrayList<>();

	Outputs(boolean overwrite, Path... inputs) {
		this.overwrite = overwrite;
		this.inputs = inputs;
	}

	void check(Path path, ImagePlus like) {
		if (path == null) return;
		Path norm = path.toAbsolutePath().normalize();
		for (Path input : inputs) {
			if (input != null && ImageFiles.isSameFile(path, input)) {
				throw new UserException("The output " + path + " is one of the input images; choose another file name.");
			}
		}
		if (seen.contains(norm)) throw new UserException("Two outputs would go to " + path + "; give each its own file name.");
		seen.add(norm);
		ImageFiles.checkOutput(path, like, overwrite);
	}

	/** An image of the type a colorization of {@code gray} has. */
	static ImagePlus colorLike(ImagePlus gray) {
		int depth = gray.getBitDepth();
		if (depth == 8 || depth == 24) return new ImagePlus("like", new ColorProcessor(1, 1));
		ImageStack st = new ImageStack(1, 1);
		for (int c = 0; c < 3; c++) st.addSlice(depth == 16 ? new ShortProcessor(1, 1) : new FloatProcessor(1, 1));
		ImagePlus imp = new ImagePlus("like", st);
		imp.setDimensions(3, 1, 1);
		return imp;
	}

	/** An 8-bit RGB image (figures, the cycle reconstruction). */
	static ImagePlus rgbLike() {
		return new ImagePlus("like", new ColorProcessor(1, 1));
	}

	/** A 32-bit stack of {@code n} planes. */
	static ImagePlus stackLike(int n) {
		ImageStack st = new ImageStack(1, 1);
		for (int i = 0; i < n; i++) st.addSlice(new FloatProcessor(1, 1));
		return new ImagePlus("like", st);
	}

	/** A 32-bit image of one plane. */
	static ImagePlus mapLike() {
		return new ImagePlus("like", new FloatProcessor(1, 1));
	}

	static String abs(Path p) {
		return p == null ? null : p.toAbsolutePath().toString();
	}

	/** Adds the command's own timings (read, run, write, total) to the operation's in the summary. */
	@SuppressWarnings("unchecked")
	static void timings(Map<String, Object> summary, long t0, long tRead, long tRun, long tEnd) {
		Map<String, Object> t = new LinkedHashMap<>();
		t.put("read", ms(t0, tRead));
		Object op = summary.get("timings_ms");
		if (op instanceof Map) t.putAll((Map<String, Object>) op);
		t.remove("total");
		t.put("write", ms(tRun, tEnd));
		t.put("total", ms(t0, tEnd));
		summary.put("timings_ms", t);
	}

	private static double ms(long from, long to) {
		return Math.round((to - from) / 1e5) / 10.0;
	}
}
