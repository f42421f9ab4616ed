package org.cyclecolor.baseline;

/** Mean over a (2r+1)x(2r+1) window of a row-major plane, repeating the border, in O(1) per pixel. */
public final class BoxFilter {

	private BoxFilter() {}

	public static float[] mean(float[] a, int w, int h, int r) {
		float[] tmp = new float[a.length];
		float[] out = new float[a.length];
		float norm = 1f / ((2 * r + 1) * (2 * r + 1));
		for (int y = 0; y < h; y++) {
			int row = y * w;
			double s = 0;
			for (int k = -r; k <= r; k++) s += a[row + clamp(k, w)];
			for (int x = 0; x < w; x++) {
				tmp[row + x] = (float) s;
				s += a[row + clamp(x + r + 1, w)] - a[row + clamp(x - r, w)];
			}
		}
		double[] col = new double[w];
		for (int k = -r; k <= r; k++) {
			int row = clamp(k, h) * w;
			for (int x = 0; x < w; x++) col[x] += tmp[row + x];
		}
		for (int y = 0; y < h; y++) {
			int row = y * w, add = clamp(y + r + 1, h) * w, sub = clamp(y - r, h) * w;
			for (int x = 0; x < w; x++) {
				out[row + x] = (float) (col[x] * norm);
				col[x] += tmp[add + x] - tmp[sub + x];
			}
		}
		return out;
	}

	private static int clamp(int i, int n) {
		return i < 0 ? 0 : (i >= n ? n - 1 : i);
	}
}
