package org.cyclecolor.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cyclecolor.image.FloatPlane;
import org.junit.jupiter.api.Test;

/**
 * Occlusion masks on a scene worked out by hand: a background at disparity 2 and, in front of it,
 * a strip of columns 20..29 at disparity 6 (left view). In the right view (x_r = x − d) the strip
 * covers columns 14..23, so the background left of it loses pixels there and gains 24..27.
 */
class OcclusionsTest {

	private static final int W = 40, H = 3;

	/** The left view's disparity: 2 everywhere, 6 on columns 20..29. */
	private static FloatPlane leftDisparity() {
		FloatPlane d = FloatPlane.filled(W, H, 2);
		for (int y = 0; y < H; y++) for (int x = 20; x < 30; x++) d.set(x, y, 6);
		return d;
	}

	/** The right view's disparity: background 2, the strip (left 20..29) at right columns 14..23 with 6. */
	private static FloatPlane rightDisparity() {
		FloatPlane d = FloatPlane.filled(W, H, 2);
		for (int y = 0; y < H; y++) for (int x = 14; x < 24; x++) d.set(x, y, 6);
		return d;
	}

	/**
	 * Left pixels hidden in the right view: 0 and 1 (x − 2 outside the frame) and the background
	 * pixels 16..19, which land on right columns 14..17, covered by the strip. Background 20..25
	 * would land on 18..23 but are themselves covered in the left view by the strip.
	 */
	private static boolean leftOccluded(int x) {
		return x <= 1 || (x >= 16 && x <= 19);
	}

	/** Right pixels hidden in the left view: background right columns 24..27 (left 26..29 show the strip). */
	private static boolean rightOccluded(int x) {
		return x >= 24 && x <= 27 || x + 2 >= W; // and the right border: x + 2 beyond the left frame
	}

	@Test
	void leftRightCheckFindsTheHandWorkedOcclusions() {
		FloatPlane left = Occlusions.leftRightCheck(leftDisparity(), rightDisparity(), -1, 1);
		FloatPlane right = Occlusions.leftRightCheck(rightDisparity(), leftDisparity(), +1, 1);
		for (int x = 0; x < W; x++) {
			assertEquals(leftOccluded(x) ? 1f : 0f, left.get(x, 1), "left " + x);
			assertEquals(rightOccluded(x) ? 1f : 0f, right.get(x, 1), "right " + x);
		}
	}

	@Test
	void projectionFindsTheSameFromOneViewAlone() {
		FloatPlane left = Occlusions.byProjection(leftDisparity(), -1, 1);
		FloatPlane right = Occlusions.byProjection(rightDisparity(), +1, 1);
		for (int x = 0; x < W; x++) {
			assertEquals(leftOccluded(x) ? 1f : 0f, left.get(x, 1), "left " + x);
			assertEquals(rightOccluded(x) ? 1f : 0f, right.get(x, 1), "right " + x);
		}
	}

	@Test
	void transferCarriesTheDisparityOverAndMarksWhatTheOtherViewCannotSee() {
		FloatPlane[] t = Occlusions.transfer(leftDisparity(), -1, 8);
		FloatPlane expected = rightDisparity();
		for (int x = 0; x < W; x++) {
			if (rightOccluded(x)) {
				assertTrue(Float.isNaN(t[0].get(x, 1)), "no disparity at right " + x);
				assertEquals(1f, t[1].get(x, 1), "occluded right " + x);
			}
			else {
				assertEquals(expected.get(x, 1), t[0].get(x, 1), 1e-6, "disparity at right " + x);
				assertEquals(0f, t[1].get(x, 1), "visible right " + x);
			}
		}
	}

	@Test
	void unknownDisparitiesGiveUnknownMasks() {
		FloatPlane dl = leftDisparity(), dr = rightDisparity();
		dl.set(10, 1, Float.NaN);
		dr.set(30, 1, Float.NaN); // the match of left 32
		FloatPlane lr = Occlusions.leftRightCheck(dl, dr, -1, 1);
		assertTrue(Float.isNaN(lr.get(10, 1)));
		assertTrue(Float.isNaN(lr.get(32, 1)));
		assertTrue(Float.isNaN(Occlusions.byProjection(dl, -1, 1).get(10, 1)));
		// Right columns a left pixel of unknown disparity could have reached are unknown, not occluded.
		FloatPlane left = FloatPlane.filled(W, H, 2);
		for (int x = 30; x < 34; x++) left.set(x, 1, Float.NaN); // would land on 28..31 at d = 2
		FloatPlane[] t = Occlusions.transfer(left, -1, 4);
		assertTrue(Float.isNaN(t[1].get(29, 1)), "right 29 might be seen by an unknown left pixel");
		assertEquals(0f, t[1].get(20, 1));
	}

	/** A slanted surface stretched in the other view leaves no false holes between its pixels. */
	@Test
	void stretchedSurfacesAreNotHoles() {
		FloatPlane d = new FloatPlane(W, 1);
		for (int x = 0; x < W; x++) d.set(x, 0, 2 + 0.4f * x); // disparity grows by 0.4 px per column
		FloatPlane[] t = Occlusions.transfer(d, -1, 20);
		// Right columns x − d(x) = 0.6 x − 2 for x in 4..39 cover 0.4 .. 21.4: columns 1..21 all seen.
		for (int c = 1; c <= 21; c++) assertEquals(0f, t[1].get(c, 0), "right column " + c);
		FloatPlane proj = Occlusions.byProjection(d, -1, 1);
		for (int x = 4; x < W; x++) assertEquals(0f, proj.get(x, 0), "left column " + x);
	}
}
