package org.cyclecolor.synth;

import java.util.Random;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/** Colourful, textured test pictures with edges, made from a seed (no files needed). */
public final class TestPhotos {

	private TestPhotos() {}

	/** Smooth colour gradients, fine irregular texture and a dozen flat-coloured rectangles, 0..255. */
	public static RgbImage photo(int w, int h, long seed) {
		Random rng = new Random(seed);
		GradientNoise noise = new GradientNoise(seed);
		FloatPlane[] c = { new FloatPlane(w, h), new FloatPlane(w, h), new FloatPlane(w, h) };
		double[] fx = new double[3], fy = new double[3], ph = new double[3];
		for (int k = 0; k < 3; k++) {
			fx[k] = 0.01 + 0.04 * rng.nextDouble();
			fy[k] = 0.01 + 0.04 * rng.nextDouble();
			ph[k] = 6 * rng.nextDouble();
		}
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double texture = 60 * noise.fbm(x / 4.0, y / 4.0, 3);
				for (int k = 0; k < 3; k++) {
					c[k].set(x, y, (float) (128 + 70 * Math.sin(fx[k] * x + fy[k] * y + ph[k]) + texture));
				}
			}
		}
		for (int r = 0; r < 12; r++) {
			int x0 = rng.nextInt(w), y0 = rng.nextInt(h), rw = 4 + rng.nextInt(w / 4), rh = 4 + rng.nextInt(h / 4);
			float[] col = { rng.nextInt(256), rng.nextInt(256), rng.nextInt(256) };
			for (int y = y0; y < Math.min(h, y0 + rh); y++) {
				for (int x = x0; x < Math.min(w, x0 + rw); x++) {
					for (int k = 0; k < 3; k++) c[k].set(x, y, col[k]);
				}
			}
		}
		for (FloatPlane p : c) {
			float[] d = p.data();
			for (int i = 0; i < d.length; i++) d[i] = Math.round(Math.max(0, Math.min(255, d[i])));
		}
		return new RgbImage(c[0], c[1], c[2], 255);
	}
}
