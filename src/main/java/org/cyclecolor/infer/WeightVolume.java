package org.cyclecolor.infer;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.method.ColorSide;

/**
 * The weight volume W of one colorization, in the caller's frame: for every pixel (x, y) one
 * weight per candidate k = 0..D-1 (they sum to 1), candidate k meaning the reference column
 * {@code x + side.sign() * disparity(k)}. Values are stored candidate-major: plane k is
 * {@code data[k*H*W .. (k+1)*H*W)}, rows then columns.
 */
public final class WeightVolume {

	private final int candidates;
	private final int width;
	private final int height;
	private final int firstShift;
	private final ColorSide side;
	private final float[] data;

	public WeightVolume(int candidates, int width, int height, int firstShift, ColorSide side, float[] data) {
		if ((long) candidates * width * height != data.length) {
			throw new IllegalArgumentException("A " + candidates + "x" + width + "x" + height + " volume needs "
				+ (long) candidates * width * height + " values, got " + data.length + ".");
		}
		this.candidates = candidates;
		this.width = width;
		this.height = height;
		this.firstShift = firstShift;
		this.side = side;
		this.data = data;
	}

	public int candidates() {
		return candidates;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** Where the colour camera was: candidates lie at x + side.sign() * disparity. */
	public ColorSide side() {
		return side;
	}

	/** The disparity (in pixels of this volume) of candidate k. */
	public int disparity(int k) {
		return firstShift + k;
	}

	public float get(int k, int x, int y) {
		return data[(k * height + y) * width + x];
	}

	/** All values, candidate-major (shared). */
	public float[] data() {
		return data;
	}

	/** The weights of candidate k as a plane (a copy). */
	public FloatPlane plane(int k) {
		float[] p = new float[width * height];
		System.arraycopy(data, k * width * height, p, 0, p.length);
		return FloatPlane.wrap(p, width, height);
	}
}
