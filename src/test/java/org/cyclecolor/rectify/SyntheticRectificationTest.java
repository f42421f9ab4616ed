package org.cyclecolor.rectify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.Interpolation;
import org.cyclecolor.image.Resampler;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.method.ColorSide;
import org.junit.jupiter.api.Test;

/**
 * Oracle: rendered camera pairs with exact correspondences. The colour camera is turned,
 * offset vertically and has another focal length and resolution; the mono view has another gain,
 * gamma and noise. After rectification, held-back true correspondences (never used for fitting)
 * must lie on the same row: median error at most 0.5 px, 95th percentile at most 1.5 px.
 */
class SyntheticRectificationTest {

	private static final int W = 640, H = 480;

	private static final Progress LOG = new Progress() {
		@Override
		public void report(double fraction, String message) {}

		@Override
		public void log(String message) {
			System.out.println(message);
		}

		@Override
		public boolean isCancelled() {
			return false;
		}
	};

	/** Vertical errors of true correspondences {xg, yg, xc, yc} after rectification. */
	static double[] verticalErrors(Rectification r, List<double[]> truth) {
		double[] e = new double[truth.size()];
		double[] a = new double[2], b = new double[2];
		for (int i = 0; i < e.length; i++) {
			double[] t = truth.get(i);
			r.grayToOutput(t[0], t[1], a);
			r.colorToOutput(t[2], t[3], b);
			e[i] = Math.abs(a[1] - b[1]);
		}
		return e;
	}

	private static PairRectifier.Output run(SyntheticRig rig, SyntheticRig.Camera mono, SyntheticRig.Camera color,
		List<double[]> truth, ColorSide side, String name)
	{
		FloatPlane gray = SyntheticRig.mono(rig.render(mono), 1.25, 0.75, 2.0, 3);
		RgbImage rgb = rig.render(color);
		PairRectifier.Output out = PairRectifier.rectify(gray, rgb, new RectifyOptions(), LOG);
		double[] e = verticalErrors(out.rectification, truth);
		double med = PairStats.percentile(e, 0.5), p95 = PairStats.percentile(e, 0.95);
		System.out.printf(Locale.ROOT, "%s: %d true correspondences, vertical error median %.3f px, p95 %.3f px; "
			+ "report: %s inliers of %d, median %.3f, p95 %.3f, disparity %.1f..%.1f, side %s%n", name, truth.size(), med,
			p95, out.report.inliers, out.report.matches, out.report.verticalMedian, out.report.vertical95,
			out.report.disparityMin, out.report.disparityMax, out.report.colorSide);
		assertTrue(truth.size() > 200, "too few true correspondences: " + truth.size());
		assertTrue(med <= 0.5, name + ": median vertical error " + med);
		assertTrue(p95 <= 1.5, name + ": 95th percentile vertical error " + p95);
		assertEquals(side, out.report.colorSide, name + ": colour side");
		assertTrue(out.report.disparityMin >= -0.5, name + ": disparities along the search direction are non-negative");
		// true disparities after rectification lie inside the reported range (give or take the trimmed 1%)
		return out;
	}

	@Test
	void colourCameraOnTheRightTurnedOffsetAndZoomed() {
		SyntheticRig rig = SyntheticRig.scene(11);
		SyntheticRig.Camera mono = new SyntheticRig.Camera(700, (W - 1) / 2.0, (H - 1) / 2.0, W, H,
			SyntheticRig.turn(0, 0, 0), new double[] { 0, 0, 0 });
		// other lens and sensor: focal 600 px on a 560x420 sensor, principal point 12 px low, turned
		SyntheticRig.Camera color = new SyntheticRig.Camera(600, 279.5, 209.5 + 12, 560, 420,
			SyntheticRig.turn(2.0, 1.5, 3.0), new double[] { 0.35, 0.02, 0 });
		List<double[]> truth = rig.correspondences(mono, color, 600, 4, 99);
		run(rig, mono, color, truth, ColorSide.RIGHT, "right, turned 2/1.5/3 deg, f 700/600, 640x480/560x420");
	}

	@Test
	void colourCameraOnTheLeftTurnedTheOtherWay() {
		SyntheticRig rig = SyntheticRig.scene(12);
		SyntheticRig.Camera mono = new SyntheticRig.Camera(700, (W - 1) / 2.0, (H - 1) / 2.0, W, H,
			SyntheticRig.turn(0, 0, 0), new double[] { 0, 0, 0 });
		SyntheticRig.Camera color = new SyntheticRig.Camera(760, (W - 1) / 2.0, (H - 1) / 2.0 - 9, W, H,
			SyntheticRig.turn(-1.5, -1.0, -2.0), new double[] { -0.3, 0, 0.01 });
		List<double[]> truth = rig.correspondences(mono, color, 600, 4, 98);
		run(rig, mono, color, truth, ColorSide.LEFT, "left, turned -1.5/-1/-2 deg, f 700/760");
	}

	@Test
	void aRectifiedPairStaysRectified() {
		SyntheticRig rig = SyntheticRig.scene(13);
		SyntheticRig.Camera mono = new SyntheticRig.Camera(700, (W - 1) / 2.0, (H - 1) / 2.0, W, H,
			SyntheticRig.turn(0, 0, 0), new double[] { 0, 0, 0 });
		SyntheticRig.Camera color = new SyntheticRig.Camera(700, (W - 1) / 2.0, (H - 1) / 2.0, W, H,
			SyntheticRig.turn(0, 0, 0), new double[] { 0.3, 0, 0 });
		List<double[]> truth = rig.correspondences(mono, color, 600, 4, 97);
		PairRectifier.Output out = run(rig, mono, color, truth, ColorSide.RIGHT, "already rectified");
		// the warps stay close to the identity: corners move by little
		double[] p = new double[2];
		out.rectification.grayToOutput(0, 0, p);
		double moved = Math.hypot(p[0], p[1]);
		out.rectification.grayToOutput(W - 1, H - 1, p);
		moved = Math.max(moved, Math.hypot(p[0] - (W - 1), p[1] - (H - 1)));
		assertTrue(moved < 8, "an already rectified gray image was moved by " + moved + " px at a corner");
	}

	/** The whole pipeline with a calibration file (OpenCV YAML of the rendered rig): rows agree to 0.1 px. */
	@Test
	void aCalibrationFileRectifiesTheRenderedRig(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
		throws java.io.IOException
	{
		SyntheticRig rig = SyntheticRig.scene(16);
		SyntheticRig.Camera mono = new SyntheticRig.Camera(700, 319.5, 239.5, W, H, SyntheticRig.turn(0, 0, 0),
			new double[] { 0, 0, 0 });
		double[] c2 = { -0.3, 0.02, 0.01 };
		double[] r2 = SyntheticRig.turn(-1.5, 1, -2.5);
		SyntheticRig.Camera color = new SyntheticRig.Camera(600, 279.5, 209.5 + 10, 560, 420, r2, c2);
		double[] t = Mat3.times(r2, -c2[0], -c2[1], -c2[2]);
		String yaml = "%YAML:1.0\n---\n"
			+ "M1: !!opencv-matrix\n   rows: 3\n   cols: 3\n   dt: d\n   data: [ 700., 0., 319.5, 0., 700., 239.5, 0., 0., 1. ]\n"
			+ "D1: !!opencv-matrix\n   rows: 1\n   cols: 5\n   dt: d\n   data: [ 0., 0., 0., 0., 0. ]\n"
			+ "M2: !!opencv-matrix\n   rows: 3\n   cols: 3\n   dt: d\n   data: [ 600., 0., 279.5, 0., 600., 219.5, 0., 0., 1. ]\n"
			+ "D2: !!opencv-matrix\n   rows: 1\n   cols: 5\n   dt: d\n   data: [ 0., 0., 0., 0., 0. ]\n"
			+ "R: !!opencv-matrix\n   rows: 3\n   cols: 3\n   dt: d\n   data: [ " + join(r2) + " ]\n"
			+ "T: !!opencv-matrix\n   rows: 3\n   cols: 1\n   dt: d\n   data: [ " + join(t) + " ]\n";
		java.nio.file.Path file = tmp.resolve("rig.yml");
		java.nio.file.Files.write(file, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		RectifyOptions o = new RectifyOptions();
		o.calibration = file;
		o.frame = Rectification.Frame.CROP;
		FloatPlane gray = SyntheticRig.mono(rig.render(mono), 1.2, 0.8, 2.0, 7);
		PairRectifier.Output out = PairRectifier.rectify(gray, rig.render(color), o, LOG);
		List<double[]> truth = rig.correspondences(mono, color, 600, 4, 94);
		double[] e = verticalErrors(out.rectification, truth);
		double med = PairStats.percentile(e, 0.5), max = PairStats.percentile(e, 1);
		System.out.printf(Locale.ROOT, "calibrated: median %.4f px, max %.4f px, %s, side %s (%s)%n", med, max,
			out.report.modelReason, out.report.colorSide, out.report.colorSideSource);
		assertTrue(max < 0.1, "max vertical error " + max);
		assertEquals(ColorSide.LEFT, out.report.colorSide);
		assertEquals("calibration", out.report.colorSideSource);
		assertTrue(out.report.verticalMedian < 0.5, "matches' median " + out.report.verticalMedian);
		for (boolean v : out.valid) assertTrue(v, "cropped frame has only valid pixels");
	}

	private static String join(double[] v) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < v.length; i++) s.append(i == 0 ? "" : ", ").append(v[i]);
		return s.toString();
	}

	/** A planar scene: GRIC takes the homography and says why; the plane lands on common rows. */
	@Test
	void aPlanarSceneIsRegisteredWithAHomography() {
		SyntheticRig rig = SyntheticRig.scene(15, 0);
		SyntheticRig.Camera mono = new SyntheticRig.Camera(700, (W - 1) / 2.0, (H - 1) / 2.0, W, H,
			SyntheticRig.turn(0, 0, 0), new double[] { 0, 0, 0 });
		SyntheticRig.Camera color = new SyntheticRig.Camera(650, (W - 1) / 2.0, (H - 1) / 2.0 + 7, W, H,
			SyntheticRig.turn(1, 0.5, 2), new double[] { 0.3, 0, 0 });
		List<double[]> truth = rig.correspondences(mono, color, 600, 4, 95);
		FloatPlane gray = SyntheticRig.mono(rig.render(mono), 1.1, 0.9, 1.5, 6);
		PairRectifier.Output out = PairRectifier.rectify(gray, rig.render(color), new RectifyOptions(), LOG);
		assertEquals("homography", out.report.model);
		assertTrue(out.report.modelReason.startsWith("homography chosen"), out.report.modelReason);
		double[] e = verticalErrors(out.rectification, truth);
		double med = PairStats.percentile(e, 0.5), p95 = PairStats.percentile(e, 0.95);
		System.out.printf(Locale.ROOT, "planar scene: median %.3f px, p95 %.3f px, side %s%n", med, p95,
			out.report.colorSide);
		assertTrue(med <= 0.5 && p95 <= 1.5, "median " + med + ", p95 " + p95);
		// the mono image is left as it is: only the colour image is mapped onto it
		double[] p = new double[2];
		out.rectification.grayToOutput(123, 45, p);
		assertEquals(123, p[0], 1e-9);
		assertEquals(45, p[1], 1e-9);
	}

	/** The recipe: a rectified pair, then a known rotation, vertical offset and scale of one view. */
	@Test
	void knownImageWarpOfOneViewIsUndone() {
		SyntheticRig rig = SyntheticRig.scene(14);
		SyntheticRig.Camera mono = new SyntheticRig.Camera(700, (W - 1) / 2.0, (H - 1) / 2.0, W, H,
			SyntheticRig.turn(0, 0, 0), new double[] { 0, 0, 0 });
		SyntheticRig.Camera color = new SyntheticRig.Camera(700, (W - 1) / 2.0, (H - 1) / 2.0, W, H,
			SyntheticRig.turn(0, 0, 0), new double[] { 0.3, 0, 0 });
		RgbImage rectifiedColor = rig.render(color);
		// warp: rotate 2.5 degrees about the centre, scale 1.08, move down 10 px
		double angle = Math.toRadians(2.5), scale = 1.08, ty = 10, cx = (W - 1) / 2.0, cy = (H - 1) / 2.0;
		double cos = Math.cos(angle) * scale, sin = Math.sin(angle) * scale;
		// output pixel (x, y) shows source ((x-cx-0)·R^-1 ...): invert the similarity
		FloatPlane[] warped = Resampler.warp(new FloatPlane[] { rectifiedColor.r(), rectifiedColor.g(), rectifiedColor.b() },
			W, H, (x, y, src) -> {
				double dx = x - cx, dy = y - cy - ty;
				src[0] = cx + (cos * dx + sin * dy) / (scale * scale);
				src[1] = cy + (-sin * dx + cos * dy) / (scale * scale);
			}, Interpolation.BICUBIC, 0, null);
		RgbImage warpedColor = new RgbImage(warped[0], warped[1], warped[2], 255);
		List<double[]> truth = new java.util.ArrayList<>();
		for (double[] t : rig.correspondences(mono, color, 900, 4, 96)) {
			double dx = t[2] - cx, dy = t[3] - cy;
			double x = cx + cos * dx - sin * dy, y = cy + sin * dx + cos * dy + ty;
			if (x > 4 && y > 4 && x < W - 5 && y < H - 5) truth.add(new double[] { t[0], t[1], x, y });
		}
		FloatPlane gray = SyntheticRig.mono(rig.render(mono), 0.8, 1.3, 1.5, 5);
		PairRectifier.Output out = PairRectifier.rectify(gray, warpedColor, new RectifyOptions(), Progress.NONE);
		double[] e = verticalErrors(out.rectification, truth);
		double med = PairStats.percentile(e, 0.5), p95 = PairStats.percentile(e, 0.95);
		System.out.printf(Locale.ROOT, "image warp 2.5 deg, x1.08, +10 px: %d true correspondences, median %.3f px, "
			+ "p95 %.3f px%n", truth.size(), med, p95);
		assertTrue(truth.size() > 200);
		assertTrue(med <= 0.5, "median vertical error " + med);
		assertTrue(p95 <= 1.5, "95th percentile vertical error " + p95);
		assertEquals(ColorSide.RIGHT, out.report.colorSide);
	}
}
