package org.cyclecolor.rectify;

import java.nio.file.Path;

import org.cyclecolor.image.Interpolation;
import org.cyclecolor.method.ColorSide;

/** Everything that can be chosen about a rectification; the defaults suit most camera pairs. */
public final class RectifyOptions {

	/** Keypoints for matching (uncalibrated path, and for the report in the calibrated one). */
	public FeatureType features = FeatureType.SIFT;
	/** Most keypoints per image. */
	public int maxFeatures = 1000;
	/** Larger images are shrunk to about this size (larger side, pixels) for keypoint detection. */
	public int detectionSize = 1280;
	/** Histogram-equalise both images before detection (robust to gain and gamma). */
	public boolean equalize = true;
	/** Two-view model for uncalibrated rectification. */
	public GeometryFit.Model model = GeometryFit.Model.AUTO;
	/** RANSAC inlier distance, gray-image pixels. */
	public double inlierThreshold = 1.5;
	public int ransacIterations = 2000;
	public long seed = 1;
	/** Below this inlier ratio the report carries a warning. */
	public double minInlierRatio = 0.3;
	public Interpolation interpolation = Interpolation.BICUBIC;
	public Rectification.Frame frame = Rectification.Frame.FULL;
	/** A stereo calibration file; null: rectify from the images alone. */
	public Path calibration;
	/** Which camera of the calibration took the gray image (1 or 2). */
	public int grayCamera = 1;
	/** Where the colour camera is; null: measured from the matches (or the calibration). */
	public ColorSide colorSide;
}
