package org.cyclecolor.fiji;

import java.io.File;

import ij.ImagePlus;

import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.pipeline.ColorizeOperation;
import org.cyclecolor.pipeline.ColorizeResult;
import org.scijava.plugin.Parameter;

/**
 * What Colorize..., Cycle Check... and Weight Volume... share: the pair, the model and the search
 * and runtime settings (macro keys are the field names; every key has a default and none
 * persists, so a macro that leaves one out gets the default), and running the operation
 * ({@link SuiteCommand}: progress in the status bar, Esc to cancel, a mistake shown as one sentence).
 */
abstract class ColorizationCommand extends SuiteCommand {

	@Parameter(label = "Gray (mono camera) image")
	protected ImagePlus gray;

	@Parameter(label = "Colour camera image")
	protected ImagePlus color;

	@Parameter(label = "Model (.onnx; empty: the bundled one)", required = false, persist = false, style = "open,extensions:onnx",
		description = "A model from Import Authors' Model... or from training; empty uses the model bundled with the suite")
	protected File model;

	@Parameter(label = "Max disparity (px; 0 = automatic)", min = "0", persist = false,
		description = "Largest shift between matching pixels of the two images, in pixels of the full images")
	protected int max_disparity = 0;

	@Parameter(label = "Colour camera side", choices = { "auto", "left", "right" }, persist = false,
		description = "Where the colour camera sits, i.e. the direction in which matches are searched; auto tells it from the images")
	protected String color_side = "auto";

	@Parameter(label = "Working scale (1/n; 0 = automatic)", min = "0", persist = false,
		description = "The network sees both images shrunk by this factor; automatic fits the disparities and the model's working width (512 px for the default model, 256 for cyclecnn)")
	protected int scale = 0;

	@Parameter(label = "Refine (when the model has a refinement network)", persist = false)
	protected boolean refine = true;

	@Parameter(label = "Chroma upsampling", choices = { "joint-bilateral", "guided-filter", "bilinear" }, persist = false)
	protected String upsampler = "joint-bilateral";

	@Parameter(label = "Device", choices = { "auto", "cpu", "cuda" }, persist = false,
		description = "auto: CUDA when an NVIDIA GPU is usable, else the CPU")
	protected String device = "auto";

	@Parameter(label = "Threads (0 = one per core)", min = "0", persist = false)
	protected int threads = 0;

	/**
	 * The side-by-side figure of the result ({@link ColorizeResult#compositeImage}), with the ground
	 * truth panel when a file is given.
	 */
	static ImagePlus composite(ColorizeResult r, File truth) {
		boolean none = truth == null || truth.getPath().trim().isEmpty();
		return r.compositeImage(none ? null : ImageFiles.read(truth.toPath()));
	}

	/** Sets the command's outputs from the result. */
	abstract void outputs(ColorizeResult result);

	/** What the command adds to the operation (weights, cycle check). */
	abstract ColorizeOperation configure(ColorizeOperation op);

	@Override
	void work(StatusProgress progress) {
		ColorizeOperation op = new ColorizeOperation(gray, color)
			.model(model == null || model.getPath().trim().isEmpty() ? null : model.toPath())
			.maxDisparity(max_disparity == 0 ? null : max_disparity).colorSide(ColorizeOperation.parseSide(color_side)).scale(scale)
			.refine(refine).upsampler(ColorizeOperation.parseUpsampler(upsampler)).device(ColorizeOperation.parseDevice(device))
			.threads(threads);
		outputs(configure(op).run(progress));
	}
}
