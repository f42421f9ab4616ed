package org.cyclecolor.image;

import java.util.Arrays;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * One channel of float pixels, row-major, backed by an ImgLib2 {@link ArrayImg}.
 * <p>
 * The pixel array is shared, never copied: {@link #img()} and {@link #data()} are two views of the
 * same memory, and {@link #wrap(float[], int, int)} adopts the caller's array (for example a
 * {@code FloatProcessor}'s pixels). Values are in the image's own units (0..255 for 8-bit data,
 * 0..65535 for 16-bit); the owner of the plane knows the range.
 */
public final class FloatPlane {

	private final int width;
	private final int height;
	private final float[] data;
	private final ArrayImg<FloatType, FloatArray> img;

	/** A new plane of zeros. */
	public FloatPlane(int width, int height) {
		this(new float[checkedSize(width, height)], width, height);
	}

	private FloatPlane(float[] data, int width, int height) {
		if (data.length != checkedSize(width, height)) {
			throw new IllegalArgumentException("Pixel array of length " + data.length + " does not hold "
				+ width + "x" + height + " pixels.");
		}
		this.width = width;
		this.height = height;
		this.data = data;
		this.img = ArrayImgs.floats(data, width, height);
	}

	/** Adopts {@code data} (row-major, {@code width * height} values) without copying. */
	public static FloatPlane wrap(float[] data, int width, int height) {
		return new FloatPlane(data, width, height);
	}

	/** A plane filled with {@code value}. */
	public static FloatPlane filled(int width, int height, float value) {
		FloatPlane p = new FloatPlane(width, height);
		Arrays.fill(p.data, value);
		return p;
	}

	private static int checkedSize(int width, int height) {
		if (width <= 0 || height <= 0) {
			throw new IllegalArgumentException("Image size must be positive, got " + width + "x" + height + ".");
		}
		long n = (long) width * height;
		if (n > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("Image of " + width + "x" + height + " pixels is too large for one plane.");
		}
		return (int) n;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** Number of pixels. */
	public int size() {
		return data.length;
	}

	/** The backing array, row-major; writes are visible through {@link #img()}. */
	public float[] data() {
		return data;
	}

	/** The same pixels as an ImgLib2 image of dimensions (width, height); no copy. */
	public ArrayImg<FloatType, FloatArray> img() {
		return img;
	}

	public float get(int x, int y) {
		return data[y * width + x];
	}

	public void set(int x, int y, float value) {
		data[y * width + x] = value;
	}

	public boolean sameSize(FloatPlane other) {
		return width == other.width && height == other.height;
	}

	public FloatPlane copy() {
		return new FloatPlane(data.clone(), width, height);
	}

	/** Mirror image left to right (the cycle's second pass searches the other way). */
	public FloatPlane flipHorizontal() {
		FloatPlane out = new FloatPlane(width, height);
		for (int y = 0; y < height; y++) {
			int row = y * width;
			for (int x = 0; x < width; x++) {
				out.data[row + x] = data[row + width - 1 - x];
			}
		}
		return out;
	}

	/** Rotation by 180 degrees (the authors' code feeds its network rotated images). */
	public FloatPlane rotate180() {
		FloatPlane out = new FloatPlane(width, height);
		int n = data.length;
		for (int i = 0; i < n; i++) {
			out.data[i] = data[n - 1 - i];
		}
		return out;
	}

	/** A copy of the rectangle [x0, x0+w) x [y0, y0+h), which must lie inside the plane. */
	public FloatPlane crop(int x0, int y0, int w, int h) {
		if (x0 < 0 || y0 < 0 || w <= 0 || h <= 0 || x0 + w > width || y0 + h > height) {
			throw new IllegalArgumentException("Crop " + w + "x" + h + "+" + x0 + "+" + y0 + " is outside the "
				+ width + "x" + height + " image.");
		}
		FloatPlane out = new FloatPlane(w, h);
		for (int y = 0; y < h; y++) {
			System.arraycopy(data, (y0 + y) * width + x0, out.data, y * w, w);
		}
		return out;
	}

	/** Smallest and largest value, ignoring NaN; {NaN, NaN} when every pixel is NaN. */
	public float[] minMax() {
		float min = Float.POSITIVE_INFINITY;
		float max = Float.NEGATIVE_INFINITY;
		for (float v : data) {
			if (v < min) min = v;
			if (v > max) max = v;
		}
		if (min > max) return new float[] { Float.NaN, Float.NaN };
		return new float[] { min, max };
	}

	/** Mean of all pixels, accumulated in double. */
	public double mean() {
		double s = 0;
		for (float v : data) s += v;
		return s / data.length;
	}

	/** Index of the first NaN or infinite pixel, or -1 when all are finite. */
	public int firstNonFinite() {
		for (int i = 0; i < data.length; i++) {
			if (!Float.isFinite(data[i])) return i;
		}
		return -1;
	}

	@Override
	public String toString() {
		return "FloatPlane[" + width + "x" + height + "]";
	}
}
