package org.cyclecolor.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.testutil.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The suggested largest disparity against known ones. */
class DisparityRangeTest {

	/** On synthesized pairs of known disparity the suggestion covers the true maximum without wild excess. */
	@ParameterizedTest(name = "max disparity {0}, seed {1}")
	@CsvSource({ "12, 1", "24, 2", "40, 3", "60, 4" })
	void coversTheTrueRangeOfPhotoPairs(int maxDisparity, long seed) {
		StereoViews v = PhotoStereo.synthesize("t", TestPhotos.photo(320, 200, seed), new PhotoStereo.Settings(maxDisparity, 2,
			3), seed);
		double truth = Math.max(v.leftDisparity().minMax()[1], v.rightDisparity().minMax()[1]);
		int estimate = DisparityRange.estimate(v.left(), v.right());
		assertTrue(estimate >= 0.95 * truth && estimate <= 1.3 * truth + 3, "estimate " + estimate + ", true maximum " + truth);
	}

	/** The census cost ignores a gain and offset between the cameras (a mono camera is brighter). */
	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2 })
	void insensitiveToExposureDifferences(long seed) {
		StereoViews v = PhotoStereo.synthesize("t", TestPhotos.photo(320, 200, seed), new PhotoStereo.Settings(30, 2, 3), seed);
		RgbImage r = v.right();
		FloatPlane[] c = new FloatPlane[3];
		for (int k = 0; k < 3; k++) {
			c[k] = r.channel(k).copy();
			float[] d = c[k].data();
			for (int i = 0; i < d.length; i++) d[i] = 0.6f * d[i] + 30;
		}
		int plain = DisparityRange.estimate(v.left(), r);
		int darker = DisparityRange.estimate(v.left(), new RgbImage(c[0], c[1], c[2], 255));
		assertTrue(Math.abs(plain - darker) <= 2, "plain " + plain + ", darker right view " + darker);
	}

	/** On the Middlebury scenes with ground truth the suggestion is within −15 %..+25 % of the true maximum. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "mb2001-tsukuba", "mb2003-teddy", "mb2005-art", "mb2005-reindeer-half" })
	void closeToTheMiddleburyGroundTruth(String scene) {
		StereoViews v = StereoScene.open(SharedData.require("stereo/" + scene)).load();
		int truth = v.maxDisparity(); // from the ground truth
		int estimate = DisparityRange.estimate(v.left(), v.right());
		System.out.printf("%s: ground-truth maximum %d, estimate %d%n", scene, truth, estimate);
		assertTrue(estimate >= 0.85 * truth && estimate <= 1.25 * truth, scene + ": estimate " + estimate + ", truth " + truth);
	}
}
