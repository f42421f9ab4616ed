package org.cyclecolor.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.metrics.Ssim;

/**
 * Each loss against an independent computation: the differentiable SSIM and the cycle and
 * structure losses against {@code metrics.Ssim} (itself held to scikit-image), the smoothness
 * against a direct loop over every voxel's six neighbours, the mean squared and absolute errors
 * against plain sums.
 */
class LossesTest {

	private static NDManager manager;

	@BeforeAll
	static void start() {
		manager = DjlRuntime.start(2);
	}

	@AfterAll
	static void stop() {
		manager.close();
	}

	/** A textured 0..255 plane with noise (SSIM far from 0 and 1). */
	static FloatPlane texture(int w, int h, long seed, double noise) {
		Random r = new Random(seed);
		double a = r.nextDouble(), b = r.nextDouble(), c = r.nextDouble();
		FloatPlane p = new FloatPlane(w, h);
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
			double v = 128 + 60 * Math.sin(0.3 * a * x + 0.2 * b * y + 5 * c) + 30 * Math.sin(0.05 * x * y / 7.0) + noise * r.nextGaussian();
			p.set(x, y, (float) Math.max(0, Math.min(255, v)));
		}
		return p;
	}

	static NDArray array(NDManager m, DataType type, FloatPlane... planes) {
		int w = planes[0].width(), h = planes[0].height();
		float[] d = new float[planes.length * w * h];
		for (int c = 0; c < planes.length; c++) System.arraycopy(planes[c].data(), 0, d, c * w * h, w * h);
		return m.create(d, new Shape(1, planes.length, h, w)).toType(type, false);
	}

	@Test
	void ssimEqualsTheMetricsPackageOnTheSameArrays() {
		for (long seed = 1; seed <= 4; seed++) {
			FloatPlane a = texture(53, 37, seed, 5), b = texture(53, 37, seed, 25);
			if (seed == 4) b = FloatPlane.filled(53, 37, 90); // a flat plane: the constants carry SSIM
			double expected = new Ssim(255).compare(a, b).mean();
			try (NDManager s = manager.newSubManager()) {
				double f64 = DjlSsim.mean(s, array(s, DataType.FLOAT64, a), array(s, DataType.FLOAT64, b)).getDouble();
				double f32 = DjlSsim.mean(s, array(s, DataType.FLOAT32, a), array(s, DataType.FLOAT32, b)).getFloat();
				assertEquals(expected, f64, 2e-6, "float64, seed " + seed);
				assertEquals(expected, f32, 2e-5, "float32, seed " + seed);
			}
		}
	}

	@Test
	void ssimMapEqualsTheInteriorOfTheMetricsMap() {
		FloatPlane a = texture(40, 30, 7, 10), b = texture(40, 30, 8, 10);
		FloatPlane map = new Ssim(255).compare(a, b).map();
		try (NDManager s = manager.newSubManager()) {
			NDArray m = DjlSsim.map(s, array(s, DataType.FLOAT64, a), array(s, DataType.FLOAT64, b));
			assertEquals(new Shape(1, 1, 20, 30), m.getShape());
			double[] d = m.toDoubleArray();
			for (int y = 0; y < 20; y++) for (int x = 0; x < 30; x++) {
				// metrics.Ssim computes its map in float32
				assertEquals(map.get(x + 5, y + 5), d[y * 30 + x], 1e-5, "(" + x + ", " + y + ")");
			}
		}
	}

	@Test
	void cycleLossIsOneMinusTheMeanChromaSsim() {
		FloatPlane cb = texture(48, 32, 1, 3), cr = texture(48, 32, 2, 3), cb2 = texture(48, 32, 1, 20), cr2 = texture(48, 32, 3, 3);
		Ssim ssim = new Ssim(255);
		double expected = 1 - 0.5 * (ssim.compare(cb, cb2).mean() + ssim.compare(cr, cr2).mean());
		try (NDManager s = manager.newSubManager()) {
			double got = Losses.cycle(s, array(s, DataType.FLOAT64, cb, cr), array(s, DataType.FLOAT64, cb2, cr2)).getDouble();
			assertEquals(expected, got, 2e-6);
		}
	}

	@Test
	void ssimStructureLossIsOneMinusSsim() {
		FloatPlane gray = texture(48, 32, 4, 3), lum = texture(48, 32, 4, 30);
		double expected = 1 - new Ssim(255).compare(gray, lum).mean();
		try (NDManager s = manager.newSubManager()) {
			assertEquals(expected, Losses.structureSsim(s, array(s, DataType.FLOAT64, gray), array(s, DataType.FLOAT64, lum)).getDouble(), 2e-6);
		}
	}

	@Test
	void learnedStructureLossAveragesTheClippedMap() {
		double[] v = { 0.5, -0.25, 1.75, -3, 0.9, 0.1 };
		double expected = 1 - (0.5 - 0.25 + 1 - 1 + 0.9 + 0.1) / 6;
		try (NDManager s = manager.newSubManager()) {
			NDArray map = s.create(v, new Shape(1, 1, 2, 3));
			assertEquals(expected, Losses.structureLearned(map).getDouble(), 1e-12);
		}
	}

	@Test
	void smoothnessEqualsTheSixNeighbourLoop() {
		int b = 2, d = 5, h = 4, w = 6;
		Random r = new Random(3);
		double[] v = new double[b * d * h * w];
		for (int i = 0; i < v.length; i++) v[i] = r.nextDouble();
		double sum = 0;
		int[][] nb = { { 1, 0, 0 }, { -1, 0, 0 }, { 0, 1, 0 }, { 0, -1, 0 }, { 0, 0, 1 }, { 0, 0, -1 } };
		for (int n = 0; n < b; n++) for (int k = 0; k < d; k++) for (int j = 0; j < h; j++) for (int i = 0; i < w; i++) {
			for (int[] o : nb) {
				int kk = k + o[0], jj = j + o[1], ii = i + o[2];
				if (kk < 0 || kk >= d || jj < 0 || jj >= h || ii < 0 || ii >= w) continue;
				sum += Math.abs(v[((n * d + k) * h + j) * w + i] - v[((n * d + kk) * h + jj) * w + ii]);
			}
		}
		double expected = sum / v.length;
		try (NDManager s = manager.newSubManager()) {
			assertEquals(expected, Losses.smoothness(s.create(v, new Shape(b, d, h, w))).getDouble(), 1e-12);
		}
	}

	@Test
	void meanSquaredAndAbsoluteErrorsArePlainMeans() {
		double[] a = { 10, 200, 128, 0 }, c = { 20, 190, 130, 255 };
		double sq = 0, ab = 0;
		for (int i = 0; i < 4; i++) {
			sq += Math.pow((a[i] - c[i]) / 255, 2);
			ab += Math.abs(a[i] - c[i]);
		}
		try (NDManager s = manager.newSubManager()) {
			NDArray x = s.create(a, new Shape(1, 1, 2, 2)), y = s.create(c, new Shape(1, 1, 2, 2));
			assertEquals(sq / 4, Losses.meanSquared(x, y).getDouble(), 1e-15);
			assertEquals(ab / 4, Losses.meanAbsolute(x, y).getDouble(), 1e-12);
		}
	}
}
