package org.cyclecolor.matching;

import org.cyclecolor.image.FloatPlane;

/**
 * Fills pixels without a disparity (NaN) along their row from the nearest matched pixels to their
 * left and right: the smaller of the two ({@link #background}: unmatched pixels are mostly occluded,
 * and an occluded pixel belongs to the background, so this is the better depth) or the larger
 * ({@link #foreground}: the better disparity to carry colour along). A row with no match at all gets 0.
 */
public final class RowFill {

	private RowFill() {}

	public static FloatPlane background(FloatPlane disparity) {
		return fill(disparity, false);
	}

	/**
	 * Fills with the larger neighbour instead: an occluded pixel's match is hidden behind the nearer
	 * surface, and carried along that surface's disparity it lands just beside it in the colour
	 * image, on the background it continues — along the background's own disparity it lands on the occluder.
	 */
	public static FloatPlane foreground(FloatPlane disparity) {
		return fill(disparity, true);
	}

	private static FloatPlane fill(FloatPlane disparity, boolean larger) {
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
				float f = Float.isNaN(a) ? b : Float.isNaN(b) ? a : larger ? Math.max(a, b) : Math.min(a, b);
				o[row + x] = Float.isNaN(f) ? 0 : f;
			}
		}
		return out;
	}
}
