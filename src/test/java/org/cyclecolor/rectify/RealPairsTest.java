package org.cyclecolor.rectify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.testutil.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real pairs from the shared data (skipped when it is absent). Rectified Middlebury pairs must
 * stay rectified: their ground-truth correspondences (left x, y to right x - d, y) land on the
 * same output row within 0.5 px. Unrectified SYNTIM pairs report their inlier vertical error.
 */
class RealPairsTest {

	private static RgbImage rgb(Path p) {
		return ImagePlusAdapter.toRgb(ImageFiles.read(p), Double.NaN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "mb2003-teddy", "mb2003-cones", "mb2005-art", "mb2001-tsukuba" })
	void rectifiedMiddleburyPairsStayRectified(String scene) {
		Path dir = SharedData.require("stereo/" + scene);
		RgbImage left = rgb(dir.resolve("left.png")), right = rgb(dir.resolve("right.png"));
		ImagePlus dispImp = ImageFiles.read(dir.resolve(java.nio.file.Files.exists(dir.resolve("disp_left.png"))
			? "disp_left.png" : "disp_left.pgm"));
		FloatPlane disp = ImagePlusAdapter.toPlane(dispImp.getProcessor());
		double divisor = divisor(dir);
		PairRectifier.Output out = PairRectifier.rectify(YCbCr.luma(left), right, new RectifyOptions(), Progress.NONE);
		List<Double> errors = new ArrayList<>();
		double[] a = new double[2], b = new double[2];
		for (int y = 10; y < left.height() - 10; y += 3) {
			for (int x = 10; x < left.width() - 10; x += 3) {
				float v = disp.get(x, y);
				if (!(v > 0)) continue;
				double d = v / divisor;
				if (x - d < 2) continue;
				out.rectification.grayToOutput(x, y, a);
				out.rectification.colorToOutput(x - d, y, b);
				errors.add(Math.abs(a[1] - b[1]));
			}
		}
		double[] e = errors.stream().mapToDouble(Double::doubleValue).toArray();
		double med = PairStats.percentile(e, 0.5), p95 = PairStats.percentile(e, 0.95);
		System.out.printf(Locale.ROOT, "%s: %d ground-truth correspondences, vertical error median %.3f px, p95 %.3f px; "
			+ "report inliers %d/%d, median %.3f, p95 %.3f, side %s, disparity %.1f..%.1f%n", scene, e.length, med, p95,
			out.report.inliers, out.report.matches, out.report.verticalMedian, out.report.vertical95,
			out.report.colorSide, out.report.disparityMin, out.report.disparityMax);
		assertTrue(med <= 0.5, scene + ": median vertical error " + med);
	}

	private static double divisor(Path dir) {
		try {
			String meta = new String(java.nio.file.Files.readAllBytes(dir.resolve("meta.json")));
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"disp_divisor\"\\s*:\\s*([0-9.]+)").matcher(meta);
			return m.find() ? Double.parseDouble(m.group(1)) : 1;
		}
		catch (java.io.IOException e) {
			return 1;
		}
	}

	/**
	 * The Cycle-CNN authors' real mono/colour pairs (colour camera on the left, d up to about 20 px):
	 * rows agree, and the measured side is the left one (a pair explained by a homography has none).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "cyclecnn-00001", "cyclecnn-00053", "cyclecnn-00102", "cyclecnn-00153", "cyclecnn-00207",
		"cyclecnn-00257" })
	void realMonoColourPairs(String scene) {
		Path dir = SharedData.require("real-mono-color/" + scene);
		FloatPlane mono = YCbCr.luma(rgb(dir.resolve("mono.png")));
		PairRectifier.Output out = PairRectifier.rectify(mono, rgb(dir.resolve("color.png")), new RectifyOptions(),
			Progress.NONE);
		RectificationReport r = out.report;
		System.out.printf(Locale.ROOT, "%s: %s, %d/%d inliers, vertical median %.2f px, p95 %.2f px, side %s, disparity "
			+ "%.1f..%.1f%n", scene, r.model, r.inliers, r.matches, r.verticalMedian, r.vertical95, r.colorSide,
			r.disparityMin, r.disparityMax);
		assertTrue(r.verticalMedian <= 0.5 && r.vertical95 <= 1.5, scene);
		assertTrue(r.colorSide == org.cyclecolor.method.ColorSide.LEFT || (r.colorSide == null && "homography".equals(r.model)),
			scene + ": side " + r.colorSide);
		if (r.colorSide != null) assertTrue(r.disparityMax < 40, scene + ": disparity up to " + r.disparityMax);
	}

	/** MiddEval3 PlaytableP is the imperfectly rectified version of Playtable: rectifying improves its rows. */
	@org.junit.jupiter.api.Test
	void anImperfectlyRectifiedPairGetsBetterRows() {
		Path dir = SharedData.require("stereo/mbeval3q-playtablep");
		RgbImage left = rgb(dir.resolve("left.png")), right = rgb(dir.resolve("right.png"));
		PairRectifier.Output out = PairRectifier.rectify(YCbCr.luma(left), right, new RectifyOptions(), Progress.NONE);
		double[] before = new double[out.inliers.length];
		for (int k = 0; k < before.length; k++) {
			Match m = out.matches.get(out.inliers[k]);
			before[k] = Math.abs(m.gy - m.cy);
		}
		double b = PairStats.percentile(before, 0.5), b95 = PairStats.percentile(before, 0.95);
		System.out.printf(Locale.ROOT, "playtablep: rows of the inlier matches differ by median %.2f px, p95 %.2f px "
			+ "before and %.2f px, %.2f px after rectification%n", b, b95, out.report.verticalMedian, out.report.vertical95);
		assertTrue(out.report.verticalMedian <= 0.5, "median after " + out.report.verticalMedian);
		assertTrue(out.report.vertical95 < b95, "p95 after " + out.report.vertical95 + " vs before " + b95);
	}

	@ParameterizedTest
	@ValueSource(strings = { "syntim-sport", "syntim-tot", "syntim-batinria" })
	void unrectifiedSyntimPairsAreRectified(String scene) {
		Path dir = SharedData.require("unrectified/" + scene);
		RgbImage left = rgb(dir.resolve("left.png")), right = rgb(dir.resolve("right.png"));
		PairRectifier.Output out = PairRectifier.rectify(YCbCr.luma(left), right, new RectifyOptions(), Progress.NONE);
		System.out.printf(Locale.ROOT, "%s: %s, %d/%d inliers, vertical error median %.3f px, p95 %.3f px, side %s, "
			+ "disparity %.1f..%.1f%n", scene, out.report.model, out.report.inliers, out.report.matches,
			out.report.verticalMedian, out.report.vertical95, out.report.colorSide, out.report.disparityMin,
			out.report.disparityMax);
		assertTrue(out.report.verticalMedian <= 0.5, scene + ": median " + out.report.verticalMedian);
		assertTrue(out.report.vertical95 <= 1.5, scene + ": p95 " + out.report.vertical95);
	}
}
