package org.cyclecolor.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import ij.ImagePlus;

import org.cyclecolor.pipeline.ColorizeResult;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cyclecolor colorize}: the mono image in colour, and optionally the weight volume and its maps. */
@Command(name = "colorize", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class, sortOptions = false,
	usageHelpAutoWidth = true, header = "Colorize the mono camera's image with the colour camera's image (Cycle-CNN).",
	description = { "Runs the colorization network on a rectified mono/colour pair: the network searches each row of the colour "
		+ "image for every gray pixel's match at a working scale that fits the disparities, the chroma is brought back to full "
		+ "resolution guided by the gray image and refined; the result keeps the gray image's luminance. Large pairs are "
		+ "processed in tiles within the memory budget.", "" },
	footer = { "", "Examples:", "  cyclecolor colorize --gray mono.png --color color.png -m authors.onnx -o result.png",
		"  cyclecolor colorize --gray mono.tif --color color.tif -m model.onnx -o result.tif --max-disparity 120 --color-side left "
			+ "--weights w.tif --disparity d.tif --confidence c.tif --json",
		"", "Exit codes: 0 done, 2 wrong command line, 3 input to fix (message says how), 1 unexpected, 130 cancelled." })
public final class ColorizeCommand implements Callable<Integer> {

	@Mixin
	private ColorizationOptions options;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "FILE",
		description = "The colorized image (.png, .tif, ...; 16/32-bit inputs give 16/32-bit 3-channel TIFFs).")
	private Path output;

	@Option(names = "--weights", paramLabel = "FILE", description = "Write the weight volume W here (.tif hyperstack, one slice per candidate).")
	private Path weights;

	@Option(names = "--disparity", paramLabel = "FILE", description = "Write the best and mean disparity maps here (.tif, 2 slices).")
	private Path disparity;

	@Option(names = "--confidence", paramLabel = "FILE", description = "Write the largest-weight and entropy maps here (.tif, 2 slices).")
	private Path confidence;

	@Option(names = "--composite", paramLabel = "FILE",
		description = "Also write a side-by-side figure here (.png, .tif): mono input, colour reference, result, each titled.")
	private Path composite;

	@Option(names = "--ground-truth", paramLabel = "FILE", description = "The mono view's true colour: adds its panel to the --composite figure.")
	private Path groundTruth;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		try (ColorizationRun run = options.start(spec, groundTruth, composite, (files, gray) -> {
			files.check(output, Outputs.colorLike(gray));
			files.check(weights, Outputs.stackLike(2));
			files.check(disparity, Outputs.stackLike(2));
			files.check(confidence, Outputs.stackLike(2));
			files.check(composite, Outputs.rgbLike());
		})) {
			ImagePlus truth = run.groundTruth();
			boolean keep = weights != null || disparity != null || confidence != null;
			ColorizeResult r = run.run(op -> op.weights(keep));
			run.write(r.colorizedImage(), output);
			run.write(r.weightVolumeImage(), weights);
			run.write(r.disparityImage(), disparity);
			run.write(r.confidenceImage(), confidence);
			if (composite != null) run.write(r.compositeImage(truth), composite);
			Map<String, Object> outputs = new LinkedHashMap<>();
			outputs.put("colorized", output.toAbsolutePath().toString());
			outputs.put("weights", Outputs.abs(weights));
			outputs.put("disparity", Outputs.abs(disparity));
			outputs.put("confidence", Outputs.abs(confidence));
			outputs.put("composite", Outputs.abs(composite));
			run.report("colorize", r, outputs, (summary, seconds) -> String.format(Locale.ROOT,
				"Colorized %s -> %s (%s, scale 1/%s, colour camera on the %s, %.1f s)%n", options.gray, output, summary.get("variant"),
				summary.get("scale"), summary.get("color_side"), seconds));
			return ExitCode.OK;
		}
	}
}
