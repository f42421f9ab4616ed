package org.cyclecolor.rectify;

/** Small 3x3 matrix helpers on row-major {@code double[9]} (homographies, rotations, intrinsics). */
final class Mat3 {

	private Mat3() {}

	static double[] identity() {
		return new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 };
	}

	static double[] mul(double[] a, double[] b) {
		double[] c = new double[9];
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 3; j++) {
				c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
			}
		}
		return c;
	}

	static double[] transpose(double[] a) {
		return new double[] { a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8] };
	}

	static double det(double[] a) {
		return a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
	}

	static double[] inverse(double[] a) {
		double d = det(a);
		if (d == 0 || !Double.isFinite(d)) throw new IllegalArgumentException("Singular 3x3 matrix.");
		double[] c = new double[] {
			a[4] * a[8] - a[5] * a[7], a[2] * a[7] - a[1] * a[8], a[1] * a[5] - a[2] * a[4],
			a[5] * a[6] - a[3] * a[8], a[0] * a[8] - a[2] * a[6], a[2] * a[3] - a[0] * a[5],
			a[3] * a[7] - a[4] * a[6], a[1] * a[6] - a[0] * a[7], a[0] * a[4] - a[1] * a[3] };
		for (int i = 0; i < 9; i++) c[i] /= d;
		return c;
	}

	/** Applies homography {@code h} to (x, y); out = (x', y', w) with x', y' already divided by w. */
	static void apply(double[] h, double x, double y, double[] out) {
		double w = h[6] * x + h[7] * y + h[8];
		out[0] = (h[0] * x + h[1] * y + h[2]) / w;
		out[1] = (h[3] * x + h[4] * y + h[5]) / w;
		if (out.length > 2) out[2] = w;
	}

	/** Multiplies {@code m} by the column (x, y, z). */
	static double[] times(double[] m, double x, double y, double z) {
		return new double[] { m[0] * x + m[1] * y + m[2] * z, m[3] * x + m[4] * y + m[5] * z, m[6] * x + m[7] * y + m[8] * z };
	}

	static double[] rotX(double t) {
		double c = Math.cos(t), s = Math.sin(t);
		return new double[] { 1, 0, 0, 0, c, -s, 0, s, c };
	}

	static double[] rotY(double t) {
		double c = Math.cos(t), s = Math.sin(t);
		return new double[] { c, 0, s, 0, 1, 0, -s, 0, c };
	}

	static double[] rotZ(double t) {
		double c = Math.cos(t), s = Math.sin(t);
		return new double[] { c, -s, 0, s, c, 0, 0, 0, 1 };
	}

	/** Pinhole intrinsics with square pixels. */
	static double[] intrinsics(double f, double cx, double cy) {
		return new double[] { f, 0, cx, 0, f, cy, 0, 0, 1 };
	}

	static double[] translation(double tx, double ty) {
		return new double[] { 1, 0, tx, 0, 1, ty, 0, 0, 1 };
	}
}
