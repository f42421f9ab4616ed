package org.cyclecolor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import ij.ImagePlus;

import org.cyclecolor.UserException;
import org.cyclecolor.Version;
import org.cyclecolor.image.ImageFiles;
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
		long t0 = System.nanoTime();
		options.validate(spec);
		PrintWriter out = spec.commandLine().getOut();
		ConsoleProgress progress = new ConsoleProgress(System.err, options.json).cancelOnInterrupt();
		try {
			Outputs files = new Outputs(options.overwrite, options.gray, options.color);
			ImagePlus gray = ImageFiles.read(options.gray), color = ImageFiles.read(options.color);
			files.check(map, Outputs.mapLike());
			files.check(reconstruction, Outputs.colorLike(new ImagePlus("like", new ij.process.ByteProcessor(1, 1))));
			files.check(output, Outputs.colorLike(gray));
			files.check(composite, Outputs.colorLike(new ImagePlus("like", new ij.process.ByteProcessor(1, 1))));
			if (groundTruth != null && composite == null) {
				throw new UserException("--ground-truth adds a panel to the --composite figure; give --composite FILE too.");
			}
			ImagePlus truth = groundTruth == null ? null : ImageFiles.read(groundTruth);
			long tRead = System.nanoTime();
			ColorizeResult r = options.operation(gray, color).cycle(true, authorsSecondPass).run(progress);
			long tRun = System.nanoTime();
			progress.report(1, "writing");
			if (map != null) ImageFiles.write(r.cycleMapImage(), map, options.overwrite);
			if (reconstruction != null) ImageFiles.write(r.reconstructionImage(), reconstruction, options.overwrite);
			if (output != null) ImageFiles.write(r.colorizedImage(), output, options.overwrite);
			if (composite != null) ImageFiles.write(r.compositeImage(truth), composite, options.overwrite);
			long tEnd = System.nanoTime();
			progress.done();

			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("command", "cycle");
			summary.put("version", Version.get());
			summary.put("gray", options.gray.toAbsolutePath().toString());
			summary.put("color", options.color.toAbsolutePath().toString());
			summary.putAll(r.summary());
			Map<String, Object> outputs = new LinkedHashMap<>();
			outputs.put("map", Outputs.abs(map));
			outputs.put("reconstruction", Outputs.abs(reconstruction));
			outputs.put("colorized", Outputs.abs(output));
			outputs.put("composite", Outputs.abs(composite));
			summary.put("outputs", outputs);
			summary.put("notes", r.notes());
			Outputs.timings(summary, t0, tRead, tRun, tEnd);
			if (options.json) JsonOutput.print(out, summary);
			else {
				out.printf(Locale.ROOT, "Cycle SSIM %.4f on Cb, Cr (Cb %.4f, Cr %.4f); %.4f on RGB  (%s, %s second pass, %.1f s)%n",
					(Double) summary.get("cycle_ssim_cbcr"), (Double) summary.get("cycle_ssim_cb"), (Double) summary.get("cycle_ssim_cr"),
					(Double) summary.get("cycle_ssim_rgb"), summary.get("variant"), summary.get("cycle_second_pass"), (tEnd - t0) / 1e9);
				if (map != null) out.println("  map: " + map);
				out.flush();
			}
			return ExitCode.OK;
		}
		finally {
			progress.done();
		}
	}
}
