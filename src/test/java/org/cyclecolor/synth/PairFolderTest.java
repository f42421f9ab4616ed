package org.cyclecolor.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.testutil.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders and lists of ready-made pairs, and every way they can be broken. */
class PairFolderTest {

	private static final DatasetOptions RIGHT = DatasetOptions.defaults().withColorSide(ColorSide.RIGHT);

	/** A log that remembers its lines. */
	private static final class Log implements Progress {
		final List<String> lines = new ArrayList<>();

		@Override
		public void report(double fraction, String message) {}

		@Override
		public void log(String message) {
			lines.add(message);
		}

		@Override
		public boolean isCancelled() {
			return false;
		}
	}

	/**
	 * Writes mono/NAME.png (the luma of a test photo) and color/NAME.png, the photo seen from 8 px
	 * further right: mono(x) = color(x − 8), the colour camera on the right.
	 */
	private static void writePair(Path dir, String name, int w, int h, long seed) {
		RgbImage photo = TestPhotos.photo(w + 8, h, seed);
		RgbImage left = photo.crop(0, 0, w, h), right = photo.crop(8, 0, w, h);
		TestFiles.writeGray(Degradation.CLEAN.gray(left, null), dir.resolve("mono").resolve(name + ".png"));
		TestFiles.writeRgb(right, dir.resolve("color").resolve(name + ".png"));
	}

	@Test
	void readsMatchingNamesAndIgnoresOtherFiles(@TempDir Path tmp) throws IOException {
		writePair(tmp, "b", 96, 64, 2);
		writePair(tmp, "a", 96, 64, 1);
		Files.writeString(tmp.resolve("mono").resolve("notes.txt"), "exposure 1/60");
		Files.writeString(tmp.resolve("color").resolve(".DS_Store"), "");
		Log log = new Log();
		PairDataset d = PairFolder.open(tmp, RIGHT.withMaxDisparity(12), log);
		assertEquals(List.of("a", "b"), d.entries().stream().map(PairDataset.Entry::id).toList());
		assertTrue(d.problems().isEmpty());
		assertTrue(log.lines.stream().anyMatch(l -> l.contains("Ignored 1 file")), log.lines.toString());
		DatasetPair p = d.load(0);
		assertFalse(p.hasGroundTruth());
		assertEquals(ColorSide.RIGHT, p.pair().colorSide());
		assertEquals(12, p.pair().maxDisparity());
		assertEquals(96, p.pair().width());
		assertFalse(d.entries().get(0).groundTruth());
	}

	/** Without a given disparity, it is estimated from the images: the pairs are shifted by 8 px. */
	@Test
	void estimatesTheDisparityWhenNotGiven(@TempDir Path tmp) {
		writePair(tmp, "a", 160, 96, 1);
		MonoColorPair p = PairFolder.open(tmp, RIGHT, Progress.NONE).load(0).pair();
		assertTrue(p.maxDisparity() >= 8 && p.maxDisparity() <= 12, "estimate " + p.maxDisparity());
		assertEquals("estimate", p.provenance().get("max_disparity_from"));
	}

	@Test
	void matchesNamesAcrossFormats(@TempDir Path tmp) {
		writePair(tmp, "a", 64, 48, 1);
		RgbImage photo = TestPhotos.photo(64, 48, 2);
		TestFiles.writeGray(YCbCr.luma(photo), tmp.resolve("mono/c.tif"));
		TestFiles.writeRgb(photo, tmp.resolve("color/c.jpg"));
		assertEquals(2, PairFolder.open(tmp, RIGHT, Progress.NONE).size());
	}

	@Test
	void emptyFoldersSayWhatToPutThere(@TempDir Path tmp) throws IOException {
		Files.createDirectories(tmp.resolve("mono"));
		Files.createDirectories(tmp.resolve("color"));
		UserException e = assertThrows(UserException.class, () -> PairFolder.open(tmp, RIGHT, Progress.NONE));
		assertTrue(e.getMessage().contains("hold no images") && e.getMessage().contains("matching names"), e.getMessage());
		e = assertThrows(UserException.class, () -> PairFolder.open(tmp.resolve("mono"), RIGHT, Progress.NONE));
		assertTrue(e.getMessage().contains("needs mono/ and color/"), e.getMessage());
	}

	@Test
	void namesWithoutPartnersAreListedOrSkipped(@TempDir Path tmp) {
		writePair(tmp, "a", 64, 48, 1);
		TestFiles.writeGray(FloatPlane.filled(64, 48, 9), tmp.resolve("mono/lonely.png"));
		TestFiles.writeRgb(TestPhotos.photo(64, 48, 3), tmp.resolve("color/orphan.png"));
		UserException e = assertThrows(UserException.class, () -> PairFolder.open(tmp, RIGHT, Progress.NONE));
		String m = e.getMessage();
		assertTrue(m.contains("2 broken items"), m);
		assertTrue(m.contains(tmp.resolve("mono/lonely.png") + ": has no partner in color/ (expected color/lonely.png"), m);
		assertTrue(m.contains(tmp.resolve("color/orphan.png") + ": has no partner in mono/"), m);

		PairDataset d = PairFolder.open(tmp, RIGHT.withOnProblem(OnProblem.SKIP), Progress.NONE);
		assertEquals(1, d.size());
		assertEquals(2, d.problems().size());
		assertEquals("lonely", d.problems().get(0).item());
	}

	@Test
	void sizesThatDifferAreListedWithTheSizes(@TempDir Path tmp) {
		writePair(tmp, "a", 64, 48, 1);
		TestFiles.writeGray(FloatPlane.filled(64, 48, 9), tmp.resolve("mono/b.png"));
		TestFiles.writeRgb(TestPhotos.photo(32, 48, 3), tmp.resolve("color/b.png"));
		UserException e = assertThrows(UserException.class, () -> PairFolder.open(tmp, RIGHT, Progress.NONE));
		assertTrue(e.getMessage().contains("sizes differ: b.png is 64x48, b.png is 32x48"), e.getMessage());
		assertTrue(e.getMessage().contains(tmp.resolve("color/b.png").toString()), e.getMessage());
	}

	@Test
	void unreadableFilesAreListed(@TempDir Path tmp) throws IOException {
		writePair(tmp, "a", 64, 48, 1);
		writePair(tmp, "b", 64, 48, 2);
		Files.writeString(tmp.resolve("color/b.png"), "this is not a PNG");
		UserException e = assertThrows(UserException.class, () -> PairFolder.open(tmp, RIGHT, Progress.NONE));
		assertTrue(e.getMessage().contains(tmp.resolve("color/b.png") + ": b.png cannot be read as an image"), e.getMessage());
		PairDataset d = PairFolder.open(tmp, RIGHT.withOnProblem(OnProblem.SKIP), Progress.NONE);
		assertEquals(List.of("a"), d.entries().stream().map(PairDataset.Entry::id).toList());
	}

	@Test
	void twoImagesOfOneNameAreAProblem(@TempDir Path tmp) {
		writePair(tmp, "a", 64, 48, 1);
		TestFiles.writeGray(FloatPlane.filled(64, 48, 9), tmp.resolve("mono/a.tif"));
		UserException e = assertThrows(UserException.class, () -> PairFolder.open(tmp, RIGHT, Progress.NONE));
		assertTrue(e.getMessage().contains("two images with the same name"), e.getMessage());
	}

	@Test
	void everyPairBrokenIsAnErrorEvenWhenSkipping(@TempDir Path tmp) {
		TestFiles.writeGray(FloatPlane.filled(64, 48, 9), tmp.resolve("mono/a.png"));
		TestFiles.writeRgb(TestPhotos.photo(64, 48, 3), tmp.resolve("color/b.png"));
		UserException e = assertThrows(UserException.class,
			() -> PairFolder.open(tmp, RIGHT.withOnProblem(OnProblem.SKIP), Progress.NONE));
		assertTrue(e.getMessage().contains("has no usable pair"), e.getMessage());
	}

	@Test
	void theColourSideMustBeSaid(@TempDir Path tmp) {
		writePair(tmp, "a", 64, 48, 1);
		UserException e = assertThrows(UserException.class,
			() -> PairFolder.open(tmp, DatasetOptions.defaults(), Progress.NONE));
		assertTrue(e.getMessage().contains("Say where the colour camera is"), e.getMessage());
	}

	@Test
	void swappedFoldersAreRecognisedWhenLoading(@TempDir Path tmp) {
		RgbImage photo = TestPhotos.photo(64, 48, 1);
		TestFiles.writeRgb(photo, tmp.resolve("mono/a.png"));
		TestFiles.writeGray(YCbCr.luma(photo), tmp.resolve("color/a.png"));
		PairDataset d = PairFolder.open(tmp, RIGHT.withMaxDisparity(8), Progress.NONE);
		UserException e = assertThrows(UserException.class, () -> d.load(0));
		assertTrue(e.getMessage().contains("mono/a.png is a colour image") && e.getMessage().contains("swapped"), e.getMessage());
	}

	@Test
	void grayInTheColourFolderIsRefused(@TempDir Path tmp) {
		RgbImage photo = TestPhotos.photo(64, 48, 1);
		TestFiles.writeGray(YCbCr.luma(photo), tmp.resolve("mono/a.png"));
		TestFiles.writeGray(YCbCr.luma(photo), tmp.resolve("color/a.png"));
		PairDataset d = PairFolder.open(tmp, RIGHT.withMaxDisparity(8), Progress.NONE);
		UserException e = assertThrows(UserException.class, () -> d.load(0));
		assertTrue(e.getMessage().contains("color/a.png is a gray image"), e.getMessage());
	}

	@Test
	void sixteenBitMonoIsScaledAndGrayStoredAsRgbIsAccepted(@TempDir Path tmp) {
		RgbImage photo = TestPhotos.photo(64, 48, 1);
		FloatPlane g16 = new FloatPlane(64, 48);
		for (int i = 0; i < g16.size(); i++) g16.data()[i] = 257 * 100;
		TestFiles.writeGray16(g16, tmp.resolve("mono/a.png"));
		TestFiles.writeRgb(photo, tmp.resolve("color/a.png"));
		FloatPlane gray = YCbCr.luma(photo);
		TestFiles.writeRgb(RgbImage.ofGray(gray, 255), tmp.resolve("mono/b.png"));
		TestFiles.writeRgb(photo, tmp.resolve("color/b.png"));
		PairDataset d = PairFolder.open(tmp, RIGHT.withMaxDisparity(8), Progress.NONE);
		assertEquals(100, d.load(0).pair().gray().get(5, 5), 1e-3);
		assertEquals(Math.round(gray.get(7, 7)), d.load(1).pair().gray().get(7, 7), 1e-3);
	}

	@Test
	void noisePresetAppliesToReadyPairsButAMonoCameraCannot(@TempDir Path tmp) {
		writePair(tmp, "a", 64, 48, 1);
		PairDataset clean = PairFolder.open(tmp, RIGHT.withMaxDisparity(8), Progress.NONE);
		PairDataset noisy = PairFolder.open(tmp, RIGHT.withMaxDisparity(8).withDegradation(Degradation.NOISY), Progress.NONE);
		float[] a = clean.load(0).pair().gray().data(), b = noisy.load(0).pair().gray().data();
		double ss = 0;
		for (int i = 0; i < a.length; i++) ss += (a[i] - b[i]) * (a[i] - b[i]);
		double sigma = Math.sqrt(ss / a.length);
		assertTrue(sigma > 2 && sigma < 3.2, "gray noise σ " + sigma);
		assertArrayEquals(noisy.load(0).pair().gray().data(), noisy.load(0).pair().gray().data(), "deterministic");
		UserException e = assertThrows(UserException.class,
			() -> PairFolder.open(tmp, RIGHT.withDegradation(Degradation.CAMERA), Progress.NONE));
		assertTrue(e.getMessage().contains("ready-made gray"), e.getMessage());
	}

	// ---------------------------------------------------------------- list files

	@Test
	void listFileWithHeaderCommentsAndRelativePaths(@TempDir Path tmp) throws IOException {
		writePair(tmp.resolve("day1"), "x", 64, 48, 1);
		writePair(tmp.resolve("day2"), "x", 64, 48, 2);
		Path list = tmp.resolve("pairs.csv");
		Files.writeString(list, "mono,color\n# two days, same file names\nday1/mono/x.png, day1/color/x.png\n\n"
			+ "day2/mono/x.png,day2/color/x.png\n");
		PairDataset d = PairFolder.openList(list, RIGHT.withMaxDisparity(8), Progress.NONE);
		assertEquals(List.of("x", "x-line5"), d.entries().stream().map(PairDataset.Entry::id).toList());
		assertEquals(64, d.load(1).pair().width());
	}

	@Test
	void badListLinesAndMissingFilesAreListed(@TempDir Path tmp) throws IOException {
		writePair(tmp, "a", 64, 48, 1);
		Path list = tmp.resolve("pairs.txt");
		Files.writeString(list, "mono/a.png,color/a.png\nmono/a.png;color/a.png\nmono/zz.png,color/a.png\n");
		UserException e = assertThrows(UserException.class, () -> PairFolder.openList(list, RIGHT, Progress.NONE));
		assertTrue(e.getMessage().contains("line 2 is not 'mono,color'"), e.getMessage());
		assertTrue(e.getMessage().contains("zz.png is missing"), e.getMessage());
		Files.writeString(list, "# nothing yet\n");
		e = assertThrows(UserException.class, () -> PairFolder.openList(list, RIGHT, Progress.NONE));
		assertTrue(e.getMessage().contains("names no pairs"), e.getMessage());
	}

	// ---------------------------------------------------------------- the authors' layouts (shared data)

	@Test
	void cycleCnnRealPairsHaveTheColourCameraOnTheLeft() {
		Path root = SharedData.require("real-mono-color");
		PairDataset d = Datasets.open(root, DatasetOptions.defaults(), Progress.NONE);
		assertEquals(6, d.size());
		DatasetPair p = d.load(0);
		assertEquals(ColorSide.LEFT, p.pair().colorSide());
		assertEquals(48, p.pair().maxDisparity());
		assertEquals(256, p.pair().width());
		assertFalse(p.hasGroundTruth());
		assertNotNull(d.entries().get(0).files().get(PairFolder.AUTHORS_OUTPUT));
	}

	/**
	 * The AAAI-19 pairs: gray_left is the studio-range Y of the left ground truth; read as
	 * full-range luma it matches the truth's BT.601 luma to a fraction of a level.
	 */
	@Test
	void aaai19PairsReadWithFullRangeGrayAndTheirTruth() {
		Path root = SharedData.require("synthetic-mono-color");
		PairDataset d = Datasets.open(root, DatasetOptions.defaults(), Progress.NONE);
		assertEquals(12, d.size());
		DatasetPair p = d.load(0);
		assertEquals(ColorSide.RIGHT, p.pair().colorSide());
		GroundTruth t = p.groundTruth().orElseThrow();
		FloatPlane luma = YCbCr.luma(t.color());
		double ss = 0;
		for (int i = 0; i < luma.size(); i++) {
			double e = luma.data()[i] - p.pair().gray().data()[i];
			ss += e * e;
		}
		double rms = Math.sqrt(ss / luma.size());
		assertTrue(rms < 0.8, "RMS difference between the converted gray and the truth's luma " + rms);
		assertNotNull(d.entries().get(0).files().get(PairFolder.AUTHORS_OUTPUT));
	}
}
