package org.cyclecolor.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.junit.jupiter.api.Test;

/** The named presets against the numbers they promise. */
class DegradationTest {

	private static final int N = 256;

	private static RgbImage flat(float r, float g, float b) {
		return new RgbImage(FloatPlane.filled(N, N, r), FloatPlane.filled(N, N, g), FloatPlane.filled(N, N, b), 255);
	}

	private static double[] meanAndStd(FloatPlane p) {
		double s = 0, ss = 0;
		for (float v : p.data()) {
			s += v;
			ss += (double) v * v;
		}
		double mean = s / p.size();
		return new double[] { mean, Math.sqrt((ss - p.size() * mean * mean) / (p.size() - 1)) };
	}

	/**
	 * The paper's setting: σ = 0.01 of full scale (2.55 levels) on the gray image and 0.03 (7.65)
	 * on each colour channel. Rounding to whole codes adds 1/12 level² of variance; a mid-gray
	 * field keeps clipping out of the way. With 65536 samples the measured σ scatters by ~0.3 %.
	 */
	@Test
	void noisyPresetHasThePapersSigma() {
		RgbImage view = flat(120, 128, 140);
		Degradation noisy = Degradation.preset("noisy");
		assertSame(Degradation.NOISY, noisy);
		FloatPlane gray = noisy.gray(view, new Random(1));
		double[] g = meanAndStd(gray);
		assertEquals(Math.sqrt(2.55 * 2.55 + 1 / 12.0), g[1], 0.02 * 2.55, "gray sigma");
		assertEquals(0.299 * 120 + 0.587 * 128 + 0.114 * 140, g[0], 0.05, "gray mean is the luma");
		RgbImage color = noisy.color(view, new Random(2));
		for (int c = 0; c < 3; c++) {
			double[] m = meanAndStd(color.channel(c));
			assertEquals(Math.sqrt(7.65 * 7.65 + 1 / 12.0), m[1], 0.02 * 7.65, "colour sigma, channel " + c);
			assertEquals(view.channel(c).get(0, 0), m[0], 0.1, "colour mean, channel " + c);
		}
		// Channels get independent noise.
		double cov = 0;
		float[] r = color.r().data(), b = color.b().data();
		for (int i = 0; i < r.length; i++) cov += (r[i] - 120) * (b[i] - 140);
		assertEquals(0, cov / r.length / (7.65 * 7.65), 0.02, "correlation of R and B noise");
	}

	@Test
	void cleanPresetIsTheRoundedLumaAndTheViewItself() {
		RgbImage view = TestPhotos.photo(64, 48, 5);
		FloatPlane gray = Degradation.CLEAN.gray(view, new Random(1));
		for (int i = 0; i < gray.size(); i++) {
			// Whole-code inputs: the luma is (299 R + 587 G + 114 B) / 1000 exactly; round half up.
			long thousandths = 299L * (long) view.r().data()[i] + 587L * (long) view.g().data()[i]
				+ 114L * (long) view.b().data()[i];
			assertEquals((thousandths + 500) / 1000, gray.data()[i], 1e-9, "pixel " + i);
		}
		RgbImage color = Degradation.CLEAN.color(view, new Random(1));
		for (int c = 0; c < 3; c++) assertArrayEquals(view.channel(c).data(), color.channel(c).data());
		assertFalse(Degradation.CLEAN.changesColor());
	}

	/** A neutral colour camera (gamma 2.2, no noise, no blur) gives back every 8-bit code it was given. */
	@Test
	void neutralColourCameraRoundTripsEightBitCodes() {
		FloatPlane ramp = new FloatPlane(256, 1);
		for (int i = 0; i < 256; i++) ramp.set(i, 0, i);
		RgbImage view = new RgbImage(ramp, ramp.flipHorizontal(), ramp, 255);
		Degradation d = Degradation.CLEAN.withColorCamera(CameraModel.neutral("c", new double[][] { { 1, 0, 0 }, { 0, 1, 0 },
			{ 0, 0, 1 } }));
		RgbImage out = d.color(view, new Random(3));
		for (int c = 0; c < 3; c++) assertArrayEquals(view.channel(c).data(), out.channel(c).data(), "channel " + c);
	}

	/**
	 * The camera preset's mono camera follows its documented model on flat patches: linearise the
	 * 8-bit codes ((c/255)^2.2), weigh R, G, B by 0.35, 0.45, 0.20, multiply by the gain 1.1, apply
	 * the gamma-2.0 tone curve. Its noise (8000 e⁻ per unit) averages out over 65536 pixels.
	 */
	@Test
	void cameraPresetFollowsTheMonoCameraModel() {
		Degradation cam = Degradation.CAMERA;
		int[][] patches = { { 200, 60, 60 }, { 60, 60, 200 }, { 128, 128, 128 }, { 30, 160, 90 } };
		for (int[] p : patches) {
			double signal = 0.35 * Math.pow(p[0] / 255.0, 2.2) + 0.45 * Math.pow(p[1] / 255.0, 2.2)
				+ 0.20 * Math.pow(p[2] / 255.0, 2.2);
			double expected = 255 * Math.pow(Math.min(1, 1.1 * signal), 1 / 2.0);
			double measured = meanAndStd(cam.gray(flat(p[0], p[1], p[2]), new Random(1)))[0];
			assertEquals(expected, measured, 0.3, "patch " + Arrays.toString(p));
		}
		// The colour camera adds shot and read noise: a flat field is no longer flat.
		double sigma = meanAndStd(cam.color(flat(128, 128, 128), new Random(2)).g())[1];
		assertTrue(sigma > 1 && sigma < 10, "colour camera noise " + sigma);
	}

	@Test
	void sameRandomStateSameNoise() {
		RgbImage view = flat(100, 100, 100);
		assertArrayEquals(Degradation.NOISY.gray(view, new Random(9)).data(), Degradation.NOISY.gray(view, new Random(9)).data());
		assertFalse(Arrays.equals(Degradation.NOISY.gray(view, new Random(9)).data(),
			Degradation.NOISY.gray(view, new Random(10)).data()));
	}

	@Test
	void readyMadeGrayTakesNoiseButNoMonoCamera() {
		FloatPlane gray = FloatPlane.filled(N, N, 100);
		assertSame(gray, Degradation.CLEAN.grayOfGray(gray, new Random(1)));
		assertEquals(Math.sqrt(2.55 * 2.55 + 1 / 12.0), meanAndStd(Degradation.NOISY.grayOfGray(gray, new Random(1)))[1], 0.05);
		UserException e = assertThrows(UserException.class, () -> Degradation.CAMERA.grayOfGray(gray, new Random(1)));
		assertTrue(e.getMessage().contains("ready-made gray"), e.getMessage());
	}

	@Test
	void unknownPresetAndImpossibleNoiseAreRefused() {
		UserException e = assertThrows(UserException.class, () -> Degradation.preset("grainy"));
		assertTrue(e.getMessage().contains("clean, noisy, mixed or camera"), e.getMessage());
		assertThrows(UserException.class, () -> Degradation.CLEAN.withNoise(-0.1, 0));
		assertThrows(UserException.class, () -> Degradation.CLEAN.withNoise(0, 3));
	}
}
