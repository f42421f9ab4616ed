package org.cyclecolor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.cyclecolor.UserException;
import org.cyclecolor.Version;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.pipeline.SynthesizeDataset;
import org.cyclecolor.synth.CameraModel;
import org.cyclecolor.synth.DatasetOptions;
import org.cyclecolor.synth.DatasetProblem;
import org.cyclecolor.synth.Datasets;
import org.cyclecolor.synth.Degradation;
import org.cyclecolor.synth.MonoColorProtocol;
import org.cyclecolor.synth.OnProblem;
import org.cyclecolor.synth.PairDataset;
import org.cyclecolor.synth.PhotoStereo;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cyclecolor synthesize}: writes a dataset as mono/, color/, gt/ and a manifest, to look at or reuse. */
@Command(name = "synthesize", mixinStandardHelpOptions = true, sortOptions = false,
	description = { "Write a dataset of mono/colour pairs to a folder, as training and evaluation see them.",
		"Reads colour stereo scenes (one view becomes the mono image, the other the colour reference, the mono view's "
			+ "colour the ground truth), single photos (made into stereo pairs with a random layered disparity), or "
			+ "ready-made pairs, applies the chosen cameras and noise, and writes mono/ID.png, color/ID.png, gt/ID-color.png, "
			+ "gt/ID-disparity.tif, gt/ID-occlusion.png and manifest.json. The same options always give the same pixels." })
public final class SynthesizeCommand implements Callable<Integer> {

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Option(names = "--from", required = true, paramLabel = "PATH",
		description = "Dataset to read: stereo scene folders, a photos folder, a pairs folder (mono/ + color/), pair folders, "
			+ "or a list file of 'mono,color' lines.")
	private Path from;

	@Option(names = { "-o", "--output-dir" }, required = true, paramLabel = "DIR", description = "Folder to write (created when missing).")
	private Path outputDir;

	@Option(names = "--kind", paramLabel = "KIND", defaultValue = "auto",
		description = "What --from holds: auto, pairs, stereo or photos (default: ${DEFAULT-VALUE}: recognised from the files).")
	private DatasetOptions.Kind kind;

	@Option(names = "--preset", paramLabel = "NAME", defaultValue = "clean",
		description = "Cameras and noise: clean (luma and the view as is), noisy (the paper's: Gaussian sigma 0.01 on mono, "
			+ "0.03 on colour), camera (two simulated cameras) (default: ${DEFAULT-VALUE}).")
	private String preset;

	@Option(names = "--gray-view", paramLabel = "VIEW", defaultValue = "left",
		description = "Which stereo view becomes the mono image: left (colour camera on the right), right, or both "
			+ "(default: ${DEFAULT-VALUE}).")
	private MonoColorProtocol.GrayView grayView;

	@Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seeds noise and photo scenes (default: ${DEFAULT-VALUE}).")
	private long seed;

	@Option(names = "--max-disparity", paramLabel = "PX", defaultValue = "0",
		description = "Suggested largest disparity for every pair; 0 = from ground truth, manifest, known rig, or an estimate "
			+ "(default: ${DEFAULT-VALUE}).")
	private int maxDisparity;

	@Option(names = "--color-side", paramLabel = "SIDE",
		description = "For pairs folders without a manifest: where the colour camera is, left (mono(x) = color(x + d)) or right.")
	private String colorSide;

	@Option(names = "--pairs-per-photo", paramLabel = "N", defaultValue = "1",
		description = "Photos: how many different scenes per photo (default: ${DEFAULT-VALUE}).")
	private int pairsPerPhoto;

	@Option(names = "--photo-max-disparity", paramLabel = "PX", defaultValue = "32",
		description = "Photos: largest disparity of the random scenes (default: ${DEFAULT-VALUE}).")
	private int photoMaxDisparity;

	@Option(names = "--photo-objects", paramLabel = "MIN-MAX", defaultValue = "1-4",
		description = "Photos: how many foreground objects per scene (default: ${DEFAULT-VALUE}).")
	private String photoObjects;

	@Option(names = "--mono-noise", paramLabel = "SIGMA", description = "Gaussian noise on the mono image, fraction of full scale (replaces the preset's).")
	private Double monoNoise;

	@Option(names = "--color-noise", paramLabel = "SIGMA", description = "Gaussian noise on each colour channel, fraction of full scale (replaces the preset's).")
	private Double colorNoise;

	@Option(names = "--mono-weights", paramLabel = "R,G,B", split = ",",
		description = "Simulated mono camera: spectral weights of linear R, G, B (turns the mono camera on).")
	private double[] monoWeights;

	@Option(names = "--mono-gain", paramLabel = "G", description = "Simulated mono camera: gain (turns the mono camera on).")
	private Double monoGain;

	@Option(names = "--mono-gamma", paramLabel = "G", description = "Simulated mono camera: tone curve exponent, out = in^(1/G) (turns the mono camera on).")
	private Double monoGamma;

	@Option(names = "--mono-blur", paramLabel = "PX", description = "Simulated mono camera: Gaussian lens blur sigma (turns the mono camera on).")
	private Double monoBlur;

	@Option(names = "--color-white-balance", paramLabel = "R,G,B", split = ",",
		description = "Simulated colour camera: per-channel gains (turns the colour camera on).")
	private double[] colorWhiteBalance;

	@Option(names = "--color-blur", paramLabel = "PX", description = "Simulated colour camera: Gaussian lens blur sigma (turns the colour camera on).")
	private Double colorBlur;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Write only the first N pairs (default: all).")
	private int limit;

	@Option(names = "--skip-broken", description = "Leave out broken pairs (listed at the end) instead of stopping.")
	private boolean skipBroken;

	@Option(names = "--overwrite", description = "Replace existing files; without it nothing is written when any target exists.")
	private boolean overwrite;

	@Option(names = "--json", description = "Print a JSON summary on standard output.")
	private boolean json;

	@Override
	public Integer call() {
		Degradation degradation = degradation();
		DatasetOptions options = DatasetOptions.defaults().withKind(kind).withGrayView(grayView).withDegradation(degradation)
			.withSeed(seed).withMaxDisparity(maxDisparity).withOnProblem(skipBroken ? OnProblem.SKIP : OnProblem.FAIL)
			.withPhotos(photoSettings(), pairsPerPhoto);
		if (colorSide != null) options = options.withColorSide(parseSide(colorSide));
		if (limit < 0) throw new UserException("--limit must be 0 (all) or a positive number of pairs, got " + limit + ".");
		ConsoleProgress progress = new ConsoleProgress(System.err, json).cancelOnInterrupt();
		PairDataset dataset = Datasets.open(from, options, progress);
		SynthesizeDataset.Result result = SynthesizeDataset.run(dataset, outputDir, limit, skipBroken, overwrite,
			generator(degradation), progress);
		progress.done();
		if (json) {
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("command", "synthesize");
			summary.put("from", from.toAbsolutePath().normalize().toString());
			summary.put("output_dir", outputDir.toAbsolutePath().normalize().toString());
			summary.put("manifest", result.manifest().toAbsolutePath().normalize().toString());
			summary.put("pairs", result.written().size());
			summary.put("with_ground_truth", result.withTruth());
			summary.put("ids", result.written());
			summary.put("degradation", degradation.describe());
			summary.put("seed", seed);
			List<Map<String, Object>> skipped = new ArrayList<>();
			for (DatasetProblem p : result.skipped()) {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("item", p.item());
				m.put("files", p.files().stream().map(Path::toString).toList());
				m.put("reason", p.reason());
				skipped.add(m);
			}
			summary.put("skipped", skipped);
			JsonOutput.print(spec.commandLine().getOut(), summary);
		}
		else {
			PrintWriter err = spec.commandLine().getErr();
			int n = result.written().size();
			err.println(String.format(Locale.ROOT, "Wrote %d pair%s (%d with ground truth) to %s; %s.", n, n == 1 ? "" : "s",
				result.withTruth(), outputDir.toAbsolutePath().normalize(), degradation.describe()));
			if (!result.skipped().isEmpty()) {
				err.println("Skipped " + result.skipped().size() + " broken item(s):" + DatasetProblem.list(result.skipped()));
			}
			err.flush();
		}
		return ExitCode.OK;
	}

	private Degradation degradation() {
		Degradation d = Degradation.preset(preset);
		if (monoWeights != null || monoGain != null || monoGamma != null || monoBlur != null) {
			CameraModel mono = d.monoCamera() != null ? d.monoCamera()
				: CameraModel.neutral("mono", new double[][] { { 0.299, 0.587, 0.114 } });
			if (monoWeights != null) mono = mono.withSpectral(new double[][] { triple(monoWeights, "--mono-weights") });
			if (monoGain != null) mono = mono.withGain(positive(monoGain, "--mono-gain"));
			if (monoGamma != null) mono = mono.withGamma(positive(monoGamma, "--mono-gamma"));
			if (monoBlur != null) mono = mono.withBlur(nonNegative(monoBlur, "--mono-blur"));
			d = d.withMonoCamera(mono);
		}
		if (colorWhiteBalance != null || colorBlur != null) {
			CameraModel color = d.colorCamera() != null ? d.colorCamera()
				: CameraModel.neutral("color", new double[][] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } });
			if (colorWhiteBalance != null) color = color.withWhiteBalance(triple(colorWhiteBalance, "--color-white-balance"));
			if (colorBlur != null) color = color.withBlur(nonNegative(colorBlur, "--color-blur"));
			d = d.withColorCamera(color);
		}
		if (monoNoise != null || colorNoise != null) {
			d = d.withNoise(monoNoise != null ? monoNoise : d.monoNoise(), colorNoise != null ? colorNoise : d.colorNoise());
		}
		return d;
	}

	private PhotoStereo.Settings photoSettings() {
		String[] parts = photoObjects.split("-");
		try {
			if (parts.length == 1) {
				int n = Integer.parseInt(parts[0].trim());
				return new PhotoStereo.Settings(photoMaxDisparity, n, n);
			}
			if (parts.length == 2) {
				return new PhotoStereo.Settings(photoMaxDisparity, Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
			}
		}
		catch (NumberFormatException e) {
			// fall through to the message below
		}
		throw new UserException("--photo-objects takes a number or a range like 1-4, got '" + photoObjects + "'.");
	}

	private Map<String, Object> generator(Degradation d) {
		Map<String, Object> g = new LinkedHashMap<>();
		// originalArgs() holds the whole command line, subcommand name included.
		g.put("command", "cyclecolor " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
		g.put("version", Version.get());
		g.put("from", from.toAbsolutePath().normalize().toString());
		g.put("degradation", d.describe());
		g.put("seed", seed);
		g.put("gray_view", grayView.name().toLowerCase(Locale.ROOT));
		return g;
	}

	private static ColorSide parseSide(String s) {
		try {
			return ColorSide.fromKey(s);
		}
		catch (IllegalArgumentException e) {
			throw new UserException("--color-side takes left or right, got '" + s + "'.");
		}
	}

	private static double[] triple(double[] v, String option) {
		if (v.length != 3) throw new UserException(option + " takes three numbers R,G,B, got " + v.length + ".");
		for (double x : v) if (!(x >= 0)) throw new UserException(option + " takes non-negative numbers, got " + x + ".");
		return v;
	}

	private static double positive(double v, String option) {
		if (!(v > 0) || Double.isInfinite(v)) throw new UserException(option + " must be a positive number, got " + v + ".");
		return v;
	}

	private static double nonNegative(double v, String option) {
		if (!(v >= 0) || Double.isInfinite(v)) throw new UserException(option + " must be 0 or more, got " + v + ".");
		return v;
	}
}
