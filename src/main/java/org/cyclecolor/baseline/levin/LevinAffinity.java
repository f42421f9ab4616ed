package org.cyclecolor.baseline.levin;

import org.cyclecolor.image.FloatPlane;

/**
 * The weights of Levin, Lischinski and Weiss (2004) between each pixel and its 8 neighbours, from
 * a guide (luminance) image in 0..255 units.
 * <p>
 * Pixel r weighs a neighbour s by {@code exp(−(Y_r − Y_s)² / 2σ_r²)}, normalised to sum to 1 over
 * r's neighbours. 2σ_r² is 0.6 times the variance of Y over r's 3x3 window (centre included),
 * raised where needed so that r's most similar neighbour keeps an un-normalised weight of at
 * least 0.01, and never below 2·10⁻⁶ of full scale squared: the constants of the authors'
 * released code, which keep flat and noisy pixels connected. The weights are not symmetric
 * (σ_r belongs to r); the system they define is solved as it is, see {@link LevinPropagation}.
 */
public final class LevinAffinity {

	/** Levin's factor between the window variance and 2σ². */
	static final double VARIANCE_FACTOR = 0.6;
	/** The most similar neighbour keeps at least this un-normalised weight. */
	static final double MIN_CLOSEST_WEIGHT = 0.01;
	/** Floor of 2σ² in 0..255 units: Levin's 2·10⁻⁶ on a 0..1 scale. */
	static final double MIN_TWO_SIGMA_SQ = 2e-6 * 255 * 255;

	final int width;
	final int height;
	/** Padded, normalised weights by direction, indexed as in {@link GridOperator}; single precision like the solver's. */
	final float[][] w;

	private LevinAffinity(int width, int height, float[][] w) {
		this.width = width;
		this.height = height;
		this.w = w;
	}

	/** The weights of the guide's pixel graph. */
	public static LevinAffinity of(FloatPlane guide) {
		int width = guide.width(), height = guide.height();
		float[] g = guide.data();
		int stride = width + 2;
		float[][] w = new float[8][GridOperator.paddedSize(width, height)];
		double[] e = new double[8];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				double c = g[y * width + x];
				double sum = c, sumSq = c * c, closest = Double.POSITIVE_INFINITY;
				int count = 1;
				for (int k = 0; k < 8; k++) {
					int xx = x + GridOperator.DX[k], yy = y + GridOperator.DY[k];
					if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
					double v = g[yy * width + xx];
					sum += v;
					sumSq += v * v;
					count++;
					closest = Math.min(closest, (v - c) * (v - c));
				}
				double mean = sum / count;
				double variance = Math.max(0, sumSq / count - mean * mean);
				double twoSigmaSq = VARIANCE_FACTOR * variance;
				if (count > 1) twoSigmaSq = Math.max(twoSigmaSq, closest / -Math.log(MIN_CLOSEST_WEIGHT));
				twoSigmaSq = Math.max(twoSigmaSq, MIN_TWO_SIGMA_SQ);
				double total = 0;
				for (int k = 0; k < 8; k++) {
					int xx = x + GridOperator.DX[k], yy = y + GridOperator.DY[k];
					if (xx < 0 || yy < 0 || xx >= width || yy >= height) {
						e[k] = 0;
						continue;
					}
					double d = g[yy * width + xx] - c;
					e[k] = Math.exp(-d * d / twoSigmaSq);
					total += e[k];
				}
				int p = (y + 1) * stride + x + 1;
				for (int k = 0; k < 8; k++) w[k][p] = total > 0 ? (float) (e[k] / total) : 0;
			}
		}
		return new LevinAffinity(width, height, w);
	}

	/** The normalised weight pixel (x0, y0) gives its neighbour (x1, y1). */
	public double weight(int x0, int y0, int x1, int y1) {
		int k = GridOperator.direction(x1 - x0, y1 - y0);
		return w[k][(y0 + 1) * (width + 2) + x0 + 1];
	}

	/**
	 * Levin's equations {@code U_r − Σ_s w_rs U_s = b_r} for the unknown pixels r: couplings to
	 * known pixels leave the operator (their values go to {@link #rightHandSide}).
	 *
	 * @param unknown padded mask, true at the pixels to solve for
	 */
	GridOperator restrictTo(boolean[] unknown) {
		int n = unknown.length;
		int stride = width + 2;
		double[] diag = new double[n];
		float[] c = new float[8 * n];
		int[] offset = new int[8];
		for (int k = 0; k < 8; k++) offset[k] = GridOperator.DY[k] * stride + GridOperator.DX[k];
		for (int y = 0; y < height; y++) {
			int i = (y + 1) * stride + 1;
			for (int x = 0; x < width; x++, i++) {
				if (!unknown[i]) continue;
				diag[i] = 1;
				for (int k = 0; k < 8; k++) if (unknown[i + offset[k]]) c[8 * i + k] = w[k][i];
			}
		}
		return new GridOperator(width, height, diag, c, unknown);
	}

	/**
	 * b_r = Σ w_rs u_s over the known neighbours s of each unknown r.
	 *
	 * @param knownValues padded, the known values at known pixels and 0 at unknown ones
	 */
	void rightHandSide(double[] knownValues, GridOperator restricted, double[] b) {
		java.util.Arrays.fill(b, 0);
		for (int i : restricted.nodes) {
			double s = 0;
			for (int k = 0; k < 8; k++) s += w[k][i] * knownValues[i + restricted.offset(k)];
			b[i] = s;
		}
	}
}
