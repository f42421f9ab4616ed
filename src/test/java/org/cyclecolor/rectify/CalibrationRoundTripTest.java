package org.cyclecolor.rectify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import boofcv.alg.distort.LensDistortionNarrowFOV;
import boofcv.factory.distort.LensDistortionFactory;
import boofcv.struct.calib.CameraPinholeBrown;
import boofcv.struct.distort.Point2Transform2_F64;
import georegression.struct.point.Point2D_F64;

import org.cyclecolor.UserException;
import org.cyclecolor.method.ColorSide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oracle: known 3-D points projected through known cameras (with lens distortion). Files written
 * by OpenCV itself (fixtures from make_opencv_calibration.py) and a BoofCV-format file are read,
 * the pair is rectified with them, and the projections of each point must land on the same row.
 */
class CalibrationRoundTripTest {

	@TempDir
	Path tmp;

	// the rig of make_opencv_calibration.py
	static final double[] K1 = { 700, 0, 322.5, 0, 702, 236, 0, 0, 1 };
	static final double[] D1 = { -0.21, 0.08, 0.0012, -0.0009, -0.01 };
	static final double[] K2 = { 610, 0, 318, 0, 611, 241, 0, 0, 1 };
	static final double[] D2 = { -0.15, 0.05, -0.0007, 0.0011, 0 };
	static final double[] R = CalibrationFiles.rodrigues(new double[] { 0.012, -0.03, 0.05 });
	static final double[] T = { -0.35, 0.01, 0.004 };

	private Path fixture(String name) throws IOException {
		Path p = tmp.resolve(name);
		try (InputStream in = getClass().getResourceAsStream(name)) {
			Files.copy(in, p);
		}
		return p;
	}

	private static CameraPinholeBrown camera(double[] k, double[] d, int w, int h) {
		return new CameraPinholeBrown().fsetK(k[0], k[4], k[1], k[2], k[5], w, h).fsetRadial(d[0], d[1], d[4])
			.fsetTangential(d[2], d[3]);
	}

	/** Projects random points in front of both cameras and checks their rows after rectification. */
	private static void checkRows(StereoCalibration cal, int grayCamera, double tolerance) {
		CameraPinholeBrown c1 = camera(K1, D1, 640, 480), c2 = camera(K2, D2, 640, 480);
		CalibratedRectifier.Result res = CalibratedRectifier.rectify(cal, grayCamera, 640, 480, 640, 480);
		Point2Transform2_F64 dist1 = LensDistortionFactory.narrow(c1).distort_F64(false, true);
		Point2Transform2_F64 dist2 = LensDistortionFactory.narrow(c2).distort_F64(false, true);
		Random rnd = new Random(7);
		int checked = 0;
		double worst = 0;
		double[] a = new double[2], b = new double[2];
		for (int i = 0; i < 2000 && checked < 300; i++) {
			double z = 1.5 + 8 * rnd.nextDouble();
			double[] x1 = { (rnd.nextDouble() - 0.5) * 0.8 * z, (rnd.nextDouble() - 0.5) * 0.6 * z, z };
			double[] x2 = Mat3.times(R, x1[0], x1[1], x1[2]);
			for (int k = 0; k < 3; k++) x2[k] += T[k];
			Point2D_F64 p1 = new Point2D_F64(), p2 = new Point2D_F64();
			dist1.compute(x1[0] / x1[2], x1[1] / x1[2], p1);
			dist2.compute(x2[0] / x2[2], x2[1] / x2[2], p2);
			if (p1.x < 5 || p1.y < 5 || p1.x > 634 || p1.y > 474 || p2.x < 5 || p2.y < 5 || p2.x > 634 || p2.y > 474) continue;
			Point2D_F64 g = grayCamera == 1 ? p1 : p2, c = grayCamera == 1 ? p2 : p1;
			res.rectification.grayToOutput(g.x, g.y, a);
			res.rectification.colorToOutput(c.x, c.y, b);
			worst = Math.max(worst, Math.abs(a[1] - b[1]));
			// the disparity along the reported side is positive: the point is in front of both cameras
			assertTrue(res.side.sign() * (b[0] - a[0]) > 0, "disparity sign");
			checked++;
		}
		assertTrue(checked >= 300, "too few points inside both images: " + checked);
		assertTrue(worst < tolerance, "rows differ by up to " + worst + " px");
		assertEquals(grayCamera == 1 ? ColorSide.RIGHT : ColorSide.LEFT, res.side);
		// and back: output pixels map to the original pixels that map to them
		double[] o = new double[2], back = new double[2];
		res.rectification.outputToGray(100, 80, o);
		res.rectification.grayToOutput(o[0], o[1], back);
		assertEquals(100, back[0], 1e-3);
		assertEquals(80, back[1], 1e-3);
	}

	@Test
	void openCvYamlWrittenByOpenCvRectifiesTheRig() throws IOException {
		StereoCalibration cal = CalibrationFiles.read(fixture("opencv_stereo.yml"));
		assertEquals("OpenCV YAML", cal.format);
		assertEquals(640, cal.camera1.width);
		assertEquals(-0.21, cal.camera1.radial[0], 1e-12);
		assertEquals(0.0011, cal.camera2.t2, 1e-12);
		checkRows(cal, 1, 0.01);
		checkRows(cal, 2, 0.01);
	}

	@Test
	void openCvXmlWrittenByOpenCvReadsTheSame() throws IOException {
		StereoCalibration yml = CalibrationFiles.read(fixture("opencv_stereo.yml"));
		StereoCalibration xml = CalibrationFiles.read(fixture("opencv_stereo.xml"));
		assertEquals("OpenCV XML", xml.format);
		for (int i = 0; i < 9; i++) assertEquals(yml.rotation[i], xml.rotation[i], 1e-12);
		assertEquals(yml.camera2.fx, xml.camera2.fx, 1e-12);
		checkRows(xml, 1, 0.01);
	}

	@Test
	void boofcvYamlGivesTheSameRig() throws IOException {
		// BoofCV stores the right-to-left motion: X_left = R^T X_right - R^T T
		double[] rt = Mat3.transpose(R);
		double[] t = Mat3.times(rt, -T[0], -T[1], -T[2]);
		String yaml = "# Intrinsic and extrinsic parameters for a stereo camera pair\n"
			+ "left:\n  model: pinhole_radial_tangential\n  pinhole: {cx: 322.5, cy: 236.0, fx: 700.0, fy: 702.0, "
			+ "height: 480, skew: 0.0, width: 640}\n  radial_tangential:\n    radial: [-0.21, 0.08, -0.01]\n"
			+ "    t1: 0.0012\n    t2: -0.0009\n  version: 0\n"
			+ "model: stereo_camera\n"
			+ "right:\n  model: pinhole_radial_tangential\n  pinhole:\n    cx: 318.0\n    cy: 241.0\n    fx: 610.0\n"
			+ "    fy: 611.0\n    height: 480\n    skew: 0.0\n    width: 640\n  radial_tangential:\n"
			+ "    radial:\n    - -0.15\n    - 0.05\n    - 0.0\n    t1: -0.0007\n    t2: 0.0011\n  version: 0\n"
			+ "rightToLeft:\n  rotation: [" + join(rt) + "]\n  x: " + t[0] + "\n  y: " + t[1] + "\n  z: " + t[2] + "\n"
			+ "version: 0\n";
		Path p = tmp.resolve("stereo.yaml");
		Files.write(p, yaml.getBytes(StandardCharsets.UTF_8));
		StereoCalibration cal = CalibrationFiles.read(p);
		assertEquals("BoofCV YAML", cal.format);
		for (int i = 0; i < 9; i++) assertEquals(R[i], cal.rotation[i], 1e-12);
		for (int i = 0; i < 3; i++) assertEquals(T[i], cal.translation[i], 1e-12);
		checkRows(cal, 1, 0.01);
	}

	@Test
	void aCalibrationForAnotherImageSizeIsRefused() throws IOException {
		StereoCalibration cal = CalibrationFiles.read(fixture("opencv_stereo.yml"));
		UserException e = assertThrows(UserException.class, () -> CalibratedRectifier.rectify(cal, 1, 1280, 960, 640, 480));
		assertTrue(e.getMessage().contains("640x480") && e.getMessage().contains("1280x960"), e.getMessage());
	}

	@Test
	void unreadableFilesGetAClearError() throws IOException {
		Path p = tmp.resolve("notes.yml");
		Files.write(p, "just: some\nnotes: here\n".getBytes(StandardCharsets.UTF_8));
		UserException e = assertThrows(UserException.class, () -> CalibrationFiles.read(p));
		assertTrue(e.getMessage().contains("notes.yml") && e.getMessage().contains("camera 1 matrix"), e.getMessage());
		Path bad = tmp.resolve("broken.xml");
		Files.write(bad, "<opencv_storage><M1>".getBytes(StandardCharsets.UTF_8));
		assertThrows(UserException.class, () -> CalibrationFiles.read(bad));
		assertThrows(UserException.class, () -> CalibrationFiles.read(tmp.resolve("missing.yml")));
	}

	private static String join(double[] v) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < v.length; i++) s.append(i == 0 ? "" : ", ").append(v[i]);
		return s.toString();
	}
}
