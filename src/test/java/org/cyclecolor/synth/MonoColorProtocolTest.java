package org.cyclecolor.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.method.ColorSide;
import org.junit.jupiter.api.Test;

/** Stereo pair → mono/colour pair: roles, sides, ground truth and noise seeding. */
class MonoColorProtocolTest {

	private static final StereoViews VIEWS = PhotoStereo.synthesize("scene", TestPhotos.photo(160, 96, 2),
		new PhotoStereo.Settings(16, 1, 3), 4);

	/** The same views without the right view's disparity and without given masks. */
	private static StereoViews leftDisparityOnly() {
		return new StereoViews("scene", VIEWS.left(), VIEWS.right(), VIEWS.leftDisparity(), null, null, null,
			VIEWS.maxDisparity(), Map.of());
	}

	@Test
	void leftGrayPutsTheColourCameraOnTheRight() {
		DatasetPair p = MonoColorProtocol.make(VIEWS, StereoViews.Side.LEFT, "scene", Degradation.CLEAN, 1, true);
		assertEquals(ColorSide.RIGHT, p.pair().colorSide());
		assertArrayEquals(Degradation.CLEAN.gray(VIEWS.left(), null).data(), p.pair().gray().data());
		// The colour camera writes whole codes: the right view rounded.
		float[] right = VIEWS.right().g().data(), color = p.pair().color().g().data();
		for (int i = 0; i < right.length; i++) assertEquals(Math.round(right[i]), color[i], 1e-9, "pixel " + i);
		GroundTruth t = p.groundTruth().orElseThrow();
		assertArrayEquals(VIEWS.left().r().data(), t.color().r().data());
		assertNotSame(VIEWS.left().r(), t.color().r(), "the ground truth is a copy");
		assertArrayEquals(VIEWS.leftDisparity().data(), t.disparity().data());
		assertArrayEquals(VIEWS.leftOcclusion().data(), t.occlusion().data());
		assertEquals(VIEWS.maxDisparity(), p.pair().maxDisparity());
		assertEquals("left", p.pair().provenance().get("gray_view"));
	}

	/**
	 * Right view gray: colour camera on the left, so gray(x) ≈ color(x + d). The ground-truth
	 * disparity warps the colour image onto the truth on visible pixels, as ColorSide promises.
	 */
	@Test
	void rightGrayPutsTheColourCameraOnTheLeftAndTheDisparityPointsThere() {
		DatasetPair p = MonoColorProtocol.make(VIEWS, StereoViews.Side.RIGHT, "scene", Degradation.CLEAN, 1, true);
		assertEquals(ColorSide.LEFT, p.pair().colorSide());
		GroundTruth t = p.groundTruth().orElseThrow();
		RgbImage color = p.pair().color();
		int sign = p.pair().colorSide().sign();
		double err = 0;
		int n = 0;
		for (int y = 0; y < color.height(); y++) {
			for (int x = 0; x < color.width(); x++) {
				if (t.occlusion().get(x, y) != 0) continue;
				int xc = (int) Math.round(x + sign * t.disparity().get(x, y));
				err += Math.abs(color.g().get(xc, y) - t.color().g().get(x, y));
				n++;
			}
		}
		assertTrue(err / n < 12, "nearest-pixel warp error " + err / n);
	}

	/**
	 * With only the left view's disparity, the right view's is carried over by a z-buffer: it
	 * matches the exact one wherever it is known, and its mask matches the exact mask.
	 */
	@Test
	void rightViewGroundTruthFromTheLeftDisparityAlone() {
		GroundTruth t = MonoColorProtocol.groundTruth(leftDisparityOnly(), StereoViews.Side.RIGHT);
		FloatPlane exactD = VIEWS.rightDisparity(), exactMask = VIEWS.rightOcclusion();
		int known = 0, close = 0, maskAgree = 0;
		for (int i = 0; i < exactD.size(); i++) {
			float d = t.disparity().data()[i];
			if (!Float.isNaN(d)) {
				known++;
				if (Math.abs(exactD.data()[i] - d) < 0.5) close++;
			}
			if (t.occlusion().data()[i] == exactMask.data()[i]) maskAgree++;
		}
		// Misses sit on object outlines, where nearest-column landing picks the neighbour's surface.
		assertTrue(known > 0.9 * exactD.size(), "known " + known);
		assertTrue(close > 0.98 * known, "within 0.5 px at " + close + " of " + known);
		assertTrue(maskAgree > 0.98 * exactD.size(), "mask agrees at " + maskAgree + " of " + exactD.size());
	}

	@Test
	void noiseFollowsTheSeedAndTheIdNotTheOrder() {
		DatasetPair a = MonoColorProtocol.make(VIEWS, StereoViews.Side.LEFT, "a", Degradation.NOISY, 5, false);
		MonoColorProtocol.make(VIEWS, StereoViews.Side.LEFT, "b", Degradation.NOISY, 5, false);
		DatasetPair a2 = MonoColorProtocol.make(VIEWS, StereoViews.Side.LEFT, "a", Degradation.NOISY, 5, false);
		DatasetPair b = MonoColorProtocol.make(VIEWS, StereoViews.Side.LEFT, "b", Degradation.NOISY, 5, false);
		DatasetPair a6 = MonoColorProtocol.make(VIEWS, StereoViews.Side.LEFT, "a", Degradation.NOISY, 6, false);
		assertArrayEquals(a.pair().gray().data(), a2.pair().gray().data());
		assertArrayEquals(a.pair().color().b().data(), a2.pair().color().b().data());
		assertFalse(Arrays.equals(a.pair().gray().data(), b.pair().gray().data()));
		assertFalse(Arrays.equals(a.pair().gray().data(), a6.pair().gray().data()));
		assertFalse(a.hasGroundTruth());
	}
}
