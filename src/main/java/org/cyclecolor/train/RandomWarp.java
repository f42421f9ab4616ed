package org.cyclecolor.train;

import java.util.Random;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.Interpolation;
import org.cyclecolor.image.Resampler;

/**
 * The structure-similarity network's pre-training distortions (paper, "Structure similarity
 * loss"): a random warping map from random seeds of size 1x1 to 5x5 with mean 0 and variance 1, 5,
 * 10, 20 or 40 (pixels²), interpolated bicubically to the image's size. One map per axis (the seed
 * size and variance are drawn once, the values independently for x and y); the warped image reads
 * the source at {@code (x + dx, y + dy)}, bicubically, the border repeated beyond the edges.
 */
public final class RandomWarp {

	/** The paper's seed variances, pixels². */
	public static final double[] VARIANCES = { 1, 5, 10, 20, 40 };
	/** The largest seed side. */
	public static final int MAX_SEED = 5;

	private final int seedSize;
	private final double variance;
	private final FloatPlane dx;
	private final FloatPlane dy;

	private RandomWarp(int seedSize, double variance, FloatPlane dx, FloatPlane dy) {
		this.seedSize = seedSize;
		this.variance = variance;
		this.dx = dx;
		this.dy = dy;
	}

	/** A random map for a {@code width x height} image. */
	public static RandomWarp random(int width, int height, Random rng) {
		int s = 1 + rng.nextInt(MAX_SEED);
		double var = VARIANCES[rng.nextInt(VARIANCES.length)];
		return of(seed(s, var, rng), seed(s, var, rng), var, width, height);
	}

	/** A map from given seeds (s x s planes of displacements, pixels). */
	public static RandomWarp of(FloatPlane seedX, FloatPlane seedY, double variance, int width, int height) {
		return new RandomWarp(seedX.width(), variance, interpolate(seedX, width, height), interpolate(seedY, width, height));
	}

	private static FloatPlane seed(int s, double variance, Random rng) {
		FloatPlane p = new FloatPlane(s, s);
		double sd = Math.sqrt(variance);
		for (int i = 0; i < s * s; i++) p.data()[i] = (float) (sd * rng.nextGaussian());
		return p;
	}

	/** The seed stretched over the image: image pixel centres map evenly onto the seed's extent. */
	static FloatPlane interpolate(FloatPlane seed, int width, int height) {
		FloatPlane out = new FloatPlane(width, height);
		int s = seed.width();
		for (int y = 0; y < height; y++) {
			double v = (y + 0.5) * s / height - 0.5;
			for (int x = 0; x < width; x++) {
				double u = (x + 0.5) * s / width - 0.5;
				out.data()[y * width + x] = Resampler.sample(seed, u, v, Interpolation.BICUBIC);
			}
		}
		return out;
	}

	public int seedSize() {
		return seedSize;
	}

	public double variance() {
		return variance;
	}

	public FloatPlane dx() {
		return dx;
	}

	public FloatPlane dy() {
		return dy;
	}

	/** The plane warped by this map (same size). */
	public FloatPlane apply(FloatPlane src) {
		if (!src.sameSize(dx)) throw new IllegalArgumentException("The warp is for " + dx + ", the image is " + src + ".");
		int w = src.width(), h = src.height();
		return Resampler.warp(new FloatPlane[] { src }, w, h, (x, y, out) -> {
			int i = (int) y * w + (int) x;
			out[0] = Math.max(0, Math.min(w - 1, x + dx.data()[i]));
			out[1] = Math.max(0, Math.min(h - 1, y + dy.data()[i]));
		}, Interpolation.BICUBIC, 0, null)[0];
	}
}
