package org.cyclecolor.baseline.stereo;

/**
 * The left–right consistency check: a base pixel's disparity is trusted only when the match-image
 * pixel it points to points back to it (within a tolerance). Pixels seen by one camera only
 * (occlusions) and most mismatches fail it. Matches whose cost windows reach past the left or
 * right border of either image are not trusted either: their costs compare a border-filled window
 * with a real one, and near the borders SGM's paths have only just started, which makes the
 * match image's diagonal search favour them.
 */
final class LeftRightCheck {

	/**
	 * Disparities may differ by this much (pixels) and still count as consistent. Measured on nine
	 * Middlebury scenes, 0 rather than 1 gives +0.26 dB Cb/Cr PSNR on average (every scene and
	 * condition gains): fewer, better matches, and Levin propagation fills the rest well.
	 */
	static final int TOLERANCE = 0;

	private LeftRightCheck() {}

	/**
	 * @param baseDisparity integer disparities of the base image: base x matches match x − d
	 * @param matchDisparity integer disparities of the match image: match x matches base x + d
	 * @param margin the cost window's half width
	 * @return per base pixel, whether the two agree
	 */
	static boolean[] consistent(int[] baseDisparity, int[] matchDisparity, int width, int margin) {
		boolean[] ok = new boolean[baseDisparity.length];
		for (int i = 0; i < ok.length; i++) {
			int x = i % width;
			int d = baseDisparity[i];
			int xm = x - d;
			ok[i] = xm >= margin && x < width - margin && Math.abs(matchDisparity[i - d] - d) <= TOLERANCE;
		}
		return ok;
	}
}
