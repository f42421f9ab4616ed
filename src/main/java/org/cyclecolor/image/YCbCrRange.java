package org.cyclecolor.image;

/**
 * The two BT.601 YCbCr conventions this suite uses. Coefficients are for values normalised to
 * 0..1; {@link YCbCr} scales them to the image's full-scale value.
 */
public enum YCbCrRange {

	/**
	 * Full range (JPEG/JFIF): Y in 0..1, Cb and Cr centred on 128/255. The default: a gray pixel's
	 * Y equals its value, and every RGB colour maps inside the range.
	 */
	FULL("full", 0.0, 1.0, 1.0),

	/**
	 * Studio range (ITU-R BT.601, MATLAB {@code rgb2ycbcr}): Y in 16..235 and Cb, Cr in 16..240 of
	 * 255. The Cycle-CNN authors' data and weights use it.
	 */
	STUDIO("studio", 16.0 / 255.0, 219.0 / 255.0, 224.0 / 255.0);

	private final String key;
	/** Offset of Y, fraction of full scale. */
	final double yOffset;
	/** Excursion of Y, fraction of full scale. */
	final double yScale;
	/** Excursion of Cb and Cr, fraction of full scale. */
	final double cScale;

	YCbCrRange(String key, double yOffset, double yScale, double cScale) {
		this.key = key;
		this.yOffset = yOffset;
		this.yScale = yScale;
		this.cScale = cScale;
	}

	/** Short lower-case name used in files, metadata and options ("full", "studio"). */
	public String key() {
		return key;
	}

	/** Parses {@link #key()} (case-insensitive). */
	public static YCbCrRange fromKey(String key) {
		for (YCbCrRange r : values()) {
			if (r.key.equalsIgnoreCase(key.trim())) return r;
		}
		throw new IllegalArgumentException("Unknown YCbCr range '" + key + "': use 'full' or 'studio'.");
	}
}
