package org.cyclecolor.infer;

import org.cyclecolor.model.Variant;

/**
 * The integer factor by which both images are shrunk before the colorization network. It must let
 * the largest disparity to search fit the network's candidates: candidate k stands for a shift of
 * {@code firstShift + k} working pixels, so at least the largest disparity over the largest
 * candidate shift, rounded up ({@link #factor}). Chosen automatically ({@link #auto}) it also
 * brings the working image down to about the variant's working width ({@link Variant#workingWidth()}):
 * 256 pixels for the paper's networks — the width the authors trained and ran theirs at (their real
 * pairs are 256 px wide) — and 512 for the cheaper guided ones (docs/benchmarks.md).
 * <p>
 * Integer factors keep the shrinking an exact mean of whole blocks of pixels and every working
 * pixel centred on a full-resolution position (no resampling kernel); the guided upsampling
 * afterwards puts the full resolution back.
 */
public final class WorkingScale {

	private WorkingScale() {}

	/** The automatic factor: the disparities fit, and the working image is about the variant's working width or smaller. */
	public static int auto(int maxDisparity, int width, Variant v) {
		return Math.max(factor(maxDisparity, v), Math.max(1, (int) Math.round(width / (double) v.workingWidth())));
	}

	/** The largest shift (working pixels) the variant's candidates reach. */
	public static int largestShift(Variant v) {
		return v.firstShift() + v.candidates() - 1;
	}

	/** The smallest factor at which {@code maxDisparity} full-resolution pixels are within the candidates. */
	public static int factor(int maxDisparity, Variant v) {
		if (maxDisparity < 1) throw new IllegalArgumentException("The largest disparity must be at least 1, got " + maxDisparity + ".");
		int s = largestShift(v);
		return Math.max(1, (maxDisparity + s - 1) / s);
	}

	/** The largest disparity (full-resolution pixels) the candidates cover at this factor. */
	public static int covered(int factor, Variant v) {
		return factor * largestShift(v);
	}
}
