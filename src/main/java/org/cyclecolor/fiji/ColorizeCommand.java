package org.cyclecolor.fiji;

import java.io.File;

import ij.ImagePlus;

import org.cyclecolor.pipeline.ColorizeOperation;
import org.cyclecolor.pipeline.ColorizeResult;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins &gt; Cycle Colorization &gt; Colorize...: the mono camera's image in colour, with the colour
 * camera's image as reference; optionally the weight volume, disparity and confidence maps.
 * <p>
 * Macro: {@code run("Colorize...", "gray=mono.png color=color.png model=/models/authors.onnx max_disparity=0 color_side=auto");}
 */
@Plugin(type = Command.class, headless = true, menu = { @Menu(label = MenuOrder.PLUGINS), @Menu(label = MenuOrder.SUITE),
	@Menu(label = "Colorize...", weight = MenuOrder.COLORIZE) },
	description = "Colorize the mono camera's image with the colour camera's image (Cycle-CNN)")
public final class ColorizeCommand extends ColorizationCommand {

	@Parameter(label = "Also show the weight volume", persist = false)
	private boolean show_weights = false;

	@Parameter(label = "Also show the disparity maps", persist = false)
	private boolean show_disparity = false;

	@Parameter(label = "Also show the confidence maps", persist = false)
	private boolean show_confidence = false;

	@Parameter(label = "Also show a side-by-side figure", persist = false,
		description = "Mono input, colour reference, result, each titled, in one image for a paper")
	private boolean composite = false;

	@Parameter(label = "Ground truth for the figure (optional)", required = false, persist = false, style = "open",
		description = "The mono view's true colour, when known: adds a panel to the figure")
	private File ground_truth;

	@Parameter(type = ItemIO.OUTPUT, label = "Colorized")
	private ImagePlus colorized;

	@Parameter(type = ItemIO.OUTPUT, label = "Weight volume", required = false)
	private ImagePlus weight_volume;

	@Parameter(type = ItemIO.OUTPUT, label = "Disparity", required = false)
	private ImagePlus disparity;

	@Parameter(type = ItemIO.OUTPUT, label = "Confidence", required = false)
	private ImagePlus confidence;

	@Parameter(type = ItemIO.OUTPUT, label = "Composite figure", required = false)
	private ImagePlus figure;

	private ColorizeResult result;

	@Override
	String title() {
		return "Colorize";
	}

	@Override
	ColorizeOperation configure(ColorizeOperation op) {
		return op.weights(show_weights || show_disparity || show_confidence);
	}

	@Override
	void outputs(ColorizeResult r) {
		result = r;
		colorized = r.colorizedImage();
		if (composite) figure = composite(r, ground_truth);
		if (show_weights) weight_volume = r.weightVolumeImage();
		if (show_disparity) disparity = r.disparityImage();
		if (show_confidence) confidence = r.confidenceImage();
	}

	/** The result of the last run (for scripts and tests); null when it failed. */
	public ColorizeResult result() {
		return result;
	}
}
