package org.cyclecolor.baseline;

import org.cyclecolor.image.FloatPlane;

/** PSNR for tests, until the metrics package lands on main. */
public final class TestMetrics {

	private TestMetrics() {}

	/** PSNR (dB, peak 255) between two planes over the pixels where {@code mask} is true (all when null). */
	public static double psnr(FloatPlane a, FloatPlane b, boolean[] mask) {
		double se = 0;
		long n = 0;
		float[] x = a.data(), y = b.data();
		for (int i = 0; i < x.length; i++) {
			if (mask != null && !mask[i]) continue;
			double d = x[i] - y[i];
			se += d * d;
			n++;
		}
		return 10 * Math.log10(255.0 * 255.0 / (se / n));
	}

	/** PSNR of Cb and Cr together (their pooled mean squared error). */
	public static double chromaPsnr(FloatPlane cb, FloatPlane cr, FloatPlane cbTrue, FloatPlane crTrue, boolean[] mask) {
		double a = Math.pow(10, -psnr(cb, cbTrue, mask) / 10), b = Math.pow(10, -psnr(cr, crTrue, mask) / 10);
		return -10 * Math.log10((a + b) / 2);
	}

	/** Largest absolute difference over the masked pixels. */
	public static double maxAbsDiff(FloatPlane a, FloatPlane b, boolean[] mask) {
		double m = 0;
		for (int i = 0; i < a.size(); i++) {
			if (mask != null && !mask[i]) continue;
			m = Math.max(m, Math.abs(a.data()[i] - b.data()[i]));
		}
		return m;
	}
}
