package org.cyclecolor.method;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/**
 * What every colorization method receives: the mono image's gray plane and the colour image, of
 * one size, rectified so that matches lie on the same row, both in 0..255 units; where the colour
 * camera sits; and the largest disparity to search.
 */
public final class ColorizationInput {

	private final FloatPlane gray;
	private final RgbImage reference;
	private final ColorSide colorSide;
	private final int maxDisparity;

	public ColorizationInput(FloatPlane gray, RgbImage reference, ColorSide colorSide, int maxDisparity) {
		if (!gray.sameSize(reference.r())) {
			throw new IllegalArgumentException("Gray " + gray + " and reference " + reference + " differ in size.");
		}
		if (reference.maxValue() != 255) {
			throw new IllegalArgumentException("Colorization works in 0..255 units; scale the reference first.");
		}
		if (maxDisparity <= 0 || maxDisparity >= gray.width()) {
			throw new IllegalArgumentException("Max disparity " + maxDisparity + " must be in 1.." + (gray.width() - 1) + ".");
		}
		this.gray = gray;
		this.reference = reference;
		this.colorSide = colorSide;
		this.maxDisparity = maxDisparity;
	}

	public FloatPlane gray() {
		return gray;
	}

	public RgbImage reference() {
		return reference;
	}

	public ColorSide colorSide() {
		return colorSide;
	}

	public int maxDisparity() {
		return maxDisparity;
	}

	public int width() {
		return gray.width();
	}

	public int height() {
		return gray.height();
	}
}
