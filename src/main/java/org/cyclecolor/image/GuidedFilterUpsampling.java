package org.cyclecolor.image;

import java.util.stream.IntStream;

/**
 * Upsampling with the fast guided filter (He and Sun, "Fast Guided Filter", arXiv 1505.00996,
 * 2015; the guided filter of He, Sun and Tang, ECCV 2010): on the coarse grid each plane p is
 * fitted locally as a linear function of the guide I over (2r+1)^2 windows,
 * {@code a = cov(I, p) / (var(I) + eps)}, {@code b = mean(p) - a mean(I)}; the window means of a
 * and b are brought to full resolution bilinearly and the result is {@code a * I_full + b}, so
 * the full-resolution guide's edges appear in it.
 * <p>
 * Grids: see {@link CoarseGrid}.
 */
public final class GuidedFilterUpsampling {

	private final int radius;
	private final double eps;

	/**
	 * @param radius window radius in coarse pixels
	 * @param eps regularisation in squared guide units: larger means smoother (less of the guide)
	 */
	public GuidedFilterUpsampling(int radius, double eps) {
		if (radius < 1 || !(eps > 0)) throw new IllegalArgumentException("Radius must be at least 1 and eps positive.");
		this.radius = radius;
		this.eps = eps;
	}

	/**
	 * @param guideCoarse the guide on the coarse grid (same size as the planes)
	 * @param guide the guide at full resolution
	 */
	public FloatPlane[] upsample(FloatPlane[] planes, FloatPlane guideCoarse, FloatPlane guide, int factor) {
		int w = guide.width(), h = guide.height();
		FloatPlane meanI = boxMean(guideCoarse);
		FloatPlane meanII = boxMean(product(guideCoarse, guideCoarse));
		FloatPlane[] out = new FloatPlane[planes.length];
		for (int c = 0; c < planes.length; c++) {
			FloatPlane p = planes[c];
			if (!p.sameSize(guideCoarse)) throw new IllegalArgumentException("Planes and coarse guide differ in size.");
			FloatPlane meanP = boxMean(p);
			FloatPlane meanIP = boxMean(product(guideCoarse, p));
			int n = p.size();
			FloatPlane a = new FloatPlane(p.width(), p.height()), b = new FloatPlane(p.width(), p.height());
			for (int i = 0; i < n; i++) {
				double mi = meanI.data()[i];
				double var = meanII.data()[i] - mi * mi;
				double cov = meanIP.data()[i] - mi * meanP.data()[i];
				double ai = cov / (Math.max(var, 0) + eps);
				a.data()[i] = (float) ai;
				b.data()[i] = (float) (meanP.data()[i] - ai * mi);
			}
			FloatPlane ma = boxMean(a), mb = boxMean(b);
			FloatPlane q = new FloatPlane(w, h);
			float[] g = guide.data(), qd = q.data();
			IntStream.range(0, h).parallel().forEach(y -> {
				double v = CoarseGrid.coarse(y, factor);
				for (int x = 0; x < w; x++) {
					double u = CoarseGrid.coarse(x, factor);
					qd[y * w + x] = (float) (CoarseGrid.bilinear(ma, u, v) * g[y * w + x] + CoarseGrid.bilinear(mb, u, v));
				}
			});
			out[c] = q;
		}
		return out;
	}

	private static FloatPlane product(FloatPlane a, FloatPlane b) {
		FloatPlane out = new FloatPlane(a.width(), a.height());
		for (int i = 0; i < out.size(); i++) out.data()[i] = a.data()[i] * b.data()[i];
		return out;
	}

	/** Mean over the (2r+1)^2 window, windows cut by the border (mean of the pixels inside). */
	private FloatPlane boxMean(FloatPlane p) {
		int w = p.width(), h = p.height();
		double[] rows = new double[w * h];
		float[] d = p.data();
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double s = 0;
				int x0 = Math.max(0, x - radius), x1 = Math.min(w - 1, x + radius);
				for (int k = x0; k <= x1; k++) s += d[y * w + k];
				rows[y * w + x] = s;
			}
		}
		FloatPlane out = new FloatPlane(w, h);
		for (int y = 0; y < h; y++) {
			int y0 = Math.max(0, y - radius), y1 = Math.min(h - 1, y + radius);
			for (int x = 0; x < w; x++) {
				double s = 0;
				for (int k = y0; k <= y1; k++) s += rows[k * w + x];
				int n = (y1 - y0 + 1) * (Math.min(w - 1, x + radius) - Math.max(0, x - radius) + 1);
				out.data()[y * w + x] = (float) (s / n);
			}
		}
		return out;
	}

	@Override
	public String toString() {
		return "guided filter (radius " + radius + " coarse px, eps " + eps + ")";
	}
}
