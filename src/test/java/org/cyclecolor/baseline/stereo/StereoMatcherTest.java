package org.cyclecolor.baseline.stereo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.baseline.SyntheticScenes;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.method.ColorSide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class StereoMatcherTest {

	/**
	 * A layered scene seen by a mono camera (left) and a colour camera to its right: background at
	 * disparity 4, a foreground rectangle at disparity 16. Mono pixel x sees mono-view texture;
	 * colour column x' shows the foreground where x' + 16 is inside the rectangle, else background.
	 * The background columns [x0 − 12, x0) beside the rectangle are visible to the mono camera only.
	 * Values are whole numbers, as in 8-bit images.
	 */
	static final class OccludedScene {
		static final int W = 180, H = 120, BG = 4, FG = 16, X0 = 80, X1 = 130, Y0 = 30, Y1 = 90;
		final FloatPlane mono = new FloatPlane(W, H);
		final FloatPlane color = new FloatPlane(W, H);
		final boolean[] occluded = new boolean[W * H];
		final int[] trueDisparity = new int[W * H];

		OccludedScene(long seed) {
			Random rnd = new Random(seed);
			int pad = FG + 2;
			FloatPlane back = SyntheticScenes.smoothedNoise(W + pad, H, rnd), front = SyntheticScenes.smoothedNoise(W + pad, H, rnd);
			for (int y = 0; y < H; y++) {
				for (int x = 0; x < W; x++) {
					boolean inFront = y >= Y0 && y < Y1 && x >= X0 && x < X1;
					mono.set(x, y, Math.round(inFront ? front.get(x, y) : back.get(x, y)));
					trueDisparity[y * W + x] = inFront ? FG : BG;
					occluded[y * W + x] = !inFront && y >= Y0 && y < Y1 && x - BG >= X0 - FG && x - BG < X1 - FG;
					int xs = x + FG; // colour column x shows the foreground point at mono column x + 16
					boolean frontHere = y >= Y0 && y < Y1 && xs >= X0 && xs < X1;
					color.set(x, y, Math.round(frontHere ? front.get(xs, y) : back.get(x + BG, y)));
				}
			}
		}
	}

	@ParameterizedTest
	@EnumSource(MatchingCost.class)
	void leftRightCheckFlagsTheOccludedPixelsOfAKnownScene(MatchingCost cost) {
		OccludedScene s = new OccludedScene(21);
		StereoMatch m = new StereoMatcher(cost).match(s.mono, s.color, ColorSide.RIGHT, 24, Progress.NONE);
		int occ = 0, occFlagged = 0, vis = 0, visKept = 0, kept = 0, keptRight = 0;
		// Rows within the cost window's half height (3) of the rectangle's top or bottom edge mix both
		// layers in every window and are ambiguous for any window cost: left out.
		for (int y = 0; y < OccludedScene.H; y++) {
			if (Math.abs(y - OccludedScene.Y0) <= 3 || Math.abs(y - OccludedScene.Y1) <= 3) continue;
			for (int x = 0; x < OccludedScene.W; x++) {
				int i = y * OccludedScene.W + x;
				if (x < 24 + 4) continue; // no full search range near the left border
				boolean ok = m.consistent()[i];
				if (s.occluded[i]) {
					occ++;
					if (!ok) occFlagged++;
				}
				else {
					vis++;
					if (ok) visKept++;
				}
				if (ok) {
					kept++;
					if (Math.abs(m.disparity().data()[i] - s.trueDisparity[i]) <= 1) keptRight++;
				}
			}
		}
		assertEquals(12 * (OccludedScene.Y1 - OccludedScene.Y0 - 7), occ);
		assertTrue(occFlagged >= 0.9 * occ, cost + ": occluded pixels flagged " + occFlagged + " of " + occ);
		assertTrue(visKept >= 0.95 * vis, cost + ": visible pixels kept " + visKept + " of " + vis);
		assertTrue(keptRight >= 0.99 * kept, cost + ": kept pixels with the right disparity " + keptRight + " of " + kept);
	}

	@Test
	void colourOnTheLeftSearchesTheOtherWay() {
		// Mirror the scene: the colour camera is now on the left and matches lie at x + d.
		OccludedScene s = new OccludedScene(22);
		StereoMatch m = new StereoMatcher(MatchingCost.CENSUS).match(s.mono.flipHorizontal(), s.color.flipHorizontal(),
			ColorSide.LEFT, 24, Progress.NONE);
		int w = OccludedScene.W, right = 0, n = 0;
		int occ = 0, occFlagged = 0;
		for (int y = 0; y < OccludedScene.H; y++) {
			if (Math.abs(y - OccludedScene.Y0) <= 3 || Math.abs(y - OccludedScene.Y1) <= 3) continue;
			for (int x = 0; x < w - 28; x++) {
				int i = y * w + x;
				int mirrored = y * w + (w - 1 - x);
				if (s.occluded[mirrored]) {
					occ++;
					if (!m.consistent()[i]) occFlagged++;
					continue;
				}
				n++;
				if (Math.abs(m.disparity().data()[i] - s.trueDisparity[mirrored]) <= 1) right++;
			}
		}
		assertTrue(right >= 0.97 * n, "right disparities " + right + " of " + n);
		assertTrue(occFlagged >= 0.9 * occ, "occluded pixels flagged " + occFlagged + " of " + occ);
	}

	@Test
	void censusIgnoresAGammaAndGainChangeOfTheColourCamera() {
		OccludedScene s = new OccludedScene(23);
		FloatPlane changed = s.color.copy();
		for (int i = 0; i < changed.size(); i++) {
			changed.data()[i] = (float) (200 * Math.pow(s.color.data()[i] / 255.0, 0.6) + 20); // distinct levels stay distinct
		}
		StereoMatch a = new StereoMatcher(MatchingCost.CENSUS).match(s.mono, s.color, ColorSide.RIGHT, 24, Progress.NONE);
		StereoMatch b = new StereoMatcher(MatchingCost.CENSUS).match(s.mono, changed, ColorSide.RIGHT, 24, Progress.NONE);
		// A monotonic change keeps every census bit, so the result is identical.
		for (int i = 0; i < changed.size(); i++) {
			assertEquals(a.disparity().data()[i], b.disparity().data()[i], 0);
			assertEquals(a.consistent()[i], b.consistent()[i]);
		}
	}

	@Test
	void parallelAndSequentialAggregationAgreeExactly() {
		OccludedScene s = new OccludedScene(24);
		CostVolume v = CostVolume.compute(MatchingCost.ZNCC, s.mono, s.color, 24, Progress.NONE);
		SemiGlobalMatcher.Disparities a = new SemiGlobalMatcher(10, 64, true).match(v, s.mono.data(), Progress.NONE);
		SemiGlobalMatcher.Disparities b = new SemiGlobalMatcher(10, 64, false).match(v, s.mono.data(), Progress.NONE);
		assertArrayEquals(a.base, b.base);
		assertArrayEquals(a.baseInteger, b.baseInteger);
		assertArrayEquals(a.match, b.match);
	}

	@Test
	void maxDisparityOutsideTheImageIsAClearError() {
		FloatPlane p = FloatPlane.filled(20, 10, 100);
		UserException e = assertThrows(UserException.class,
			() -> new StereoMatcher(MatchingCost.CENSUS).match(p, p, ColorSide.RIGHT, 20, Progress.NONE));
		assertTrue(e.getMessage().contains("between 1 and 19"), e.getMessage());
	}
}
