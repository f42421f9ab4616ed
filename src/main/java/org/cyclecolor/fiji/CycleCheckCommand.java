package org.cyclecolor.fiji;

import java.io.File;
import java.util.Locale;
import java.util.Map;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.cyclecolor.pipeline.ColorizeOperation;
import org.cyclecolor.pipeline.ColorizeResult;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins &gt; Cycle Colorization &gt; Cycle Check...: colorizes the pair, then the colour image's
 * luminance back from the result; the SSIM map of the reconstruction against the colour image (Cb,
 * Cr) shows without ground truth where the colorization holds up. Means in the "Cycle Check
 * Results" table.
 * <p>
 * Macro: {@code run("Cycle Check...", "gray=mono.png color=color.png model=/models/authors.onnx");}
 */
@Plugin(type = Command.class, headless = true, menu = { @Menu(label = MenuOrder.PLUGINS), @Menu(label = MenuOrder.SUITE),
	@Menu(label = "Cycle Check...", weight = MenuOrder.CYCLE_CHECK) },
	description = "Cycle check: colorize twice and compare the colour image with its reconstruction (SSIM map)")
public final class CycleCheckCommand extends ColorizationCommand {

	/** The results table the command appends one row to per run. */
	public static final String TABLE = "Cycle Check Results";

	@Parameter(label = "Second pass as in the authors' code (flatters the score)", persist = false,
		description = "The colour image keeps its own chroma in the second pass, as in the authors' released code")
	private boolean authors_second_pass = false;

	@Parameter(label = "Also show a side-by-side figure", persist = false,
		description = "Mono input, colour reference, result and the cycle SSIM map with its colour bar, each titled, in one image for a paper")
	private boolean composite = false;

	@Parameter(label = "Ground truth for the figure (optional)", required = false, persist = false, style = "open",
		description = "The mono view's true colour, when known: adds a panel to the figure")
	private File ground_truth;

	@Parameter(type = ItemIO.OUTPUT, label = "Cycle SSIM map (Cb, Cr)")
	private ImagePlus cycle_map;

	@Parameter(type = ItemIO.OUTPUT, label = "Reconstructed colour image")
	private ImagePlus reconstruction;

	@Parameter(type = ItemIO.OUTPUT, label = "Colorized")
	private ImagePlus colorized;

	@Parameter(type = ItemIO.OUTPUT, label = "Composite figure", required = false)
	private ImagePlus figure;

	private ColorizeResult result;

	@Override
	String title() {
		return "Cycle Check";
	}

	@Override
	ColorizeOperation configure(ColorizeOperation op) {
		return op.cycle(true, authors_second_pass);
	}

	@Override
	void outputs(ColorizeResult r) {
		result = r;
		cycle_map = r.cycleMapImage();
		reconstruction = r.reconstructionImage();
		colorized = r.colorizedImage();
		if (composite) figure = composite(r, ground_truth);
		addToTable(r.summary());
	}

	/** The result of the last run (for scripts and tests); null when it failed. */
	public ColorizeResult result() {
		return result;
	}

	private void addToTable(Map<String, Object> summary) {
		ResultsTable rt = ResultsTable.getResultsTable(TABLE);
		if (rt == null) rt = new ResultsTable();
		rt.incrementCounter();
		rt.addValue("gray", gray.getTitle());
		rt.addValue("color", color.getTitle());
		for (String k : new String[] { "cycle_ssim_cbcr", "cycle_ssim_cb", "cycle_ssim_cr", "cycle_ssim_rgb", "scale", "max_disparity" }) {
			rt.addValue(k, ((Number) summary.get(k)).doubleValue());
		}
		rt.addValue("color_side", String.valueOf(summary.get("color_side")));
		rt.addValue("variant", String.valueOf(summary.get("variant")));
		rt.addValue("second_pass", String.valueOf(summary.get("cycle_second_pass")));
		if (hasDisplay()) rt.show(TABLE);
		else log.info(String.format(Locale.ROOT, "Cycle Check: %s with %s: cycle SSIM %.4f (Cb, Cr), %.4f (RGB)", gray.getTitle(),
			color.getTitle(), (Double) summary.get("cycle_ssim_cbcr"), (Double) summary.get("cycle_ssim_rgb")));
	}
}
