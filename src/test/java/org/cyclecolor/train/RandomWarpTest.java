package org.cyclecolor.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.cyclecolor.image.FloatPlane;

/** The structure-similarity pre-training's random warping maps (paper protocol). */
class RandomWarpTest {

	@Test
	void aOneByOneSeedIsAConstantShift() {
		FloatPlane sx = FloatPlane.filled(1, 1, 3f), sy = FloatPlane.filled(1, 1, -2f);
		RandomWarp w = RandomWarp.of(sx, sy, 5, 40, 30);
		for (float v : w.dx().data()) assertEquals(3f, v, 1e-6f);
		for (float v : w.dy().data()) assertEquals(-2f, v, 1e-6f);
		// A linear ramp warped by a constant shift is the ramp moved: (x + 3) inside the image.
		FloatPlane ramp = new FloatPlane(40, 30);
		for (int y = 0; y < 30; y++) for (int x = 0; x < 40; x++) ramp.set(x, y, 2 * x + 100 * y);
		FloatPlane warped = w.apply(ramp);
		for (int y = 2; y < 30; y++) for (int x = 0; x < 37; x++) assertEquals(2 * (x + 3) + 100 * (y - 2), warped.get(x, y), 1e-3);
		// beyond the edge the border repeats
		assertEquals(2 * 39 + 100 * 10, warped.get(39, 12), 1e-3);
	}

	@Test
	void theMapPassesThroughTheSeedValuesAtTheSeedCentres() {
		Random r = new Random(2);
		FloatPlane seed = new FloatPlane(3, 3);
		for (int i = 0; i < 9; i++) seed.data()[i] = (float) r.nextGaussian();
		// 30 pixels per seed cell: seed centre j sits at pixel 30 j + 14.5, between pixels 14 and 15
		FloatPlane map = RandomWarp.interpolate(seed, 90, 90);
		for (int j = 0; j < 3; j++) for (int i = 0; i < 3; i++) {
			float between = (map.get(30 * i + 14, 30 * j + 14) + map.get(30 * i + 15, 30 * j + 15)) / 2;
			assertEquals(seed.get(i, j), between, 0.02, "seed (" + i + ", " + j + ")");
		}
	}

	@Test
	void randomMapsFollowThePapersSeedSizesAndVariances() {
		Random r = new Random(4);
		Set<Integer> sizes = new HashSet<>();
		Set<Double> variances = new HashSet<>();
		double[] sumSq = new double[41];
		int[] count = new int[41];
		for (int t = 0; t < 400; t++) {
			RandomWarp w = RandomWarp.random(20, 20, r);
			sizes.add(w.seedSize());
			variances.add(w.variance());
			if (w.seedSize() == 1) {
				double v = w.dx().get(0, 0);
				sumSq[(int) w.variance()] += v * v;
				count[(int) w.variance()]++;
			}
		}
		assertEquals(Set.of(1, 2, 3, 4, 5), sizes);
		assertEquals(Set.of(1.0, 5.0, 10.0, 20.0, 40.0), variances);
		// With a 1x1 seed the map is the seed value: its variance is the drawn one (loose: few samples).
		for (int v : new int[] { 1, 5, 10, 20, 40 }) {
			if (count[v] < 8) continue;
			double est = sumSq[v] / count[v];
			assertTrue(est > v / 4.0 && est < v * 4.0, "variance " + v + " estimated " + est + " from " + count[v]);
		}
	}
}
