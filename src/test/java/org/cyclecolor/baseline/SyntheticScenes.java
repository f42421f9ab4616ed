package org.cyclecolor.baseline;

import java.util.Random;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/** Deterministic test images with known answers. */
public final class SyntheticScenes {

	private SyntheticScenes() {}

	/**
	 * A colour image with fine luminance texture (smoothed noise, for matching) and chroma that
	 * varies slowly across the image, values inside 10..245.
	 */
	public static RgbImage texturedColor(int w, int h, long seed) {
		Random rnd = new Random(seed);
		FloatPlane fine = smoothedNoise(w, h, rnd);
		double[] f = new double[9];
		for (int k = 0; k < f.length; k++) f[k] = 0.01 + 0.05 * rnd.nextDouble();
		FloatPlane r = new FloatPlane(w, h), g = new FloatPlane(w, h), b = new FloatPlane(w, h);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double t = fine.get(x, y);
				r.set(x, y, clip(t + 45 * Math.sin(f[0] * x + f[1] * y + f[2] * 7)));
				g.set(x, y, clip(t + 45 * Math.sin(f[3] * x - f[4] * y + f[5] * 7)));
				b.set(x, y, clip(t + 45 * Math.cos(f[6] * x + f[7] * y + f[8] * 7)));
			}
		}
		return new RgbImage(r, g, b, 255);
	}

	/** Uniform noise smoothed over 3x3, stretched to mean 128 and a standard deviation of about 35, within 0..255. */
	public static FloatPlane smoothedNoise(int w, int h, Random rnd) {
		float[] n = new float[w * h];
		for (int i = 0; i < n.length; i++) n[i] = rnd.nextFloat();
		float[] s = BoxFilter.mean(n, w, h, 1);
		for (int i = 0; i < s.length; i++) s[i] = Math.max(0, Math.min(255, 128 + 35 * (s[i] - 0.5f) / 0.096f));
		return FloatPlane.wrap(s, w, h);
	}

	/** Columns [x0, x0 + w) of every plane. */
	public static RgbImage columns(RgbImage img, int x0, int w) {
		return img.crop(x0, 0, w, img.height());
	}

	private static float clip(double v) {
		return (float) Math.max(10, Math.min(245, v));
	}
}
