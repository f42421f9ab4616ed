package org.cyclecolor.rectify;

import boofcv.alg.distort.LensDistortionNarrowFOV;
import boofcv.factory.distort.LensDistortionFactory;
import boofcv.struct.calib.CameraPinholeBrown;
import boofcv.struct.distort.Point2Transform2_F64;
import georegression.struct.point.Point2D_F64;

/**
 * How one view of the pair maps into the common rectified plane: an optional lens model (pixel
 * to undistorted pixel, BoofCV's Brown radial-tangential model) followed by a homography
 * (undistorted pixel to rectified coordinates). Thread-safe.
 */
final class ViewWarp {

	private final int width;
	private final int height;
	private final double[] h;
	private final double[] hInv;
	private final ThreadLocal<Point2Transform2_F64> undistort;
	private final ThreadLocal<Point2Transform2_F64> distort;
	private final CameraPinholeBrown lens;

	/** A view without lens distortion. */
	ViewWarp(int width, int height, double[] h) {
		this(width, height, h, null);
	}

	/** A view whose pixels are first undistorted with {@code lens} (null: none). */
	ViewWarp(int width, int height, double[] h, CameraPinholeBrown lens) {
		this.width = width;
		this.height = height;
		// Homographies are defined up to scale: pick the sign that keeps the image centre in front.
		double wc = h[6] * (width - 1) / 2.0 + h[7] * (height - 1) / 2.0 + h[8];
		this.h = h.clone();
		if (wc < 0) for (int i = 0; i < 9; i++) this.h[i] = -this.h[i];
		this.hInv = Mat3.inverse(this.h);
		this.lens = lens;
		if (lens != null && lens.isDistorted()) {
			LensDistortionNarrowFOV model = LensDistortionFactory.narrow(lens);
			Point2Transform2_F64 u = model.undistort_F64(true, true);
			Point2Transform2_F64 d = model.distort_F64(true, true);
			undistort = ThreadLocal.withInitial(u::copyConcurrent);
			distort = ThreadLocal.withInitial(d::copyConcurrent);
		}
		else {
			undistort = null;
			distort = null;
		}
	}

	int width() {
		return width;
	}

	int height() {
		return height;
	}

	/** The homography from undistorted pixels to rectified coordinates (a copy). */
	double[] homography() {
		return h.clone();
	}

	boolean hasLens() {
		return undistort != null;
	}

	/** This view with {@code t} applied after its homography (e.g. a translation into the frame). */
	ViewWarp then(double[] t) {
		return new ViewWarp(width, height, Mat3.mul(t, h), lens);
	}

	/** Original pixel (x, y) to rectified (u, v); NaN when it maps behind the rectified camera. */
	void toRectified(double x, double y, double[] out) {
		double ux = x, uy = y;
		if (undistort != null) {
			Point2D_F64 p = new Point2D_F64();
			undistort.get().compute(x, y, p);
			ux = p.x;
			uy = p.y;
		}
		double w = h[6] * ux + h[7] * uy + h[8];
		if (!(w > 0)) {
			out[0] = out[1] = Double.NaN;
			return;
		}
		out[0] = (h[0] * ux + h[1] * uy + h[2]) / w;
		out[1] = (h[3] * ux + h[4] * uy + h[5]) / w;
	}

	/** Rectified (u, v) to original pixel coordinates; NaN when no pixel of this view maps there. */
	void toOriginal(double u, double v, double[] out) {
		double w = hInv[6] * u + hInv[7] * v + hInv[8];
		if (!(w > 0)) {
			out[0] = out[1] = Double.NaN;
			return;
		}
		double x = (hInv[0] * u + hInv[1] * v + hInv[2]) / w;
		double y = (hInv[3] * u + hInv[4] * v + hInv[5]) / w;
		if (distort != null) {
			// Far outside the image the polynomial lens model folds back; stay within a margin.
			if (x < -width || x > 2 * width || y < -height || y > 2 * height) {
				out[0] = out[1] = Double.NaN;
				return;
			}
			Point2D_F64 p = new Point2D_F64();
			distort.get().compute(x, y, p);
			x = p.x;
			y = p.y;
		}
		out[0] = x;
		out[1] = y;
	}
}
