package org.cyclecolor.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.testutil.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stereo scene folders: the shared Middlebury ground truth, and what goes wrong in a scene folder. */
class StereoSceneTest {

	/** Linear interpolation of a row (written here, independent of the code under test). */
	private static double at(FloatPlane p, int y, double x) {
		int x0 = (int) Math.floor(x);
		double f = x - x0;
		return (1 - f) * p.get(x0, y) + f * p.get(x0 + 1, y);
	}

	/**
	 * The ground-truth disparity, read with its divisor, warps the right view onto the left view:
	 * on pixels the LR check calls visible, the warped colour is within a few gray levels (lighting
	 * and sensor noise differ between the views), far closer than the unwarped right view.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "mb2001-tsukuba", "mb2003-cones", "mb2003-teddy", "mb2005-art", "mb2005-books", "mb2005-dolls",
		"mb2005-laundry", "mb2005-moebius", "mb2005-reindeer-half" })
	void groundTruthDisparityWarpsTheRightViewOntoTheLeft(String scene) {
		Path dir = SharedData.require("stereo/" + scene);
		StereoViews v = StereoScene.open(dir).load();
		FloatPlane d = v.leftDisparity();
		assertNotNull(d);
		FloatPlane mask = MonoColorProtocol.disparityAndOcclusion(v, StereoViews.Side.LEFT)[1];
		double warped = 0, unwarped = 0;
		int n = 0;
		for (int y = 0; y < v.height(); y++) {
			for (int x = 0; x < v.width(); x++) {
				if (mask.get(x, y) != 0) continue;
				double xr = x - d.get(x, y);
				if (xr < 0 || xr > v.width() - 1.001) continue;
				for (int c = 0; c < 3; c++) {
					warped += Math.abs(at(v.right().channel(c), y, xr) - v.left().channel(c).get(x, y));
					unwarped += Math.abs(v.right().channel(c).get(x, y) - v.left().channel(c).get(x, y));
				}
				n += 3;
			}
		}
		assertTrue(n > 0.6 * 3 * v.width() * v.height(), scene + ": visible pixels " + n / 3);
		double mae = warped / n;
		System.out.printf("%s: warp error %.2f, unwarped %.2f gray levels on %d visible pixels%n", scene, mae, unwarped / n, n / 3);
		assertTrue(mae < 8, scene + ": mean warp error " + mae);
		assertTrue(mae < 0.2 * unwarped / n, scene + ": warp error " + mae + " vs unwarped " + unwarped / n);
	}

	/** The z-buffer projection of the left disparity alone agrees with the LR check where both are known. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "mb2003-cones", "mb2003-teddy", "mb2005-art", "mb2005-books", "mb2005-reindeer-half" })
	void projectionAgreesWithTheLeftRightCheck(String scene) {
		StereoViews v = StereoScene.open(SharedData.require("stereo/" + scene)).load();
		for (StereoViews.Side side : StereoViews.Side.values()) {
			FloatPlane lr = Occlusions.leftRightCheck(v.disparity(side), v.disparity(side.other()), side.sign(), 1);
			FloatPlane proj = Occlusions.byProjection(v.disparity(side), side.sign(), 1);
			int both = 0, agree = 0, occluded = 0;
			for (int i = 0; i < lr.size(); i++) {
				float a = lr.data()[i], b = proj.data()[i];
				if (Float.isNaN(a) || Float.isNaN(b)) continue;
				both++;
				if (a == b) agree++;
				if (a == 1) occluded++;
			}
			double agreement = agree / (double) both;
			System.out.printf("%s %s: projection agrees with the LR check on %.1f %% (LR occluded %.1f %%)%n", scene, side,
				100 * agreement, 100.0 * occluded / both);
			// The LR check also flags pixels where the two ground-truth maps disagree (thin structures,
			// quantised disparities), which a projection of one map cannot know about.
			assertTrue(agreement > 0.97, scene + " " + side + ": agreement " + agreement);
		}
	}

	@Test
	void readsTheDivisorAndUnknownPixels() {
		StereoViews v = StereoScene.open(SharedData.require("stereo/mb2001-tsukuba")).load();
		// Tsukuba stores disparity × 16, a border of unknown (0) pixels, disparities 5..14.
		assertTrue(Float.isNaN(v.leftDisparity().get(0, 0)), "border unknown");
		float[] mm = v.leftDisparity().minMax();
		assertEquals(14, mm[1], 1e-6);
		assertTrue(mm[0] >= 5, "smallest " + mm[0]);
		assertNull(v.rightDisparity());
		assertEquals(14, v.maxDisparity());
		assertEquals("ground truth", v.provenance().get("max_disparity_from"));
	}

	// ---------------------------------------------------------------- broken scene folders

	private static void writeScene(Path dir, int w, int h) {
		RgbImage photo = TestPhotos.photo(w, h, 3);
		TestFiles.writeRgb(photo, dir.resolve("left.png"));
		TestFiles.writeRgb(photo, dir.resolve("right.png"));
	}

	@Test
	void sceneWithoutMetaUsesLeftAndRightFiles(@TempDir Path tmp) {
		writeScene(tmp, 64, 48);
		assertTrue(StereoScene.isScene(tmp));
		StereoScene s = StereoScene.open(tmp);
		assertEquals(64, s.width());
		StereoViews v = s.load();
		assertNull(v.leftDisparity());
		assertEquals("estimate", v.provenance().get("max_disparity_from"));
	}

	@Test
	void missingOrMismatchedFilesAreNamed(@TempDir Path tmp) throws IOException {
		writeScene(tmp, 64, 48);
		Files.writeString(tmp.resolve("meta.json"), "{\"left\": \"left.png\", \"right\": \"right.png\", \"disp_left\": "
			+ "\"disp.png\", \"disp_divisor\": 4}");
		UserException e = assertThrows(UserException.class, () -> StereoScene.open(tmp));
		assertTrue(e.getMessage().contains("disp.png is missing"), e.getMessage());

		TestFiles.writeGray(FloatPlane.filled(32, 48, 8), tmp.resolve("disp.png"));
		e = assertThrows(UserException.class, () -> StereoScene.open(tmp));
		assertTrue(e.getMessage().contains("disp.png is 32x48 but left.png is 64x48"), e.getMessage());

		Files.writeString(tmp.resolve("disp.png"), "not an image");
		e = assertThrows(UserException.class, () -> StereoScene.open(tmp));
		assertTrue(e.getMessage().contains("disp.png cannot be read as an image"), e.getMessage());
	}

	@Test
	void badMetaJsonIsNamed(@TempDir Path tmp) throws IOException {
		writeScene(tmp, 64, 48);
		Files.writeString(tmp.resolve("meta.json"), "{\"left\": \"left.png\", ");
		UserException e = assertThrows(UserException.class, () -> StereoScene.open(tmp));
		assertTrue(e.getMessage().contains("meta.json is not valid JSON"), e.getMessage());
		Files.writeString(tmp.resolve("meta.json"), "{\"left\": \"left.png\", \"right\": \"right.png\", \"disp_left\": "
			+ "\"left.png\", \"disp_divisor\": 0}");
		e = assertThrows(UserException.class, () -> StereoScene.open(tmp));
		assertTrue(e.getMessage().contains("disp_divisor 0"), e.getMessage());
	}
}
