package org.cyclecolor.metrics;

import org.cyclecolor.image.FloatPlane;

/**
 * Linear correlation coefficient (Pearson's r) between two series, e.g. the first- and
 * second-time SSIM of a set of scenes (the paper's Table 3), or two planes pixel by pixel.
 */
public final class Lcc {

	private Lcc() {}

	/** Pearson's r of {@code x} and {@code y}; NaN when either series is constant. */
	public static double of(double[] x, double[] y) {
		if (x.length != y.length || x.length < 2) {
			throw new IllegalArgumentException("LCC needs two series of one length of at least 2, got "
				+ x.length + " and " + y.length + ".");
		}
		double mx = 0, my = 0;
		for (int i = 0; i < x.length; i++) {
			mx += x[i];
			my += y[i];
		}
		mx /= x.length;
		my /= y.length;
		double sxy = 0, sxx = 0, syy = 0;
		for (int i = 0; i < x.length; i++) {
			double dx = x[i] - mx, dy = y[i] - my;
			sxy += dx * dy;
			sxx += dx * dx;
			syy += dy * dy;
		}
		if (sxx == 0 || syy == 0) return Double.NaN;
		return sxy / Math.sqrt(sxx * syy);
	}

	/** Pearson's r of the pixel values of two planes of one size. */
	public static double of(FloatPlane a, FloatPlane b) {
		if (!a.sameSize(b)) {
			throw new IllegalArgumentException("LCC needs planes of one size, got " + a + " and " + b + ".");
		}
		float[] x = a.data(), y = b.data();
		double[] dx = new double[x.length], dy = new double[y.length];
		for (int i = 0; i < x.length; i++) {
			dx[i] = x[i];
			dy[i] = y[i];
		}
		return of(dx, dy);
	}
}
