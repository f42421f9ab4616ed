package org.cyclecolor.rectify;

import java.util.List;

import org.ddogleg.optimization.FactoryOptimization;
import org.ddogleg.optimization.UnconstrainedLeastSquares;
import org.ddogleg.optimization.UtilOptimize;
import org.ddogleg.optimization.functions.FunctionNtoM;
import org.ddogleg.optimization.lm.ConfigLevenbergMarquardt;
import org.ejml.data.DMatrixRMaj;

/**
 * Uncalibrated rectification as two virtual camera rotations (quasi-Euclidean rectification, A.
 * Fusiello and L. Irsara, "Quasi-Euclidean uncalibrated epipolar rectification", ICPR 2008):
 * each image is warped by K_new R_i K_i^-1, where K_i has an unknown focal length and its
 * principal point at the image centre, and the rotations are found by Levenberg-Marquardt
 * (ddogleg) so that matched points land on the same row.
 * <p>
 * Unlike Hartley's projective rectification, the warps are rotations of a real camera: they do
 * not shear or stretch the images, the disparity keeps its physical meaning (zero at infinity
 * when the focal guess is right) and already-rectified pairs stay as they are. Besides the paper's
 * five angles and common focal length, the colour camera has its own focal length (a different
 * lens or pixel size), started from the keypoint scale ratio.
 */
final class QuasiEuclidean {

	/** The fitted warps into rectified coordinates centred on the new optical axis. */
	static final class Solution {
		final double[] grayH;
		final double[] colorH;
		final double grayFocal;
		final double colorFocal;
		final double[] params;

		Solution(double[] grayH, double[] colorH, double grayFocal, double colorFocal, double[] params) {
			this.grayH = grayH;
			this.colorH = colorH;
			this.grayFocal = grayFocal;
			this.colorFocal = colorFocal;
			this.params = params;
		}
	}

	// parameter layout
	private static final int Y1 = 0, Z1 = 1, X2 = 2, Y2 = 3, Z2 = 4, FOCAL = 5, RATIO = 6, N = 7;

	/** Pixels of residual that one radian of camera rotation costs (about 0.9 px per degree). */
	private static final double ANGLE_PRIOR = 50;
	/**
	 * Pixels of residual per unit of log3(focal / (w + h)). Only yaw / focal is observable from rows,
	 * so the focal length stays near w + h (a 53 degree field of view) unless the data insists.
	 */
	private static final double FOCAL_PRIOR = 10;

	private final int gw, gh, cw, ch;

	QuasiEuclidean(int grayWidth, int grayHeight, int colorWidth, int colorHeight) {
		this.gw = grayWidth;
		this.gh = grayHeight;
		this.cw = colorWidth;
		this.ch = colorHeight;
	}

	/**
	 * Fits the rotations to {@code matches[inliers]}.
	 *
	 * @param fundamental x_c^T F x_g = 0, for the starting in-plane angles (epipole directions)
	 * @param scaleRatio colour/gray focal length ratio to start from (keypoint scale ratio)
	 */
	Solution fit(List<Match> matches, int[] inliers, double[] fundamental, double scaleRatio) {
		double[] start = new double[N];
		start[RATIO] = Math.log(scaleRatio);
		double[] best = optimize(matches, inliers, start);
		// Rigs turned about the optical axis (epipolar lines far from horizontal) also start from the
		// epipole directions, F e_g = 0 and F^T e_c = 0; the better fit wins.
		double zg = -epipoleAngle(fundamental, gw, gh), zc = -epipoleAngle(Mat3.transpose(fundamental), cw, ch);
		if (Math.abs(zg) > Math.toRadians(5) || Math.abs(zc) > Math.toRadians(5)) {
			double[] turned = start.clone();
			turned[Z1] = zg;
			turned[Z2] = zc;
			double[] p = optimize(matches, inliers, turned);
			if (cost(matches, inliers, p) < cost(matches, inliers, best)) best = p;
		}
		return solution(best);
	}

	/** Sum of squared vertical residuals (the data term). */
	private double cost(List<Match> matches, int[] inliers, double[] p) {
		Warps w = warpsOrNull(p);
		if (w == null) return Double.POSITIVE_INFINITY;
		double[] a = new double[3], b = new double[3];
		double s = 0;
		for (int i : inliers) {
			Match m = matches.get(i);
			Mat3.apply(w.gray, m.gx, m.gy, a);
			Mat3.apply(w.color, m.cx, m.cy, b);
			s += (a[1] - b[1]) * (a[1] - b[1]);
		}
		return s;
	}

	private double[] optimize(List<Match> matches, int[] inliers, double[] start) {
		FunctionNtoM residuals = new FunctionNtoM() {
			@Override
			public void process(double[] p, double[] out) {
				Warps w = warpsOrNull(p);
				if (w == null) { // a step into a degenerate focal length: never better than where it came from
					java.util.Arrays.fill(out, 1e6);
					return;
				}
				double[] a = new double[3], b = new double[3];
				for (int k = 0; k < inliers.length; k++) {
					Match m = matches.get(inliers[k]);
					Mat3.apply(w.gray, m.gx, m.gy, a);
					Mat3.apply(w.color, m.cx, m.cy, b);
					out[k] = a[1] - b[1];
				}
				// Weak priors pick, among nearly equivalent solutions, the one that turns the cameras least
				// (an already rectified pair stays as it is); the data outweighs them for any real rotation.
				int k = inliers.length;
				out[k] = ANGLE_PRIOR * p[Y1];
				out[k + 1] = ANGLE_PRIOR * p[Z1];
				out[k + 2] = ANGLE_PRIOR * p[X2];
				out[k + 3] = ANGLE_PRIOR * p[Y2];
				out[k + 4] = ANGLE_PRIOR * p[Z2];
				out[k + 5] = FOCAL_PRIOR * p[FOCAL];
				out[k + 6] = 0.5 * (p[RATIO] - start[RATIO]);
			}

			@Override
			public int getNumOfInputsN() {
				return N;
			}

			@Override
			public int getNumOfOutputsM() {
				return inliers.length + 7;
			}
		};
		UnconstrainedLeastSquares<DMatrixRMaj> lm = FactoryOptimization.levenbergMarquardt(new ConfigLevenbergMarquardt(),
			false);
		lm.setFunction(residuals, null);
		lm.initialize(start, 1e-12, 1e-12);
		UtilOptimize.process(lm, 200);
		return lm.getParameters().clone();
	}

	private static final class Warps {
		double[] gray, color;
		double fg, fc;
	}

	/** Warps into rectified coordinates with the gray focal length and the optical axis at 0, 0. */
	private Warps warps(double[] p) {
		Warps w = new Warps();
		w.fg = (gw + gh) * Math.pow(3, p[FOCAL]);
		// the colour focal follows the gray one scaled by the image sizes' ratio times a free factor
		w.fc = w.fg * Math.exp(p[RATIO]);
		double[] kg = Mat3.intrinsics(w.fg, (gw - 1) / 2.0, (gh - 1) / 2.0);
		double[] kc = Mat3.intrinsics(w.fc, (cw - 1) / 2.0, (ch - 1) / 2.0);
		double[] kn = Mat3.intrinsics(w.fg, 0, 0);
		double[] rg = Mat3.mul(Mat3.rotZ(p[Z1]), Mat3.rotY(p[Y1]));
		double[] rc = Mat3.mul(Mat3.rotZ(p[Z2]), Mat3.mul(Mat3.rotY(p[Y2]), Mat3.rotX(p[X2])));
		w.gray = Mat3.mul(kn, Mat3.mul(rg, Mat3.inverse(kg)));
		w.color = Mat3.mul(kn, Mat3.mul(rc, Mat3.inverse(kc)));
		return w;
	}

	/** {@link #warps} where the focal lengths are usable, else null (the optimiser stepped out of range). */
	private Warps warpsOrNull(double[] p) {
		try {
			return warps(p);
		}
		catch (IllegalArgumentException singular) {
			return null;
		}
	}

	private Solution solution(double[] p) {
		Warps w = warps(p);
		return new Solution(w.gray, w.color, w.fg, w.fc, p);
	}

	/**
	 * Angle (radians, in (-pi/2, pi/2]) of the direction from the image centre towards the epipole
	 * (the null vector of {@code m}): the rotation about the optical axis that makes epipolar lines
	 * horizontal is minus this.
	 */
	static double epipoleAngle(double[] m, int w, int h) {
		double[] e = nullVector(m);
		double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
		double dx, dy;
		if (Math.abs(e[2]) < 1e-12 * Math.hypot(e[0], e[1])) {
			dx = e[0];
			dy = e[1];
		}
		else {
			dx = e[0] / e[2] - cx;
			dy = e[1] / e[2] - cy;
		}
		double a = Math.atan2(dy, dx);
		while (a > Math.PI / 2) a -= Math.PI;
		while (a <= -Math.PI / 2) a += Math.PI;
		return a;
	}

	/** Right null vector of a rank-2 3x3 matrix: the largest cross product of two of its rows. */
	static double[] nullVector(double[] m) {
		double[][] rows = { { m[0], m[1], m[2] }, { m[3], m[4], m[5] }, { m[6], m[7], m[8] } };
		double[] best = null;
		double bestNorm = -1;
		for (int i = 0; i < 3; i++) {
			for (int j = i + 1; j < 3; j++) {
				double[] a = rows[i], b = rows[j];
				double[] c = { a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0] };
				double n = Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
				if (n > bestNorm) {
					bestNorm = n;
					best = c;
				}
			}
		}
		return best;
	}
}
