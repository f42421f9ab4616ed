package org.cyclecolor.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.cyclecolor.baseline.SyntheticScenes;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.method.ColorSide;

/** BoofCV's semi-global matching through {@link SgmMatcher}, on scenes with a known disparity. */
class SgmMatcherTest {

	static final int W = 160, H = 96;

	/**
	 * Gray view of a textured scene whose left half is at disparity {@code far} and right half (a
	 * box in front) at {@code near}, and the colour camera's luminance on {@code side}.
	 */
	static FloatPlane[] twoLayers(ColorSide side, int far, int near, long seed) {
		RgbImage back = SyntheticScenes.texturedColor(W + 64, H, seed), front = SyntheticScenes.texturedColor(W + 64, H, seed + 1);
		FloatPlane by = YCbCr.luma(back), fy = YCbCr.luma(front);
		FloatPlane gray = new FloatPlane(W, H), color = new FloatPlane(W, H);
		int s = side.sign();
		// The gray view sees the box at columns [W/2, W); the colour view sees a pixel at its disparity,
		// so colour column c holds the gray pixel x with x + s·d(x) = c; nearer surfaces win.
		for (int y = 0; y < H; y++) {
			for (int x = 0; x < W; x++) gray.set(x, y, x >= W / 2 ? fy.get(x + 32, y) : by.get(x + 32, y));
			for (int c = 0; c < W; c++) {
				int xBox = c - s * near;
				boolean box = xBox >= W / 2 && xBox < W;
				color.set(c, y, box ? fy.get(xBox + 32, y) : by.get(c - s * far + 32, y));
			}
		}
		return new FloatPlane[] { gray, color };
	}

	@ParameterizedTest
	@EnumSource(ColorSide.class)
	void findsBothLayersOnEitherSide(ColorSide side) {
		FloatPlane[] v = twoLayers(side, 6, 17, 3);
		Disparity d = new SgmMatcher().match(v[0], v[1], side, 32);
		assertEquals(side, d.side());
		int right = 0, valid = 0, n = 0;
		for (int y = 4; y < H - 4; y++) {
			for (int x = 0; x < W; x++) {
				// leave out the strips where a correct answer does not exist or the window straddles the edge
				boolean unmatchable = side == ColorSide.RIGHT ? x < 20 : x > W - 20;
				if (unmatchable || Math.abs(x - W / 2) < 20) continue;
				n++;
				float v2 = d.map().get(x, y);
				if (Float.isNaN(v2)) continue;
				valid++;
				if (Math.abs(v2 - (x >= W / 2 ? 17 : 6)) < 0.5) right++;
			}
		}
		System.out.printf("SGM %s: %.1f%% valid, %.1f%% of the valid within 0.5 px%n", side, 100.0 * valid / n, 100.0 * right / valid);
		assertTrue(valid > 0.9 * n, "valid " + valid + " of " + n);
		assertTrue(right > 0.98 * valid, "right " + right + " of " + valid);
	}

	@Test
	void occludedPixelsAreInvalidAndFilledWithTheOccludersDisparity() {
		// Colour camera on the right: the background just left of the box is hidden by it in the colour view.
		FloatPlane[] v = twoLayers(ColorSide.RIGHT, 6, 17, 5);
		Disparity d = new SgmMatcher().match(v[0], v[1], ColorSide.RIGHT, 32);
		int invalid = 0, n = 0;
		for (int y = 4; y < H - 4; y++) {
			for (int x = W / 2 - 9; x < W / 2 - 3; x++) { // gray columns whose background is occluded by the box
				n++;
				if (Float.isNaN(d.map().get(x, y))) invalid++;
			}
		}
		assertTrue(invalid > 0.8 * n, "occluded pixels marked invalid: " + invalid + " of " + n);
		// Filled for carrying colour: the box's disparity, which reaches the background beside the
		// box in the colour view (a few wrong matches inside the occlusion may hand theirs on).
		FloatPlane filled = d.filled();
		int occluder = 0;
		for (int y = 4; y < H - 4; y++) {
			for (int x = W / 2 - 9; x < W / 2 - 3; x++) {
				if (Float.isNaN(d.map().get(x, y)) && Math.abs(filled.get(x, y) - 17) <= 1) occluder++;
			}
		}
		assertTrue(occluder > 0.9 * invalid, "filled with the occluder's disparity: " + occluder + " of " + invalid);
	}

	@Test
	void rowFillTakesTheSmallerOrLargerNeighbourAndLeavesMatchesAlone() {
		FloatPlane d = FloatPlane.wrap(new float[] { Float.NaN, 3, Float.NaN, Float.NaN, 9, Float.NaN, Float.NaN, Float.NaN }, 4, 2);
		FloatPlane f = RowFill.background(d);
		assertEquals(3, f.get(0, 0), 0); // only a right neighbour
		assertEquals(3, f.get(1, 0), 0);
		assertEquals(3, f.get(2, 0), 0); // between 3 and nothing: 3
		assertEquals(3, f.get(3, 0), 0);
		assertEquals(9, f.get(0, 1), 0);
		assertEquals(9, f.get(3, 1), 0); // only a left neighbour
		FloatPlane none = RowFill.background(FloatPlane.filled(3, 1, Float.NaN));
		for (float x : none.data()) assertEquals(0, x, 0);
		FloatPlane mixed = FloatPlane.wrap(new float[] { 2, Float.NaN, Float.NaN, 7 }, 4, 1);
		assertEquals(2, RowFill.background(mixed).get(1, 0), 0);
		assertEquals(7, RowFill.foreground(mixed).get(1, 0), 0);
		assertEquals(7, RowFill.foreground(mixed).get(3, 0), 0);
	}

	@Test
	void priorIsTheFilledDisparityWithConfidenceWhereMatched() {
		FloatPlane[] v = twoLayers(ColorSide.LEFT, 4, 12, 7);
		MatchingPrior p = MatchingPrior.estimate(new SgmMatcher(), v[0], v[1], ColorSide.LEFT, 24);
		Disparity d = new SgmMatcher().match(v[0], v[1], ColorSide.LEFT, 24);
		for (int i = 0; i < p.disparity().size(); i++) {
			boolean matched = !Float.isNaN(d.map().data()[i]);
			assertEquals(matched ? 1f : MatchingPrior.FILLED, p.confidence().data()[i], 0);
			if (matched) assertEquals(d.map().data()[i], p.disparity().data()[i], 0);
			else assertTrue(p.disparity().data()[i] >= 0);
		}
		assertEquals(d.validFraction(), p.confidentFraction(), 1e-9);
	}

	/** Images smaller than the census block (BoofCV fails below 5x5) have nothing matched, and their prior is a weak guess of 0. */
	@Test
	void imagesSmallerThanTheCensusBlockMatchNothingWithoutFailing() {
		for (int[] size : new int[][] { { 1, 1 }, { 4, 64 }, { 64, 4 }, { 2, 3 } }) {
			FloatPlane g = FloatPlane.filled(size[0], size[1], 100);
			for (ColorSide side : ColorSide.values()) {
				Disparity d = new SgmMatcher().match(g, g, side, 8);
				assertEquals(0, d.validFraction(), size[0] + "x" + size[1]);
				MatchingPrior p = MatchingPrior.estimate(new SgmMatcher(), g, g, side, 8);
				assertEquals(0, p.disparity().data()[0]);
				assertEquals(MatchingPrior.FILLED, p.confidence().data()[0]);
			}
		}
		FloatPlane five = FloatPlane.filled(5, 5, 100);
		new SgmMatcher().match(five, five, ColorSide.RIGHT, 8); // the smallest size BoofCV takes
	}
}

