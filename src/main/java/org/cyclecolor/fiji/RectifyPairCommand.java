package org.cyclecolor.fiji;

import java.io.File;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.cyclecolor.UserException;
import org.cyclecolor.image.Interpolation;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.pipeline.RectifyOperation;
import org.cyclecolor.rectify.FeatureType;
import org.cyclecolor.rectify.GeometryFit;
import org.cyclecolor.rectify.Rectification;
import org.cyclecolor.rectify.RectifyOptions;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins > Cycle Colorization > Rectify Pair...: brings the mono and colour images onto common
 * rows, from the images alone or from a stereo calibration file. Macro keys are the field names,
 * e.g. {@code run("Rectify Pair...", "gray=mono.tif color=colour.tif features=sift frame=crop");}.
 */
@Plugin(type = Command.class, headless = true, menu = { @Menu(label = MenuOrder.PLUGINS), @Menu(label = MenuOrder.SUITE),
	@Menu(label = "Rectify Pair...", weight = MenuOrder.RECTIFY_PAIR) })
public final class RectifyPairCommand extends SuiteCommand {

	@Parameter(label = "Gray (mono camera) image")
	private ImagePlus gray;

	@Parameter(label = "Colour camera image")
	private ImagePlus color;

	@Parameter(label = "Calibration file (optional)", required = false, persist = false,
		description = "OpenCV stereoCalibrate YAML/XML or BoofCV stereo YAML; empty: rectify from the images")
	private File calibration;

	@Parameter(label = "Gray camera in the calibration", persist = false, min = "1", max = "2")
	private int gray_camera = 1;

	@Parameter(label = "Features", persist = false, choices = { "sift", "surf", "surf-fast" })
	private String features = "sift";

	@Parameter(label = "Geometric model", persist = false, choices = { "auto", "fundamental", "homography" })
	private String model = "auto";

	@Parameter(label = "Interpolation", persist = false, choices = { "bicubic", "bilinear" })
	private String interpolation = "bicubic";

	@Parameter(label = "Output frame", persist = false, choices = { "full", "crop" },
		description = "full: the whole rectified gray image with a valid-pixel mask; crop: the common valid rectangle")
	private String frame = "full";

	@Parameter(label = "Colour camera side", persist = false, choices = { "auto", "left", "right" })
	private String color_side = "auto";

	@Parameter(label = "Max features per image", persist = false, min = "50")
	private int max_features = 1000;

	@Parameter(label = "Inlier threshold (px)", persist = false, min = "0.3", max = "20", stepSize = "0.1")
	private double threshold = 1.5;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus gray_rectified;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus color_rectified;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus valid_mask;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus diagnostic;

	@Parameter(type = ItemIO.OUTPUT)
	private ResultsTable report;

	@Override
	String title() {
		return "Rectify Pair";
	}

	@Override
	void work(StatusProgress progress) {
		RectifyOperation.Result r;
		try {
			r = RectifyOperation.run(gray, color, options(), true, progress);
		}
		catch (IllegalArgumentException e) {
			// an unknown choice (features, model, ...) or an impossible geometry, said in its own words
			throw new UserException(e.getMessage());
		}
		gray_rectified = r.gray;
		color_rectified = r.color;
		valid_mask = r.mask;
		diagnostic = r.diagnostic;
		report = RectifyOperation.table(r.report);
	}

	private RectifyOptions options() {
		RectifyOptions o = new RectifyOptions();
		o.features = FeatureType.fromKey(features);
		o.model = GeometryFit.Model.fromKey(model);
		o.interpolation = Interpolation.fromKey(interpolation);
		o.frame = Rectification.Frame.fromKey(frame);
		o.colorSide = "auto".equalsIgnoreCase(color_side.trim()) ? null : ColorSide.fromKey(color_side);
		o.maxFeatures = max_features;
		o.inlierThreshold = threshold;
		o.grayCamera = gray_camera;
		o.calibration = calibration == null || calibration.getPath().trim().isEmpty() ? null : calibration.toPath();
		return o;
	}
}
