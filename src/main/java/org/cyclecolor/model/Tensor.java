package org.cyclecolor.model;

import java.util.Arrays;

/**
 * A dense float tensor: a shape and its values in row-major order (the last axis varies fastest),
 * the layout ONNX, PyTorch and ONNX Runtime all use. The value array is shared, not copied.
 */
public final class Tensor {

	private final int[] shape;
	private final float[] data;

	public Tensor(int[] shape, float[] data) {
		long n = size(shape);
		if (n != data.length) {
			throw new IllegalArgumentException("Shape " + Arrays.toString(shape) + " holds " + n + " values, got "
				+ data.length + ".");
		}
		this.shape = shape.clone();
		this.data = data;
	}

	/** A tensor of zeros. */
	public static Tensor zeros(int... shape) {
		long n = size(shape);
		if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("Tensor " + Arrays.toString(shape) + " is too large.");
		return new Tensor(shape, new float[(int) n]);
	}

	/** Number of values a tensor of this shape holds. */
	public static long size(int... shape) {
		long n = 1;
		for (int d : shape) {
			if (d <= 0) throw new IllegalArgumentException("Tensor dimensions must be positive: " + Arrays.toString(shape));
			n *= d;
		}
		return n;
	}

	public int[] shape() {
		return shape.clone();
	}

	public int rank() {
		return shape.length;
	}

	public int dim(int axis) {
		return shape[axis];
	}

	/** The values, row-major; shared with this tensor. */
	public float[] data() {
		return data;
	}

	public int size() {
		return data.length;
	}

	public boolean hasShape(int... expected) {
		return Arrays.equals(shape, expected);
	}

	public Tensor copy() {
		return new Tensor(shape, data.clone());
	}

	/** Largest absolute difference to a tensor of the same shape. */
	public double maxAbsDifference(Tensor other) {
		if (!Arrays.equals(shape, other.shape)) {
			throw new IllegalArgumentException("Shapes differ: " + shapeString() + " vs " + other.shapeString() + ".");
		}
		double max = 0;
		for (int i = 0; i < data.length; i++) {
			double d = Math.abs((double) data[i] - other.data[i]);
			if (!(d <= max)) max = d; // NaN propagates as the maximum
		}
		return max;
	}

	/** The shape as "(a, b, c)". */
	public String shapeString() {
		return shapeString(shape);
	}

	public static String shapeString(int[] shape) {
		StringBuilder sb = new StringBuilder("(");
		for (int i = 0; i < shape.length; i++) {
			if (i > 0) sb.append(", ");
			sb.append(shape[i]);
		}
		return sb.append(')').toString();
	}

	@Override
	public String toString() {
		return "Tensor" + shapeString();
	}
}
