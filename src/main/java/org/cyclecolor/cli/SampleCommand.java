package org.cyclecolor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.cyclecolor.pipeline.GenerateSample;
import org.cyclecolor.synth.CameraModel;
import org.cyclecolor.synth.SampleGenerator;
import org.cyclecolor.synth.SamplePair;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cyclecolor sample}: renders a mono/colour pair with ground truth into a folder. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
	description = { "Render a synthetic mono/colour camera pair with its ground truth.",
		"A room scene with surfaces at several depths, seen by a mono camera (left view) and a noisier, "
			+ "blurrier colour camera (right view): mono(x) = color(x - d). Writes " + GenerateSample.MONO + ", "
			+ GenerateSample.COLOR + ", " + GenerateSample.GT_COLOR + ", " + GenerateSample.GT_DISPARITY + " and "
			+ GenerateSample.OCCLUSION + ". The same options always give the same pixels; the defaults reproduce "
			+ "the bundled sample-data/." })
public final class SampleCommand implements Callable<Integer> {

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Option(names = { "-o", "--output-dir" }, paramLabel = "DIR", defaultValue = "sample-data",
		description = "Folder for the files (created when missing; default: ${DEFAULT-VALUE}).")
	private Path outputDir;

	@Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Chooses textures and camera noise (default: ${DEFAULT-VALUE}).")
	private long seed;

	@Option(names = "--width", paramLabel = "PX", defaultValue = "512", description = "Image width in pixels (default: ${DEFAULT-VALUE}).")
	private int width;

	@Option(names = "--height", paramLabel = "PX", defaultValue = "384", description = "Image height in pixels (default: ${DEFAULT-VALUE}).")
	private int height;

	@Option(names = "--max-disparity", paramLabel = "PX", defaultValue = "40",
		description = "Disparity of the nearest surface in pixels (default: ${DEFAULT-VALUE}).")
	private double maxDisparity;

	@Option(names = "--overwrite", description = "Replace existing files of the same names.")
	private boolean overwrite;

	@Option(names = "--json", description = "Print a JSON summary on standard output.")
	private boolean json;

	@Override
	public Integer call() {
		SampleGenerator.Settings settings = new SampleGenerator.Settings(width, height, maxDisparity, seed).validate();
		ConsoleProgress progress = new ConsoleProgress(System.err, json).cancelOnInterrupt();
		GenerateSample.Result result = GenerateSample.run(settings, outputDir, overwrite, progress);
		progress.done();
		SamplePair pair = result.pair();
		float[] range = pair.disparity().minMax();
		double occluded = pair.occlusion().mean();
		if (json) {
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("command", "sample");
			summary.put("output_dir", outputDir.toAbsolutePath().normalize().toString());
			Map<String, String> files = new LinkedHashMap<>();
			result.files().forEach((name, path) -> files.put(name, path.toAbsolutePath().normalize().toString()));
			summary.put("files", files);
			summary.put("seed", seed);
			summary.put("width", width);
			summary.put("height", height);
			summary.put("color_side", "right");
			summary.put("disparity_min", range[0]);
			summary.put("disparity_max", range[1]);
			summary.put("occluded_fraction", occluded);
			summary.put("mono_camera", describe(pair.monoCamera()));
			summary.put("color_camera", describe(pair.colorCamera()));
			JsonOutput.print(spec.commandLine().getOut(), summary);
		}
		else {
			PrintWriter err = spec.commandLine().getErr();
			err.println(String.format(Locale.ROOT, "Wrote %d files to %s: %dx%d, disparity %.1f to %.1f px, %.1f %% of"
				+ " the mono pixels not visible in the colour view.", result.files().size(),
				outputDir.toAbsolutePath().normalize(), width, height, range[0], range[1], 100 * occluded));
			err.flush();
		}
		return ExitCode.OK;
	}

	private static Map<String, Object> describe(CameraModel c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("spectral_weights", List.of(c.spectral()));
		m.put("white_balance", c.whiteBalance());
		m.put("gain", c.gain());
		m.put("electrons_per_unit", c.electronsPerUnit());
		m.put("read_noise_electrons", c.readNoiseElectrons());
		m.put("blur_sigma_px", c.blurSigma());
		m.put("gamma", c.gamma());
		return m;
	}
}
