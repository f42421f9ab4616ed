package org.cyclecolor.rectify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import boofcv.struct.calib.CameraPinholeBrown;

import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.testutil.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Oracle: the SYNTIM pairs' own calibration files (INRIA, 1990s; each camera's pose R, T and
 * intrinsics, no lens distortion). Rectified with them, independent keypoint matches must land on
 * common rows. Skipped without the shared data.
 */
class SyntimCalibratedTest {

	/** u0, v0, au, av, R (9), T (3) from a SYNTIM cam_* file. */
	static double[] read(Path p) throws IOException {
		String s = new String(Files.readAllBytes(p));
		Matcher m = Pattern.compile("-?\\d+\\.\\d+(e[-+]?\\d+)?").matcher(s.substring(s.indexOf("u0")));
		List<Double> v = new ArrayList<>();
		while (m.find()) v.add(Double.parseDouble(m.group()));
		// u0 v0 au av focale(1.0) R(9) T(3); the image size line has integers only
		return new double[] { v.get(0), v.get(1), v.get(2), v.get(3), v.get(5), v.get(6), v.get(7), v.get(8), v.get(9),
			v.get(10), v.get(11), v.get(12), v.get(13), v.get(14), v.get(15), v.get(16) };
	}

	static StereoCalibration calibration(double[] g, double[] d, int w, int h) {
		CameraPinholeBrown c1 = new CameraPinholeBrown().fsetK(g[2], g[3], 0, g[0], g[1], w, h);
		CameraPinholeBrown c2 = new CameraPinholeBrown().fsetK(d[2], d[3], 0, d[0], d[1], w, h);
		// The files give each camera's pose (camera to world: X_w = R X_c + T), found by testing the
		// conventions against the epipolar error of independent matches (0.3 px median for Sport).
		double[] r1 = Mat3.transpose(java.util.Arrays.copyOfRange(g, 4, 13));
		double[] r2 = Mat3.transpose(java.util.Arrays.copyOfRange(d, 4, 13));
		double[] t1 = Mat3.times(r1, -g[13], -g[14], -g[15]), t2 = Mat3.times(r2, -d[13], -d[14], -d[15]);
		double[] r = Mat3.mul(r2, Mat3.transpose(r1));
		double[] rt1 = Mat3.times(r, t1[0], t1[1], t1[2]);
		double[] t = { t2[0] - rt1[0], t2[1] - rt1[1], t2[2] - rt1[2] };
		return new StereoCalibration(c1, c2, r, t, "SYNTIM");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Sport", "Tot", "BatInria", "Color" })
	void syntimCalibrationsRectifyTheirPairs(String name) throws IOException {
		Path dir = SharedData.require("unrectified/syntim-" + name.toLowerCase(Locale.ROOT));
		RgbImage left = ImagePlusAdapter.toRgb(ImageFiles.read(dir.resolve("left.png")), Double.NaN);
		RgbImage right = ImagePlusAdapter.toRgb(ImageFiles.read(dir.resolve("right.png")), Double.NaN);
		StereoCalibration cal = calibration(read(dir.resolve("cam_" + name + "_g")), read(dir.resolve("cam_" + name + "_d")),
			left.width(), left.height());
		CalibratedRectifier.Result res = CalibratedRectifier.rectify(cal, 1, left.width(), left.height(), right.width(),
			right.height());
		FeatureMatcher.Result found = new FeatureMatcher(FeatureType.SIFT, 2000, 1280, true).match(YCbCr.luma(left),
			YCbCr.luma(right));
		// the matches that fit an independent fundamental matrix are the correct ones; the calibration must row them up
		GeometryFit.Result fit = new GeometryFit(1.5, 2000, 1).fit(found.matches, GeometryFit.Model.FUNDAMENTAL,
			left.width(), left.height());
		PairStats s = PairStats.of(res.rectification, found.matches, fit.inliers);
		System.out.printf(Locale.ROOT, "SYNTIM %s with its calibration: %d matches, vertical median %.2f px, p95 %.2f px, "
			+ "side %s%n", name, fit.inliers.length, s.verticalMedian(), s.vertical95(), res.side);
		assertTrue(s.verticalMedian() < 1.5, "median " + s.verticalMedian());
		assertEquals(ColorSide.RIGHT, res.side);
	}
}
