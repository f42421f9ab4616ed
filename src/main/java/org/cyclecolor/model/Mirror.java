package org.cyclecolor.model;

import org.cyclecolor.image.FloatPlane;

/**
 * How a variant turns a rig whose colour camera is on the other side into its own frame (and the
 * cycle's second pass into a first pass). Applying it twice is the identity.
 */
public enum Mirror {

	/** Left-right flip: the paper's second pass ("horizontally flipped maps"). */
	FLIP_HORIZONTAL("flip-horizontal"),

	/**
	 * Rotation by 180 degrees: the authors' released code feeds its network rotated images, and its
	 * weights expect the sky at the bottom then; a left-right flip alone loses 17-20 dB.
	 */
	ROTATE_180("rotate180");

	private final String key;

	Mirror(String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}

	public FloatPlane apply(FloatPlane plane) {
		return this == FLIP_HORIZONTAL ? plane.flipHorizontal() : plane.rotate180();
	}

	public static Mirror fromKey(String key) {
		for (Mirror m : values()) {
			if (m.key.equals(key)) return m;
		}
		throw new IllegalArgumentException("Unknown mirror '" + key + "'.");
	}
}
