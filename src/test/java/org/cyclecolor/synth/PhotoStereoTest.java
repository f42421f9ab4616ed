package org.cyclecolor.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stereo pairs made from one photo: the warp, the occlusions and the disparities against independent checks. */
class PhotoStereoTest {

	private static final int W = 200, H = 120;
	private static final RgbImage PHOTO = TestPhotos.photo(W, H, 7);
	private static final PhotoStereo.Settings SETTINGS = new PhotoStereo.Settings(24, 2, 4);

	/** Keys cubic convolution (a = −0.5) along a row, edges repeated, clipped to 0..255: written anew here. */
	private static double sampleRow(FloatPlane p, int y, double x) {
		int x0 = (int) Math.floor(x);
		double sum = 0;
		for (int i = x0 - 1; i <= x0 + 2; i++) {
			double s = Math.abs(x - i);
			double k = s <= 1 ? 1.5 * s * s * s - 2.5 * s * s + 1 : s < 2 ? -0.5 * s * s * s + 2.5 * s * s - 4 * s + 2 : 0;
			sum += k * p.get(Math.max(0, Math.min(p.width() - 1, i)), y);
		}
		return Math.max(0, Math.min(255, sum));
	}

	private static boolean photoIsLeft(StereoViews v) {
		return v.provenance().get("photo_view").equals("left");
	}

	/**
	 * The made view is the photo warped by the made view's own disparity: at every pixel the photo
	 * also shows, its colour is the photo's at x ± d, exactly (to float rounding of d).
	 */
	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6 })
	void madeViewIsThePhotoWarpedByItsDisparity(long seed) {
		StereoViews v = PhotoStereo.synthesize("t", PHOTO, SETTINGS, seed);
		boolean left = photoIsLeft(v);
		assertSame(PHOTO, left ? v.left() : v.right(), "the photo is one of the views, unchanged");
		RgbImage made = left ? v.right() : v.left();
		FloatPlane d = left ? v.rightDisparity() : v.leftDisparity();
		FloatPlane occ = left ? v.rightOcclusion() : v.leftOcclusion();
		// Right view: right(x) = left(x + d); left view: left(x) = right(x − d).
		int sign = left ? +1 : -1;
		int checked = 0;
		double worst = 0;
		for (int y = 0; y < H; y++) {
			for (int x = 0; x < W; x++) {
				if (occ.get(x, y) != 0) continue;
				for (int c = 0; c < 3; c++) {
					double expected = sampleRow(PHOTO.channel(c), y, x + sign * d.get(x, y));
					worst = Math.max(worst, Math.abs(expected - made.channel(c).get(x, y)));
				}
				checked++;
			}
		}
		assertTrue(checked > 0.8 * W * H, "visible pixels " + checked);
		// Disparities are stored as float (about 1e-6 px at 24 px); at a sharp edge that moves the value by ~0.002.
		assertTrue(worst < 0.01, "largest difference " + worst + " gray levels");
	}

	/**
	 * The other way (photo from the made view by the photo's disparity) needs the made view
	 * interpolated, so it is close, not exact: a few gray levels on a textured image.
	 */
	@Test
	void photoIsCloseToTheMadeViewWarpedBack() {
		StereoViews v = PhotoStereo.synthesize("t", PHOTO, SETTINGS, 3);
		boolean left = photoIsLeft(v);
		RgbImage made = left ? v.right() : v.left();
		FloatPlane d = left ? v.leftDisparity() : v.rightDisparity();
		FloatPlane occ = left ? v.leftOcclusion() : v.rightOcclusion();
		int sign = left ? -1 : +1;
		double sum = 0, unwarped = 0;
		int n = 0;
		for (int y = 0; y < H; y++) {
			for (int x = 2; x < W - 2; x++) {
				if (occ.get(x, y) != 0) continue;
				for (int c = 0; c < 3; c++) {
					sum += Math.abs(sampleRow(made.channel(c), y, x + sign * d.get(x, y)) - PHOTO.channel(c).get(x, y));
					unwarped += Math.abs(made.channel(c).get(x, y) - PHOTO.channel(c).get(x, y));
				}
				n += 3;
			}
		}
		double mae = sum / n;
		assertTrue(mae < 4, "mean error warping back " + mae);
		assertTrue(mae < 0.2 * unwarped / n, "warping back " + mae + " vs not warping " + unwarped / n);
	}

	/** The exact masks agree with a left–right check and a z-buffer projection of the exact disparities. */
	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4 })
	void occlusionMasksAgreeWithLeftRightChecks(long seed) {
		StereoViews v = PhotoStereo.synthesize("t", PHOTO, SETTINGS, seed);
		for (StereoViews.Side side : StereoViews.Side.values()) {
			FloatPlane exact = v.occlusion(side);
			FloatPlane lr = Occlusions.leftRightCheck(v.disparity(side), v.disparity(side.other()), side.sign(), 1);
			FloatPlane proj = Occlusions.byProjection(v.disparity(side), side.sign(), 1);
			int occluded = 0, lrDisagree = 0, projDisagree = 0;
			for (int i = 0; i < exact.size(); i++) {
				if (exact.data()[i] == 1) occluded++;
				if (lr.data()[i] != exact.data()[i]) lrDisagree++;
				if (proj.data()[i] != exact.data()[i]) projDisagree++;
			}
			assertTrue(occluded > 0, side + ": some pixels are occluded (at least the border)");
			// Disagreements sit on the one-pixel boundary of occluded regions (nearest-column sampling).
			assertTrue(lrDisagree < 0.25 * occluded + 0.002 * exact.size(), side + ": LR check disagrees at " + lrDisagree
				+ " of " + occluded + " occluded pixels");
			assertTrue(projDisagree < 0.25 * occluded + 0.002 * exact.size(), side + ": projection disagrees at "
				+ projDisagree + " of " + occluded + " occluded pixels");
		}
	}

	/** With no foreground object only the border strip is occluded: left pixels with x − d < −0.5. */
	@Test
	void backgroundOnlyOccludesTheBorderStrip() {
		StereoViews v = PhotoStereo.synthesize("t", PHOTO, new PhotoStereo.Settings(20, 0, 0), 9);
		for (int y = 0; y < H; y++) {
			for (int x = 0; x < W; x++) {
				float expectedLeft = x - v.leftDisparity().get(x, y) < -0.5 ? 1 : 0;
				assertEquals(expectedLeft, v.leftOcclusion().get(x, y), "left " + x + "," + y);
				float expectedRight = x + v.rightDisparity().get(x, y) >= W - 0.5 ? 1 : 0;
				assertEquals(expectedRight, v.rightOcclusion().get(x, y), "right " + x + "," + y);
			}
		}
	}

	@Test
	void disparitiesStayInRangeAndTheSuggestionCoversThem() {
		for (long seed = 1; seed <= 5; seed++) {
			StereoViews v = PhotoStereo.synthesize("t", PHOTO, SETTINGS, seed);
			for (StereoViews.Side s : StereoViews.Side.values()) {
				float[] mm = v.disparity(s).minMax();
				assertTrue(mm[0] >= 0 && mm[1] <= SETTINGS.maxDisparity(), s + " disparity " + Arrays.toString(mm));
				assertTrue(v.maxDisparity() >= mm[1] && v.maxDisparity() <= SETTINGS.maxDisparity());
			}
			// Depth edges: somewhere the disparity jumps by more than 3 px between neighbours.
			FloatPlane d = v.leftDisparity();
			boolean jump = false;
			for (int y = 0; y < H && !jump; y++) {
				for (int x = 1; x < W && !jump; x++) jump = Math.abs(d.get(x, y) - d.get(x - 1, y)) > 3;
			}
			assertTrue(jump, "seed " + seed + " has a depth discontinuity");
		}
	}

	@Test
	void sameSeedSamePixelsOtherSeedOtherScene() {
		StereoViews a = PhotoStereo.synthesize("t", PHOTO, SETTINGS, 11);
		StereoViews b = PhotoStereo.synthesize("t", PHOTO, SETTINGS, 11);
		StereoViews c = PhotoStereo.synthesize("t", PHOTO, SETTINGS, 12);
		for (int k = 0; k < 3; k++) {
			assertArrayEquals(a.left().channel(k).data(), b.left().channel(k).data());
			assertArrayEquals(a.right().channel(k).data(), b.right().channel(k).data());
		}
		assertArrayEquals(a.leftDisparity().data(), b.leftDisparity().data());
		assertFalse(Arrays.equals(a.leftDisparity().data(), c.leftDisparity().data()));
	}

	@Test
	void refusesADisparityTooLargeForThePhoto() {
		UserException e = assertThrows(UserException.class,
			() -> PhotoStereo.synthesize("narrow", TestPhotos.photo(60, 40, 1), new PhotoStereo.Settings(32, 1, 2), 1));
		assertTrue(e.getMessage().contains("narrow") && e.getMessage().contains("60x40") && e.getMessage().contains("at most 20"),
			e.getMessage());
		assertThrows(UserException.class, () -> new PhotoStereo.Settings(0, 1, 2));
		assertThrows(UserException.class, () -> new PhotoStereo.Settings(10, 3, 2));
	}
}
