package org.cyclecolor.rectify;

import java.util.Locale;

import boofcv.struct.calib.CameraPinholeBrown;

import org.cyclecolor.UserException;
import org.cyclecolor.method.ColorSide;

/**
 * Rectification from a stereo calibration (A. Fusiello, E. Trucco and A. Verri, "A compact
 * algorithm for rectification of stereo pairs", MVA 2000): both cameras are turned to a common
 * orientation whose x axis is the baseline and whose optical axis is the mean of the two, lens
 * distortion is removed, and both are projected with the gray camera's focal lengths, so the gray
 * image keeps its scale and a colour camera with another lens or pixel size is brought to it.
 */
public final class CalibratedRectifier {

	private CalibratedRectifier() {}

	/** The rectification and the side the colour camera is on. */
	public static final class Result {
		public final Rectification rectification;
		public final ColorSide side;

		Result(Rectification rectification, ColorSide side) {
			this.rectification = rectification;
			this.side = side;
		}
	}

	/**
	 * @param grayCamera 1 or 2: which camera of the calibration took the gray image
	 */
	public static Result rectify(StereoCalibration calibration, int grayCamera, int grayWidth, int grayHeight,
		int colorWidth, int colorHeight)
	{
		if (grayCamera != 1 && grayCamera != 2) {
			throw new UserException("The gray camera must be 1 or 2 (the camera's number in the calibration), got "
				+ grayCamera + ".");
		}
		StereoCalibration c = grayCamera == 1 ? calibration : calibration.swapped();
		String other = "gray_camera=" + (grayCamera == 1 ? 2 : 1);
		checkSize(c.camera1, grayWidth, grayHeight, "gray", other);
		checkSize(c.camera2, colorWidth, colorHeight, "colour", other);
		if (!(c.baseline() > 0)) {
			throw new UserException("The calibration's translation T is zero: the cameras share one centre and the pair "
				+ "cannot be rectified for stereo.");
		}
		double[] r = c.rotation, t = c.translation;
		// Colour camera centre in the gray camera's frame: C = -R^T T.
		double[] centre = Mat3.times(Mat3.transpose(r), -t[0], -t[1], -t[2]);
		double[] x = normalize(centre);
		ColorSide side = x[0] >= 0 ? ColorSide.RIGHT : ColorSide.LEFT;
		if (x[0] < 0) x = new double[] { -x[0], -x[1], -x[2] }; // keep image x pointing the same way
		if (Math.abs(x[0]) < Math.sqrt(0.5)) {
			throw new UserException(String.format(Locale.ROOT, "The calibration's baseline points mostly along the "
				+ "gray camera's %s axis: the cameras are not side by side, and rectified rows would run %s the images.",
				Math.abs(x[1]) > Math.abs(x[2]) ? "vertical" : "optical", "across"));
		}
		// mean optical axis in the gray frame: the gray z axis plus the colour camera's
		double[] z = { r[6], r[7], r[8] + 1 };
		double[] y = normalize(cross(z, x));
		double[] zz = cross(x, y);
		double[] rect = { x[0], x[1], x[2], y[0], y[1], y[2], zz[0], zz[1], zz[2] };
		CameraPinholeBrown g = c.camera1, col = c.camera2;
		double[] kn = { g.fx, 0, 0, 0, g.fy, 0, 0, 0, 1 };
		double[] hGray = Mat3.mul(kn, Mat3.mul(rect, Mat3.inverse(k(g))));
		double[] hColor = Mat3.mul(kn, Mat3.mul(rect, Mat3.mul(Mat3.transpose(r), Mat3.inverse(k(col)))));
		ViewWarp gw = new ViewWarp(grayWidth, grayHeight, hGray, g);
		ViewWarp cw = new ViewWarp(colorWidth, colorHeight, hColor, col);
		return new Result(Rectification.fullFrame(gw, cw), side);
	}

	private static double[] k(CameraPinholeBrown c) {
		return new double[] { c.fx, c.skew, c.cx, 0, c.fy, c.cy, 0, 0, 1 };
	}

	private static void checkSize(CameraPinholeBrown cam, int w, int h, String role, String other) {
		if (cam.width > 0 && cam.height > 0) {
			if (cam.width != w || cam.height != h) {
				throw new UserException(String.format(Locale.ROOT, "The calibration is for a %dx%d %s image but the %s "
					+ "image is %dx%d; use the calibration made for these images%s.", cam.width, cam.height, role, role, w,
					h, " (or " + other + " if the cameras are the other way round)"));
			}
			return;
		}
		// No size in the file: the principal point must at least lie near the middle of the image.
		if (Math.abs(cam.cx - (w - 1) / 2.0) > w / 4.0 || Math.abs(cam.cy - (h - 1) / 2.0) > h / 4.0) {
			throw new UserException(String.format(Locale.ROOT, "The calibration's principal point (%.0f, %.0f) is far "
				+ "from the centre of the %dx%d %s image: the file appears to be for another image size (or %s).",
				cam.cx, cam.cy, w, h, role, other));
		}
	}

	private static double[] normalize(double[] v) {
		double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
		return new double[] { v[0] / n, v[1] / n, v[2] / n };
	}

	private static double[] cross(double[] a, double[] b) {
		return new double[] { a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0] };
	}
}
