package org.cyclecolor.baseline.stereo;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.cyclecolor.Progress;

/**
 * Semi-global matching (Hirschmüller, "Stereo Processing by Semiglobal Matching and Mutual
 * Information", TPAMI 2008): the matching costs are aggregated along 8 straight paths that end at
 * each pixel, each path charging {@code p1} for a disparity change of one and {@code p2} for a
 * larger jump (less across intensity steps of the base image, as Hirschmüller suggests); the
 * disparity with the least summed cost wins, refined to sub-pixel by a parabola.
 * <p>
 * The same summed costs also give the match image's disparities, by searching along the diagonal
 * d ↦ S(x + d, d) (Hirschmüller's §3.4), so the left–right check needs no second aggregation.
 */
final class SemiGlobalMatcher {

	/** Larger than any path cost plus a penalty; the sentinel beside the disparity range. */
	private static final int FAR = 1 << 20;
	/**
	 * Intensity step (0..255 units) that halves P2. Measured on four Middlebury scenes (ZNCC, P1 10,
	 * P2 64): 24 gives +0.19 / +0.16 / +0.08 dB Cb/Cr PSNR (ideal / camera response / noisy) over a
	 * constant P2; 8 and 48 give less.
	 */
	static final double ADAPTIVE_STEP = 24;

	private final int p1;
	private final int p2;
	private final boolean allowParallel;

	SemiGlobalMatcher(int p1, int p2) {
		this(p1, p2, true);
	}

	/** @param allowParallel false forces the one-array, one-thread path (tests compare the two) */
	SemiGlobalMatcher(int p1, int p2, boolean allowParallel) {
		if (p1 < 0 || p2 < p1) throw new IllegalArgumentException("SGM penalties must satisfy 0 <= P1 <= P2, got " + p1 + ", " + p2 + ".");
		this.p1 = p1;
		this.p2 = p2;
		this.allowParallel = allowParallel;
	}

	/** Disparities of both images from one aggregation. */
	static final class Disparities {
		/** Base image: sub-pixel disparity (base x matches match x − d). */
		final float[] base;
		/** Base image: the integer disparity that won. */
		final int[] baseInteger;
		/** Match image: the integer disparity from the diagonal search (match x matches base x + d). */
		final int[] match;

		Disparities(float[] base, int[] baseInteger, int[] match) {
			this.base = base;
			this.baseInteger = baseInteger;
			this.match = match;
		}
	}

	/** Bytes the summed-cost volume needs at least (a second array speeds things up when it fits). */
	static long bytesNeeded(int width, int height, int maxDisparity) {
		return 2L * width * height * (maxDisparity + 1);
	}

	/**
	 * The two sweeps (forward: paths from the left and from above; backward: from the right and
	 * from below) are independent, so with two processors and room for a second summed-cost array
	 * they run side by side, each summing into its own array. Integer sums make the result the
	 * same either way.
	 *
	 * @param image the base image (its intensity steps soften the jump penalty)
	 */
	Disparities match(CostVolume c, float[] image, Progress progress) {
		short[] forward = new short[c.cost.length];
		boolean parallel = allowParallel && Runtime.getRuntime().availableProcessors() > 1
			&& StereoMatcher.freeMemory() > 2L * c.cost.length + (64L << 20);
		short[] backward = parallel ? new short[c.cost.length] : forward;
		if (parallel) {
			Progress quiet = new Progress() {
				@Override
				public void report(double fraction, String message) {}

				@Override
				public boolean isCancelled() {
					return progress.isCancelled();
				}
			};
			CompletableFuture<Void> other = CompletableFuture.runAsync(() -> sweep(c, image, false, backward, quiet));
			try {
				sweep(c, image, true, forward, progress);
			}
			finally {
				join(other);
			}
		}
		else {
			sweep(c, image, true, forward, progress.sub(0, 0.5));
			sweep(c, image, false, forward, progress.sub(0.5, 1));
		}
		progress.checkCancelled();
		return select(c, forward, parallel ? backward : null);
	}

	private static void join(CompletableFuture<Void> f) {
		try {
			f.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
			throw e;
		}
	}

	/** Adds Σ over the sweep's 4 paths of L_r(p, d) to {@code sum}. */
	private void sweep(CostVolume c, float[] image, boolean forward, short[] sum, Progress progress) {
		int w = c.width, h = c.height, levels = c.levels;
		int span = levels + 2;
		// Per path, the previous and the current row of L (with a FAR sentinel at each end of the
		// disparity range) and each pixel's minimum over d.
		int[][] prev = new int[4][w * span], cur = new int[4][w * span];
		int[][] prevMin = new int[4][w], curMin = new int[4][w];
		int[] costRow = new int[levels], acc = new int[levels];
		for (int p = 0; p < 4; p++) {
			for (int x = 0; x < w; x++) {
				prev[p][x * span] = prev[p][x * span + levels + 1] = FAR;
				cur[p][x * span] = cur[p][x * span + levels + 1] = FAR;
			}
		}
		int step = forward ? 1 : -1; // direction of travel along x and y
		for (int row = 0; row < h; row++) {
			if ((row & 15) == 0) {
				progress.checkCancelled();
				progress.report((double) row / h, null);
			}
			int y = forward ? row : h - 1 - row;
			for (int k = 0; k < w; k++) {
				int x = forward ? k : w - 1 - k;
				int pix = y * w + x;
				int costOff = pix * levels;
				int o = x * span;
				for (int d = 0; d < levels; d++) costRow[d] = c.cost[costOff + d] & 0xff;
				Arrays.fill(acc, 0);
				// Path 0 runs along the row: its predecessor (x − step, y) is in the current row.
				// Paths 1-3 come from the previous row: (x − step, ·), (x, ·), (x + step, ·).
				for (int p = 0; p < 4; p++) {
					int xp = p == 0 || p == 1 ? x - step : (p == 2 ? x : x + step);
					boolean has = xp >= 0 && xp < w && (p == 0 || row > 0);
					int[] pred = p == 0 ? cur[0] : prev[p];
					int[] predMin = p == 0 ? curMin[0] : prevMin[p];
					int predPix = (p == 0 ? y : y - step) * w + xp;
					curMin[p][x] = step(costRow, levels, has ? jumpPenalty(image, pix, predPix) : p2, has ? pred : null,
						xp * span, has ? predMin[xp] : 0, cur[p], o, acc);
				}
				for (int d = 0; d < levels; d++) sum[costOff + d] += acc[d];
			}
			int[][] t = prev;
			prev = cur;
			cur = t;
			t = prevMin;
			prevMin = curMin;
			curMin = t;
		}
	}

	/**
	 * P2 for the step from predPix to pix: Hirschmüller's intensity-adaptive penalty, lower across
	 * an intensity step of the base image (where depth edges usually are), never below P1 + 1.
	 */
	private int jumpPenalty(float[] image, int pix, int predPix) {
		double step = Math.abs(image[pix] - image[predPix]);
		return Math.max(p1 + 1, (int) Math.round(p2 / (1 + step / ADAPTIVE_STEP)));
	}

	/**
	 * L(p, d) = C(p, d) + min(L(p−r, d), L(p−r, d±1) + P1, min_k L(p−r, k) + P2) − min_k L(p−r, k),
	 * stored at {@code out[o + 1 + d]} and added to {@code acc}; returns min_d L(p, d). Without a
	 * predecessor (the path starts here) L = C. The minimum is taken in a loop of its own so that
	 * the main loop has no reduction and the JIT can vectorise it.
	 */
	private int step(int[] costRow, int levels, int jumpPenalty, int[] pred, int predOff, int predMin, int[] out, int o,
		int[] acc) {
		int base = o + 1;
		if (pred == null) {
			for (int d = 0; d < levels; d++) {
				out[base + d] = costRow[d];
				acc[d] += costRow[d];
			}
		}
		else {
			int jump = predMin + jumpPenalty;
			int q = predOff + 1;
			for (int d = 0; d < levels; d++) {
				int best = Math.min(Math.min(pred[q + d], Math.min(pred[q + d - 1], pred[q + d + 1]) + p1), jump);
				int v = costRow[d] + best - predMin;
				out[base + d] = v;
				acc[d] += v;
			}
		}
		int min = FAR;
		for (int d = 0; d < levels; d++) min = Math.min(min, out[base + d]);
		return min;
	}

	/**
	 * Winner-takes-all on the summed costs S = a + b (b may be null), for the base image and
	 * (along diagonals) the match image.
	 */
	private static Disparities select(CostVolume c, short[] a, short[] b) {
		int w = c.width, h = c.height, levels = c.levels, maxD = levels - 1;
		float[] base = new float[w * h];
		int[] baseInt = new int[w * h];
		int[] match = new int[w * h];
		int[] s = new int[levels];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				int o = i * levels;
				for (int d = 0; d < levels; d++) s[d] = total(a, b, o + d);
				int top = Math.min(x, maxD);
				int best = 0;
				for (int d = 1; d <= top; d++) if (s[d] < s[best]) best = d;
				baseInt[i] = best;
				float sub = best;
				if (best > 0 && best < top) {
					int denom = s[best - 1] - 2 * s[best] + s[best + 1];
					if (denom > 0) sub = best + 0.5f * (s[best - 1] - s[best + 1]) / denom;
				}
				base[i] = sub;
				// Match pixel x sees base pixel x + d at disparity d.
				int topM = Math.min(maxD, w - 1 - x);
				int bestM = 0;
				int bestCost = s[0];
				for (int d = 1; d <= topM; d++) {
					int v = total(a, b, (i + d) * levels + d);
					if (v < bestCost) {
						bestCost = v;
						bestM = d;
					}
				}
				match[i] = bestM;
			}
		}
		return new Disparities(base, baseInt, match);
	}

	private static int total(short[] a, short[] b, int k) {
		return b == null ? a[k] : a[k] + b[k];
	}
}
