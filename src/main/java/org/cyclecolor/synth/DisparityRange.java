package org.cyclecolor.synth;

import java.util.Arrays;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.Resampler;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;

/**
 * Estimates how far apart matches lie in a rectified pair without ground truth, to suggest the
 * largest disparity a method should search. Classical and deliberately robust rather than
 * precise: both views' luminance at about 320 px width, a 5×5 census transform (insensitive to
 * exposure and gain differences between the cameras), Hamming costs summed over 7×7 windows,
 * winner-take-all in both directions, and only matches that pass the left–right check and are
 * clearly better than the second-best candidate count. The suggestion is the 99th percentile of
 * those disparities with a 10 % margin.
 * <p>
 * Convention: {@code left(x) ≈ right(x − d)}, d ≥ 0; pass the views in that order.
 */
public final class DisparityRange {

	/** Working width: images are box-downscaled by an integer factor to about this width. */
	static final int WORKING_WIDTH = 320;
	private static final int CENSUS_RADIUS = 2;
	private static final int WINDOW_RADIUS = 3;
	/** A match counts when its cost is below this fraction of the best non-neighbouring candidate's. */
	private static final double UNIQUENESS = 0.85;
	private static final double PERCENTILE = 0.99;
	private static final double MARGIN = 1.1;

	private DisparityRange() {}

	/** The suggested largest disparity in pixels of the full-size images (≥ 1). */
	public static int estimate(RgbImage left, RgbImage right) {
		return estimate(YCbCr.luma(left), YCbCr.luma(right));
	}

	/** The same from two gray planes (e.g. a mono image and the colour image's luminance). */
	public static int estimate(FloatPlane left, FloatPlane right) {
		if (!left.sameSize(right)) throw new IllegalArgumentException("Views " + left + " and " + right + " differ in size.");
		int factor = Math.max(1, (int) Math.round(left.width() / (double) WORKING_WIDTH));
		FloatPlane l = Resampler.shrink(left, factor), r = Resampler.shrink(right, factor);
		int w = l.width(), h = l.height();
		int fallback = Math.max(1, left.width() / 8);
		if (w < 16 || h < 16) return fallback;
		int[] cl = census(l), cr = census(r);
		int maxD = w / 2;
		float[] bestL = new float[w * h], secondL = new float[w * h], bestR = new float[w * h], secondR = new float[w * h];
		int[] dL = new int[w * h], dR = new int[w * h];
		Arrays.fill(bestL, Float.MAX_VALUE);
		Arrays.fill(secondL, Float.MAX_VALUE);
		Arrays.fill(bestR, Float.MAX_VALUE);
		Arrays.fill(secondR, Float.MAX_VALUE);
		float[] cost = new float[w * h];
		float[] aggregated = new float[w * h];
		double[] sum = new double[(w + 1) * (h + 1)];
		int[] count = new int[(w + 1) * (h + 1)];
		for (int d = 0; d <= maxD; d++) {
			// Cost of left pixel x against right pixel x − d; columns x < d have no partner.
			for (int y = 0; y < h; y++) {
				int row = y * w;
				for (int x = 0; x < w; x++) {
					cost[row + x] = x < d ? Float.NaN : Integer.bitCount(cl[row + x] ^ cr[row + x - d]);
				}
			}
			boxMean(cost, w, h, WINDOW_RADIUS, aggregated, sum, count);
			for (int y = 0; y < h; y++) {
				int row = y * w;
				for (int x = d; x < w; x++) {
					float c = aggregated[row + x];
					if (Float.isNaN(c)) continue;
					update(bestL, secondL, dL, row + x, c, d);
					update(bestR, secondR, dR, row + x - d, c, d);
				}
			}
		}
		int[] histogram = new int[maxD + 1];
		int confident = 0;
		for (int y = 0; y < h; y++) {
			int row = y * w;
			for (int x = 0; x < w; x++) {
				int i = row + x;
				if (bestL[i] == Float.MAX_VALUE || !(bestL[i] < UNIQUENESS * secondL[i])) continue;
				int d = dL[i];
				int j = i - d;
				if (Math.abs(dR[j] - d) > 1 || !(bestR[j] < UNIQUENESS * secondR[j])) continue;
				histogram[d]++;
				confident++;
			}
		}
		if (confident < 0.01 * w * h) return fallback;
		int target = (int) Math.ceil(PERCENTILE * confident), below = 0, p = 0;
		while (p < maxD && (below += histogram[p]) < target) p++;
		return Math.max(1, (int) Math.ceil(MARGIN * (p + 1) * factor));
	}

	/**
	 * Keeps the best cost and its disparity, and the best cost among candidates more than one
	 * pixel away from the current best (a sloped surface makes neighbours of the best nearly as good).
	 */
	private static void update(float[] best, float[] second, int[] arg, int i, float c, int d) {
		if (c < best[i]) {
			if (Math.abs(arg[i] - d) > 1 || best[i] == Float.MAX_VALUE) second[i] = Math.min(second[i], best[i]);
			best[i] = c;
			arg[i] = d;
		}
		else if (Math.abs(arg[i] - d) > 1 && c < second[i]) {
			second[i] = c;
		}
	}

	/** 24-bit census of a 5×5 neighbourhood: bit set where the neighbour is darker than the centre. */
	static int[] census(FloatPlane p) {
		int w = p.width(), h = p.height();
		float[] v = p.data();
		int[] out = new int[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float c = v[y * w + x];
				int bits = 0;
				for (int dy = -CENSUS_RADIUS; dy <= CENSUS_RADIUS; dy++) {
					int yy = Math.min(h - 1, Math.max(0, y + dy));
					for (int dx = -CENSUS_RADIUS; dx <= CENSUS_RADIUS; dx++) {
						if (dx == 0 && dy == 0) continue;
						int xx = Math.min(w - 1, Math.max(0, x + dx));
						bits = (bits << 1) | (v[yy * w + xx] < c - 1 ? 1 : 0);
					}
				}
				out[y * w + x] = bits;
			}
		}
		return out;
	}

	/**
	 * Mean over the (2r+1)² window of the values that are not NaN; NaN where the centre is. {@code sum}
	 * and {@code count} are (w+1)·(h+1) work arrays whose first row and column stay 0.
	 */
	private static void boxMean(float[] in, int w, int h, int r, float[] out, double[] sum, int[] count) {
		for (int y = 0; y < h; y++) {
			double rowSum = 0;
			int rowCount = 0;
			for (int x = 0; x < w; x++) {
				float v = in[y * w + x];
				if (!Float.isNaN(v)) {
					rowSum += v;
					rowCount++;
				}
				sum[(y + 1) * (w + 1) + x + 1] = sum[y * (w + 1) + x + 1] + rowSum;
				count[(y + 1) * (w + 1) + x + 1] = count[y * (w + 1) + x + 1] + rowCount;
			}
		}
		for (int y = 0; y < h; y++) {
			int y0 = Math.max(0, y - r), y1 = Math.min(h, y + r + 1);
			for (int x = 0; x < w; x++) {
				if (Float.isNaN(in[y * w + x])) {
					out[y * w + x] = Float.NaN;
					continue;
				}
				int x0 = Math.max(0, x - r), x1 = Math.min(w, x + r + 1);
				int a = y0 * (w + 1) + x0, b = y0 * (w + 1) + x1, c = y1 * (w + 1) + x0, e = y1 * (w + 1) + x1;
				int n = count[e] - count[b] - count[c] + count[a];
				out[y * w + x] = (float) ((sum[e] - sum[b] - sum[c] + sum[a]) / n);
			}
		}
	}
}
