package org.cyclecolor.baseline.stereo;

import java.util.stream.IntStream;

import org.cyclecolor.Progress;
import org.cyclecolor.baseline.BoxFilter;
import org.cyclecolor.image.FloatPlane;

/**
 * Matching costs of every pixel of a base image at every disparity d in 0..maxDisparity, against
 * the match image under the convention base(x) ≈ match(x − d). One unsigned byte per cost, laid
 * out as {@code (y * width + x) * levels + d}. Candidates that fall outside the match image
 * (d > x) get {@link #MAX_COST}; the matcher never picks them.
 */
final class CostVolume {

	static final int MAX_COST = 63;
	/** 9x7 census window: half sizes. */
	private static final int CENSUS_RX = 4, CENSUS_RY = 3;
	/** 5x5 ZNCC window: half size. */
	private static final int ZNCC_R = 2;
	/** Variance (0..255 units) added under the ZNCC root, so flat, noisy windows do not match at random. */
	private static final double ZNCC_EPSILON = 4;

	final int width;
	final int height;
	final int levels;
	final byte[] cost;

	private CostVolume(int width, int height, int levels) {
		this.width = width;
		this.height = height;
		this.levels = levels;
		this.cost = new byte[width * height * levels];
	}

	/** Bytes a volume of this size needs, for memory checks before allocating. */
	static long bytesNeeded(int width, int height, int maxDisparity) {
		return (long) width * height * (maxDisparity + 1);
	}

	static CostVolume compute(MatchingCost kind, FloatPlane base, FloatPlane match, int maxDisparity, Progress progress) {
		if (!base.sameSize(match)) throw new IllegalArgumentException("Base " + base + " and match " + match + " differ in size.");
		switch (kind) {
			case CENSUS: return census(base, match, maxDisparity);
			case ZNCC: return zncc(base, match, maxDisparity, progress);
			default: return gainCompensatedAd(base, match, maxDisparity);
		}
	}

	private static CostVolume census(FloatPlane base, FloatPlane match, int maxDisparity) {
		CostVolume v = new CostVolume(base.width(), base.height(), maxDisparity + 1);
		long[] cb = censusTransform(base), cm = censusTransform(match);
		int w = v.width, levels = v.levels;
		for (int y = 0; y < v.height; y++) {
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				int o = i * levels;
				long c = cb[i];
				int valid = Math.min(x, maxDisparity);
				for (int d = 0; d <= valid; d++) v.cost[o + d] = (byte) Long.bitCount(c ^ cm[i - d]);
				for (int d = valid + 1; d < levels; d++) v.cost[o + d] = (byte) MAX_COST;
			}
		}
		return v;
	}

	/** 62-bit census descriptors; pixels outside the image repeat the border. */
	static long[] censusTransform(FloatPlane p) {
		int w = p.width(), h = p.height();
		float[] a = p.data();
		long[] out = new long[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float c = a[y * w + x];
				long bits = 0;
				for (int dy = -CENSUS_RY; dy <= CENSUS_RY; dy++) {
					int row = Math.min(h - 1, Math.max(0, y + dy)) * w;
					for (int dx = -CENSUS_RX; dx <= CENSUS_RX; dx++) {
						if (dx == 0 && dy == 0) continue;
						bits = (bits << 1) | (a[row + Math.min(w - 1, Math.max(0, x + dx))] < c ? 1 : 0);
					}
				}
				out[y * w + x] = bits;
			}
		}
		return out;
	}

	/**
	 * ZNCC costs, one disparity at a time (a product image and its window mean); disparities are
	 * split into contiguous ranges that run in parallel, each with its own buffers.
	 */
	private static CostVolume zncc(FloatPlane base, FloatPlane match, int maxDisparity, Progress progress) {
		CostVolume v = new CostVolume(base.width(), base.height(), maxDisparity + 1);
		int w = v.width, h = v.height;
		float[] b = base.data(), m = match.data();
		float[] meanB = BoxFilter.mean(b, w, h, ZNCC_R), meanM = BoxFilter.mean(m, w, h, ZNCC_R);
		float[] invB = inverseStd(b, meanB, w, h), invM = inverseStd(m, meanM, w, h);
		int chunks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), v.levels));
		IntStream.range(0, chunks).parallel().forEach(k -> {
			int from = k * v.levels / chunks, to = (k + 1) * v.levels / chunks;
			// Only the first range reports (progress sinks need not be thread-safe); all poll for cancel.
			Progress p = k == 0 ? progress : Progress.NONE;
			float[] product = new float[w * h], rowSums = new float[w * h];
			double[] column = new double[w];
			for (int d = from; d < to; d++) {
				progress.checkCancelled();
				p.report((double) (d - from) / (to - from), null);
				znccAt(d, v, b, m, meanB, meanM, invB, invM, product, rowSums, column);
			}
		});
		return v;
	}

	private static void znccAt(int d, CostVolume v, float[] b, float[] m, float[] meanB, float[] meanM, float[] invB,
		float[] invM, float[] product, float[] rowSums, double[] column) {
		int w = v.width, h = v.height, levels = v.levels;
		float area = (2 * ZNCC_R + 1) * (2 * ZNCC_R + 1);
		for (int y = 0; y < h; y++) {
			int row = y * w;
			for (int x = 0; x < w; x++) product[row + x] = b[row + x] * m[row + Math.max(0, x - d)];
		}
		float[] meanP = boxMean(product, rowSums, column, w, h, area);
		for (int y = 0; y < h; y++) {
			int row = y * w;
			int o = row * levels + d;
			for (int x = 0; x < Math.min(d, w); x++, o += levels) v.cost[o] = (byte) MAX_COST;
			for (int x = d; x < w; x++, o += levels) {
				int i = row + x, j = i - d;
				float ncc = (meanP[i] - meanB[i] * meanM[j]) * invB[i] * invM[j];
				int c = (int) (31 * (1 - ncc) + 0.5f);
				v.cost[o] = (byte) (c < 0 ? 0 : (c > MAX_COST - 1 ? MAX_COST - 1 : c));
			}
		}
	}

	/** 1 / sqrt(window variance + ε), so the per-disparity loop needs no square roots. */
	private static float[] inverseStd(float[] a, float[] mean, int w, int h) {
		float[] var = variance(a, mean, w, h);
		for (int i = 0; i < var.length; i++) var[i] = (float) (1 / Math.sqrt(var[i] + ZNCC_EPSILON));
		return var;
	}

	/**
	 * The ZNCC window mean of {@code a} into {@code a} itself, using caller-owned buffers (this runs
	 * once per disparity); same border rule as {@link BoxFilter}.
	 */
	private static float[] boxMean(float[] a, float[] tmp, double[] col, int w, int h, float area) {
		int r = ZNCC_R;
		for (int y = 0; y < h; y++) {
			int row = y * w;
			double s = 0;
			for (int k = -r; k <= r; k++) s += a[row + clamp(k, w)];
			for (int x = 0; x < w; x++) {
				tmp[row + x] = (float) s;
				s += a[row + clamp(x + r + 1, w)] - a[row + clamp(x - r, w)];
			}
		}
		java.util.Arrays.fill(col, 0);
		for (int k = -r; k <= r; k++) {
			int row = clamp(k, h) * w;
			for (int x = 0; x < w; x++) col[x] += tmp[row + x];
		}
		for (int y = 0; y < h; y++) {
			int row = y * w, add = clamp(y + r + 1, h) * w, sub = clamp(y - r, h) * w;
			for (int x = 0; x < w; x++) {
				a[row + x] = (float) (col[x] / area);
				col[x] += tmp[add + x] - tmp[sub + x];
			}
		}
		return a;
	}

	private static int clamp(int i, int n) {
		return i < 0 ? 0 : (i >= n ? n - 1 : i);
	}

	private static float[] variance(float[] a, float[] mean, int w, int h) {
		float[] sq = new float[a.length];
		for (int i = 0; i < a.length; i++) sq[i] = a[i] * a[i];
		float[] meanSq = BoxFilter.mean(sq, w, h, ZNCC_R);
		for (int i = 0; i < a.length; i++) meanSq[i] = Math.max(0, meanSq[i] - mean[i] * mean[i]);
		return meanSq;
	}

	private static CostVolume gainCompensatedAd(FloatPlane base, FloatPlane match, int maxDisparity) {
		CostVolume v = new CostVolume(base.width(), base.height(), maxDisparity + 1);
		int w = v.width, levels = v.levels;
		float[] b = base.data(), m = match.data();
		double[] sb = meanStd(b), sm = meanStd(m);
		double gain = sm[1] > 0 ? sb[1] / sm[1] : 1;
		float[] mc = new float[m.length];
		for (int i = 0; i < m.length; i++) mc[i] = (float) ((m[i] - sm[0]) * gain + sb[0]);
		for (int y = 0; y < v.height; y++) {
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				int o = i * levels;
				int valid = Math.min(x, maxDisparity);
				for (int d = 0; d <= valid; d++) {
					v.cost[o + d] = (byte) Math.min(MAX_COST, (int) (Math.abs(b[i] - mc[i - d]) + 0.5f));
				}
				for (int d = valid + 1; d < levels; d++) v.cost[o + d] = (byte) MAX_COST;
			}
		}
		return v;
	}

	private static double[] meanStd(float[] a) {
		double s = 0, s2 = 0;
		for (float v : a) {
			s += v;
			s2 += (double) v * v;
		}
		double mean = s / a.length;
		return new double[] { mean, Math.sqrt(Math.max(0, s2 / a.length - mean * mean)) };
	}
}
