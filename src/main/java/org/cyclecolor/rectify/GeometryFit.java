package org.cyclecolor.rectify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import boofcv.factory.geo.ConfigFundamental;
import boofcv.factory.geo.ConfigHomography;
import boofcv.factory.geo.ConfigRansac;
import boofcv.factory.geo.EnumFundamental;
import boofcv.factory.geo.FactoryMultiViewRobust;
import boofcv.struct.geo.AssociatedPair;
import georegression.struct.homography.Homography2D_F64;

import org.cyclecolor.UserException;
import org.ddogleg.fitting.modelset.ModelMatcher;
import org.ejml.data.DMatrixRMaj;

/**
 * Robust two-view geometry from keypoint matches: a fundamental matrix and a homography, both
 * fitted with RANSAC (BoofCV), and the choice between them by Torr's Geometric Robust Information
 * Criterion (GRIC; P. Torr, "Geometric motion segmentation and model selection", Phil. Trans. R.
 * Soc. A, 1998): the homography wins when it explains the matches as well as the fundamental
 * matrix with fewer degrees of freedom, i.e. the scene is planar or distant, or the cameras only
 * rotated.
 */
public final class GeometryFit {

	/** Which two-view model rectifies the pair. */
	public enum Model {
		/** Let GRIC choose. */
		AUTO("auto"),
		/** Epipolar geometry (any scene with depth). */
		FUNDAMENTAL("fundamental"),
		/** One homography (planar or distant scenes). */
		HOMOGRAPHY("homography");

		private final String key;

		Model(String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}

		public static Model fromKey(String key) {
			for (Model m : values()) {
				if (m.key.equalsIgnoreCase(key.trim())) return m;
			}
			throw new IllegalArgumentException("Unknown model '" + key + "': use 'auto', 'fundamental' or 'homography'.");
		}
	}

	/** Fewest matches (and inliers) rectification is attempted with. */
	public static final int MIN_MATCHES = 20;

	/** The homography must beat the fundamental matrix's GRIC by this fraction to be chosen. */
	static final double GRIC_MARGIN = 0.02;

	/** Below this share of inliers the geometry is refused (a warning comes earlier, see RectifyOptions). */
	static final double MIN_INLIER_RATIO = 0.1;

	/** The outcome: the chosen model, its inliers, and why it was chosen. */
	public static final class Result {
		public final Model model;
		/** x_c^T F x_g = 0 (row-major), null for the homography model. */
		public final double[] fundamental;
		/** x_c ~ H x_g (row-major). */
		public final double[] homography;
		/** Indices of the matches that fit the chosen model. */
		public final int[] inliers;
		public final String reason;
		public final double gricFundamental;
		public final double gricHomography;

		Result(Model model, double[] f, double[] h, int[] inliers, String reason, double gricF, double gricH) {
			this.model = model;
			this.fundamental = f;
			this.homography = h;
			this.inliers = inliers;
			this.reason = reason;
			this.gricFundamental = gricF;
			this.gricHomography = gricH;
		}
	}

	private final double threshold;
	private final int iterations;
	private final long seed;

	/**
	 * @param threshold RANSAC inlier distance in pixels (of the gray image)
	 * @param iterations RANSAC iterations
	 */
	public GeometryFit(double threshold, int iterations, long seed) {
		this.threshold = threshold;
		this.iterations = iterations;
		this.seed = seed;
	}

	/** Fits both models and returns the one {@code wanted} (AUTO: GRIC's choice). */
	public Result fit(List<Match> matches, Model wanted, int grayWidth, int grayHeight) {
		if (matches.size() < MIN_MATCHES) throw tooFew(matches.size(), "feature matches");
		List<AssociatedPair> pairs = new ArrayList<>(matches.size());
		for (Match m : matches) pairs.add(new AssociatedPair(m.gx, m.gy, m.cx, m.cy));

		ConfigFundamental cf = new ConfigFundamental();
		cf.which = EnumFundamental.LINEAR_7;
		cf.numResolve = 2;
		cf.errorModel = ConfigFundamental.ErrorModel.SAMPSON;
		ModelMatcher<DMatrixRMaj, AssociatedPair> ransacF = FactoryMultiViewRobust.fundamentalRansac(cf,
			ransac(threshold));
		boolean okF = ransacF.process(pairs);
		ModelMatcher<Homography2D_F64, AssociatedPair> ransacH = FactoryMultiViewRobust.homographyRansac(
			new ConfigHomography(true), ransac(threshold));
		boolean okH = ransacH.process(pairs);
		if (!okF && !okH) throw tooFew(0, "inliers to any two-view model");

		double[] f = okF ? ransacF.getModelParameters().data.clone() : null;
		double[] h = okH ? homographyArray(ransacH.getModelParameters()) : null;
		// A dominant plane lures 7-point RANSAC into fundamental matrices that only fit the plane; the
		// plane's homography plus two off-plane points (plane and parallax) finds the one that fits all.
		if (h != null) {
			double[] fp = planeAndParallax(matches, h);
			if (fp != null && (f == null || count(matches, fp) > count(matches, f))) f = fp;
		}
		double[] errF = new double[pairs.size()], errH = new double[pairs.size()];
		for (int i = 0; i < pairs.size(); i++) {
			Match m = matches.get(i);
			errF[i] = f == null ? Double.POSITIVE_INFINITY : sampsonSq(f, m);
			// one-image transfer error carries the noise of both images: halve it to compare with Sampson
			errH[i] = h == null ? Double.POSITIVE_INFINITY : transferSq(h, m) / 2;
		}
		double sigma = noiseSigma(errF, threshold);
		int n = pairs.size();
		double gricF = gric(errF, sigma, 3, 7, n);
		double gricH = gric(errH, sigma, 2, 8, n);
		// Near ties go to epipolar geometry: it also yields the search direction and disparity range,
		// and the rectification it leads to stays close to the identity when there is little parallax.
		boolean homographyBetter = gricH < gricF - GRIC_MARGIN * Math.abs(gricF);
		int[] inF = inliers(errF, threshold * threshold), inH = inliers(errH, threshold * threshold);
		String counts = String.format(Locale.ROOT, "%d of %d matches fit a fundamental matrix, %d a homography; "
			+ "GRIC %.0f vs %.0f", inF.length, n, inH.length, gricF, gricH);

		Model chosen;
		String reason;
		switch (wanted) {
			case HOMOGRAPHY:
				chosen = Model.HOMOGRAPHY;
				reason = "homography model requested (" + counts + ")";
				break;
			case FUNDAMENTAL:
				if (homographyBetter || f == null) {
					throw new UserException("The matches are explained by a single homography (" + counts + "): the "
						+ "cameras only rotated, or the scene is planar or distant, so the epipolar geometry cannot be "
						+ "estimated; use model=auto or model=homography, or a calibration file.");
				}
				chosen = Model.FUNDAMENTAL;
				reason = "fundamental model requested (" + counts + ")";
				break;
			default:
				chosen = homographyBetter ? Model.HOMOGRAPHY : Model.FUNDAMENTAL;
				reason = homographyBetter
					? "homography chosen: one homography explains the matches as well as epipolar geometry (planar or "
						+ "distant scene, or cameras that only rotated); " + counts
					: "fundamental matrix chosen: the scene shows depth (parallax) that no single homography explains; "
						+ counts;
		}
		int[] in = chosen == Model.HOMOGRAPHY ? inH : inF;
		if (in.length < MIN_MATCHES) throw tooFew(in.length, "matches consistent with one geometry");
		if (in.length < MIN_INLIER_RATIO * n) {
			throw new UserException(String.format(Locale.ROOT, "Only %d of %d keypoint matches (%.0f%%) agree with one "
				+ "geometry: repeated patterns or very different views make the matches unreliable; rectify with a "
				+ "calibration file, or crop both images to the part they share.", in.length, n, 100.0 * in.length / n));
		}
		requireSpread(matches, in, grayWidth, grayHeight);
		return new Result(chosen, chosen == Model.FUNDAMENTAL ? f : null, h, in, reason, gricF, gricH);
	}

	private int count(List<Match> matches, double[] f) {
		int n = 0;
		double t2 = threshold * threshold;
		for (Match m : matches) if (sampsonSq(f, m) <= t2) n++;
		return n;
	}

	/**
	 * F = [e_c]x H with the epipole e_c where the parallax lines of two matches off the plane meet
	 * (Hartley and Zisserman, Multiple View Geometry, 2nd ed., algorithm 13.2), the pair drawn at
	 * random; the candidate with the most inliers wins.
	 */
	private double[] planeAndParallax(List<Match> matches, double[] h) {
		int[] off = new int[matches.size()];
		int n = 0;
		double t2 = threshold * threshold;
		for (int i = 0; i < matches.size(); i++) {
			if (transferSq(h, matches.get(i)) > 4 * t2) off[n++] = i;
		}
		if (n < 2) return null;
		java.util.Random rnd = new java.util.Random(seed);
		double[] best = null;
		int bestCount = -1;
		for (int it = 0; it < iterations / 4; it++) {
			Match a = matches.get(off[rnd.nextInt(n)]), b = matches.get(off[rnd.nextInt(n)]);
			if (a == b) continue;
			double[] la = parallaxLine(h, a), lb = parallaxLine(h, b);
			double[] e = cross(la, lb);
			double[] ex = { 0, -e[2], e[1], e[2], 0, -e[0], -e[1], e[0], 0 };
			double[] f = Mat3.mul(ex, h);
			double norm = 0;
			for (double v : f) norm += v * v;
			if (!(norm > 0) || !Double.isFinite(norm)) continue;
			int c = count(matches, f);
			if (c > bestCount) {
				bestCount = c;
				best = f;
			}
		}
		return best;
	}

	/** The line through H x_g and x_c in the colour image (it passes through the epipole). */
	private static double[] parallaxLine(double[] h, Match m) {
		double[] p = Mat3.times(h, m.gx, m.gy, 1);
		return cross(p, new double[] { m.cx, m.cy, 1 });
	}

	private static double[] cross(double[] a, double[] b) {
		return new double[] { a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0] };
	}

	private ConfigRansac ransac(double t) {
		ConfigRansac c = new ConfigRansac(iterations, t);
		c.randSeed = seed;
		return c;
	}

	static UserException tooFew(int found, String what) {
		return new UserException("Only " + found + " " + what + " were found between the gray and colour images (at "
			+ "least " + MIN_MATCHES + " are needed): the scene may be textureless or the images may not overlap; "
			+ "try features=sift or a larger max_features, or rectify with a calibration file.");
	}

	/**
	 * Refuses inliers that lie (nearly) on one line: neither model is determined by them. The
	 * spread across the line must be at least 2% of the image diagonal.
	 */
	static void requireSpread(List<Match> matches, int[] in, int w, int h) {
		double mx = 0, my = 0;
		for (int i : in) {
			mx += matches.get(i).gx;
			my += matches.get(i).gy;
		}
		mx /= in.length;
		my /= in.length;
		double sxx = 0, syy = 0, sxy = 0;
		for (int i : in) {
			double dx = matches.get(i).gx - mx, dy = matches.get(i).gy - my;
			sxx += dx * dx;
			syy += dy * dy;
			sxy += dx * dy;
		}
		sxx /= in.length;
		syy /= in.length;
		sxy /= in.length;
		double tr = sxx + syy, det = sxx * syy - sxy * sxy;
		double minor = tr / 2 - Math.sqrt(Math.max(0, tr * tr / 4 - det));
		double spread = Math.sqrt(Math.max(0, minor));
		double diag = Math.hypot(w, h);
		if (spread < 0.02 * diag) {
			throw new UserException(String.format(Locale.ROOT, "The %d consistent matches lie nearly on one line "
				+ "(spread %.1f px across it); the geometry is degenerate: give images with texture over a wider area, "
				+ "or rectify with a calibration file.", in.length, spread));
		}
	}

	/** Squared Sampson distance of a match to x_c^T F x_g = 0. */
	static double sampsonSq(double[] f, Match m) {
		double[] fx = Mat3.times(f, m.gx, m.gy, 1);
		double[] ftx = Mat3.times(Mat3.transpose(f), m.cx, m.cy, 1);
		double e = m.cx * fx[0] + m.cy * fx[1] + fx[2];
		double den = fx[0] * fx[0] + fx[1] * fx[1] + ftx[0] * ftx[0] + ftx[1] * ftx[1];
		return e * e / den;
	}

	static double transferSq(double[] h, Match m) {
		double[] p = new double[3];
		Mat3.apply(h, m.gx, m.gy, p);
		if (!(p[2] != 0)) return Double.POSITIVE_INFINITY;
		double dx = p[0] - m.cx, dy = p[1] - m.cy;
		return dx * dx + dy * dy;
	}

	/** Noise level from the median squared error of the fundamental-matrix inliers (1-dof chi-square). */
	static double noiseSigma(double[] errSq, double threshold) {
		double[] in = Arrays.stream(errSq).filter(e -> e < threshold * threshold).sorted().toArray();
		if (in.length == 0) return threshold / 2;
		double median = in[in.length / 2];
		double sigma = Math.sqrt(median / 0.455);
		return Math.max(0.1, Math.min(threshold, sigma));
	}

	/** GRIC with r = 4 (two 2-D points), lambda1 = ln 4, lambda2 = ln 4n, lambda3 = 2. */
	static double gric(double[] errSq, double sigma, int d, int k, int n) {
		double cap = 2.0 * (4 - d);
		double s = 0;
		for (double e : errSq) s += Math.min(e / (sigma * sigma), cap);
		return s + Math.log(4) * d * n + Math.log(4.0 * n) * k;
	}

	private static int[] inliers(double[] errSq, double t2) {
		int[] idx = new int[errSq.length];
		int n = 0;
		for (int i = 0; i < errSq.length; i++) {
			if (errSq[i] <= t2) idx[n++] = i;
		}
		return Arrays.copyOf(idx, n);
	}

	private static double[] homographyArray(Homography2D_F64 h) {
		return new double[] { h.a11, h.a12, h.a13, h.a21, h.a22, h.a23, h.a31, h.a32, h.a33 };
	}
}
