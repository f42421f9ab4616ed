package org.cyclecolor.synth;

/**
 * Two identical, rectified pinhole cameras looking along +z: the LEFT one at the origin, the
 * RIGHT one at (baseline, 0, 0). A scene point at depth Z appears in the left view at column x
 * and in the right view at x − d with disparity {@code d = focal · baseline / Z ≥ 0}, on the same
 * row. Pixel centres sit at integer coordinates; the principal point is the image centre.
 *
 * @param width, height image size in pixels
 * @param focal focal length in pixels
 * @param baseline distance between the camera centres in metres
 */
public record StereoRig(int width, int height, double focal, double baseline) {

	/** Which camera of the rig. */
	public enum View {
		LEFT, RIGHT
	}

	public StereoRig {
		if (width <= 0 || height <= 0) throw new IllegalArgumentException("Image size must be positive.");
		if (!(focal > 0) || !(baseline > 0)) throw new IllegalArgumentException("Focal length and baseline must be positive.");
	}

	/** Column of the principal point. */
	public double cx() {
		return (width - 1) / 2.0;
	}

	/** Row of the principal point. */
	public double cy() {
		return (height - 1) / 2.0;
	}

	/** x coordinate of the camera centre of a view (y = z = 0). */
	public double centerX(View view) {
		return view == View.LEFT ? 0 : baseline;
	}

	/** Disparity in pixels of a point at depth z metres. */
	public double disparity(double z) {
		return focal * baseline / z;
	}

	/** Column where the point (x, z) appears in a view. */
	public double column(View view, double x, double z) {
		return cx() + focal * (x - centerX(view)) / z;
	}
}
