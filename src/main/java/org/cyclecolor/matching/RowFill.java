package org.cyclecolor.matching;

import org.cyclecolor.image.FloatPlane;

/**
 * Fills pixels without a disparity (NaN) along their row. Unmatched pixels are mostly occluded, and
 * an occluded pixel belongs to the background, so it takes the smaller of the disparities of the
 * nearest matched pixels to its left and right; a row with no match at all gets 0.
 */
public final class RowFill {

	private RowFill() {}

	public static FloatPlane background(FloatPlane disparity) {
		int w = disparity.width(), h = disparity.height();
		float[] d = disparity.data();
		FloatPlane out = new FloatPlane(w, h);
		float[] o = out.data();
		float[] fromLeft = new float[w];
		for (int y = 0; y < h; y++) {
			int row = y * w;
			float last = Float.NaN;
			for (int x = 0; x < w; x++) {
				float v = d[row + x];
				if (!Float.isNaN(v)) last = v;
				fromLeft[x] = last;
			}
			last = Float.NaN;
			for (int x = w - 1; x >= 0; x--) {
				float v = d[row + x];
				if (!Float.isNaN(v)) {
					last = v;
					o[row + x] = v;
					continue;
				}
				float a = fromLeft[x], b = last;
				float f = Float.isNaN(a) ? b : Float.isNaN(b) ? a : Math.min(a, b);
				o[row + x] = Float.isNaN(f) ? 0 : f;
			}
		}
		return out;
	}
}
