package org.cyclecolor.rectify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.Resampler;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.method.ColorSide;

/**
 * Rectifies a gray/colour pair: from keypoint matches (fundamental matrix or homography) or from
 * a stereo calibration, then resamples both images into one output frame where matching points
 * share a row, and reports how well that worked.
 */
public final class PairRectifier {

	private PairRectifier() {}

	/** The rectified pair and everything known about it. */
	public static final class Output {
		/** The gray image in the output frame, in its input units (invalid pixels 0). */
		public final FloatPlane gray;
		/** The colour image in the output frame, same full scale as the input (invalid pixels 0). */
		public final RgbImage color;
		/** True where both images have data (row-major, output size). */
		public final boolean[] valid;
		public final Rectification rectification;
		public final RectificationReport report;
		/** All keypoint matches (input pixel coordinates) and the indices of the inliers. */
		public final List<Match> matches;
		public final int[] inliers;

		Output(FloatPlane gray, RgbImage color, boolean[] valid, Rectification rectification, RectificationReport report,
			List<Match> matches, int[] inliers)
		{
			this.gray = gray;
			this.color = color;
			this.valid = valid;
			this.rectification = rectification;
			this.report = report;
			this.matches = matches;
			this.inliers = inliers;
		}
	}

	/**
	 * @param gray the mono image, any units
	 * @param color the colour image (its luminance is matched with the gray image)
	 */
	public static Output rectify(FloatPlane gray, RgbImage color, RectifyOptions o, Progress progress) {
		RectificationReport report = new RectificationReport();
		// a calibration file that cannot be used fails before any work
		Geometry geo = null;
		if (o.calibration != null) {
			StereoCalibration cal = CalibrationFiles.read(o.calibration);
			CalibratedRectifier.Result cr = CalibratedRectifier.rectify(cal, o.grayCamera, gray.width(), gray.height(),
				color.width(), color.height());
			geo = new Geometry(cr.rectification, null, cr.side);
			report.method = "calibration";
			report.model = "calibration";
			report.modelReason = "rectified with the " + cal.format + " calibration " + o.calibration.getFileName()
				+ " (gray camera " + o.grayCamera + ")";
		}
		progress.report(0, "Matching keypoints (" + o.features.key() + ")");
		FeatureMatcher.Result found = new FeatureMatcher(o.features, o.maxFeatures, o.detectionSize, o.equalize)
			.match(gray, YCbCr.luma(color));
		List<Match> matches = found.matches;
		report.grayFeatures = found.grayFeatures;
		report.colorFeatures = found.colorFeatures;
		report.matches = matches.size();
		progress.log(String.format(Locale.ROOT, "Rectify: %d gray and %d colour keypoints, %d matches", found.grayFeatures,
			found.colorFeatures, matches.size()));
		progress.checkCancelled();
		progress.report(0.35, "Fitting the geometry");
		if (geo == null) {
			geo = fromMatches(matches, gray, color, o, report, progress);
		}
		else {
			geo = new Geometry(geo.rect, consistent(geo.rect, matches, 2 * o.inlierThreshold), geo.side);
			if (matches.size() < GeometryFit.MIN_MATCHES) {
				report.warn("Only " + matches.size() + " keypoint matches: the vertical error and disparity range below "
					+ "rest on few points.");
			}
		}
		int[] inliers = geo.inliers;
		report.inliers = inliers.length;
		report.inlierRatio = matches.isEmpty() ? Double.NaN : inliers.length / (double) matches.size();
		if (!(report.inlierRatio >= o.minInlierRatio)) {
			report.warn(String.format(Locale.ROOT, "Only %.0f%% of the matches agree with the geometry (below %.0f%%): "
				+ "check the diagnostic image; repeated patterns or very different images make matching unreliable.",
				100 * report.inlierRatio, 100 * o.minInlierRatio));
		}
		progress.checkCancelled();
		Rectification rect = searchDirection(geo, matches, o, report);

		progress.report(0.5, "Resampling (" + o.interpolation.key() + ")");
		boolean[] validGray = new boolean[rect.width() * rect.height()];
		boolean[] validColor = new boolean[validGray.length];
		Rectification fr = rect;
		FloatPlane[] g = Resampler.warp(new FloatPlane[] { gray }, rect.width(), rect.height(), fr::outputToGray,
			o.interpolation, 0f, validGray);
		progress.checkCancelled();
		progress.report(0.7, null);
		FloatPlane[] c = Resampler.warp(new FloatPlane[] { color.r(), color.g(), color.b() }, rect.width(), rect.height(),
			fr::outputToColor, o.interpolation, 0f, validColor);
		boolean[] valid = new boolean[validGray.length];
		for (int i = 0; i < valid.length; i++) valid[i] = validGray[i] && validColor[i];
		FloatPlane outGray = g[0];
		RgbImage outColor = new RgbImage(c[0], c[1], c[2], color.maxValue());
		if (o.frame == Rectification.Frame.CROP) {
			int[] box = largestRectangle(valid, rect.width(), rect.height());
			if (box[2] < 16 || box[3] < 16) {
				throw new UserException("The rectified images hardly overlap (largest common rectangle " + box[2] + "x"
					+ box[3] + "); use frame=full, or check that both images show the same scene.");
			}
			outGray = outGray.crop(box[0], box[1], box[2], box[3]);
			outColor = outColor.crop(box[0], box[1], box[2], box[3]);
			boolean[] v = new boolean[box[2] * box[3]];
			for (int y = 0; y < box[3]; y++) {
				System.arraycopy(valid, (box[1] + y) * rect.width() + box[0], v, y * box[2], box[2]);
			}
			valid = v;
			rect = rect.cropped(box[0], box[1], box[2], box[3]);
		}
		report.outputWidth = rect.width();
		report.outputHeight = rect.height();
		report.frame = o.frame.key();
		report.interpolation = o.interpolation.key();
		report.lensDistortionRemoved = rect.removesLensDistortion();
		report.grayHomography = rect.grayHomography();
		report.colorHomography = rect.colorHomography();
		progress.report(1, "Rectified");
		return new Output(outGray, outColor, valid, rect, report, matches, inliers);
	}

	/** Rectifying transforms, the matches that agree with them, and the colour side if known. */
	private static final class Geometry {
		final Rectification rect;
		final int[] inliers;
		final ColorSide side;

		Geometry(Rectification rect, int[] inliers, ColorSide side) {
			this.rect = rect;
			this.inliers = inliers;
			this.side = side;
		}
	}

	/**
	 * Rectification turns each camera by a small angle; it cannot undo a colour image that is upside
	 * down. Along the matches that agree, such an image reverses the order of rows and columns: the
	 * correlation of matched coordinates is strongly negative instead of near 1. (A mirrored image
	 * gets here with too few agreeing matches: keypoint descriptors are not mirror-invariant.)
	 */
	static void refuseTurned(List<Match> matches, int[] inliers) {
		if (correlation(matches, inliers, true) < -0.5 && correlation(matches, inliers, false) < -0.5) {
			throw new UserException("The colour image seems turned by 180 degrees against the mono image (its matches run upside down "
				+ "and right to left); turn it upright (Image > Transform > Rotate 90 Degrees Right, twice) and rectify again.");
		}
	}

	/** Pearson correlation of the gray and colour rows (or columns) of the matches {@code inliers}. */
	private static double correlation(List<Match> matches, int[] inliers, boolean rows) {
		double sg = 0, sc = 0, sgg = 0, scc = 0, sgc = 0;
		int n = inliers.length;
		for (int i : inliers) {
			Match m = matches.get(i);
			double g = rows ? m.gy : m.gx, c = rows ? m.cy : m.cx;
			sg += g;
			sc += c;
			sgg += g * g;
			scc += c * c;
			sgc += g * c;
		}
		double cov = sgc / n - sg / n * sc / n, vg = sgg / n - sg / n * sg / n, vc = scc / n - sc / n * sc / n;
		return vg > 0 && vc > 0 ? cov / Math.sqrt(vg * vc) : 1;
	}

	/** Uncalibrated: robust two-view model, then quasi-Euclidean warps (or the homography). */
	private static Geometry fromMatches(List<Match> matches, FloatPlane gray, RgbImage color, RectifyOptions o,
		RectificationReport report, Progress progress)
	{
		GeometryFit.Result fit = new GeometryFit(o.inlierThreshold, o.ransacIterations, o.seed).fit(matches, o.model,
			gray.width(), gray.height());
		progress.log("Rectify: " + fit.reason);
		refuseTurned(matches, fit.inliers);
		report.method = "features";
		report.model = fit.model.key();
		report.modelReason = fit.reason;
		Rectification rect;
		int[] inliers;
		if (fit.model == GeometryFit.Model.FUNDAMENTAL) {
			QuasiEuclidean qe = new QuasiEuclidean(gray.width(), gray.height(), color.width(), color.height());
			double ratio = medianScaleRatio(matches, fit.inliers);
			QuasiEuclidean.Solution s = qe.fit(matches, fit.inliers, fit.fundamental, ratio);
			rect = Rectification.fullFrame(new ViewWarp(gray.width(), gray.height(), s.grayH),
				new ViewWarp(color.width(), color.height(), s.colorH));
			// Refit once on the matches the first fit rows up, to shed RANSAC's borderline outliers.
			int[] kept = consistent(rect, matches, o.inlierThreshold);
			if (kept.length >= GeometryFit.MIN_MATCHES && kept.length < fit.inliers.length) {
				s = qe.fit(matches, kept, fit.fundamental, ratio);
				rect = Rectification.fullFrame(new ViewWarp(gray.width(), gray.height(), s.grayH),
					new ViewWarp(color.width(), color.height(), s.colorH));
			}
			inliers = consistent(rect, matches, o.inlierThreshold);
			progress.log(String.format(Locale.ROOT, "Rectify: virtual camera turns (deg) gray yaw %.2f roll %.2f, colour "
				+ "pitch %.2f yaw %.2f roll %.2f; focal length gray %.0f px, colour %.0f px", Math.toDegrees(s.params[0]),
				Math.toDegrees(s.params[1]), Math.toDegrees(s.params[2]), Math.toDegrees(s.params[3]),
				Math.toDegrees(s.params[4]), s.grayFocal, s.colorFocal));
		}
		else {
			// The colour image is mapped onto the gray one: x_g ~ H^-1 x_c.
			rect = Rectification.fullFrame(new ViewWarp(gray.width(), gray.height(), Mat3.identity()),
				new ViewWarp(color.width(), color.height(), Mat3.inverse(fit.homography)));
			inliers = fit.inliers;
		}
		if (inliers.length < GeometryFit.MIN_MATCHES) {
			throw GeometryFit.tooFew(inliers.length, "matches on common rows after rectification");
		}
		return new Geometry(rect, inliers, null);
	}

	/**
	 * Chooses the search direction (given, from the calibration, or measured), shifts the colour
	 * image so that every disparity is >= 0 along it, and fills the report's row and disparity
	 * numbers.
	 */
	private static Rectification searchDirection(Geometry geo, List<Match> matches, RectifyOptions o,
		RectificationReport report)
	{
		Rectification rect = geo.rect;
		int[] inliers = geo.inliers;
		PairStats stats = PairStats.of(rect, matches, inliers);
		ColorSide measured = measuredSide(report.model, stats, PairStats.of(rect, matches, null), o.inlierThreshold);
		ColorSide side;
		if (o.colorSide != null) {
			side = o.colorSide;
			report.colorSideSource = "given";
			if (geo.side != null && geo.side != side) {
				report.warn("The colour camera was said to be on the " + side.key() + " but the calibration puts it on the "
					+ geo.side.key() + ".");
			}
			else if (geo.side == null && measured != null && measured != side) {
				report.warn("The colour camera was said to be on the " + side.key() + " but most disparities point the "
					+ "other way (a colour camera turned about the vertical axis can do this); the colour image is "
					+ "shifted so that every disparity is >= 0 along the given side.");
			}
		}
		else if (geo.side != null) {
			side = geo.side;
			report.colorSideSource = "calibration";
		}
		else {
			side = measured;
			report.colorSideSource = side == null ? "unknown" : "measured";
		}
		if (side != null && inliers.length > 0) {
			double[] range = stats.disparityRange(side);
			if (range[0] < 0) {
				rect = rect.withColorShift(side.sign() * Math.ceil(-range[0]));
				stats = PairStats.of(rect, matches, inliers);
			}
			double[] r = stats.disparityRange(side);
			report.disparityMin = r[0];
			report.disparityMax = r[1];
		}
		report.colorSide = side;
		report.colorShift = rect.colorShift();
		report.verticalMedian = stats.verticalMedian();
		report.vertical95 = stats.vertical95();
		return rect;
	}

	/** Indices of the matches whose rectified rows differ by at most {@code tolerance} pixels. */
	static int[] consistent(Rectification r, List<Match> matches, double tolerance) {
		PairStats all = PairStats.of(r, matches, null);
		int[] idx = new int[matches.size()];
		int n = 0;
		for (int i = 0; i < idx.length; i++) {
			if (all.vertical[i] <= tolerance) idx[n++] = i;
		}
		return Arrays.copyOf(idx, n);
	}

	private static double medianScaleRatio(List<Match> matches, int[] inliers) {
		double[] r = new double[inliers.length];
		for (int k = 0; k < r.length; k++) r[k] = matches.get(inliers[k]).scaleRatio;
		double m = PairStats.percentile(r, 0.5);
		return Double.isFinite(m) && m > 0.05 && m < 20 ? m : 1;
	}

	/**
	 * The colour camera's side from the matches: the sign of the median disparity of the inliers
	 * (epipolar geometry), or, for a homography, of the residual parallax of the matches that stay
	 * on their row but leave the homography; null when there is no clear parallax.
	 */
	private static ColorSide measuredSide(String model, PairStats inliers, PairStats all, double threshold) {
		if (!"homography".equals(model)) return inliers.horizontal.length == 0 ? null : inliers.side();
		int left = 0, right = 0;
		for (int i = 0; i < all.horizontal.length; i++) {
			if (all.vertical[i] <= threshold && Math.abs(all.horizontal[i]) > 2 * threshold) {
				if (all.horizontal[i] > 0) left++;
				else right++;
			}
		}
		if (left + right < 10) return null;
		if (left >= 4 * right) return ColorSide.LEFT;
		if (right >= 4 * left) return ColorSide.RIGHT;
		return null;
	}

	/** The largest axis-aligned rectangle of true pixels: {x, y, width, height}. */
	static int[] largestRectangle(boolean[] valid, int w, int h) {
		int[] heights = new int[w];
		int[] best = { 0, 0, 0, 0 };
		long bestArea = 0;
		int[] stack = new int[w + 1];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) heights[x] = valid[y * w + x] ? heights[x] + 1 : 0;
			// largest rectangle under the histogram of column heights ending at row y
			int top = 0;
			for (int x = 0; x <= w; x++) {
				int cur = x == w ? 0 : heights[x];
				while (top > 0 && heights[stack[top - 1]] >= cur) {
					int hh = heights[stack[--top]];
					int left = top == 0 ? 0 : stack[top - 1] + 1;
					long area = (long) hh * (x - left);
					if (area > bestArea) {
						bestArea = area;
						best = new int[] { left, y - hh + 1, x - left, hh };
					}
				}
				stack[top++] = x;
			}
		}
		return best;
	}
}
