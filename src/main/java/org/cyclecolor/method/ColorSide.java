package org.cyclecolor.method;

/**
 * Where the colour camera sits relative to the mono camera, which fixes the direction in which a
 * mono pixel's match lies in the (rectified) colour image.
 */
public enum ColorSide {

	/** Colour camera on the left (the Cycle-CNN authors' rig): mono(x) ≈ colour(x + d), d ≥ 0. */
	LEFT("left", +1),

	/** Colour camera on the right (Middlebury with the left view as mono): mono(x) ≈ colour(x − d). */
	RIGHT("right", -1);

	private final String key;
	private final int sign;

	ColorSide(String key, int sign) {
		this.key = key;
		this.sign = sign;
	}

	/** "left" or "right", as used in options, files and model metadata. */
	public String key() {
		return key;
	}

	/** The match of mono column x at disparity d is colour column {@code x + sign() * d}. */
	public int sign() {
		return sign;
	}

	/** The other side: the second (cycle) pass searches the opposite way. */
	public ColorSide opposite() {
		return this == LEFT ? RIGHT : LEFT;
	}

	/** Parses {@link #key()} (case-insensitive). */
	public static ColorSide fromKey(String key) {
		for (ColorSide s : values()) {
			if (s.key.equalsIgnoreCase(key.trim())) return s;
		}
		throw new IllegalArgumentException("Unknown colour camera side '" + key + "': use 'left' or 'right'.");
	}
}
