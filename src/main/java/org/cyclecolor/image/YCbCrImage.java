package org.cyclecolor.image;

/**
 * An image as luminance Y and chroma Cb, Cr planes, in the units of its {@code maxValue}
 * (0..255 for 8-bit data), with the YCbCr convention that produced it.
 */
public final class YCbCrImage {

	private final FloatPlane y;
	private final FloatPlane cb;
	private final FloatPlane cr;
	private final YCbCrRange range;
	private final double maxValue;

	public YCbCrImage(FloatPlane y, FloatPlane cb, FloatPlane cr, YCbCrRange range, double maxValue) {
		if (!y.sameSize(cb) || !y.sameSize(cr)) {
			throw new IllegalArgumentException("Y, Cb and Cr planes differ in size: " + y + ", " + cb + ", " + cr + ".");
		}
		this.y = y;
		this.cb = cb;
		this.cr = cr;
		this.range = range;
		this.maxValue = maxValue;
	}

	public FloatPlane y() {
		return y;
	}

	public FloatPlane cb() {
		return cb;
	}

	public FloatPlane cr() {
		return cr;
	}

	public YCbCrRange range() {
		return range;
	}

	public double maxValue() {
		return maxValue;
	}

	public int width() {
		return y.width();
	}

	public int height() {
		return y.height();
	}

	/** The neutral chroma value (no colour) in this image's units. */
	public double neutralChroma() {
		return YCbCr.neutralChroma(maxValue);
	}

	/** The same chroma with another luminance plane (the colorized result keeps the mono Y). */
	public YCbCrImage withY(FloatPlane newY) {
		return new YCbCrImage(newY, cb, cr, range, maxValue);
	}

	@Override
	public String toString() {
		return "YCbCrImage[" + width() + "x" + height() + ", " + range.key() + ", max " + maxValue + "]";
	}
}
