package org.cyclecolor.baseline.stereo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.cyclecolor.baseline.SyntheticScenes;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.method.ColorSide;
import org.junit.jupiter.api.Test;

class MonoResponseTest {

	static final int W = 120, H = 80, SHIFT = 5;

	/** A match that says: mono x sees colour x − SHIFT, trusted wherever that column exists. */
	static StereoMatch shiftMatch(int fromColumn) {
		FloatPlane d = FloatPlane.filled(W, H, SHIFT);
		boolean[] ok = new boolean[W * H];
		for (int i = 0; i < ok.length; i++) ok[i] = i % W >= fromColumn;
		return new StereoMatch(d, ok, ColorSide.RIGHT);
	}

	@Test
	void recoversTheMonoCamerasWeightsFromTrustedMatches() {
		RgbImage color = SyntheticScenes.texturedColor(W, H, 1);
		FloatPlane gray = new FloatPlane(W, H);
		for (int y = 0; y < H; y++) {
			for (int x = SHIFT; x < W; x++) {
				int j = y * W + x - SHIFT;
				gray.set(x, y, 0.45f * color.r().data()[j] + 0.35f * color.g().data()[j] + 0.2f * color.b().data()[j] + 7);
			}
		}
		MonoResponse m = MonoResponse.fit(gray, color, shiftMatch(SHIFT), MonoResponse.LUMA);
		assertEquals(0.45, m.r(), 1e-3);
		assertEquals(0.35, m.g(), 1e-3);
		assertEquals(0.20, m.b(), 1e-3);
		assertEquals(7, m.offset(), 0.2);
	}

	@Test
	void aGrayReferenceStillGivesAResponseThatReproducesTheGray() {
		FloatPlane g = SyntheticScenes.smoothedNoise(W, H, new java.util.Random(2));
		RgbImage color = RgbImage.ofGray(g, 255);
		FloatPlane gray = new FloatPlane(W, H);
		for (int y = 0; y < H; y++) for (int x = SHIFT; x < W; x++) gray.set(x, y, 0.9f * g.get(x - SHIFT, y) + 3);
		MonoResponse m = MonoResponse.fit(gray, color, shiftMatch(SHIFT), MonoResponse.LUMA);
		FloatPlane seen = m.apply(color);
		for (int y = 0; y < H; y++) for (int x = SHIFT; x < W; x++) assertEquals(gray.get(x, y), seen.get(x - SHIFT, y), 0.05);
	}

	@Test
	void tooFewTrustedMatchesKeepTheFallback() {
		RgbImage color = SyntheticScenes.texturedColor(W, H, 3);
		FloatPlane gray = FloatPlane.filled(W, H, 100);
		// Trusted only in the last column: 80 pixels, fewer than the 100 a fit needs.
		assertSame(MonoResponse.LUMA, MonoResponse.fit(gray, color, shiftMatch(W - 1), MonoResponse.LUMA));
	}
}
