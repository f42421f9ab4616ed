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

/** {@code cyclecolor cycle}: the cycle check, a quality score and map without ground truth. */
@Command(name = "cycle", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class, sortOptions = false,
	usageHelpAutoWidth = true, header = "Cycle check: colorize twice and compare the colour image with its reconstruction.",
	description = { "Colorizes the mono image with the colour image (as colorize does), then colorizes the colour image's "
		+ "luminance back with that result as reference (the paper's second pass, with the images flipped left to right). The "
		+ "SSIM of the reconstruction against the colour image, on Cb and Cr and on RGB, measures the colorization without "
		+ "ground truth; the SSIM map shows where it holds up.", "" },
	footer = { "", "Examples:", "  cyclecolor cycle --gray mono.png --color color.png -m authors.onnx --json",
		"  cyclecolor cycle --gray mono.png --color color.png -m model.onnx --map cycle.tif --reconstruction back.png -o result.png",
		"", "Exit codes: 0 done, 2 wrong command line, 3 input to fix (message says how), 1 unexpected, 130 cancelled." })
public final class CycleCommand implements Callable<Integer> {

	@Mixin
	private ColorizationOptions options;

	@Option(names = "--map", paramLabel = "FILE", description = "Write the cycle SSIM map (Cb, Cr) here (32-bit .tif, Fire LUT, calibration bar).")
	private Path map;

	@Option(names = "--reconstruction", paramLabel = "FILE", description = "Write the reconstructed colour image R'_C here (.png, .tif).")
	private Path reconstruction;

	@Option(names = { "-o", "--output" }, paramLabel = "FILE", description = "Also write the colorized mono image here.")
	private Path output;

	@Option(names = "--authors-second-pass",
		description = "Run the second pass as the authors' code does (the colour image keeps its own chroma; flatters the score).")
	private boolean authorsSecondPass;

	@Option(names = "--composite", paramLabel = "FILE",
		description = "Also write a side-by-side figure here (.png, .tif): mono input, colour reference, result and the cycle SSIM map with its colour bar, each titled.")
	private Path composite;

	@Option(names = "--ground-truth", paramLabel = "FILE", description = "The mono view's true colour: adds its panel to the --composite figure.")
	private Path groundTruth;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		try (ColorizationRun run = options.start(spec, groundTruth, composite, (files, gray) -> {
			files.check(map, Outputs.mapLike());
			files.check(reconstruction, Outputs.rgbLike());
			files.check(output, Outputs.colorLike(gray));
			files.check(composite, Outputs.rgbLike());
		})) {
			ImagePlus truth = run.groundTruth();
			ColorizeResult r = run.run(op -> op.cycle(true, authorsSecondPass));
			run.write(r.cycleMapImage(), map);
			run.write(r.reconstructionImage(), reconstruction);
			run.write(r.colorizedImage(), output);
			if (composite != null) run.write(r.compositeImage(truth), composite);
			Map<String, Object> outputs = new LinkedHashMap<>();
			outputs.put("map", Outputs.abs(map));
			outputs.put("reconstruction", Outputs.abs(reconstruction));
			outputs.put("colorized", Outputs.abs(output));
			outputs.put("composite", Outputs.abs(composite));
			run.report("cycle", r, outputs, (summary, seconds) -> String.format(Locale.ROOT,
				"Cycle SSIM %.4f on Cb, Cr (Cb %.4f, Cr %.4f); %.4f on RGB  (%s, %s second pass, %.1f s)%n",
				(Double) summary.get("cycle_ssim_cbcr"), (Double) summary.get("cycle_ssim_cb"), (Double) summary.get("cycle_ssim_cr"),
				(Double) summary.get("cycle_ssim_rgb"), summary.get("variant"), summary.get("cycle_second_pass"), seconds)
				+ (map != null ? "  map: " + map + System.lineSeparator() : ""));
			return ExitCode.OK;
		}
	}
}
