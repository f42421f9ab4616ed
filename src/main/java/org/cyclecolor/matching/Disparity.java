package org.cyclecolor.matching;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.method.ColorSide;

/**
 * A disparity map in the mono image's coordinates: pixel x matches colour column
 * {@code x + side.sign() · d(x)}, d ≥ 0 in pixels, NaN where no reliable match was found.
 *
 * @param validFraction the fraction of pixels with a disparity
 */
public record Disparity(FloatPlane map, ColorSide side, double validFraction) {

	/**
	 * The same map with every unmatched pixel given the larger disparity of its row's nearest matched
	 * neighbours ({@link RowFill#foreground}): what carries colour best. Unmatched pixels are mostly
	 * occluded, and an occluded pixel's own match is hidden behind the nearer surface; along that
	 * surface's disparity it reaches the background beside it in the colour image. Measured with
	 * sgm-warp on the 15 Middlebury 2001-2005 scenes: Cb/Cr PSNR 37.54 dB against 36.18 dB with the
	 * background's disparity, 3.3 dB better on occluded pixels.
	 */
	public FloatPlane filled() {
		return RowFill.foreground(map);
	}
}
