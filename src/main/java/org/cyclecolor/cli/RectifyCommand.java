package org.cyclecolor.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.Interpolation;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.pipeline.RectifyOperation;
import org.cyclecolor.rectify.FeatureType;
import org.cyclecolor.rectify.GeometryFit;
import org.cyclecolor.rectify.Rectification;
import org.cyclecolor.rectify.RectifyOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cyclecolor rectify}: the Rectify Pair operation on files. */
@Command(name = "rectify", mixinStandardHelpOptions = true,
	description = { "Rectify a mono/colour image pair so that matching points share a row, from the images alone "
		+ "(keypoints, fundamental matrix or homography) or from a stereo calibration file." })
public final class RectifyCommand implements Callable<Integer> {

	@Spec
	private picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--gray", required = true, paramLabel = "FILE", description = "The mono camera's image.")
	private Path gray;

	@Option(names = "--color", required = true, paramLabel = "FILE", description = "The colour camera's image.")
	private Path color;

	@Option(names = "--out-gray", required = true, paramLabel = "FILE", description = "Rectified gray image to write.")
	private Path outGray;

	@Option(names = "--out-color", required = true, paramLabel = "FILE", description = "Rectified colour image to write.")
	private Path outColor;

	@Option(names = "--mask", paramLabel = "FILE", description = "Also write the valid-pixel mask (255 where both images have data).")
	private Path mask;

	@Option(names = "--diagnostic", paramLabel = "FILE", description = "Also write the diagnostic image (matches, epipolar lines).")
	private Path diagnostic;

	@Option(names = "--calibration", paramLabel = "FILE",
		description = "Stereo calibration: OpenCV stereoCalibrate YAML/XML or BoofCV stereo YAML.")
	private Path calibration;

	@Option(names = "--gray-camera", defaultValue = "1", description = "Which calibration camera took the gray image: 1 or 2 (default ${DEFAULT-VALUE}).")
	private int grayCamera;

	@Option(names = "--features", defaultValue = "sift", description = "sift, surf or surf-fast (default ${DEFAULT-VALUE}).")
	private String features;

	@Option(names = "--model", defaultValue = "auto", description = "auto, fundamental or homography (default ${DEFAULT-VALUE}).")
	private String model;

	@Option(names = "--interpolation", defaultValue = "bicubic", description = "bicubic or bilinear (default ${DEFAULT-VALUE}).")
	private String interpolation;

	@Option(names = "--frame", defaultValue = "full", description = "full (whole gray image, with mask) or crop (common valid area) (default ${DEFAULT-VALUE}).")
	private String frame;

	@Option(names = "--color-side", defaultValue = "auto", description = "auto, left or right (default ${DEFAULT-VALUE}).")
	private String colorSide;

	@Option(names = "--max-features", defaultValue = "1000", description = "Most keypoints per image (default ${DEFAULT-VALUE}).")
	private int maxFeatures;

	@Option(names = "--threshold", defaultValue = "1.5", description = "RANSAC inlier distance in pixels (default ${DEFAULT-VALUE}).")
	private double threshold;

	@Option(names = "--overwrite", description = "Replace existing output files.")
	private boolean overwrite;

	@Option(names = "--json", description = "Print the report as one JSON object on standard output.")
	private boolean json;

	@Override
	public Integer call() {
		RectifyOptions o = new RectifyOptions();
		try {
			o.features = FeatureType.fromKey(features);
			o.model = GeometryFit.Model.fromKey(model);
			o.interpolation = Interpolation.fromKey(interpolation);
			o.frame = Rectification.Frame.fromKey(frame);
			o.colorSide = "auto".equalsIgnoreCase(colorSide.trim()) ? null : ColorSide.fromKey(colorSide);
		}
		catch (IllegalArgumentException e) {
			throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
		}
		o.maxFeatures = maxFeatures;
		o.inlierThreshold = threshold;
		o.calibration = calibration;
		o.grayCamera = grayCamera;
		// refuse existing outputs before the work, not after it
		for (Path p : new Path[] { outGray, outColor, mask, diagnostic }) {
			if (p != null) ImageFiles.prepareTarget(p, overwrite);
		}
		ConsoleProgress progress = new ConsoleProgress(System.err, json).cancelOnInterrupt();
		RectifyOperation.Result r;
		try {
			r = RectifyOperation.run(ImageFiles.read(gray), ImageFiles.read(color), o, diagnostic != null, progress);
		}
		finally {
			progress.done();
		}
		ImageFiles.write(r.gray, outGray, overwrite);
		ImageFiles.write(r.color, outColor, overwrite);
		if (mask != null) ImageFiles.write(r.mask, mask, overwrite);
		if (diagnostic != null) ImageFiles.write(r.diagnostic, diagnostic, overwrite);
		if (json) {
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("gray", outGray.toString());
			summary.put("color", outColor.toString());
			summary.put("mask", mask == null ? null : mask.toString());
			summary.put("diagnostic", diagnostic == null ? null : diagnostic.toString());
			summary.put("report", r.report.toMap());
			JsonOutput.print(spec.commandLine().getOut(), summary);
		}
		return ExitCode.OK;
	}
}
