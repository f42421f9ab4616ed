package org.cyclecolor.baseline.stereo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.cyclecolor.Progress;
import org.cyclecolor.baseline.SyntheticScenes;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorSide;
import org.junit.jupiter.api.Test;

class MonoColorStereoTest {

	static final int W = 220, H = 100, SHIFT = 6, MAX_D = 16;

	/**
	 * Left half: ordinary colour texture. Right half: colour texture of one BT.601 luma (128), so
	 * the colour image's luma is flat there while a mono camera with other spectral weights sees
	 * the pattern. The mono view sees scene column x; the colour view (on the right) column x + SHIFT.
	 */
	static RgbImage scene() {
		int w = W + SHIFT;
		RgbImage textured = SyntheticScenes.texturedColor(w, H, 11);
		Random rnd = new Random(12);
		FloatPlane cb = SyntheticScenes.smoothedNoise(w, H, rnd), cr = SyntheticScenes.smoothedNoise(w, H, rnd);
		RgbImage isoLuminant = YCbCr.toRgb(new YCbCrImage(FloatPlane.filled(w, H, 128), scale(cb), scale(cr),
			YCbCrRange.FULL, 255));
		RgbImage s = textured.copy();
		for (int c = 0; c < 3; c++) {
			for (int y = 0; y < H; y++) {
				for (int x = w / 2; x < w; x++) s.channel(c).set(x, y, isoLuminant.channel(c).get(x, y));
			}
		}
		return s;
	}

	/** Chroma noise narrowed to 128 ± ~30, so the iso-luminant colours stay inside 0..255. */
	private static FloatPlane scale(FloatPlane p) {
		FloatPlane out = new FloatPlane(p.width(), p.height());
		for (int i = 0; i < p.size(); i++) out.data()[i] = 128 + 0.8f * (p.data()[i] - 128);
		return out;
	}

	@Test
	void fittingTheMonoResponseMatchesWhatLumaCannotSee() {
		RgbImage s = scene();
		RgbImage monoView = SyntheticScenes.columns(s, 0, W), colorView = SyntheticScenes.columns(s, SHIFT, W);
		FloatPlane gray = new FloatPlane(W, H);
		for (int i = 0; i < gray.size(); i++) {
			gray.data()[i] = 0.45f * monoView.r().data()[i] + 0.35f * monoView.g().data()[i] + 0.2f * monoView.b().data()[i];
		}
		StereoMatcher zncc = new StereoMatcher(MatchingCost.ZNCC);
		double lumaOnly = rightInIsoLuminantHalf(new MonoColorStereo(zncc, 0).match(gray, colorView, ColorSide.RIGHT, MAX_D,
			Progress.NONE).match());
		MonoColorStereo.Result refined = new MonoColorStereo(zncc, 2).match(gray, colorView, ColorSide.RIGHT, MAX_D,
			Progress.NONE);
		double fitted = rightInIsoLuminantHalf(refined.match());
		System.out.printf("iso-luminant half: %.1f%% trusted and right with luma, %.1f%% after fitting (%s)%n",
			100 * lumaOnly, 100 * fitted, refined.response());
		assertTrue(lumaOnly < 0.5, "luma alone should not match the iso-luminant half: " + lumaOnly);
		assertTrue(fitted > 0.9, "the fitted response should: " + fitted);
	}

	/** Share of the iso-luminant half (away from its edges) that is trusted and within 1 px of the shift. */
	private static double rightInIsoLuminantHalf(StereoMatch m) {
		int n = 0, good = 0;
		for (int y = 4; y < H - 4; y++) {
			for (int x = (W + SHIFT) / 2 + 8; x < W - 4; x++) {
				int i = y * W + x;
				n++;
				if (m.consistent()[i] && Math.abs(m.disparity().data()[i] - SHIFT) <= 1) good++;
			}
		}
		return (double) good / n;
	}
}
