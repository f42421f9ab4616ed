package org.cyclecolor.fiji;

import java.util.Map;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.cyclecolor.metrics.SsimMode;
import org.cyclecolor.pipeline.SsimMapOperation;
import org.cyclecolor.pipeline.SsimMapResult;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins &gt; Cycle Colorization &gt; SSIM Map...: the SSIM map of two open images, the mean
 * values in the "SSIM Map Results" table.
 * <p>
 * Macro: {@code run("SSIM Map...", "image1=a.png image2=b.png mode=luminance data_range=0 components");}
 * (every key has a default, used whenever a macro leaves it out; data_range=0 follows the image type).
 */
@Plugin(type = Command.class, headless = true, menu = { @Menu(label = MenuOrder.PLUGINS), @Menu(label = MenuOrder.SUITE),
	@Menu(label = "SSIM Map...", weight = MenuOrder.SSIM_MAP) },
	description = "Structural similarity map of two images (Gaussian 11x11, sigma 1.5)")
public final class SsimMapCommand extends SuiteCommand {

	/** The results table the command appends one row to per run. */
	public static final String TABLE = "SSIM Map Results";

	@Parameter(label = "First image")
	private ImagePlus image1;

	@Parameter(label = "Second image")
	private ImagePlus image2;

	// persist = false: a macro that leaves a key out gets its default, not the last value used.
	@Parameter(label = "Channels", persist = false, choices = { "luminance", "rgb", "cbcr", "r", "g", "b", "cb", "cr" },
		description = "luminance: Y of colour images (gray ones as they are); rgb, cbcr: channels averaged; or one channel")
	private String mode = "luminance";

	@Parameter(label = "Data range (0 = from image type)", min = "0", persist = false,
		description = "255 for 8-bit and RGB, 65535 for 16-bit, max - min of both images for 32-bit")
	private double data_range = 0;

	@Parameter(label = "Luminance, contrast, structure maps", persist = false)
	private boolean components = false;

	@Parameter(type = ItemIO.OUTPUT, label = "SSIM map")
	private ImagePlus ssim_map;

	@Parameter(type = ItemIO.OUTPUT, label = "l, c, s maps", required = false)
	private ImagePlus lcs_maps;

	private SsimMapResult result;

	@Override
	String title() {
		return "SSIM Map";
	}

	@Override
	void work(StatusProgress progress) {
		SsimMode m = SsimMapOperation.parseMode(mode);
		result = new SsimMapOperation(image1, image2).mode(m).dataRange(data_range).components(components).run(progress);
		ssim_map = result.mapImage();
		lcs_maps = result.componentsImage();
		addToTable(result.summary());
	}

	/** The result of the last run (for scripts and tests); null when it failed. */
	public SsimMapResult result() {
		return result;
	}

	/** One row per run in the results table (shown when there is a display; logged otherwise). */
	private void addToTable(Map<String, Object> summary) {
		ResultsTable rt = ResultsTable.getResultsTable(TABLE);
		if (rt == null) rt = new ResultsTable();
		rt.incrementCounter();
		for (Map.Entry<String, Object> e : summary.entrySet()) {
			Object v = e.getValue();
			if (v instanceof Number) rt.addValue(e.getKey(), ((Number) v).doubleValue());
			else rt.addValue(e.getKey(), String.valueOf(v));
		}
		rt.setDecimalPlaces(rt.getColumnIndex("ssim"), 6);
		if (hasDisplay()) rt.show(TABLE);
		else log.info(String.format(java.util.Locale.ROOT, "SSIM Map: %s vs %s, %s: ssim %.6f", summary.get("image1"),
			summary.get("image2"), summary.get("mode"), (Double) summary.get("ssim")));
	}
}
