package org.cyclecolor.synth;

import org.cyclecolor.image.FloatPlane;

/** Separable Gaussian blur with edge pixels repeated outwards; a lens's point spread function. */
final class GaussianBlur {

	private GaussianBlur() {}

	/** The normalised kernel of standard deviation {@code sigma} px, radius ⌈3σ⌉. */
	static double[] kernel(double sigma) {
		int radius = (int) Math.ceil(3 * sigma);
		double[] k = new double[2 * radius + 1];
		double sum = 0;
		for (int i = -radius; i <= radius; i++) {
			k[i + radius] = StrictMath.exp(-0.5 * i * i / (sigma * sigma));
			sum += k[i + radius];
		}
		for (int i = 0; i < k.length; i++) k[i] /= sum;
		return k;
	}

	/** A blurred copy; {@code sigma} ≤ 0 returns a plain copy. */
	static FloatPlane blur(FloatPlane in, double sigma) {
		if (!(sigma > 0)) return in.copy();
		double[] k = kernel(sigma);
		int radius = k.length / 2;
		int w = in.width(), h = in.height();
		float[] src = in.data();
		float[] tmp = new float[src.length];
		for (int y = 0; y < h; y++) {
			int row = y * w;
			for (int x = 0; x < w; x++) {
				double s = 0;
				for (int j = -radius; j <= radius; j++) s += k[j + radius] * src[row + clamp(x + j, w)];
				tmp[row + x] = (float) s;
			}
		}
		FloatPlane out = new FloatPlane(w, h);
		float[] dst = out.data();
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double s = 0;
				for (int j = -radius; j <= radius; j++) s += k[j + radius] * tmp[clamp(y + j, h) * w + x];
				dst[y * w + x] = (float) s;
			}
		}
		return out;
	}

	private static int clamp(int i, int n) {
		return i < 0 ? 0 : i >= n ? n - 1 : i;
	}
}
