package org.cyclecolor.synth;

import java.util.Arrays;

import org.cyclecolor.image.FloatPlane;

/**
 * Which pixels of one view of a rectified stereo pair the other view cannot see, from ground-truth
 * disparities. A pixel at column x of view V with disparity d is seen at column {@code x + sign · d}
 * of the other view O ({@link StereoViews.Side#sign()}). Masks hold 1 (occluded: hidden or outside
 * the other frame), 0 (visible) or NaN (unknown: no disparity there).
 */
public final class Occlusions {

	/** Largest disagreement, pixels, between the two views' disparities of one visible point. */
	public static final double TOLERANCE = 1.0;

	private static final float UNKNOWN = Float.NaN;

	private Occlusions() {}

	/**
	 * The left–right consistency check: a pixel of V is visible when the other view's disparity at
	 * its match (nearest column) agrees within {@code tolerance}; occluded when the match is outside
	 * the frame or the disparities disagree; unknown when either disparity is.
	 */
	public static FloatPlane leftRightCheck(FloatPlane dV, FloatPlane dO, int sign, double tolerance) {
		int w = dV.width(), h = dV.height();
		FloatPlane mask = new FloatPlane(w, h);
		float[] m = mask.data(), v = dV.data(), o = dO.data();
		for (int y = 0; y < h; y++) {
			int row = y * w;
			for (int x = 0; x < w; x++) {
				float d = v[row + x];
				if (!Float.isFinite(d)) {
					m[row + x] = UNKNOWN;
					continue;
				}
				double t = x + sign * (double) d;
				if (t < -0.5 || t >= w - 0.5) {
					m[row + x] = GroundTruth.OCCLUDED;
					continue;
				}
				float other = o[row + (int) Math.floor(t + 0.5)];
				m[row + x] = !Float.isFinite(other) ? UNKNOWN
					: Math.abs(other - d) <= tolerance ? GroundTruth.VISIBLE : GroundTruth.OCCLUDED;
			}
		}
		return mask;
	}

	/**
	 * Visibility from V's own disparities (a z-buffer): every pixel of V is projected into O, where
	 * the nearest surface (largest disparity) wins; a pixel is occluded when a nearer one lands on
	 * its column or its match is outside the frame. Unknown pixels of V project nothing, so a hidden
	 * pixel behind one of them counts as visible.
	 */
	public static FloatPlane byProjection(FloatPlane dV, int sign, double tolerance) {
		int w = dV.width(), h = dV.height();
		FloatPlane mask = new FloatPlane(w, h);
		float[] m = mask.data(), v = dV.data();
		float[] zbuf = new float[w];
		for (int y = 0; y < h; y++) {
			int row = y * w;
			project(v, row, w, sign, zbuf);
			for (int x = 0; x < w; x++) {
				float d = v[row + x];
				if (!Float.isFinite(d)) {
					m[row + x] = UNKNOWN;
					continue;
				}
				double t = x + sign * (double) d;
				if (t < -0.5 || t >= w - 0.5) {
					m[row + x] = GroundTruth.OCCLUDED;
					continue;
				}
				m[row + x] = zbuf[(int) Math.floor(t + 0.5)] > d + tolerance ? GroundTruth.OCCLUDED : GroundTruth.VISIBLE;
			}
		}
		return mask;
	}

	/**
	 * The other view's disparity, carried over from V's (z-buffered: the nearest surface wins), and
	 * its occlusion mask. A pixel of O that no pixel of V lands on is not visible in V: occluded with
	 * unknown disparity, or unknown altogether when a V pixel of unknown disparity could have landed
	 * there (within {@code maxDisparity}).
	 *
	 * @return {disparity of O (NaN where not seen from V), occlusion mask of O}
	 */
	public static FloatPlane[] transfer(FloatPlane dV, int sign, int maxDisparity) {
		int w = dV.width(), h = dV.height();
		FloatPlane dO = new FloatPlane(w, h), mask = new FloatPlane(w, h);
		float[] o = dO.data(), m = mask.data(), v = dV.data();
		float[] zbuf = new float[w];
		for (int y = 0; y < h; y++) {
			int row = y * w;
			project(v, row, w, sign, zbuf);
			for (int c = 0; c < w; c++) {
				if (zbuf[c] >= 0) {
					o[row + c] = zbuf[c];
					m[row + c] = GroundTruth.VISIBLE;
					continue;
				}
				o[row + c] = UNKNOWN;
				// The V pixels that could land on column c: x = c − sign · d for d in 0..maxDisparity.
				boolean sourceUnknown = false;
				for (int d = 0; d <= maxDisparity && !sourceUnknown; d++) {
					int x = c - sign * d;
					if (x >= 0 && x < w && !Float.isFinite(v[row + x])) sourceUnknown = true;
				}
				m[row + c] = sourceUnknown ? UNKNOWN : GroundTruth.OCCLUDED;
			}
		}
		return new FloatPlane[] { dO, mask };
	}

	/**
	 * Fills {@code zbuf} (one row of O) with the largest disparity landing on each column, −1 where
	 * none does. Each V pixel covers its nearest column; two neighbours whose disparities differ by
	 * less than one pixel belong to one surface and also cover the columns between their matches
	 * (with the disparity interpolated), so a stretched surface leaves no false gaps.
	 */
	private static void project(float[] v, int row, int w, int sign, float[] zbuf) {
		Arrays.fill(zbuf, -1f);
		for (int x = 0; x < w; x++) {
			float d = v[row + x];
			if (!Float.isFinite(d)) continue;
			double t = x + sign * (double) d;
			splat(zbuf, (int) Math.floor(t + 0.5), d);
			if (x + 1 < w) {
				float d1 = v[row + x + 1];
				if (Float.isFinite(d1) && Math.abs(d1 - d) < 1) {
					double t1 = x + 1 + sign * (double) d1;
					double lo = Math.min(t, t1), hi = Math.max(t, t1);
					for (int c = (int) Math.ceil(lo); c <= hi; c++) {
						double a = (c - t) / (t1 - t); // t1 ≠ t because |d1 − d| < 1
						splat(zbuf, c, (float) (d + a * (d1 - d)));
					}
				}
			}
		}
	}

	private static void splat(float[] zbuf, int c, float d) {
		if (c >= 0 && c < zbuf.length && d > zbuf[c]) zbuf[c] = d;
	}
}
