package org.cyclecolor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.synth.DatasetOptions;
import org.cyclecolor.synth.DatasetPair;
import org.cyclecolor.synth.Datasets;
import org.cyclecolor.synth.Degradation;
import org.cyclecolor.synth.GroundTruth;
import org.cyclecolor.synth.MonoColorProtocol;
import org.cyclecolor.synth.PairDataset;
import org.cyclecolor.synth.PhotoStereo;
import org.cyclecolor.synth.StereoViews;
import org.cyclecolor.synth.TestFiles;
import org.cyclecolor.synth.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class SynthesizeCommandTest {

	private final StringWriter out = new StringWriter();
	private final StringWriter err = new StringWriter();

	private int run(String... args) {
		out.getBuffer().setLength(0);
		err.getBuffer().setLength(0);
		CommandLine cl = Main.commandLine();
		cl.setOut(new PrintWriter(out));
		cl.setErr(new PrintWriter(err));
		return cl.execute(args);
	}

	/** Two stereo scenes with meta.json and the left disparity stored ×4 (made from test photos). */
	private static Path stereoFolder(Path tmp) throws IOException {
		Path root = tmp.resolve("stereo");
		for (int s = 1; s <= 2; s++) {
			Path dir = root.resolve("scene" + s);
			StereoViews v = PhotoStereo.synthesize("s", TestPhotos.photo(96, 64, s), new PhotoStereo.Settings(12, 1, 2), s);
			TestFiles.writeRgb(v.left(), dir.resolve("left.png"));
			TestFiles.writeRgb(v.right(), dir.resolve("right.png"));
			FloatPlane stored = new FloatPlane(96, 64);
			for (int i = 0; i < stored.size(); i++) stored.data()[i] = Math.round(4 * v.leftDisparity().data()[i]);
			TestFiles.writeGray(stored, dir.resolve("disp0.png"));
			Files.writeString(dir.resolve("meta.json"), "{\"left\": \"left.png\", \"right\": \"right.png\", "
				+ "\"disp_left\": \"disp0.png\", \"disp_divisor\": 4}");
		}
		return root;
	}

	/**
	 * The written folder reads back as a pairs dataset with exactly the pixels and ground truth the
	 * dataset gives in memory.
	 */
	@Test
	void writesAFolderThatReadsBackExactly(@TempDir Path tmp) throws IOException {
		Path from = stereoFolder(tmp), dir = tmp.resolve("out");
		int code = run("synthesize", "--from", from.toString(), "-o", dir.toString(), "--preset", "noisy", "--gray-view", "both",
			"--seed", "5", "--json");
		assertEquals(ExitCode.OK, code, err.toString());
		JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
		assertEquals(4, json.get("pairs").getAsInt());
		assertEquals(4, json.get("with_ground_truth").getAsInt());
		assertEquals("scene1-grayleft", json.getAsJsonArray("ids").get(0).getAsString());
		for (String f : new String[] { "manifest.json", "mono/scene2-grayright.png", "color/scene2-grayright.png",
			"gt/scene2-grayright-color.png", "gt/scene2-grayright-disparity.tif", "gt/scene2-grayright-occlusion.png" })
		{
			assertTrue(Files.isRegularFile(dir.resolve(f)), f);
		}
		assertTrue(Files.readString(dir.resolve("manifest.json")).contains("cyclecolor synthesize --from"));

		PairDataset memory = Datasets.open(from, DatasetOptions.defaults().withDegradation(Degradation.NOISY).withSeed(5)
			.withGrayView(MonoColorProtocol.GrayView.BOTH), Progress.NONE);
		PairDataset disk = Datasets.open(dir, DatasetOptions.defaults(), Progress.NONE);
		assertEquals(memory.size(), disk.size());
		for (int i = 0; i < memory.size(); i++) {
			DatasetPair a = memory.load(i), b = disk.load(i);
			assertEquals(a.id(), b.id());
			assertEquals(a.pair().colorSide(), b.pair().colorSide());
			assertEquals(a.pair().maxDisparity(), b.pair().maxDisparity());
			assertArrayEquals(a.pair().gray().data(), b.pair().gray().data(), a.id() + " gray");
			for (int c = 0; c < 3; c++) {
				assertArrayEquals(a.pair().color().channel(c).data(), b.pair().color().channel(c).data(), a.id() + " colour");
			}
			GroundTruth ta = a.groundTruth().orElseThrow(), tb = b.groundTruth().orElseThrow();
			float[] ca = ta.color().r().data(), cb = tb.color().r().data();
			for (int k = 0; k < ca.length; k++) assertEquals(Math.round(ca[k]), cb[k], 1e-9, a.id() + " truth (8-bit)");
			assertArrayEquals(ta.disparity().data(), tb.disparity().data(), a.id() + " disparity, NaN where unknown");
			assertArrayEquals(ta.occlusion().data(), tb.occlusion().data(), a.id() + " occlusion");
		}
		assertEquals(ColorSide.LEFT, disk.load(1).pair().colorSide());
	}

	@Test
	void refusesToOverwriteUnlessAsked(@TempDir Path tmp) throws IOException {
		Path from = stereoFolder(tmp), dir = tmp.resolve("out");
		assertEquals(ExitCode.OK, run("synthesize", "--from", from.toString(), "-o", dir.toString()));
		byte[] before = Files.readAllBytes(dir.resolve("mono/scene1.png"));
		assertEquals(ExitCode.INPUT, run("synthesize", "--from", from.toString(), "-o", dir.toString(), "--preset", "noisy"));
		assertTrue(err.toString().contains("already exists") && err.toString().contains("--overwrite"), err.toString());
		assertArrayEquals(before, Files.readAllBytes(dir.resolve("mono/scene1.png")));
		assertEquals(ExitCode.OK, run("synthesize", "--from", from.toString(), "-o", dir.toString(), "--preset", "noisy",
			"--overwrite"));
		assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve("mono/scene1.png"))));
	}

	@Test
	void brokenScenesStopTheRunOrAreSkippedAndListed(@TempDir Path tmp) throws IOException {
		Path from = stereoFolder(tmp), dir = tmp.resolve("out");
		Files.writeString(from.resolve("scene2/right.png"), "broken");
		assertEquals(ExitCode.INPUT, run("synthesize", "--from", from.toString(), "-o", dir.toString()));
		assertTrue(err.toString().contains("right.png cannot be read as an image"), err.toString());
		assertFalse(Files.exists(dir.resolve("manifest.json")));
		assertEquals(ExitCode.OK, run("synthesize", "--from", from.toString(), "-o", dir.toString(), "--skip-broken", "--json"));
		JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
		assertEquals(1, json.get("pairs").getAsInt());
		assertEquals("scene2", json.getAsJsonArray("skipped").get(0).getAsJsonObject().get("item").getAsString());
	}

	/** Pairs that open but all fail to load (mono images in colour): nothing to write, each failure listed. */
	@Test
	void everyPairFailingIsAnError(@TempDir Path tmp) {
		Path from = tmp.resolve("rig");
		for (String name : new String[] { "a", "b" }) {
			TestFiles.writeRgb(TestPhotos.photo(64, 48, 1), from.resolve("mono/" + name + ".png"));
			TestFiles.writeRgb(TestPhotos.photo(64, 48, 2), from.resolve("color/" + name + ".png"));
		}
		assertEquals(ExitCode.INPUT, run("synthesize", "--from", from.toString(), "-o", tmp.resolve("out").toString(),
			"--color-side", "left", "--max-disparity", "8", "--skip-broken"));
		assertTrue(err.toString().contains("No pair could be written") && err.toString().contains("mono/b.png is a colour image"),
			err.toString());
		assertFalse(Files.exists(tmp.resolve("out/manifest.json")));
	}

	/** A simulated mono camera with more gain gives a brighter mono image than the plain luma. */
	@Test
	void cameraOptionsTurnTheSimulatedCamerasOn(@TempDir Path tmp) throws IOException {
		Path from = stereoFolder(tmp);
		assertEquals(ExitCode.OK, run("synthesize", "--from", from.toString(), "-o", tmp.resolve("a").toString(), "--limit", "1"));
		assertEquals(ExitCode.OK, run("synthesize", "--from", from.toString(), "-o", tmp.resolve("b").toString(), "--limit", "1",
			"--mono-gain", "1.6", "--mono-blur", "0.7", "--color-white-balance", "1.1,1,0.8", "--json"));
		JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
		assertTrue(json.get("degradation").getAsString().startsWith("custom: gray through camera"), json.toString());
		PairDataset a = Datasets.open(tmp.resolve("a"), DatasetOptions.defaults(), Progress.NONE);
		PairDataset b = Datasets.open(tmp.resolve("b"), DatasetOptions.defaults(), Progress.NONE);
		assertEquals(1, b.size());
		double meanA = a.load(0).pair().gray().mean(), meanB = b.load(0).pair().gray().mean();
		assertTrue(meanB > meanA * 1.1, "gain 1.6: mean " + meanB + " vs " + meanA);
		assertTrue(b.load(0).pair().color().b().mean() < a.load(0).pair().color().b().mean() - 5, "blue white balance 0.8");
	}

	@Test
	void photosBecomeSeveralPairsEach(@TempDir Path tmp) {
		TestFiles.writeRgb(TestPhotos.photo(128, 96, 1), tmp.resolve("photos/a.png"));
		TestFiles.writeRgb(TestPhotos.photo(128, 96, 2), tmp.resolve("photos/b.png"));
		assertEquals(ExitCode.OK, run("synthesize", "--from", tmp.resolve("photos").toString(), "-o", tmp.resolve("out").toString(),
			"--pairs-per-photo", "2", "--photo-max-disparity", "16", "--photo-objects", "2-3", "--gray-view", "right", "--json"));
		JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
		assertEquals(4, json.get("pairs").getAsInt());
		assertEquals("b-01", json.getAsJsonArray("ids").get(3).getAsString());
	}

	@Test
	void badOptionsAreExplained(@TempDir Path tmp) throws IOException {
		Path from = stereoFolder(tmp);
		String o = tmp.resolve("out").toString();
		assertEquals(ExitCode.INPUT, run("synthesize", "--from", from.toString(), "-o", o, "--photo-objects", "some"));
		assertTrue(err.toString().contains("--photo-objects takes a number or a range"), err.toString());
		assertEquals(ExitCode.INPUT, run("synthesize", "--from", from.toString(), "-o", o, "--mono-weights", "1,2"));
		assertTrue(err.toString().contains("--mono-weights takes three numbers"), err.toString());
		assertEquals(ExitCode.INPUT, run("synthesize", "--from", from.toString(), "-o", o, "--color-side", "up"));
		assertTrue(err.toString().contains("--color-side takes left or right"), err.toString());
		assertEquals(ExitCode.INPUT, run("synthesize", "--from", from.toString(), "-o", o, "--preset", "grainy"));
		assertTrue(err.toString().contains("use clean, noisy, mixed or camera"), err.toString());
		assertEquals(ExitCode.INPUT, run("synthesize", "--from", from.toString(), "-o", o, "--mono-noise", "-1"));
		assertEquals(ExitCode.INPUT, run("synthesize", "--from", from.toString(), "-o", o, "--limit", "-1"));
		assertTrue(err.toString().contains("--limit must be 0 (all) or a positive number"), err.toString());
		assertEquals(ExitCode.INPUT, run("synthesize", "--from", from.toString(), "-o", o, "--mono-gain", "0"));
		assertTrue(err.toString().contains("--mono-gain must be a positive number"), err.toString());
		assertEquals(ExitCode.USAGE, run("synthesize", "--from", from.toString()));
		assertEquals(ExitCode.USAGE, run("synthesize", "--from", from.toString(), "-o", o, "--gray-view", "middle"));
	}
}
