package org.cyclecolor.baseline.levin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.cyclecolor.image.FloatPlane;
import org.junit.jupiter.api.Test;

class LevinAffinityTest {

	@Test
	void handWorkedTwoByTwoUsesBothFloors() {
		// Guide [0 10; 0 0].
		// Pixel (0,0): window {0, 10, 0, 0}, var = 18.75, 2σ² = 0.6 var = 11.25 (its closest
		//   neighbour is 0 away): (1,0) gets exp(−100 / 11.25), the two zeros get 1; normalised.
		// Pixel (1,0): every neighbour is 10 away, so 2σ² = 100 / ln 100 (raised from 11.25) and
		//   each gets 0.01: normalised, 1/3 each.
		LevinAffinity a = LevinAffinity.of(FloatPlane.wrap(new float[] { 0, 10, 0, 0 }, 2, 2));
		double e = Math.exp(-100 / 11.25);
		assertEquals(e / (2 + e), a.weight(0, 0, 1, 0), 1e-7);
		assertEquals(1 / (2 + e), a.weight(0, 0, 0, 1), 1e-7);
		assertEquals(1 / (2 + e), a.weight(0, 0, 1, 1), 1e-7);
		assertEquals(1 / 3.0, a.weight(1, 0, 0, 0), 1e-7);
		assertEquals(1 / 3.0, a.weight(1, 0, 0, 1), 1e-7);
	}

	@Test
	void flatRegionsWeighNeighboursEquallyAndStrongEdgesAlmostNot() {
		int w = 8, h = 8;
		FloatPlane g = new FloatPlane(w, h);
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) g.set(x, y, x < 4 ? 50 : 200);
		LevinAffinity a = LevinAffinity.of(g);
		assertEquals(1 / 8.0, a.weight(1, 1, 2, 2), 1e-7);
		assertEquals(1 / 8.0, a.weight(5, 3, 5, 4), 1e-7);
		assertTrue(a.weight(3, 3, 4, 3) < 1e-3, "across the edge: " + a.weight(3, 3, 4, 3));
		assertTrue(a.weight(4, 3, 3, 4) < 1e-3, "diagonally across the edge: " + a.weight(4, 3, 3, 4));
	}

	@Test
	void eachPixelsWeightsSumToOne() {
		Random rnd = new Random(3);
		int w = 9, h = 7;
		float[] d = new float[w * h];
		for (int i = 0; i < d.length; i++) d[i] = rnd.nextInt(256);
		LevinAffinity a = LevinAffinity.of(FloatPlane.wrap(d, w, h));
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double sum = 0;
				for (int dy = -1; dy <= 1; dy++) {
					for (int dx = -1; dx <= 1; dx++) {
						int xx = x + dx, yy = y + dy;
						if ((dx == 0 && dy == 0) || xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
						double v = a.weight(x, y, xx, yy);
						assertTrue(v >= 0 && v <= 1, "weight " + v);
						sum += v;
					}
				}
				assertEquals(1, sum, 1e-7);
			}
		}
	}
}
