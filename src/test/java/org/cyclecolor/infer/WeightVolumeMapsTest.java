package org.cyclecolor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import org.cyclecolor.method.ColorSide;

/** Maps of a hand-made weight volume, worked out by hand. */
class WeightVolumeMapsTest {

	@Test
	void bestMeanMaxAndEntropyOfKnownWeights() {
		// 4 candidates (disparities 1..4), 6 x 1 pixels, colour camera on the left: candidates at x + d
		int d = 4, w = 6;
		float[] v = new float[d * w];
		float[][] perPixel = { { 0, 1, 0, 0 }, { .25f, .25f, .25f, .25f }, { .5f, .5f, 0, 0 }, { .1f, .2f, .3f, .4f }, { 1, 0, 0, 0 },
			{ .5f, .5f, 0, 0 } };
		for (int x = 0; x < w; x++) for (int k = 0; k < d; k++) v[k * w + x] = perPixel[x][k];
		WeightVolumeMaps m = WeightVolumeMaps.of(new WeightVolume(d, w, 1, 1, ColorSide.LEFT, v), 3);
		assertEquals(3 * 2, m.bestDisparity().get(0, 0));
		assertEquals(3 * 2.5, m.meanDisparity().get(1, 0), 1e-6);
		assertEquals(3 * 3.0, m.meanDisparity().get(3, 0), 1e-6);
		assertEquals(0.4f, m.maxWeight().get(3, 0), 1e-7);
		assertEquals(0, m.entropy().get(0, 0), 1e-7, "one candidate takes all");
		assertEquals(1, m.entropy().get(1, 0), 1e-6, "all four inside the image and equal");
		assertEquals(Math.log(2) / Math.log(3), m.entropy().get(2, 0), 1e-6, "two equal of the three inside (columns 3, 4, 5)");
		// x = 4: only disparity 1 lies inside (column 5); one candidate: entropy 0
		assertEquals(0, m.entropy().get(4, 0), 1e-7);
		// x = 5: no candidate inside; weights of a zero-padding variant, entropy capped
		assertEquals(0, m.entropy().get(5, 0), 1e-7);
	}
}
