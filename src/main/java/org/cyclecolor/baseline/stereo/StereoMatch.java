package org.cyclecolor.baseline.stereo;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.method.ColorSide;

/**
 * Dense disparity of a mono image against its colour image, in the mono image's coordinates: mono
 * pixel x matches colour column {@code x + side.sign() * disparity(x)}, d ≥ 0. {@link #consistent()}
 * marks the pixels that passed the left–right check.
 */
public final class StereoMatch {

	private final FloatPlane disparity;
	private final boolean[] consistent;
	private final ColorSide side;

	StereoMatch(FloatPlane disparity, boolean[] consistent, ColorSide side) {
		this.disparity = disparity;
		this.consistent = consistent;
		this.side = side;
	}

	/** Sub-pixel disparity of every mono pixel (the best guess, consistent or not). */
	public FloatPlane disparity() {
		return disparity;
	}

	/** Row-major, true where the left–right check passed. */
	public boolean[] consistent() {
		return consistent;
	}

	public ColorSide side() {
		return side;
	}

	/** Fraction of the pixels that passed the left–right check. */
	public double consistentFraction() {
		int n = 0;
		for (boolean c : consistent) if (c) n++;
		return (double) n / consistent.length;
	}
}
