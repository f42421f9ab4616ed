package org.cyclecolor.image;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Joint bilateral upsampling (Kopf, Cohen, Lischinski, Uyttendaele, SIGGRAPH 2007): a plane
 * computed on a grid {@code factor} times coarser is brought back to full resolution, each full
 * pixel a weighted mean of the coarse pixels around it, weighted by distance (Gaussian, sigma in
 * coarse pixels) and by how close the coarse guide's value is to the full guide's value at the
 * pixel (Gaussian, sigma in guide units). Edges of the full-resolution guide thus stay sharp in
 * the result.
 * <p>
 * Grids: see {@link CoarseGrid} ({@link Resampler#shrink} makes such coarse planes).
 */
public final class JointBilateralUpsampling {

	/** Coarse pixels on each side of the nearest one that take part. */
	private static final int RADIUS = 2;
	/** Range weights are tabulated at this many steps per guide unit. */
	private static final int STEPS_PER_UNIT = 16;

	private final double spatialSigma;
	private final double rangeSigma;
	private final float[] rangeTable;

	/**
	 * @param spatialSigma in coarse pixels
	 * @param rangeSigma in guide units (0..255 levels for 8-bit data)
	 */
	public JointBilateralUpsampling(double spatialSigma, double rangeSigma) {
		if (!(spatialSigma > 0) || !(rangeSigma > 0)) throw new IllegalArgumentException("Sigmas must be positive.");
		this.spatialSigma = spatialSigma;
		this.rangeSigma = rangeSigma;
		int n = (int) Math.ceil(6 * rangeSigma * STEPS_PER_UNIT) + 1;
		rangeTable = new float[n];
		for (int i = 0; i < n; i++) {
			double d = (double) i / STEPS_PER_UNIT;
			rangeTable[i] = (float) Math.exp(-d * d / (2 * rangeSigma * rangeSigma));
		}
	}

	/**
	 * The coarse {@code planes} at the size of {@code guide}.
	 *
	 * @param guideCoarse the guide on the coarse grid (same size as the planes)
	 * @param guide the guide at full resolution
	 */
	public FloatPlane[] upsample(FloatPlane[] planes, FloatPlane guideCoarse, FloatPlane guide, int factor) {
		int w = guide.width(), h = guide.height(), cw = guideCoarse.width(), ch = guideCoarse.height();
		for (FloatPlane p : planes) {
			if (!p.sameSize(guideCoarse)) throw new IllegalArgumentException("Planes and coarse guide differ in size.");
		}
		if (cw != CoarseGrid.size(w, factor) || ch != CoarseGrid.size(h, factor)) {
			throw new IllegalArgumentException("A " + cw + "x" + ch + " grid is not " + w + "x" + h + " shrunk by " + factor + ".");
		}
		// Spatial weights depend only on the pixel's phase within its coarse cell: tabulate them.
		int taps = 2 * RADIUS + 1;
		float[][] spatial = new float[factor][taps];
		int[] base = new int[factor];
		for (int phase = 0; phase < factor; phase++) {
			double u = CoarseGrid.coarse(phase, factor);
			base[phase] = (int) Math.round(u) - RADIUS;
			for (int t = 0; t < taps; t++) {
				double d = base[phase] + t - u;
				spatial[phase][t] = (float) Math.exp(-d * d / (2 * spatialSigma * spatialSigma));
			}
		}
		FloatPlane[] out = new FloatPlane[planes.length];
		for (int c = 0; c < out.length; c++) out[c] = new FloatPlane(w, h);
		float[] g = guide.data(), gc = guideCoarse.data();
		float[][] in = new float[planes.length][];
		for (int c = 0; c < planes.length; c++) in[c] = planes[c].data();
		IntStream.range(0, h).parallel().forEach(y -> {
			double[] sum = new double[planes.length];
			int py = y % factor, cy = y / factor;
			for (int x = 0; x < w; x++) {
				int px = x % factor, cx = x / factor;
				float gv = g[y * w + x];
				double wsum = 0;
				Arrays.fill(sum, 0);
				for (int ty = 0; ty < taps; ty++) {
					int qy = cy + base[py] + ty;
					if (qy < 0 || qy >= ch) continue;
					float wy = spatial[py][ty];
					int row = qy * cw;
					for (int tx = 0; tx < taps; tx++) {
						int qx = cx + base[px] + tx;
						if (qx < 0 || qx >= cw) continue;
						int q = row + qx;
						int r = (int) (Math.abs(gv - gc[q]) * STEPS_PER_UNIT + 0.5f);
						if (r >= rangeTable.length) continue;
						double wq = wy * spatial[px][tx] * rangeTable[r];
						wsum += wq;
						for (int c = 0; c < sum.length; c++) sum[c] += wq * in[c][q];
					}
				}
				if (wsum > 1e-12) {
					for (int c = 0; c < sum.length; c++) out[c].data()[y * w + x] = (float) (sum[c] / wsum);
				}
				else {
					// no coarse neighbour resembles the guide here: take the nearest coarse pixel
					int q = Math.min(cy, ch - 1) * cw + Math.min(cx, cw - 1);
					for (int c = 0; c < sum.length; c++) out[c].data()[y * w + x] = in[c][q];
				}
			}
		});
		return out;
	}

	@Override
	public String toString() {
		return "joint bilateral (spatial sigma " + spatialSigma + " coarse px, range sigma " + rangeSigma + ")";
	}
}
