package org.cyclecolor.baseline.stereo;

import java.util.Locale;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.method.ColorSide;

/**
 * Dense stereo between a mono image and the luminance of its colour image: a cost volume
 * ({@link MatchingCost}), semi-global matching, and the left–right check.
 * <p>
 * The matcher works under one convention (base(x) ≈ match(x − d)); a colour camera on the left
 * ({@link ColorSide#LEFT}, mono(x) ≈ colour(x + d)) is handled by mirroring both images, which
 * turns it into that convention, and mirroring the results back.
 */
public final class StereoMatcher {

	private final MatchingCost cost;
	private final SemiGlobalMatcher sgm;

	/** The cost's default penalties. */
	public StereoMatcher(MatchingCost cost) {
		this(cost, cost.defaultP1(), cost.defaultP2());
	}

	public StereoMatcher(MatchingCost cost, int p1, int p2) {
		this.cost = cost;
		this.sgm = new SemiGlobalMatcher(p1, p2);
	}

	public MatchingCost cost() {
		return cost;
	}

	/**
	 * @param gray the mono image, 0..255
	 * @param colorLuma the colour image's luminance, 0..255, same size
	 * @param side where the colour camera sits, i.e. which way matches lie
	 * @param maxDisparity largest disparity searched
	 */
	public StereoMatch match(FloatPlane gray, FloatPlane colorLuma, ColorSide side, int maxDisparity, Progress progress) {
		if (!gray.sameSize(colorLuma)) {
			throw new IllegalArgumentException("Gray " + gray + " and colour luminance " + colorLuma + " differ in size.");
		}
		if (maxDisparity < 1 || maxDisparity >= gray.width()) {
			throw new UserException("The max disparity must be between 1 and " + (gray.width() - 1)
				+ " (the image width minus one), got " + maxDisparity + ".");
		}
		checkMemory(gray.width(), gray.height(), maxDisparity);
		boolean mirror = side == ColorSide.LEFT;
		FloatPlane base = mirror ? gray.flipHorizontal() : gray;
		FloatPlane other = mirror ? colorLuma.flipHorizontal() : colorLuma;
		progress.report(0, "Stereo: " + cost.key() + " costs");
		CostVolume volume = CostVolume.compute(cost, base, other, maxDisparity, progress.sub(0, 0.3));
		progress.report(0.3, "Stereo: semi-global matching");
		SemiGlobalMatcher.Disparities d = sgm.match(volume, base.data(), progress.sub(0.3, 0.95));
		boolean[] ok = LeftRightCheck.consistent(d.baseInteger, d.match, base.width(), cost.windowHalfWidth());
		FloatPlane disparity = FloatPlane.wrap(d.base, base.width(), base.height());
		if (mirror) {
			disparity = disparity.flipHorizontal();
			ok = flip(ok, base.width(), base.height());
		}
		progress.report(1, null);
		return new StereoMatch(disparity, ok, side);
	}

	private static boolean[] flip(boolean[] a, int w, int h) {
		boolean[] out = new boolean[a.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) out[y * w + x] = a[y * w + w - 1 - x];
		}
		return out;
	}

	private static void checkMemory(int w, int h, int maxDisparity) {
		long need = CostVolume.bytesNeeded(w, h, maxDisparity) + SemiGlobalMatcher.bytesNeeded(w, h, maxDisparity);
		long free = freeMemory();
		if (need > free) {
			System.gc(); // garbage may hold what is needed; ask once before refusing
			free = freeMemory();
		}
		if (need > free) {
			throw new UserException(String.format(Locale.ROOT,
				"Matching a %dx%d pair over %d disparities needs about %d MB but only %d MB are free; "
					+ "lower the max disparity, crop the images, or give Java more memory.",
				w, h, maxDisparity + 1, need >> 20, free >> 20));
		}
	}

	static long freeMemory() {
		Runtime rt = Runtime.getRuntime();
		return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
	}
}
