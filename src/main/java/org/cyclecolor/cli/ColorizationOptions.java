package org.cyclecolor.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;

import org.cyclecolor.UserException;
import org.cyclecolor.infer.BundledModel;
import org.cyclecolor.pipeline.ColorizeOperation;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options {@code colorize} and {@code cycle} share: inputs, model, search and runtime settings. */
final class ColorizationOptions {

	@Option(names = "--gray", required = true, paramLabel = "FILE", description = "The mono camera's image (8, 16 or 32-bit).")
	Path gray;

	@Option(names = "--color", required = true, paramLabel = "FILE", description = "The colour camera's image, rectified with the gray one.")
	Path color;

	@Option(names = { "-m", "--model" }, paramLabel = "MODEL",
		description = "The .onnx model (e.g. from import-model), or a bundled one: default or cyclecnn (the paper-faithful network); "
			+ "default: the bundled default model.")
	String model;

	@Option(names = "--max-disparity", paramLabel = "PX", defaultValue = "auto",
		description = "Largest shift between matching pixels, in pixels: a number from 1 to the width - 1, or auto "
			+ "(estimated from the pair). Default: ${DEFAULT-VALUE}.")
	String maxDisparity;

	@Option(names = "--color-side", paramLabel = "SIDE", defaultValue = "auto",
		description = "Where the colour camera sits (the search direction): left, right or auto (told from the pair). Default: ${DEFAULT-VALUE}.")
	String colorSide;

	@Option(names = "--scale", paramLabel = "N", defaultValue = "auto",
		description = "Working scale: the network sees both images shrunk by this integer factor; auto fits the disparities and "
			+ "the model's working width (512 px for the default model, 256 for cyclecnn). Default: ${DEFAULT-VALUE}.")
	String scale;

	@Option(names = "--no-refine", description = "Skip the refinement network (run by default when the model has one).")
	boolean noRefine;

	@Option(names = "--upsampler", paramLabel = "NAME", defaultValue = "joint-bilateral",
		description = "How chroma returns to full resolution: joint-bilateral, guided-filter or bilinear. Default: ${DEFAULT-VALUE}.")
	String upsampler;

	@Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto",
		description = "auto (CUDA when an NVIDIA GPU is usable, else CPU), cpu or cuda. Default: ${DEFAULT-VALUE}.")
	String device;

	@Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "ONNX Runtime threads; 0 = one per core. Default: ${DEFAULT-VALUE}.")
	int threads;

	@Option(names = "--memory", paramLabel = "MB", defaultValue = "1024",
		description = "Memory one network run may use, in MB; larger pairs are processed in tiles. Default: ${DEFAULT-VALUE}.")
	long memoryMb;

	@Option(names = "--overwrite", description = "Replace output files that exist (never the input images).")
	boolean overwrite;

	@Option(names = "--json", description = "Print a JSON summary on standard output (messages go to standard error).")
	boolean json;

	/**
	 * Starts a run of these options: checks them, reads both images and refuses the command's
	 * outputs before any work (see {@link ColorizationRun}; close it when done).
	 */
	ColorizationRun start(CommandLine.Model.CommandSpec spec, Path groundTruth, Path composite,
		BiConsumer<Outputs, ij.ImagePlus> checkOutputs)
	{
		return new ColorizationRun(this, spec, groundTruth, composite, checkOutputs);
	}

	/** Parses every value now, so that a wrong one is a command-line error (exit 2) before any work. */
	void validate(CommandLine.Model.CommandSpec spec) {
		try {
			operation(null, null);
		}
		catch (UserException e) {
			throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
		}
	}

	/** The operation these options describe (the images already read). */
	ColorizeOperation operation(ij.ImagePlus grayImage, ij.ImagePlus colorImage) {
		return new ColorizeOperation(grayImage, colorImage).model(model == null ? null : BundledModel.resolve(model)).device(ColorizeOperation.parseDevice(device)).threads(threads)
			.maxDisparity(autoOrInt(maxDisparity, "max disparity", "--max-disparity 64"))
			.colorSide(ColorizeOperation.parseSide(colorSide)).scale(orZero(autoOrInt(scale, "scale", "--scale 4")))
			.refine(!noRefine).upsampler(ColorizeOperation.parseUpsampler(upsampler)).memoryBudget(memoryMb << 20);
	}

	private static int orZero(Integer v) {
		if (v != null && v < 1) throw new UserException("The scale must be a whole factor of 1 or more, or auto; got " + v + ".");
		return v == null ? 0 : v;
	}

	/** "auto" as null, else an integer. */
	static Integer autoOrInt(String text, String what, String example) {
		String t = text.trim().toLowerCase(Locale.ROOT);
		if (t.equals("auto")) return null;
		try {
			return Integer.valueOf(t);
		}
		catch (NumberFormatException e) {
			throw new UserException("The " + what + " '" + text + "' is neither a whole number nor auto; write e.g. " + example + ".");
		}
	}
}
