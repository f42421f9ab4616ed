package org.cyclecolor.image;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * A colour image as three float planes R, G, B of one size, with the value that means "full
 * scale" ({@code maxValue}: 255 for 8-bit data, 65535 for 16-bit, 1 for normalised floats).
 */
public final class RgbImage {

	private final FloatPlane r;
	private final FloatPlane g;
	private final FloatPlane b;
	private final double maxValue;

	public RgbImage(FloatPlane r, FloatPlane g, FloatPlane b, double maxValue) {
		if (!r.sameSize(g) || !r.sameSize(b)) {
			throw new IllegalArgumentException("R, G and B planes differ in size: " + r + ", " + g + ", " + b + ".");
		}
		if (!(maxValue > 0) || Double.isInfinite(maxValue)) {
			throw new IllegalArgumentException("Full-scale value must be positive and finite, got " + maxValue + ".");
		}
		this.r = r;
		this.g = g;
		this.b = b;
		this.maxValue = maxValue;
	}

	/** A gray plane shown as colour: R = G = B (shares the plane). */
	public static RgbImage ofGray(FloatPlane gray, double maxValue) {
		return new RgbImage(gray, gray, gray, maxValue);
	}

	public FloatPlane r() {
		return r;
	}

	public FloatPlane g() {
		return g;
	}

	public FloatPlane b() {
		return b;
	}

	/** Channel 0, 1 or 2 (R, G, B). */
	public FloatPlane channel(int c) {
		switch (c) {
			case 0: return r;
			case 1: return g;
			case 2: return b;
			default: throw new IndexOutOfBoundsException("RGB channel " + c);
		}
	}

	public double maxValue() {
		return maxValue;
	}

	public int width() {
		return r.width();
	}

	public int height() {
		return r.height();
	}

	public boolean sameSize(RgbImage other) {
		return r.sameSize(other.r);
	}

	/** The three planes as one ImgLib2 image of dimensions (width, height, 3); no copy. */
	public RandomAccessibleInterval<FloatType> img() {
		return Views.stack(r.img(), g.img(), b.img());
	}

	/**
	 * True when the three channels are equal everywhere up to {@code tolerance} (in the image's
	 * units): a gray picture stored as RGB, as monochrome cameras and many converters write them.
	 */
	public boolean isGray(double tolerance) {
		float[] rr = r.data(), gg = g.data(), bb = b.data();
		for (int i = 0; i < rr.length; i++) {
			if (Math.abs(rr[i] - gg[i]) > tolerance || Math.abs(rr[i] - bb[i]) > tolerance) return false;
		}
		return true;
	}

	public RgbImage copy() {
		return new RgbImage(r.copy(), g.copy(), b.copy(), maxValue);
	}

	public RgbImage flipHorizontal() {
		return new RgbImage(r.flipHorizontal(), g.flipHorizontal(), b.flipHorizontal(), maxValue);
	}

	public RgbImage crop(int x0, int y0, int w, int h) {
		return new RgbImage(r.crop(x0, y0, w, h), g.crop(x0, y0, w, h), b.crop(x0, y0, w, h), maxValue);
	}

	@Override
	public String toString() {
		return "RgbImage[" + width() + "x" + height() + ", max " + maxValue + "]";
	}
}
