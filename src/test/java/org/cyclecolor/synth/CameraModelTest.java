package org.cyclecolor.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The camera model's statistics against the formulas it documents. */
class CameraModelTest {

	private static final int SIZE = 256;

	private static RgbImage flat(double r, double g, double b) {
		return new RgbImage(FloatPlane.filled(SIZE, SIZE, (float) r), FloatPlane.filled(SIZE, SIZE, (float) g),
			FloatPlane.filled(SIZE, SIZE, (float) b), 1);
	}

	/** A linear (gamma 1), sharp mono camera seeing R = G = B. */
	private static CameraModel linearMono(double gain, double electrons, double readNoise) {
		return new CameraModel("test", new double[][] { { 0.2, 0.5, 0.3 } }, new double[] { 1 }, gain, electrons,
			readNoise, 0, 1);
	}

	private static double[] meanAndVariance(FloatPlane p) {
		double s = 0, ss = 0;
		for (float v : p.data()) {
			s += v;
			ss += (double) v * v;
		}
		int n = p.size();
		double mean = s / n;
		return new double[] { mean, (ss - n * mean * mean) / (n - 1) };
	}

	/**
	 * Variance of the 8-bit output = (255 · σ)² of the documented noise model plus the 1/12 DN² that
	 * rounding to integers adds (uniform quantisation error); mean = 255 · gain · signal.
	 */
	@ParameterizedTest(name = "gain {0}, {1} e-/unit, read noise {2} e-, signal {3}")
	@CsvSource({ "1.0, 2000, 6, 0.3", "1.0, 2000, 6, 0.1", "2.0, 2000, 6, 0.2", "1.0, 500, 0, 0.4", "1.0, 8000, 40, 0.3",
		"1.5, 1000, 20, 0.05" })
	void noiseVarianceAndMeanFollowTheModel(double gain, double electrons, double readNoise, double signal) {
		CameraModel cam = linearMono(gain, electrons, readNoise);
		FloatPlane out = cam.capture(flat(signal, signal, signal), new Random(42))[0];
		double[] mv = meanAndVariance(out);
		double sigma = 255 * cam.noiseSigma(0, signal);
		double expectedVariance = sigma * sigma + 1.0 / 12;
		assertEquals(255 * gain * signal, mv[0], 0.05 + 4 * sigma / SIZE, "mean");
		// The variance of n = 65536 samples scatters by about sqrt(2/n) = 0.6 % around the truth.
		assertEquals(expectedVariance, mv[1], 0.03 * expectedVariance, "variance");
	}

	@Test
	void shotNoiseVarianceGrowsLinearlyWithSignal() {
		CameraModel cam = linearMono(1, 1000, 0);
		double[] signals = { 0.1, 0.2, 0.4, 0.8 };
		double[] variances = new double[signals.length];
		for (int k = 0; k < signals.length; k++) {
			double s = signals[k];
			variances[k] = meanAndVariance(cam.capture(flat(s, s, s), new Random(k))[0])[1] - 1.0 / 12;
		}
		// Photon transfer: variance / mean in DN equals 255 / electronsPerUnit at unit gain.
		for (int k = 0; k < signals.length; k++) {
			assertEquals(255.0 / 1000, variances[k] / (255 * signals[k]), 0.03 * 255.0 / 1000, "signal " + signals[k]);
		}
	}

	@Test
	void spectralWeightsMixTheChannels() {
		CameraModel mono = CameraModel.monoPreset();
		CameraModel linear = new CameraModel("linear", mono.spectral(), new double[] { 1 }, 1, 1000, 0, 0, 1);
		float[] r = linear.ideal(flat(0.8, 0, 0))[0].data();
		float[] g = linear.ideal(flat(0, 0.8, 0))[0].data();
		float[] b = linear.ideal(flat(0, 0, 0.8))[0].data();
		assertEquals(Math.round(255 * 0.8 * 0.35), r[0]);
		assertEquals(Math.round(255 * 0.8 * 0.45), g[0]);
		assertEquals(Math.round(255 * 0.8 * 0.20), b[0]);
	}

	@Test
	void whiteBalanceNeutralisesTheIlluminant() {
		double[] light = SampleScene.ILLUMINANT;
		CameraModel color = CameraModel.colorPreset(light);
		for (double reflectance : new double[] { 0.05, 0.2, 0.5, 0.9 }) {
			FloatPlane[] out = color.ideal(flat(reflectance * light[0], reflectance * light[1], reflectance * light[2]));
			assertEquals(out[0].get(0, 0), out[1].get(0, 0), "R = G for a gray surface of reflectance " + reflectance);
			assertEquals(out[0].get(0, 0), out[2].get(0, 0), "R = B for a gray surface of reflectance " + reflectance);
		}
		// Without white balance the warm light shows: blue well below red.
		CameraModel raw = new CameraModel("raw", color.spectral(), new double[] { 1, 1, 1 }, 1, 2000, 6, 0, 2.2);
		FloatPlane[] out = raw.ideal(flat(0.5 * light[0], 0.5 * light[1], 0.5 * light[2]));
		assertTrue(out[2].get(0, 0) < out[0].get(0, 0) - 20);
	}

	@Test
	void toneCurveAndQuantisation() {
		CameraModel cam = new CameraModel("g", new double[][] { { 1, 0, 0 } }, new double[] { 1 }, 1, 1000, 0, 0, 2.2);
		for (double v : new double[] { 0, 0.001, 0.18, 0.5, 0.99, 1, 1.7 }) {
			double expected = Math.round(255 * Math.pow(Math.min(1, v), 1 / 2.2));
			assertEquals(expected, cam.ideal(flat(v, 0, 0))[0].get(3, 3), "linear value " + v);
		}
	}

	@Test
	void blurIsAGaussianOfTheGivenSigma() {
		for (double sigma : new double[] { 0.5, 0.8, 2.0 }) {
			FloatPlane impulse = new FloatPlane(41, 41);
			impulse.set(20, 20, 1);
			FloatPlane psf = GaussianBlur.blur(impulse, sigma);
			double sum = 0, mx = 0, vx = 0, vy = 0;
			for (int y = 0; y < 41; y++) {
				for (int x = 0; x < 41; x++) {
					double p = psf.get(x, y);
					sum += p;
					mx += p * (x - 20);
					vx += p * (x - 20) * (x - 20);
					vy += p * (y - 20) * (y - 20);
				}
			}
			assertEquals(1, sum, 1e-6, "energy kept");
			assertEquals(0, mx, 1e-6, "centred");
			// Sampling a Gaussian on integers adds about 1/12 px² for small sigma; the cut at 3 sigma removes ~3 %.
			assertEquals(sigma * sigma, vx, 0.04 * sigma * sigma + 0.09, "variance along x, sigma " + sigma);
			assertEquals(vx, vy, 1e-6, "isotropic");
		}
	}

	@Test
	void monoPresetHasTheBetterSignalToNoiseRatio() {
		CameraModel mono = CameraModel.monoPreset();
		CameraModel color = CameraModel.colorPreset(SampleScene.ILLUMINANT);
		for (double s : new double[] { 0.05, 0.25, 0.8 }) {
			double monoSnr = mono.gain() * s / mono.noiseSigma(0, s);
			for (int c = 0; c < 3; c++) {
				double colorSnr = color.gain() * color.whiteBalance()[c] * s / color.noiseSigma(c, s);
				assertTrue(monoSnr > 1.8 * colorSnr, "signal " + s + " channel " + c);
			}
		}
	}

	@Test
	void sameRandomStateGivesTheSameImage() {
		CameraModel color = CameraModel.colorPreset(SampleScene.ILLUMINANT);
		RgbImage scene = flat(0.3, 0.4, 0.2);
		FloatPlane[] a = color.capture(scene, new Random(5));
		FloatPlane[] b = color.capture(scene, new Random(5));
		FloatPlane[] c = color.capture(scene, new Random(6));
		for (int k = 0; k < 3; k++) assertArrayEquals(a[k].data(), b[k].data());
		assertFalse(Arrays.equals(a[0].data(), c[0].data()));
	}

	@Test
	void rejectsImpossibleParameters() {
		double[][] w = { { 1, 0, 0 } };
		assertThrows(IllegalArgumentException.class, () -> new CameraModel("x", w, new double[] { 1 }, 0, 1000, 1, 0, 1));
		assertThrows(IllegalArgumentException.class, () -> new CameraModel("x", w, new double[] { 1, 1 }, 1, 1000, 1, 0, 1));
		assertThrows(IllegalArgumentException.class,
			() -> new CameraModel("x", new double[][] { { 1, 0 } }, new double[] { 1 }, 1, 1000, 1, 0, 1));
		assertThrows(IllegalArgumentException.class, () -> new CameraModel("x", w, new double[] { 1 }, 1, 1000, -1, 0, 1));
	}
}
