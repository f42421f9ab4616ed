package org.cyclecolor.synth;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.process.FloatProcessor;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.method.ColorSide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The remaining errors a user can cause while opening datasets, each with its message. */
class BadInputTest {

	private static final DatasetOptions RIGHT = DatasetOptions.defaults().withColorSide(ColorSide.RIGHT).withMaxDisparity(8);

	private static void assertMessage(Executable e, String... parts) {
		String m = assertThrows(UserException.class, e).getMessage();
		for (String p : parts) assertTrue(m.contains(p), "'" + p + "' not in: " + m);
	}

	private static void writeFloat(Path p, int w, int h) {
		ImageFiles.write(new ImagePlus("f", new FloatProcessor(w, h)), p, true);
	}

	private static void pairFolder(Path dir) {
		TestFiles.writeGray(FloatPlane.filled(64, 48, 80), dir.resolve("mono/a.png"));
		TestFiles.writeRgb(TestPhotos.photo(64, 48, 1), dir.resolve("color/a.png"));
	}

	@Test
	void thirtyTwoBitImagesAreRefusedWithTheFix(@TempDir Path tmp) {
		writeFloat(tmp.resolve("mono/a.tif"), 64, 48);
		TestFiles.writeRgb(TestPhotos.photo(64, 48, 1), tmp.resolve("color/a.png"));
		PairDataset d = PairFolder.open(tmp, RIGHT, Progress.NONE);
		assertMessage(() -> d.load(0), "a.tif is 32-bit", "8- or 16-bit");
	}

	@Test
	void aColourDisparityMapIsRefused(@TempDir Path tmp) {
		TestFiles.writeRgb(TestPhotos.photo(16, 16, 1), tmp.resolve("d.png"));
		assertMessage(() -> PairImages.readFloat(tmp.resolve("d.png")), "d.png is a colour image", "single channel");
	}

	@Test
	void aFolderWithoutLeftAndRightIsNotAScene(@TempDir Path tmp) {
		assertMessage(() -> StereoScene.open(tmp), "is not a stereo scene", "left.png, right.png");
	}

	@Test
	void metaJsonWithoutFileNamesOrNumbers(@TempDir Path tmp) throws IOException {
		Files.writeString(tmp.resolve("meta.json"), "{\"left\": \"\", \"right\": \"r.png\"}");
		assertMessage(() -> StereoScene.open(tmp), "no file name under \"left\"");
		Files.writeString(tmp.resolve("meta.json"), "{\"left\": \"l.png\", \"right\": \"r.png\", \"disp_divisor\": \"four\"}");
		assertMessage(() -> StereoScene.open(tmp), "no number under \"disp_divisor\"");
		Files.writeString(tmp.resolve("meta.json"), "[1, 2]");
		assertMessage(() -> StereoScene.open(tmp), "is not a JSON object");
	}

	@Test
	void brokenManifestsSayWhatIsWrong(@TempDir Path tmp) throws IOException {
		pairFolder(tmp);
		Path m = tmp.resolve(PairManifest.FILE_NAME);
		Files.writeString(m, "{ not json");
		assertMessage(() -> PairFolder.open(tmp, RIGHT, Progress.NONE), "manifest.json is not valid JSON");
		Files.writeString(m, "{\"format\": \"something-else\", \"version\": 1, \"pairs\": []}");
		assertMessage(() -> PairFolder.open(tmp, RIGHT, Progress.NONE), "\"format\" is not \"cyclecolor-pairs\"",
			"remove it to match mono/ and color/ by file name");
		Files.writeString(m, "{\"format\": \"cyclecolor-pairs\", \"version\": 7, \"pairs\": []}");
		assertMessage(() -> PairFolder.open(tmp, RIGHT, Progress.NONE), "version 7", "update the suite");
		Files.writeString(m, "{\"format\": \"cyclecolor-pairs\", \"version\": 1}");
		assertMessage(() -> PairFolder.open(tmp, RIGHT, Progress.NONE), "no \"pairs\" list");
		Files.writeString(m, "{\"format\": \"cyclecolor-pairs\", \"version\": 1, \"pairs\": [{\"id\": \"a\", \"mono\": "
			+ "\"mono/a.png\", \"color\": \"color/a.png\", \"color_side\": \"up\", \"max_disparity\": 4}]}");
		assertMessage(() -> PairFolder.open(tmp, RIGHT, Progress.NONE), "pair number 1 lacks");
		// A manifest naming a file that is gone: listed like any broken pair.
		Files.writeString(m, "{\"format\": \"cyclecolor-pairs\", \"version\": 1, \"pairs\": [{\"id\": \"a\", \"mono\": "
			+ "\"mono/a.png\", \"color\": \"color/a.png\", \"gt_color\": \"gt/a-color.png\", \"color_side\": \"left\", "
			+ "\"max_disparity\": 4}]}");
		assertMessage(() -> PairFolder.open(tmp, RIGHT, Progress.NONE), "a-color.png is missing");
	}

	@Test
	void unreadableListFile(@TempDir Path tmp) throws IOException {
		Files.createDirectories(tmp.resolve("list.csv")); // a folder where a file is expected
		assertMessage(() -> PairFolder.openList(tmp.resolve("list.csv"), RIGHT, Progress.NONE), "Cannot read the list file");
	}

	@Test
	void pairFolderThatIsNeitherLayout(@TempDir Path tmp) throws IOException {
		Path pair = tmp.resolve("p");
		TestFiles.writeGray(FloatPlane.filled(32, 32, 5), pair.resolve("mono.png"));
		TestFiles.writeRgb(TestPhotos.photo(32, 32, 1), pair.resolve("color.png"));
		Files.createDirectories(tmp.resolve("junk"));
		assertMessage(() -> Datasets.open(tmp, RIGHT, Progress.NONE), "junk", "holds neither mono.* + color.*");
	}

	@Test
	void kindsThatDoNotFitThePath(@TempDir Path tmp) throws IOException {
		Path list = tmp.resolve("pairs.csv");
		Files.writeString(list, "a.png,b.png\n");
		assertMessage(() -> Datasets.open(list, RIGHT.withKind(DatasetOptions.Kind.STEREO), Progress.NONE),
			"is a file; stereo datasets are folders");
		assertMessage(() -> Datasets.open(list, RIGHT.withKind(DatasetOptions.Kind.PHOTOS), Progress.NONE),
			"photos datasets are folders");
		Files.createDirectories(tmp.resolve("photos"));
		Files.writeString(tmp.resolve("photos/readme.txt"), "none yet");
		assertMessage(() -> Datasets.open(tmp.resolve("photos"), RIGHT.withKind(DatasetOptions.Kind.PHOTOS), Progress.NONE),
			"holds no images");
		Files.writeString(tmp.resolve("photos/broken.png"), "not a png");
		assertMessage(() -> Datasets.open(tmp.resolve("photos"), RIGHT.withKind(DatasetOptions.Kind.PHOTOS), Progress.NONE),
			"broken.png: cannot be read as an image");
		assertMessage(() -> Datasets.open(null, RIGHT, Progress.NONE), "No dataset was given");
	}

	@Test
	void impossibleOptions() {
		assertMessage(() -> DatasetOptions.defaults().withMaxDisparity(-3), "maximum disparity must be positive");
		assertMessage(() -> DatasetOptions.defaults().withPhotos(PhotoStereo.Settings.DEFAULT, 0), "between 1 and 1000");
	}
}
