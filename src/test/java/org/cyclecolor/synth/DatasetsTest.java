package org.cyclecolor.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.testutil.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recognising what a dataset path holds, and the shared test data read end to end. */
class DatasetsTest {

	private static final DatasetOptions OPTIONS = DatasetOptions.defaults();

	/** A stereo scene folder made from a test photo, with meta.json and the left disparity ×4 as PNG. */
	private static void writeScene(Path dir, long seed) throws IOException {
		StereoViews v = PhotoStereo.synthesize("s", TestPhotos.photo(96, 64, seed), new PhotoStereo.Settings(12, 1, 2), seed);
		TestFiles.writeRgb(v.left(), dir.resolve("left.png"));
		TestFiles.writeRgb(v.right(), dir.resolve("right.png"));
		FloatPlane stored = new FloatPlane(96, 64);
		for (int i = 0; i < stored.size(); i++) stored.data()[i] = Math.round(4 * v.leftDisparity().data()[i]);
		TestFiles.writeGray(stored, dir.resolve("disp0.png"));
		Files.writeString(dir.resolve("meta.json"), "{\"left\": \"left.png\", \"right\": \"right.png\", "
			+ "\"disp_left\": \"disp0.png\", \"disp_divisor\": 4}");
	}

	@Test
	void oneSceneFolderOrAFolderOfScenes(@TempDir Path tmp) throws IOException {
		writeScene(tmp.resolve("one"), 1);
		writeScene(tmp.resolve("two"), 2);
		PairDataset single = Datasets.open(tmp.resolve("one"), OPTIONS, Progress.NONE);
		assertInstanceOf(StereoPairs.class, single);
		assertEquals(1, single.size());
		PairDataset both = Datasets.open(tmp, OPTIONS, Progress.NONE);
		assertEquals(List.of("one", "two"), both.entries().stream().map(PairDataset.Entry::id).toList());
		DatasetPair p = both.load(1);
		assertEquals(ColorSide.RIGHT, p.pair().colorSide());
		GroundTruth t = p.groundTruth().orElseThrow();
		assertNotNull(t.disparity());
		assertNotNull(t.occlusion(), "occlusion by projection of the left disparity");
	}

	@Test
	void bothViewsGrayGiveTwoPairsPerScene(@TempDir Path tmp) throws IOException {
		writeScene(tmp.resolve("s"), 1);
		PairDataset d = Datasets.open(tmp, OPTIONS.withGrayView(MonoColorProtocol.GrayView.BOTH), Progress.NONE);
		assertEquals(List.of("s-grayleft", "s-grayright"), d.entries().stream().map(PairDataset.Entry::id).toList());
		assertEquals(ColorSide.RIGHT, d.load(0).pair().colorSide());
		DatasetPair right = d.load(1);
		assertEquals(ColorSide.LEFT, right.pair().colorSide());
		// Only the left disparity is stored: the right one is carried over, unknown where occluded.
		assertNotNull(right.groundTruth().orElseThrow().disparity());
	}

	@Test
	void brokenScenesAreListedOrSkipped(@TempDir Path tmp) throws IOException {
		writeScene(tmp.resolve("good"), 1);
		writeScene(tmp.resolve("bad"), 2);
		Files.delete(tmp.resolve("bad/right.png"));
		Files.createDirectories(tmp.resolve("notes"));
		UserException e = assertThrows(UserException.class, () -> Datasets.open(tmp, OPTIONS, Progress.NONE));
		assertTrue(e.getMessage().contains("right.png is missing"), e.getMessage());
		assertTrue(e.getMessage().contains("notes: is not a stereo scene"), e.getMessage());
		PairDataset d = Datasets.open(tmp, OPTIONS.withOnProblem(OnProblem.SKIP), Progress.NONE);
		assertEquals(1, d.size());
		assertEquals(2, d.problems().size());
	}

	@Test
	void aFolderOfPhotosGivesSeveralScenesPerPhoto(@TempDir Path tmp) throws IOException {
		TestFiles.writeRgb(TestPhotos.photo(120, 80, 1), tmp.resolve("beach.png"));
		TestFiles.writeRgb(TestPhotos.photo(120, 80, 2), tmp.resolve("city.jpg"));
		Files.writeString(tmp.resolve("LICENSE.txt"), "photos by us");
		PairDataset d = Datasets.open(tmp, OPTIONS.withPhotos(new PhotoStereo.Settings(16, 1, 3), 3), Progress.NONE);
		assertEquals(List.of("beach-00", "beach-01", "beach-02", "city-00", "city-01", "city-02"),
			d.entries().stream().map(PairDataset.Entry::id).toList());
		StereoPairs s = (StereoPairs) d;
		assertFalse(java.util.Arrays.equals(s.views(0).leftDisparity().data(), s.views(1).leftDisparity().data()),
			"each variant is another scene");
		assertFalse(java.util.Arrays.equals(s.views(0).leftDisparity().data(), s.views(3).leftDisparity().data()),
			"each photo gets its own scene");
		assertTrue(d.load(2).groundTruth().orElseThrow().occlusionCounts()[1] > 0);
		// Too narrow for the disparity: listed with its size.
		TestFiles.writeRgb(TestPhotos.photo(40, 30, 3), tmp.resolve("small.png"));
		UserException e = assertThrows(UserException.class,
			() -> Datasets.open(tmp, OPTIONS.withPhotos(new PhotoStereo.Settings(16, 1, 3), 1), Progress.NONE));
		assertTrue(e.getMessage().contains("small.png: is 40x30, too narrow"), e.getMessage());
	}

	@Test
	void unrecognisedAndMixedFoldersAreExplained(@TempDir Path tmp) throws IOException {
		Files.createDirectories(tmp.resolve("empty/sub"));
		UserException e = assertThrows(UserException.class, () -> Datasets.open(tmp.resolve("empty"), OPTIONS, Progress.NONE));
		assertTrue(e.getMessage().contains("holds no dataset this suite recognises"), e.getMessage());
		writeScene(tmp.resolve("mixed/scene"), 1);
		Path pair = tmp.resolve("mixed/pair");
		TestFiles.writeGray(FloatPlane.filled(32, 32, 5), pair.resolve("mono.png"));
		TestFiles.writeRgb(TestPhotos.photo(32, 32, 1), pair.resolve("color.png"));
		e = assertThrows(UserException.class, () -> Datasets.open(tmp.resolve("mixed"), OPTIONS, Progress.NONE));
		assertTrue(e.getMessage().contains("mixes stereo scenes"), e.getMessage());
		e = assertThrows(UserException.class, () -> Datasets.open(tmp.resolve("nowhere"), OPTIONS, Progress.NONE));
		assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
		// A forced kind wins: the pair folder alone is read as pairs (its colour side must then be given).
		e = assertThrows(UserException.class, () -> Datasets.open(pair, OPTIONS, Progress.NONE));
		assertTrue(e.getMessage().contains("Say where the colour camera is"), e.getMessage());
		assertEquals(1, Datasets.open(pair, OPTIONS.withColorSide(ColorSide.LEFT), Progress.NONE).size());
	}

	/** Issue 17 item 7: a pair folder's meta.json with a colour side or largest disparity that makes no sense is one sentence. */
	@Test
	void nonsenseInAPairsMetaJsonIsOneSentence(@TempDir Path tmp) throws IOException {
		Path pair = tmp.resolve("pair");
		TestFiles.writeGray(FloatPlane.filled(32, 32, 5), pair.resolve("mono.png"));
		TestFiles.writeRgb(TestPhotos.photo(32, 32, 1), pair.resolve("color.png"));
		String[][] cases = { { "\"color_side\": \"sideways\"", "write \"left\" or \"right\"" }, { "\"color_side\": 42", "write \"left\" or \"right\"" },
			{ "\"color_side\": [1]", "write \"left\" or \"right\"" },
			{ "\"color_side\": \"left\", \"max_disparity\": \"many\"", "write a positive whole number of pixels" },
			{ "\"color_side\": \"left\", \"max_disparity\": -3", "write a positive whole number of pixels" } };
		for (String[] c : cases) {
			Files.writeString(pair.resolve("meta.json"), "{" + c[0] + "}");
			UserException e = assertThrows(UserException.class, () -> Datasets.open(pair, OPTIONS, Progress.NONE), c[0]);
			assertTrue(e.getMessage().contains(c[1]) && e.getMessage().contains("meta.json"), c[0] + ": " + e.getMessage());
		}
		Files.writeString(pair.resolve("meta.json"), "{\"color_side\": \"Left\", \"max_disparity\": 7}");
		PairDataset d = Datasets.open(pair, OPTIONS, Progress.NONE);
		assertEquals(ColorSide.LEFT, d.load(0).pair().colorSide());
		assertEquals(7, d.load(0).pair().maxDisparity());
	}

	/** The bundled sample-data/ folder reads as one pair with its full ground truth. */
	@Test
	void theBundledSampleIsAPairWithGroundTruth() {
		PairDataset d = Datasets.open(java.nio.file.Paths.get("sample-data"), OPTIONS, Progress.NONE);
		assertEquals(1, d.size());
		DatasetPair p = d.load(0);
		assertEquals(ColorSide.RIGHT, p.pair().colorSide());
		assertEquals(40, p.pair().maxDisparity(), "from the ground-truth disparity (8 to 40 px)");
		assertEquals(512, p.pair().width());
		GroundTruth t = p.groundTruth().orElseThrow();
		int[] counts = t.occlusionCounts();
		assertEquals(0, counts[2]);
		assertEquals(0.095, counts[1] / (double) t.occlusion().size(), 0.005, "9.5 % occluded (docs/sample-data.md)");
	}

	// ---------------------------------------------------------------- the shared test data

	@Test
	void everySharedStereoSceneOpens() {
		Path root = SharedData.require("stereo");
		PairDataset d = Datasets.open(root, OPTIONS, Progress.NONE);
		// The shared data grows: compare with the folders on disk, never with a fixed count.
		File[] scenes = root.toFile().listFiles(File::isDirectory);
		assertEquals(scenes.length, d.size());
		assertTrue(d.problems().isEmpty());
		long withDisparity = d.entries().stream().filter(e -> e.files().containsKey("disp_left")).count();
		long disparityFilesOnDisk = java.util.Arrays.stream(scenes)
			.filter(s -> new File(s, "disp_left.png").isFile() || new File(s, "disp_left.pgm").isFile()).count();
		assertEquals(disparityFilesOnDisk, withDisparity);
	}

	/** One scene of each family, both as left-gray and right-gray pairs. */
	@Test
	void oneSceneOfEachFamilyLoads() {
		Path root = SharedData.require("stereo");
		DatasetOptions both = OPTIONS.withGrayView(MonoColorProtocol.GrayView.BOTH).withDegradation(Degradation.NOISY);
		for (String scene : new String[] { "mb2001-tsukuba", "mb2003-cones", "mb2014-motorcycle", "mbeval3q-artl",
			"flyingthings3d-0000004" })
		{
			PairDataset d = Datasets.open(root.resolve(scene), both, Progress.NONE);
			for (int i = 0; i < 2; i++) {
				DatasetPair p = d.load(i);
				GroundTruth t = p.groundTruth().orElseThrow();
				int[] counts = t.occlusionCounts();
				System.out.printf("%s: %s, max disparity %d, visible %d, occluded %d, unknown %d%n", p.id(),
					p.pair().colorSide(), p.pair().maxDisparity(), counts[0], counts[1], counts[2]);
				assertEquals(i == 0 ? ColorSide.RIGHT : ColorSide.LEFT, p.pair().colorSide());
				if (scene.startsWith("mb200")) {
					assertNotNull(t.disparity(), p.id());
					double occluded = counts[1] / (double) (counts[0] + counts[1]);
					assertTrue(occluded > 0.02 && occluded < 0.3, p.id() + ": occluded fraction " + occluded);
				}
				else {
					assertNull(t.disparity(), p.id());
					assertTrue(p.pair().maxDisparity() > 10, p.id() + " estimated " + p.pair().maxDisparity());
				}
			}
		}
	}

	@Test
	void kodakPhotosBecomePairs() {
		Path root = SharedData.require("photos/kodak");
		PairDataset d = Datasets.open(root, OPTIONS.withDegradation(Degradation.CAMERA), Progress.NONE);
		assertEquals(24, d.size());
		DatasetPair p = d.load(4);
		assertEquals("kodim05", p.id());
		assertEquals(768, p.pair().width());
		assertTrue(p.groundTruth().orElseThrow().occlusionCounts()[2] == 0, "photo pairs know every pixel");
	}
}
