package org.cyclecolor.baseline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.baseline.levin.LevinPropagation;
import org.cyclecolor.baseline.levin.SolveStats;
import org.cyclecolor.baseline.stereo.MatchingCost;
import org.cyclecolor.baseline.stereo.MonoColorStereo;
import org.cyclecolor.baseline.stereo.StereoMatch;
import org.cyclecolor.baseline.stereo.StereoMatcher;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorizationInput;
import org.cyclecolor.method.ColorizationResult;
import org.cyclecolor.method.Colorizer;

/**
 * Stereo colour transfer in the style of Jeon et al. ("Stereo Matching with Color and Monochrome
 * Cameras in Low-light Conditions", CVPR 2016): dense disparity between the gray image and the
 * colour image decolourised the way the mono camera sees it ({@link MonoColorStereo}: semi-global
 * matching with a cost that tolerates the cameras' different responses, a left–right consistency
 * check, the mono response refitted at the trusted matches), the colour image's chroma warped to
 * the gray image at the consistent pixels, and colorization by optimization (Levin et al. 2004)
 * guided by the gray image to fill occluded and unreliable pixels.
 * <p>
 * Maps: "disparity" (mono coordinates, sub-pixel, every pixel's best match) and "valid" (1 where
 * the chroma was warped from the colour image, 0 where it was propagated).
 */
public final class StereoLevinColorizer implements Colorizer {

	public static final String NAME = "stereo-levin";

	private final MonoColorStereo stereo;
	private final LevinPropagation propagation;
	private final YCbCrRange range;

	/** ZNCC costs, default penalties and refinements, default solver, full-range YCbCr. */
	public StereoLevinColorizer() {
		this(new MonoColorStereo(new StereoMatcher(MatchingCost.ZNCC), MonoColorStereo.DEFAULT_REFINEMENTS),
			new LevinPropagation(), YCbCrRange.FULL);
	}

	public StereoLevinColorizer(MonoColorStereo stereo, LevinPropagation propagation, YCbCrRange range) {
		this.stereo = stereo;
		this.propagation = propagation;
		this.range = range;
	}

	@Override
	public String name() {
		return NAME;
	}

	/** Everything one run produced: the result, the stereo match and the propagation's solves. */
	public static final class Run {

		private final ColorizationResult result;
		private final StereoMatch match;
		private final LevinPropagation.Result fill;
		private final double matchSeconds;

		Run(ColorizationResult result, StereoMatch match, LevinPropagation.Result fill, double matchSeconds) {
			this.result = result;
			this.match = match;
			this.fill = fill;
			this.matchSeconds = matchSeconds;
		}

		public ColorizationResult result() {
			return result;
		}

		public StereoMatch match() {
			return match;
		}

		/** The Levin propagation's channels and solve statistics (Cb, then Cr). */
		public LevinPropagation.Result fill() {
			return fill;
		}

		/** Wall time of the stereo matching (every pass: costs, aggregation, left–right check, fit). */
		public double matchSeconds() {
			return matchSeconds;
		}
	}

	@Override
	public ColorizationResult colorize(ColorizationInput input, Progress progress) {
		return run(input, progress).result();
	}

	/** Colorizes and keeps the intermediate results (for inspection and benchmarks). */
	public Run run(ColorizationInput input, Progress progress) {
		Inputs.requireFinite(input);
		FloatPlane gray = input.gray();
		long t0 = System.nanoTime();
		StereoMatch match = stereo.match(gray, input.reference(), input.colorSide(), input.maxDisparity(),
			progress.sub(0, 0.6)).match();
		double matchSeconds = (System.nanoTime() - t0) * 1e-9;
		progress.log(String.format(Locale.ROOT, "stereo (%s): %.1f%% of the pixels passed the left-right check",
			stereo.matcher().cost().key(), 100 * match.consistentFraction()));

		YCbCrImage ref = YCbCr.toYCbCr(input.reference(), range);
		ChromaWarp warp = ChromaWarp.of(ref.cb(), ref.cr(), match, ref.neutralChroma());
		if (warp.warpedCount == 0) {
			throw new UserException("No pixel of the gray image found a reliable match in the colour image; check that "
				+ "the pair is rectified, the colour camera side (" + input.colorSide().key()
				+ ") and the max disparity (" + input.maxDisparity() + ").");
		}
		progress.checkCancelled();
		LevinPropagation.Result fill = propagation.propagate(gray, warp.warped, List.of(warp.cb, warp.cr),
			progress.sub(0.6, 1));
		for (SolveStats s : fill.stats()) progress.log("Levin propagation: " + s);

		FloatPlane y = YCbCr.grayToY(gray, range, ref.maxValue());
		YCbCrImage out = new YCbCrImage(y, fill.channels().get(0), fill.channels().get(1), range, ref.maxValue());
		Map<String, FloatPlane> maps = new LinkedHashMap<>();
		maps.put("disparity", match.disparity());
		FloatPlane valid = new FloatPlane(gray.width(), gray.height());
		for (int i = 0; i < warp.warped.length; i++) valid.data()[i] = warp.warped[i] ? 1 : 0;
		maps.put("valid", valid);
		progress.report(1, null);
		return new Run(new ColorizationResult(out, maps), match, fill, matchSeconds);
	}
}
