package org.cyclecolor.metrics;

import org.cyclecolor.image.FloatPlane;

/**
 * SSIM between two planes: the per-pixel map and its mean, and when asked the luminance,
 * contrast and structure maps (l, c, s with SSIM = l * c * s) and their means.
 * <p>
 * Every mean covers the interior of the map only: pixels at least {@link Ssim#BORDER} (5) from
 * every edge, where the 11x11 window lies inside the image. This is what scikit-image's
 * {@code structural_similarity} averages; the maps themselves cover the whole image, with the
 * window mirrored at the borders.
 */
public final class SsimResult {

	private final double mean;
	private final FloatPlane map;
	private final FloatPlane luminance;
	private final FloatPlane contrast;
	private final FloatPlane structure;
	private final double[] componentMeans;

	SsimResult(double mean, FloatPlane map, FloatPlane luminance, FloatPlane contrast, FloatPlane structure,
		double[] componentMeans)
	{
		this.mean = mean;
		this.map = map;
		this.luminance = luminance;
		this.contrast = contrast;
		this.structure = structure;
		this.componentMeans = componentMeans;
	}

	/** Mean SSIM over the interior (see the class comment). */
	public double mean() {
		return mean;
	}

	/**
	 * Mean of the map leaving out {@code border} pixels at each edge, e.g. the largest disparity
	 * searched (the evaluation protocol's border). {@code mean(BORDER)} equals {@link #mean()}
	 * up to rounding; a border below {@link Ssim#BORDER} includes pixels whose window was mirrored.
	 */
	public double mean(int border) {
		return interiorMean(map, border);
	}

	static double interiorMean(FloatPlane map, int border) {
		int w = map.width(), h = map.height();
		if (border < 0 || 2 * border >= w || 2 * border >= h) {
			throw new IllegalArgumentException("A border of " + border + " px leaves nothing of a " + w + "x" + h + " map.");
		}
		float[] d = map.data();
		double sum = 0;
		for (int y = border; y < h - border; y++) {
			for (int x = border; x < w - border; x++) sum += d[y * w + x];
		}
		return sum / ((double) (w - 2 * border) * (h - 2 * border));
	}

	/** SSIM at every pixel, in [-1, 1]. */
	public FloatPlane map() {
		return map;
	}

	/** True when the l, c, s maps were computed. */
	public boolean hasComponents() {
		return luminance != null;
	}

	/** l = (2 ux uy + C1) / (ux^2 + uy^2 + C1); null unless components were asked for. */
	public FloatPlane luminance() {
		return luminance;
	}

	/** c = (2 sx sy + C2) / (sx^2 + sy^2 + C2); null unless components were asked for. */
	public FloatPlane contrast() {
		return contrast;
	}

	/** s = (sxy + C3) / (sx sy + C3), C3 = C2 / 2; null unless components were asked for. */
	public FloatPlane structure() {
		return structure;
	}

	/** Interior mean of the luminance map, NaN without components. */
	public double luminanceMean() {
		return componentMeans == null ? Double.NaN : componentMeans[0];
	}

	/** Interior mean of the contrast map, NaN without components. */
	public double contrastMean() {
		return componentMeans == null ? Double.NaN : componentMeans[1];
	}

	/** Interior mean of the structure map, NaN without components. */
	public double structureMean() {
		return componentMeans == null ? Double.NaN : componentMeans[2];
	}
}
