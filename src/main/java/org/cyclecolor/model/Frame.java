package org.cyclecolor.model;

import org.cyclecolor.image.FloatPlane;

/**
 * How an image enters a network's own frame (and, applied again, leaves it): a left-right flip
 * when the colour camera is not on the side the network expects — the paper's second pass is the
 * same flip — and a top-bottom flip for networks trained on upside-down images (the authors'
 * code rotates both images by 180 degrees, so their weights expect the sky at the bottom).
 */
public record Frame(boolean flipHorizontal, boolean flipVertical) {

	/** The image as it is. */
	public static final Frame IDENTITY = new Frame(false, false);

	public boolean isIdentity() {
		return !flipHorizontal && !flipVertical;
	}

	/** The plane in (or back out of) this frame; the identity returns the plane itself. */
	public FloatPlane apply(FloatPlane p) {
		if (flipHorizontal && flipVertical) return p.rotate180();
		if (flipHorizontal) return p.flipHorizontal();
		if (flipVertical) return p.rotate180().flipHorizontal();
		return p;
	}
}
