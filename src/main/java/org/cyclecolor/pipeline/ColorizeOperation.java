package org.cyclecolor.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.ImagePlus;

import org.cyclecolor.Progress;
import org.cyclecolor.ThreadCount;
import org.cyclecolor.UserException;
import org.cyclecolor.image.CoarseGrid;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.infer.BundledModel;
import org.cyclecolor.infer.ChromaUpsampler;
import org.cyclecolor.infer.ColorSideEstimate;
import org.cyclecolor.infer.CycleCheck;
import org.cyclecolor.infer.Device;
import org.cyclecolor.infer.InferenceEngine;
import org.cyclecolor.infer.ModelDescription;
import org.cyclecolor.infer.NetworkColorizer;
import org.cyclecolor.infer.RuntimeOptions;
import org.cyclecolor.infer.WorkingScale;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.metrics.Ssim;
import org.cyclecolor.model.Variant;
import org.cyclecolor.synth.DisparityRange;

/**
 * Colorize a mono camera's image with the colour camera's image, as the Colorize..., Cycle
 * Check... and Weight Volume... commands, the command line and the macro facade offer it: checks
 * the pair ({@link ColorizationPair}), opens the model (the bundled one when none is named; kept
 * open for the next call, see {@link ModelCache}), settles what the user left open — the colour
 * camera's side ({@link ColorSideEstimate}), the largest disparity ({@link DisparityRange}), the
 * working scale ({@link WorkingScale}) — and logs each decision, runs the network
 * ({@link NetworkColorizer}), and optionally the cycle check ({@link CycleCheck}).
 */
public final class ColorizeOperation {

	private final ImagePlus gray;
	private final ImagePlus color;
	private Path model;
	private Device device = Device.AUTO;
	private int threads;
	private Integer maxDisparity;
	private ColorSide side;
	private int scale;
	private boolean refine = true;
	private ChromaUpsampler upsampler = ChromaUpsampler.DEFAULT;
	private long memoryBudget = InferenceEngine.DEFAULT_MEMORY_BUDGET;
	private boolean weights;
	private boolean cycle;
	private boolean authorsCycle;

	public ColorizeOperation(ImagePlus gray, ImagePlus color) {
		this.gray = gray;
		this.color = color;
	}

	/** The .onnx model; null uses the bundled default model. */
	public ColorizeOperation model(Path m) {
		this.model = m;
		return this;
	}

	public ColorizeOperation device(Device d) {
		this.device = d;
		return this;
	}

	/** ONNX Runtime threads per operation; 0 = one per core. */
	public ColorizeOperation threads(int t) {
		this.threads = ThreadCount.check(t);
		return this;
	}

	/** The largest disparity in pixels of the full images; null estimates it from the pair. */
	public ColorizeOperation maxDisparity(Integer d) {
		this.maxDisparity = d;
		return this;
	}

	/** Where the colour camera sits; null tells it from the pair. */
	public ColorizeOperation colorSide(ColorSide s) {
		this.side = s;
		return this;
	}

	/** The working scale factor (the network sees the images shrunk by it); 0 chooses it. */
	public ColorizeOperation scale(int s) {
		if (s < 0) throw new UserException("The working scale must be 0 (automatic) or a factor of 1 or more, got " + s + ".");
		this.scale = s;
		return this;
	}

	/** Run the model's refinement network (when it has one). */
	public ColorizeOperation refine(boolean r) {
		this.refine = r;
		return this;
	}

	public ColorizeOperation upsampler(ChromaUpsampler u) {
		this.upsampler = u;
		return this;
	}

	/** Bytes one network run may use; larger pairs are tiled. */
	public ColorizeOperation memoryBudget(long bytes) {
		if (bytes < (16L << 20)) throw new UserException("The memory budget must be at least 16 MB, got " + (bytes >> 20) + " MB.");
		this.memoryBudget = bytes;
		return this;
	}

	/** Keep the weight volume (for the Weight Volume outputs). */
	public ColorizeOperation weights(boolean w) {
		this.weights = w;
		return this;
	}

	/** Also run the cycle check; {@code authorsVariant} runs the second pass as the authors' code does. */
	public ColorizeOperation cycle(boolean c, boolean authorsVariant) {
		this.cycle = c;
		this.authorsCycle = authorsVariant;
		return this;
	}

	/** Parses a colour camera side for the user: "auto" (null), "left" or "right". */
	public static ColorSide parseSide(String key) {
		String k = key == null ? "auto" : key.trim().toLowerCase(Locale.ROOT);
		if (k.isEmpty() || k.equals("auto")) return null;
		try {
			return ColorSide.fromKey(k);
		}
		catch (IllegalArgumentException e) {
			throw new UserException("Unknown colour camera side '" + key + "'; use auto, left or right.");
		}
	}

	public static Device parseDevice(String key) {
		try {
			return Device.fromKey(key);
		}
		catch (IllegalArgumentException e) {
			throw new UserException("Unknown device '" + key + "'; use auto, cpu or cuda.");
		}
	}

	public static ChromaUpsampler parseUpsampler(String key) {
		try {
			return ChromaUpsampler.fromKey(key);
		}
		catch (IllegalArgumentException e) {
			throw new UserException("Unknown upsampler '" + key + "'; use " + String.join(", ", ChromaUpsampler.keys()) + ".");
		}
	}

	public ColorizeResult run(Progress progress) {
		long t0 = System.nanoTime();
		ColorizationPair pair = ColorizationPair.of(gray, color);
		List<String> notes = new ArrayList<>(pair.notes());
		int w = pair.width();
		if (maxDisparity != null && (maxDisparity <= 0 || maxDisparity >= w)) {
			throw new UserException("The max disparity must be between 1 and " + (w - 1) + " pixels (the images are " + w
				+ " pixels wide), got " + maxDisparity + "; give the largest shift between matching pixels, or leave it automatic.");
		}
		if (scale >= w) throw new UserException("A working scale of " + scale + " leaves nothing of a " + w + "-pixel-wide image; use a smaller one.");
		if (cycle && (w < Ssim.WINDOW || pair.height() < Ssim.WINDOW)) {
			throw new UserException("The cycle check compares SSIM maps, which need images of at least " + Ssim.WINDOW + "x" + Ssim.WINDOW
				+ " pixels (the SSIM window); this pair is " + w + "x" + pair.height() + ".");
		}
		Path modelPath = model != null ? model : BundledModel.path();
		progress.report(0.01, "opening the model");
		try (ModelCache.Lease lease = ModelCache.acquire(modelPath, new RuntimeOptions(device, threads), progress)) {
			Variant v = lease.model().variant();
			ModelDescription described = ModelDescription.of(lease.model().file());
			progress.log("Model: " + described.label());
			long tOpen = System.nanoTime();
			progress.checkCancelled();

			Decisions d = decide(pair, v, notes, progress);
			for (String n : notes) progress.log("Colorize: " + n);
			long tDecide = System.nanoTime();

			InferenceEngine engine = new InferenceEngine(lease.model(), upsampler, memoryBudget);
			NetworkColorizer colorizer = new NetworkColorizer(engine, refine);
			double end = cycle ? 0.5 : 1;
			NetworkColorizer.Output out = colorizer.run(pair.gray(), pair.color(), d.side, d.factor, d.maxDisparity, weights,
				progress.sub(0.05, end));
			if (refine && !out.pass().refined()) {
				String n = capitalized(described.shortName()) + " (" + v.name() + ") has no refinement network; the result is not refined.";
				notes.add(n);
				progress.log("Colorize: " + n);
			}
			long tColorize = System.nanoTime();
			CycleCheck.Result cycleResult = null;
			if (cycle) {
				progress.report(end, "cycle check: second pass");
				cycleResult = CycleCheck.run(engine, pair.color(), out, d.side, refine, authorsCycle, progress.sub(end, 1));
			}
			long tEnd = System.nanoTime();
			Map<String, Double> ms = new LinkedHashMap<>();
			ms.put("open_model", millis(t0, tOpen));
			ms.put("estimate", millis(tOpen, tDecide));
			out.pass().stageMillis().forEach((k, x) -> ms.put(k, x));
			ms.put("assemble", Math.max(0, millis(tDecide, tColorize) - out.pass().stageMillis().values().stream().mapToDouble(x -> x).sum()));
			if (cycleResult != null) ms.put("cycle", millis(tColorize, tEnd));
			ms.put("total", millis(t0, tEnd));
			progress.report(1, null);
			return new ColorizeResult(pair, described, lease.model().variant(), lease.model().device(), d, out, cycleResult, authorsCycle,
				upsampler, notes, ms);
		}
	}

	/** What was settled for the user, and how. */
	record Decisions(ColorSide side, String sideSource, int maxDisparity, String maxDisparitySource, int factor, String factorSource,
		int covered) {}

	private Decisions decide(ColorizationPair pair, Variant v, List<String> notes, Progress progress) {
		ColorSide s = side;
		String sideSource = "given";
		if (s == null) {
			progress.report(0.02, "telling the colour camera's side");
			FloatPlane colorY = YCbCr.luma(pair.color());
			ColorSideEstimate.Result r = ColorSideEstimate.estimate(pair.gray(), colorY);
			if (r.side() != null) {
				s = r.side();
				sideSource = "estimated";
				notes.add("Colour camera on the " + s.key() + " (estimated: " + r.describe() + ").");
			}
			else {
				s = Variant.NATIVE_SIDE;
				sideSource = "default";
				notes.add("Could not tell the colour camera's side from the images (" + r.describe() + "); assuming the "
					+ s.key() + ". Set the colour camera side if that is wrong.");
			}
		}
		int maxD;
		String maxSource = "given";
		if (maxDisparity != null) {
			maxD = maxDisparity;
		}
		else {
			progress.report(0.03, "estimating the disparity range");
			FloatPlane colorY = YCbCr.luma(pair.color());
			// DisparityRange wants left(x) ~ right(x - d): the view whose matches lie at x - d first
			maxD = s == ColorSide.RIGHT ? DisparityRange.estimate(pair.gray(), colorY) : DisparityRange.estimate(colorY, pair.gray());
			maxD = Math.max(1, Math.min(pair.width() - 1, maxD));
			maxSource = "estimated";
			notes.add("Largest disparity estimated at " + maxD + " px (set the max disparity to override).");
		}
		int factor;
		String factorSource;
		if (scale > 0) {
			factor = scale;
			factorSource = "given";
		}
		else {
			factor = WorkingScale.auto(maxD, pair.width(), v);
			factorSource = "automatic";
		}
		int covered = WorkingScale.covered(factor, v);
		notes.add(String.format(Locale.ROOT, "Working scale 1/%d (%dx%d): %d candidates cover disparities %d..%d px.", factor,
			CoarseGrid.size(pair.width(), factor), CoarseGrid.size(pair.height(), factor), v.candidates(), factor * v.firstShift(), covered));
		if (covered < maxD) {
			notes.add("Warning: at scale 1/" + factor + " the candidates reach " + covered + " px, less than the max disparity " + maxD
				+ " px; farther matches cannot be found (use scale " + WorkingScale.factor(maxD, v) + " or automatic).");
		}
		return new Decisions(s, sideSource, maxD, maxSource, factor, factorSource, covered);
	}

	private static String capitalized(String s) {
		return Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	private static double millis(long from, long to) {
		return Math.round((to - from) / 1e5) / 10.0;
	}
}
