package org.cyclecolor.image;

/** How {@link Resampler} reads a plane between pixel centres. */
public enum Interpolation {

	/** Bilinear: the four nearest pixels; never overshoots. */
	BILINEAR("bilinear"),

	/**
	 * Bicubic convolution (Keys, a = -0.5, the Catmull-Rom spline): the sixteen nearest pixels;
	 * sharper than bilinear and exact for linear ramps, may overshoot slightly at edges.
	 */
	BICUBIC("bicubic");

	private final String key;

	Interpolation(String key) {
		this.key = key;
	}

	/** "bilinear" or "bicubic", as used in options and macros. */
	public String key() {
		return key;
	}

	/** Parses {@link #key()} (case-insensitive). */
	public static Interpolation fromKey(String key) {
		for (Interpolation i : values()) {
			if (i.key.equalsIgnoreCase(key.trim())) return i;
		}
		throw new IllegalArgumentException("Unknown interpolation '" + key + "': use 'bilinear' or 'bicubic'.");
	}
}
