package org.cyclecolor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import ij.ImagePlus;

import org.cyclecolor.UserException;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.metrics.SsimMode;
import org.cyclecolor.pipeline.SsimMapOperation;
import org.cyclecolor.pipeline.SsimMapResult;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cyclecolor ssim}: mean SSIM of two images, and optionally the map and the l, c, s stack. */
@Command(name = "ssim", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
	sortOptions = false, usageHelpAutoWidth = true,
	header = "SSIM of two images: the mean, the SSIM map, and the luminance, contrast and structure maps.",
	description = { "Structural similarity (SSIM) of two images of one size: the mean, and optionally the SSIM map "
		+ "and the luminance, contrast and structure maps. Gaussian window 11x11, sigma 1.5, K1 0.01, K2 0.03; "
		+ "means exclude 5 pixels at each edge, as scikit-image does.", "" },
	footer = { "", "Examples:", "  cyclecolor ssim result.png reference.png",
		"  cyclecolor ssim --mode cbcr -o ssim-map.tif --components lcs.tif result.png reference.png --json",
		"", "Exit codes: 0 done, 2 wrong command line, 3 input to fix (message says how), 1 unexpected, 130 cancelled." })
public final class SsimCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "IMAGE1", description = "First image (gray or colour; PNG, TIFF, JPEG, BMP, PGM/PPM).")
	private Path image1;

	@Parameters(index = "1", paramLabel = "IMAGE2", description = "Second image, same size.")
	private Path image2;

	@Option(names = { "-m", "--mode" }, paramLabel = "MODE", defaultValue = "luminance",
		description = "Channels to compare: luminance (Y; gray images as they are), rgb (R, G, B averaged), "
			+ "cbcr (chroma, averaged), or one of r, g, b, cb, cr. Default: ${DEFAULT-VALUE}.")
	private String mode;

	@Option(names = { "-r", "--data-range" }, paramLabel = "R", defaultValue = "auto",
		description = "Data range: 'auto' follows the type (255 for 8-bit and RGB, 65535 for 16-bit, max - min of "
			+ "both images for 32-bit), or a positive number. Default: ${DEFAULT-VALUE}.")
	private String dataRange;

	@Option(names = { "-o", "--output" }, paramLabel = "FILE",
		description = "Write the SSIM map here (32-bit TIFF, .tif), with a colour table and calibration bar.")
	private Path output;

	@Option(names = { "-c", "--components" }, paramLabel = "FILE",
		description = "Write the luminance, contrast and structure maps here (a 3-plane 32-bit TIFF, .tif).")
	private Path components;

	@Option(names = "--overwrite", description = "Replace output files that exist (never the input images).")
	private boolean overwrite;

	@Option(names = "--json", description = "Print a JSON summary on standard output (messages go to standard error).")
	private boolean json;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		long t0 = System.nanoTime();
		PrintWriter out = spec.commandLine().getOut();
		ConsoleProgress progress = new ConsoleProgress(System.err, json).cancelOnInterrupt();
		try {
			SsimMode m;
			double range;
			try {
				m = SsimMapOperation.parseMode(mode);
				range = parseRange(dataRange);
			}
			catch (UserException e) {
				throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
			}
			Outputs files = new Outputs(overwrite, image1, image2);
			files.check(output, Outputs.mapLike());
			files.check(components, Outputs.stackLike(3));

			progress.report(0, "reading images");
			ImagePlus a = ImageFiles.read(image1), b = ImageFiles.read(image2);
			long tRead = System.nanoTime();
			SsimMapResult r = new SsimMapOperation(a, b).mode(m).dataRange(range).components(components != null)
				.run(progress.sub(0.05, 0.9));
			long tSsim = System.nanoTime();
			progress.report(0.9, "writing");
			if (output != null) ImageFiles.write(r.mapImage(), output, overwrite);
			if (components != null) ImageFiles.write(r.componentsImage(), components, overwrite);
			long tEnd = System.nanoTime();
			progress.report(1, "done");
			progress.done();

			Map<String, Object> summary = JsonOutput.header("ssim");
			summary.putAll(r.summary());
			summary.put("image1", image1.toAbsolutePath().toString());
			summary.put("image2", image2.toAbsolutePath().toString());
			Map<String, Object> outputs = new LinkedHashMap<>();
			outputs.put("map", output == null ? null : output.toAbsolutePath().toString());
			outputs.put("components", components == null ? null : components.toAbsolutePath().toString());
			summary.put("outputs", outputs);
			summary.put("notes", r.notes());
			Map<String, Object> timings = new LinkedHashMap<>();
			timings.put("read", ms(t0, tRead));
			timings.put("ssim", ms(tRead, tSsim));
			timings.put("write", ms(tSsim, tEnd));
			timings.put("total", ms(t0, tEnd));
			summary.put("timings_ms", timings);
			if (json) JsonOutput.print(out, summary);
			else printHuman(out, r, summary);
			return ExitCode.OK;
		}
		finally {
			progress.done();
		}
	}

	/** "auto" (or empty) means NaN, from the type; otherwise a positive number. */
	static double parseRange(String text) {
		String t = text.trim().toLowerCase(Locale.ROOT);
		if (t.isEmpty() || t.equals("auto")) return Double.NaN;
		double v;
		try {
			v = Double.parseDouble(t);
		}
		catch (NumberFormatException e) {
			throw new UserException("The data range '" + text + "' is not a number; give a positive number or 'auto'.");
		}
		if (!(v > 0) || Double.isInfinite(v)) {
			throw new UserException("The data range must be a positive number, got " + text + "; use e.g. 255, or 'auto'.");
		}
		return v;
	}

	private static double ms(long from, long to) {
		return Math.round((to - from) / 1e5) / 10.0;
	}

	private void printHuman(PrintWriter out, SsimMapResult r, Map<String, Object> s) {
		out.printf(Locale.ROOT, "SSIM %.6f  (%s, data range %s from %s; mean over %dx%d, %d px border excluded)%n",
			r.mean(), s.get("mode"), trim(r.dataRange()), s.get("data_range_source"), (int) s.get("width") - 2 * (int) s.get("border"),
			(int) s.get("height") - 2 * (int) s.get("border"), (int) s.get("border"));
		if (s.containsKey("ssim_" + r.ssim().channels().keySet().iterator().next().key())) {
			StringBuilder sb = new StringBuilder("  per channel:");
			r.ssim().channels().forEach((c, v) -> sb.append(String.format(Locale.ROOT, "  %s %.6f", c.key(), v.mean())));
			out.println(sb);
		}
		if (s.containsKey("luminance")) {
			out.printf(Locale.ROOT, "  luminance %.6f  contrast %.6f  structure %.6f%n", s.get("luminance"),
				s.get("contrast"), s.get("structure"));
		}
		if (output != null) out.println("  map: " + output);
		if (components != null) out.println("  l, c, s: " + components);
		out.flush();
	}

	private static String trim(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.6g", v);
	}
}
