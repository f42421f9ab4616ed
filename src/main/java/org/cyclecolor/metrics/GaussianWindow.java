package org.cyclecolor.metrics;

/**
 * The SSIM window: a normalised 1-D Gaussian, applied along rows and then along columns.
 * <p>
 * Taps follow SciPy's {@code gaussian_filter} as scikit-image calls it for SSIM: sigma 1.5,
 * truncated at 3.5 sigma, so radius {@code int(3.5 * 1.5 + 0.5) = 5} and 11 taps,
 * {@code exp(-x^2 / (2 sigma^2))} divided by their sum (Wang et al. 2004 use the same 11x11
 * window). Only the centre tap and one side are stored: the window is symmetric.
 */
final class GaussianWindow {

	static final double SIGMA = 1.5;
	static final int RADIUS = (int) (3.5 * SIGMA + 0.5);
	static final int SIZE = 2 * RADIUS + 1;

	private GaussianWindow() {}

	/** Taps 0..RADIUS (centre first), normalised so that the full window sums to 1. */
	static double[] halfTaps() {
		double[] half = new double[RADIUS + 1];
		double sum = 0;
		for (int k = 0; k <= RADIUS; k++) {
			half[k] = Math.exp(-0.5 * k * k / (SIGMA * SIGMA));
			sum += k == 0 ? half[k] : 2 * half[k];
		}
		for (int k = 0; k <= RADIUS; k++) half[k] /= sum;
		return half;
	}

	/**
	 * SciPy's 'reflect' border (half-sample symmetric: d c b a | a b c d | d c b a) for an index
	 * at most {@code n} outside [0, n), which holds because images are at least {@link #SIZE} wide.
	 */
	static int reflect(int i, int n) {
		if (i < 0) return -i - 1;
		if (i >= n) return 2 * n - i - 1;
		return i;
	}
}
