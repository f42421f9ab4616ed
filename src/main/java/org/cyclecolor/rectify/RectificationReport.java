package org.cyclecolor.rectify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cyclecolor.method.ColorSide;

/**
 * The numbers a user checks after rectifying: how many matches agreed, how far apart matched
 * points remain vertically (the quality of the rectification), the horizontal disparity range
 * (to choose the colorization's search range), and which way to search.
 */
public final class RectificationReport {

	/** "features" (from the images) or "calibration". */
	public String method;
	/** "fundamental", "homography" or "calibration". */
	public String model;
	public String modelReason;
	public int grayFeatures;
	public int colorFeatures;
	public int matches;
	public int inliers;
	public double inlierRatio = Double.NaN;
	/** Median |y_gray - y_colour| of the inlier matches after rectification, output pixels. */
	public double verticalMedian = Double.NaN;
	/** 95th percentile of the same. */
	public double vertical95 = Double.NaN;
	/** Disparity range along the search direction (2nd and 98th percentile of the inliers), pixels. */
	public double disparityMin = Double.NaN;
	public double disparityMax = Double.NaN;
	/** Where the colour camera is (null when it cannot be told, e.g. a homography without parallax). */
	public ColorSide colorSide;
	/** How the side was found: "measured", "calibration" or "given". */
	public String colorSideSource;
	/** Pixels the colour image was moved right so that no disparity is negative. */
	public double colorShift;
	public int outputWidth;
	public int outputHeight;
	public String frame;
	public String interpolation;
	public boolean lensDistortionRemoved;
	/** Row-major homographies from (undistorted) input pixels to output pixels. */
	public double[] grayHomography;
	public double[] colorHomography;
	private final List<String> warnings = new ArrayList<>();

	public void warn(String message) {
		warnings.add(message);
	}

	public List<String> warnings() {
		return Collections.unmodifiableList(warnings);
	}

	/** The largest disparity to search, rounded up with a 2-pixel margin (at least 1). */
	public int suggestedMaxDisparity() {
		if (!Double.isFinite(disparityMax)) return 0;
		return Math.max(1, (int) Math.ceil(disparityMax) + 2);
	}

	/** The report as ordered name/value pairs (JSON, results tables). */
	public Map<String, Object> toMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("method", method);
		m.put("model", model);
		m.put("model_reason", modelReason);
		m.put("gray_features", grayFeatures);
		m.put("color_features", colorFeatures);
		m.put("matches", matches);
		m.put("inliers", inliers);
		m.put("inlier_ratio", inlierRatio);
		m.put("vertical_error_median_px", verticalMedian);
		m.put("vertical_error_p95_px", vertical95);
		m.put("disparity_min_px", disparityMin);
		m.put("disparity_max_px", disparityMax);
		m.put("suggested_max_disparity", suggestedMaxDisparity());
		m.put("color_side", colorSide == null ? null : colorSide.key());
		m.put("color_side_source", colorSideSource);
		m.put("color_shift_px", colorShift);
		m.put("output_width", outputWidth);
		m.put("output_height", outputHeight);
		m.put("frame", frame);
		m.put("interpolation", interpolation);
		m.put("lens_distortion_removed", lensDistortionRemoved);
		m.put("gray_homography", list(grayHomography));
		m.put("color_homography", list(colorHomography));
		m.put("warnings", new ArrayList<>(warnings));
		return m;
	}

	private static List<Double> list(double[] a) {
		if (a == null) return null;
		List<Double> l = new ArrayList<>(a.length);
		for (double v : a) l.add(v);
		return l;
	}
}
