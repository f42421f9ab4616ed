package org.cyclecolor.fiji;

import ij.ImagePlus;

import org.cyclecolor.pipeline.ColorizeOperation;
import org.cyclecolor.pipeline.ColorizeResult;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins &gt; Cycle Colorization &gt; Weight Volume...: the network's weight volume W of a pair as a
 * hyperstack (one slice per candidate, calibrated with its disparity), the best and mean disparity
 * maps, and the confidence maps (largest weight, normalised entropy), at the working scale.
 * <p>
 * Macro: {@code run("Weight Volume...", "gray=mono.png color=color.png model=/models/authors.onnx");}
 */
@Plugin(type = Command.class, headless = true, menu = { @Menu(label = MenuOrder.PLUGINS), @Menu(label = MenuOrder.SUITE),
	@Menu(label = "Weight Volume...", weight = MenuOrder.WEIGHT_VOLUME) },
	description = "The colorization network's weight volume, best disparity and confidence maps")
public final class WeightVolumeCommand extends ColorizationCommand {

	@Parameter(type = ItemIO.OUTPUT, label = "Weight volume")
	private ImagePlus weight_volume;

	@Parameter(type = ItemIO.OUTPUT, label = "Disparity")
	private ImagePlus disparity;

	@Parameter(type = ItemIO.OUTPUT, label = "Confidence")
	private ImagePlus confidence;

	private ColorizeResult result;

	@Override
	String title() {
		return "Weight Volume";
	}

	@Override
	ColorizeOperation configure(ColorizeOperation op) {
		return op.weights(true);
	}

	@Override
	void outputs(ColorizeResult r) {
		result = r;
		weight_volume = r.weightVolumeImage();
		disparity = r.disparityImage();
		confidence = r.confidenceImage();
	}

	/** The result of the last run (for scripts and tests); null when it failed. */
	public ColorizeResult result() {
		return result;
	}
}
