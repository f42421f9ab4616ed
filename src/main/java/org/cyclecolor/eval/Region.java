package org.cyclecolor.eval;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.metrics.Ssim;
import org.cyclecolor.synth.GroundTruth;

/**
 * The pixels a score covers. Every score leaves out the image border: {@link Ssim#BORDER} (5) pixels
 * at every edge, where the SSIM window would be mirrored, and the {@code d} columns (d = the largest
 * disparity searched) on the side where a pixel's match can leave the other image — the left
 * columns when the reference camera is on the right, the right columns when it is on the left.
 * The same region serves every metric, so PSNR, SSIM and ΔE76 always cover the same pixels.
 *
 * @param name "all", "visible" or "occluded"
 * @param mask true for the pixels covered, index {@code y * width + x}
 * @param count how many pixels are covered
 */
public record Region(String name, int width, int height, boolean[] mask, int count) {

	public static final String ALL = "all", VISIBLE = "visible", OCCLUDED = "occluded";

	/**
	 * Every pixel of a {@code width} x {@code height} image but the border: {@link Ssim#BORDER} at each
	 * edge, and {@code border} columns on the side where matches in the reference leave it.
	 *
	 * @param referenceSide where the reference image's camera is, relative to the image scored
	 */
	public static Region interior(int width, int height, ColorSide referenceSide, int border) {
		int edge = Ssim.BORDER;
		// Matches of column x lie at x + sign * d: with sign -1 the left columns have none, with +1 the right ones.
		int left = edge + (referenceSide.sign() < 0 ? border : 0);
		int right = edge + (referenceSide.sign() > 0 ? border : 0);
		if (left + right >= width || 2 * edge >= height) {
			throw new IllegalArgumentException("A border of " + border + " px leaves nothing of a " + width + "x" + height
				+ " image.");
		}
		boolean[] mask = new boolean[width * height];
		for (int y = edge; y < height - edge; y++) {
			for (int x = left; x < width - right; x++) mask[y * width + x] = true;
		}
		return new Region(ALL, width, height, mask, (width - left - right) * (height - 2 * edge));
	}

	/** The pixels of this region whose ground-truth occlusion value is {@code value} ({@link GroundTruth#VISIBLE} or OCCLUDED). */
	public Region where(FloatPlane occlusion, float value, String subName) {
		if (occlusion.width() != width || occlusion.height() != height) {
			throw new IllegalArgumentException("Occlusion " + occlusion + " does not fit a " + width + "x" + height + " region.");
		}
		float[] o = occlusion.data();
		boolean[] m = new boolean[mask.length];
		int n = 0;
		for (int i = 0; i < m.length; i++) {
			if (mask[i] && o[i] == value) {
				m[i] = true;
				n++;
			}
		}
		return new Region(subName, width, height, m, n);
	}

	/** The visible pixels of this region (ground-truth occlusion 0). */
	public Region visible(FloatPlane occlusion) {
		return where(occlusion, GroundTruth.VISIBLE, VISIBLE);
	}

	/** The occluded pixels of this region (ground-truth occlusion 1; unknown ones are in neither). */
	public Region occluded(FloatPlane occlusion) {
		return where(occlusion, GroundTruth.OCCLUDED, OCCLUDED);
	}

	/** Mean of {@code map} over the region's pixels, accumulated in double; NaN when it is empty. */
	public double mean(FloatPlane map) {
		if (map.width() != width || map.height() != height) {
			throw new IllegalArgumentException("Map " + map + " does not fit a " + width + "x" + height + " region.");
		}
		if (count == 0) return Double.NaN;
		float[] d = map.data();
		double s = 0;
		for (int i = 0; i < d.length; i++) {
			if (mask[i]) s += d[i];
		}
		return s / count;
	}

	/** The region's share of the image's pixels. */
	public double fraction() {
		return (double) count / ((long) width * height);
	}
}
