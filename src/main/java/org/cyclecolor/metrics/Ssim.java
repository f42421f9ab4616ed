package org.cyclecolor.metrics;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;

/**
 * Structural similarity (Wang, Bovik, Sheikh and Simoncelli 2004) with the Gaussian window of the
 * paper: 11x11, sigma 1.5, K1 = 0.01, K2 = 0.03, population (not sample) covariances.
 * <p>
 * It reproduces scikit-image's
 * {@code structural_similarity(a, b, gaussian_weights=True, sigma=1.5, use_sample_covariance=False,
 * data_range=R)}: the same SciPy Gaussian taps (truncated at 3.5 sigma, radius 5), the same
 * 'reflect' border, and a mean over the interior only (see {@link SsimResult}). The oracle test
 * holds the mean to 1e-4 of scikit-image on real image pairs (measured: within 3e-7).
 * <p>
 * Speed: the five local moments (two means, two variances, the covariance) are filtered
 * separably, rows first, through a ring of 11 filtered rows; the image is cut into tiles of rows
 * and columns small enough for that ring to stay in cache, and the tiles run on all cores.
 * Values are float; a typical value of each image is subtracted before squaring so that the
 * variances keep their precision.
 */
public final class Ssim {

	public static final double K1 = 0.01;
	public static final double K2 = 0.03;
	/** Side of the Gaussian window, pixels. */
	public static final int WINDOW = GaussianWindow.SIZE;
	/** Pixels at each edge left out of the means: half the window. */
	public static final int BORDER = GaussianWindow.RADIUS;

	private static final int R = GaussianWindow.RADIUS;
	/** Rows per tile at least: each tile filters 2R rows more than it outputs. */
	private static final int MIN_TILE_ROWS = 64;
	/**
	 * Columns per tile at most: its ring (5 moments x 11 rows, 220 KB) then stays in the core's
	 * L2 cache. Narrower tiles were slower here (measured 256: +12 %, 64: +100 %): every row
	 * operation is a call with loop set-up, and the 2R extra columns per tile add up.
	 */
	private static final int MAX_TILE_COLUMNS = 1024;

	private final double dataRange;
	private final boolean components;

	/**
	 * @param dataRange the distance between the smallest and largest possible pixel value (255 for
	 *          8-bit data); it sets the stabilising constants C1 = (K1 R)^2 and C2 = (K2 R)^2
	 */
	public Ssim(double dataRange) {
		this(dataRange, false);
	}

	private Ssim(double dataRange, boolean components) {
		if (!(dataRange > 0) || Double.isInfinite(dataRange)) {
			throw new IllegalArgumentException("SSIM data range must be positive and finite, got " + dataRange + ".");
		}
		this.dataRange = dataRange;
		this.components = components;
	}

	/** The same SSIM, computing also (or not) the luminance, contrast and structure maps. */
	public Ssim withComponents(boolean withComponents) {
		return new Ssim(dataRange, withComponents);
	}

	public double dataRange() {
		return dataRange;
	}

	public boolean components() {
		return components;
	}

	public SsimResult compare(FloatPlane a, FloatPlane b) {
		return compare(a, b, Progress.NONE);
	}

	/**
	 * SSIM of {@code a} and {@code b}, which must have one size of at least 11x11 pixels.
	 * Reports progress from 0 to 1, and stops with {@link org.cyclecolor.CancelledException}
	 * between tiles when asked.
	 */
	public SsimResult compare(FloatPlane a, FloatPlane b, Progress progress) {
		if (!a.sameSize(b)) {
			throw new IllegalArgumentException("SSIM needs planes of one size, got " + a + " and " + b + ".");
		}
		int w = a.width(), h = a.height();
		if (w < WINDOW || h < WINDOW) {
			throw new IllegalArgumentException("SSIM needs at least " + WINDOW + "x" + WINDOW + " pixels, got " + a + ".");
		}
		Maps maps = new Maps(w, h, components);
		int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
		// Two bands per core balance the load; more would filter more overlap rows.
		int tileRows = Math.max(MIN_TILE_ROWS, (h + 2 * threads - 1) / (2 * threads));
		int bands = (h + tileRows - 1) / tileRows;
		int strips = (w + MAX_TILE_COLUMNS - 1) / MAX_TILE_COLUMNS;
		int tileColumns = (w + strips - 1) / strips;
		int tiles = bands * strips;
		// Per-tile sums, added in tile order afterwards so the result never depends on scheduling.
		double[][] sums = new double[tiles][4];
		float offsetA = typicalValue(a), offsetB = typicalValue(b);
		Constants k = new Constants(dataRange);
		AtomicInteger done = new AtomicInteger();
		progress.report(0, "SSIM");
		IntStream.range(0, tiles).parallel().forEach(tile -> {
			progress.checkCancelled();
			int y0 = (tile / strips) * tileRows, x0 = (tile % strips) * tileColumns;
			new Tile(a, b, offsetA, offsetB, k, maps, x0, Math.min(w, x0 + tileColumns))
				.run(y0, Math.min(h, y0 + tileRows), sums[tile]);
			progress.report((double) done.incrementAndGet() / tiles, null);
		});
		progress.checkCancelled();

		double[] total = new double[4];
		for (double[] tileSum : sums) {
			for (int i = 0; i < 4; i++) total[i] += tileSum[i];
		}
		double n = (double) (w - 2 * R) * (h - 2 * R);
		double[] componentMeans = components ? new double[] { total[1] / n, total[2] / n, total[3] / n } : null;
		return new SsimResult(total[0] / n, maps.ssim, maps.l, maps.c, maps.s, componentMeans);
	}

	/**
	 * A value near the plane's mean, from at most 4096 evenly spaced pixels: subtracted before
	 * squaring, it only needs to be typical of the data (SSIM does not depend on it).
	 */
	private static float typicalValue(FloatPlane p) {
		float[] d = p.data();
		int step = Math.max(1, d.length / 4096);
		double s = 0;
		int n = 0;
		for (int i = 0; i < d.length; i += step, n++) s += d[i];
		return (float) (s / n);
	}

	/** The output planes. */
	private static final class Maps {
		final FloatPlane ssim, l, c, s;

		Maps(int w, int h, boolean components) {
			ssim = new FloatPlane(w, h);
			l = components ? new FloatPlane(w, h) : null;
			c = components ? new FloatPlane(w, h) : null;
			s = components ? new FloatPlane(w, h) : null;
		}
	}

	/** The stabilising constants and the taps, passed as values (not literals) into the loops. */
	private static final class Constants {
		final float c1, c2, halfC1, halfC2;
		final float four = 4, half = 0.5f, zero = 0;
		final float[] taps = new float[R + 1];

		Constants(double dataRange) {
			double k1r = K1 * dataRange, k2r = K2 * dataRange;
			c1 = (float) (k1r * k1r);
			c2 = (float) (k2r * k2r);
			halfC1 = c1 / 2;
			halfC2 = c2 / 2;
			double[] half = GaussianWindow.halfTaps();
			for (int i = 0; i <= R; i++) taps[i] = (float) half[i];
		}
	}

	/** The work of one tile: output rows [y0, y1) of columns [x0, x1), with its own scratch rows. */
	private static final class Tile {

		private final float[] a, b;
		private final int w, h, x0, tw;
		private final float offsetA, offsetB;
		private final Constants k;
		private final float[] map, lMap, cMap, sMap;

		// Padded source rows (R extra columns on each side) of x and y.
		private final float[] px, py;
		// The padded rows shifted by 0..2R: shiftedX[j][i] = px[i + j]; products come from these.
		private final float[][] shiftedX = new float[WINDOW][], shiftedY = new float[WINDOW][];
		// Ring of the last WINDOW row-filtered rows of each moment: [moment][slot][column].
		private final float[][][] ring;
		private final float[][] window = new float[WINDOW][];
		// Column-filtered moments of the current output row, and its SSIM (l, c, s) values.
		private final float[][] moments;
		private final float[] ssimRow, lRow, cRow, sRow, scratch1, scratch2, scratch3;
		// Per-column sums of the interior rows of SSIM, l, c, s: added as floats in vectorised
		// loops, then summed in double once per tile (a float sum of ~100 values in [-1, 1] loses
		// nothing that matters; a double sum per pixel cost a sixth of the time).
		private final float[][] columnSums;

		Tile(FloatPlane a, FloatPlane b, float offsetA, float offsetB, Constants k, Maps maps, int x0, int x1) {
			this.a = a.data();
			this.b = b.data();
			this.w = a.width();
			this.h = a.height();
			this.x0 = x0;
			this.tw = x1 - x0;
			this.offsetA = offsetA;
			this.offsetB = offsetB;
			this.k = k;
			this.map = maps.ssim.data();
			boolean lcs = maps.l != null;
			this.lMap = lcs ? maps.l.data() : null;
			this.cMap = lcs ? maps.c.data() : null;
			this.sMap = lcs ? maps.s.data() : null;
			int pw = tw + 2 * R;
			px = new float[pw];
			py = new float[pw];
			for (int j = 0; j < WINDOW; j++) {
				shiftedX[j] = new float[tw];
				shiftedY[j] = new float[tw];
			}
			ring = new float[5][WINDOW][tw];
			moments = new float[5][tw];
			ssimRow = new float[tw];
			scratch1 = new float[tw];
			scratch2 = lcs ? new float[tw] : null;
			scratch3 = lcs ? new float[tw] : null;
			lRow = lcs ? new float[tw] : null;
			cRow = lcs ? new float[tw] : null;
			sRow = lcs ? new float[tw] : null;
			columnSums = new float[lcs ? 4 : 1][tw];
		}

		/** Fills output rows [y0, y1) of the tile and adds its interior sums of SSIM, l, c, s to {@code sum}. */
		void run(int y0, int y1, double[] sum) {
			// Source rows y0-R .. y1+R-1 pass through the ring; row r lives in slot r mod WINDOW.
			for (int r = y0 - R; r < y1 + R; r++) {
				filterSourceRow(GaussianWindow.reflect(r, h), Math.floorMod(r, WINDOW));
				int y = r - R;
				if (y >= y0) {
					filterColumns(y);
					outputRow(y);
				}
			}
			// The means cover columns [R, w - R) of rows [R, h - R).
			int from = Math.max(R, x0) - x0, to = Math.min(w - R, x0 + tw) - x0;
			for (int m = 0; m < columnSums.length; m++) {
				for (int i = from; i < to; i++) sum[m] += columnSums[m][i];
			}
		}

		private void filterSourceRow(int sy, int slot) {
			padRow(a, sy * w, w, x0, tw, offsetA, px);
			padRow(b, sy * w, w, x0, tw, offsetB, py);
			for (int j = 0; j < WINDOW; j++) {
				System.arraycopy(px, j, shiftedX[j], 0, tw);
				System.arraycopy(py, j, shiftedY[j], 0, tw);
			}
			accumulate(shiftedX, ring[0][slot], tw, k.taps);
			accumulate(shiftedY, ring[1][slot], tw, k.taps);
			accumulateSquares(shiftedX, ring[2][slot], tw, k.taps);
			accumulateSquares(shiftedY, ring[3][slot], tw, k.taps);
			accumulateProducts(shiftedX, shiftedY, ring[4][slot], tw, k.taps);
		}

		private void filterColumns(int y) {
			for (int m = 0; m < 5; m++) {
				for (int j = -R; j <= R; j++) window[j + R] = ring[m][Math.floorMod(y + j, WINDOW)];
				accumulate(window, moments[m], tw, k.taps);
			}
		}

		private void outputRow(int y) {
			int at = y * w + x0;
			float[] mx = moments[0], my = moments[1], mxx = moments[2], myy = moments[3], mxy = moments[4];
			// Rows are computed in scratch and copied: a loop writing the map at an offset is not vectorised.
			ssimPixels(mx, my, mxx, myy, mxy, offsetA, offsetB, k, scratch1, ssimRow, tw);
			System.arraycopy(ssimRow, 0, map, at, tw);
			boolean interior = y >= R && y < h - R;
			if (interior) addTo(columnSums[0], ssimRow, tw);
			if (lMap == null) return;
			componentPixels(mx, my, mxx, myy, mxy, offsetA, offsetB, k, scratch1, scratch2, scratch3, lRow, cRow, sRow,
				tw);
			System.arraycopy(lRow, 0, lMap, at, tw);
			System.arraycopy(cRow, 0, cMap, at, tw);
			System.arraycopy(sRow, 0, sMap, at, tw);
			if (interior) {
				addTo(columnSums[1], lRow, tw);
				addTo(columnSums[2], cRow, tw);
				addTo(columnSums[3], sRow, tw);
			}
		}
	}

	// The loops below are static, on plain arrays, branch-free, and read and write every array at
	// the same index: that is what the JIT of Java 17 vectorises. It does not vectorise a loop
	// that reads one array at several offsets while writing another (they might be the same
	// array), a loop over more than five or so arrays, or one that multiplies by a literal
	// constant; hence the shifted copies of each row (from which the squares and products are
	// formed on the fly, so only x and y are copied), the split loops and the constants passed
	// as values.

	/**
	 * Fills {@code p} with columns x0-R .. x0+tw+R-1 of the image row starting at {@code row},
	 * minus {@code offset}; columns outside the image are mirrored ('reflect').
	 */
	private static void padRow(float[] src, int row, int w, int x0, int tw, float offset, float[] p) {
		int first = x0 - R;
		int lo = Math.max(0, first), hi = Math.min(w, x0 + tw + R);
		System.arraycopy(src, row + lo, p, lo - first, hi - lo);
		for (int j = 0; j < lo - first; j++) p[j] = src[row + GaussianWindow.reflect(first + j, w)];
		for (int j = hi - first; j < tw + 2 * R; j++) p[j] = src[row + GaussianWindow.reflect(first + j, w)];
		for (int i = 0; i < p.length; i++) p[i] -= offset;
	}

	/**
	 * out[i] = t0 rows[R][i] + sum_{j=1..R} t[j] (rows[R-j][i] + rows[R+j][i]): symmetric taps,
	 * in three loops of at most seven arrays.
	 */
	private static void accumulate(float[][] rows, float[] out, int w, float[] t) {
		float t0 = t[0], t1 = t[1], t2 = t[2], t3 = t[3], t4 = t[4], t5 = t[5];
		float[] c = rows[5], m1 = rows[4], p1 = rows[6], m2 = rows[3], p2 = rows[7];
		for (int i = 0; i < w; i++) out[i] = t0 * c[i] + t1 * (m1[i] + p1[i]) + t2 * (m2[i] + p2[i]);
		float[] m3 = rows[2], p3 = rows[8], m4 = rows[1], p4 = rows[9];
		for (int i = 0; i < w; i++) out[i] += t3 * (m3[i] + p3[i]) + t4 * (m4[i] + p4[i]);
		float[] m5 = rows[0], p5 = rows[10];
		for (int i = 0; i < w; i++) out[i] += t5 * (m5[i] + p5[i]);
	}

	/** out[i] = sum_j t[|j|] rows[R+j][i]^2: the row filter of x^2, from the shifted copies of x. */
	private static void accumulateSquares(float[][] rows, float[] out, int w, float[] t) {
		float[] centre = rows[R];
		float t0 = t[0];
		for (int i = 0; i < w; i++) {
			float v = centre[i];
			out[i] = t0 * v * v;
		}
		for (int j = 1; j <= R; j++) {
			float tj = t[j];
			float[] m = rows[R - j], p = rows[R + j];
			for (int i = 0; i < w; i++) {
				float u = m[i], v = p[i];
				out[i] += tj * (u * u + v * v);
			}
		}
	}

	/** out[i] = sum_j t[|j|] x[R+j][i] y[R+j][i]: the row filter of x y, from the shifted copies. */
	private static void accumulateProducts(float[][] x, float[][] y, float[] out, int w, float[] t) {
		float[] cx = x[R], cy = y[R];
		float t0 = t[0];
		for (int i = 0; i < w; i++) out[i] = t0 * cx[i] * cy[i];
		for (int j = 1; j <= R; j++) {
			float tj = t[j];
			float[] mx = x[R - j], px = x[R + j], my = y[R - j], py = y[R + j];
			for (int i = 0; i < w; i++) out[i] += tj * (mx[i] * my[i] + px[i] * py[i]);
		}
	}

	/**
	 * SSIM from the local moments of the offset images (ox, oy added back for the means):
	 * ((2 ux uy + C1)(2 vxy + C2)) / ((ux^2 + uy^2 + C1)(vx + vy + C2)), computed as
	 * 4 (ux uy + C1/2)(vxy + C2/2) / den.
	 */
	private static void ssimPixels(float[] mx, float[] my, float[] mxx, float[] myy, float[] mxy, float ox,
		float oy, Constants k, float[] den, float[] out, int w)
	{
		float c1 = k.c1, c2 = k.c2, h1 = k.halfC1, h2 = k.halfC2, four = k.four;
		for (int i = 0; i < w; i++) {
			float dx = mx[i], dy = my[i];
			float ux = dx + ox, uy = dy + oy;
			den[i] = (ux * ux + uy * uy + c1) * (mxx[i] - dx * dx + myy[i] - dy * dy + c2);
		}
		for (int i = 0; i < w; i++) {
			float dx = mx[i], dy = my[i];
			float ux = dx + ox, uy = dy + oy;
			out[i] = (ux * uy + h1) * (mxy[i] - dx * dy + h2) * four / den[i];
		}
	}

	/**
	 * l, c, s as in {@link SsimResult} (C3 = C2 / 2), with the factors 2 taken out as in
	 * {@link #ssimPixels}; {@code vx}, {@code vy}, {@code sxy} are scratch rows.
	 */
	private static void componentPixels(float[] mx, float[] my, float[] mxx, float[] myy, float[] mxy, float ox,
		float oy, Constants k, float[] vx, float[] vy, float[] sxy, float[] l, float[] c, float[] s, int w)
	{
		float c1 = k.c1, c2 = k.c2, h1 = k.halfC1, h2 = k.halfC2, half = k.half, zero = k.zero;
		// Rounding can leave a tiny negative variance in flat regions; a variance is never negative.
		for (int i = 0; i < w; i++) {
			float dx = mx[i];
			vx[i] = Math.max(zero, mxx[i] - dx * dx);
		}
		for (int i = 0; i < w; i++) {
			float dy = my[i];
			vy[i] = Math.max(zero, myy[i] - dy * dy);
		}
		for (int i = 0; i < w; i++) sxy[i] = (float) Math.sqrt(vx[i] * vy[i]);
		for (int i = 0; i < w; i++) {
			float ux = mx[i] + ox, uy = my[i] + oy;
			l[i] = (ux * uy + h1) / ((ux * ux + uy * uy + c1) * half);
		}
		for (int i = 0; i < w; i++) c[i] = (sxy[i] + h2) / ((vx[i] + vy[i] + c2) * half);
		for (int i = 0; i < w; i++) s[i] = (mxy[i] - mx[i] * my[i] + h2) / (sxy[i] + h2);
	}

	private static void addTo(float[] sum, float[] row, int w) {
		for (int i = 0; i < w; i++) sum[i] += row[i];
	}
}
