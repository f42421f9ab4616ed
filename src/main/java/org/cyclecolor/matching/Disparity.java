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

	/** The same map with every unmatched pixel given its row's background disparity ({@link RowFill}). */
	public FloatPlane filled() {
		return RowFill.background(map);
	}
}
