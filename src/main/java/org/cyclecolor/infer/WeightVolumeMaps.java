package org.cyclecolor.infer;

import org.cyclecolor.image.FloatPlane;

/**
 * What a weight volume says about each pixel, as maps of the volume's size: the best disparity
 * (the candidate of largest weight) and the W-weighted mean disparity, both in full-resolution
 * pixels (candidate disparity times the working scale factor); and how sure the network is: the
 * largest weight, and the entropy of the weights normalised by the logarithm of the number of
 * candidates inside the image (0 = one candidate takes all, 1 = all candidates equal). Variants
 * that zero-pad rather than mask give out-of-image candidates weight too; their entropy is capped at 1.
 */
public record WeightVolumeMaps(FloatPlane bestDisparity, FloatPlane meanDisparity, FloatPlane maxWeight, FloatPlane entropy) {

	/**
	 * @param factor the working scale factor of the volume (1 when it is at full resolution)
	 */
	public static WeightVolumeMaps of(WeightVolume v, int factor) {
		int w = v.width(), h = v.height(), d = v.candidates(), n = w * h;
		FloatPlane best = new FloatPlane(w, h), mean = new FloatPlane(w, h), max = new FloatPlane(w, h), ent = new FloatPlane(w, h);
		float[] data = v.data();
		int sign = v.side().sign();
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				double m = 0, hsum = 0;
				float top = -1;
				int arg = 0, inside = 0;
				for (int k = 0; k < d; k++) {
					float p = data[k * n + i];
					if (p > top) {
						top = p;
						arg = k;
					}
					m += p * v.disparity(k);
					if (p > 0) hsum -= p * Math.log(p);
					int col = x + sign * v.disparity(k);
					if (col >= 0 && col < w) inside++;
				}
				best.data()[i] = factor * v.disparity(arg);
				mean.data()[i] = (float) (factor * m);
				max.data()[i] = top;
				ent.data()[i] = inside > 1 ? (float) Math.min(1, hsum / Math.log(inside)) : 0f;
			}
		}
		return new WeightVolumeMaps(best, mean, max, ent);
	}
}
