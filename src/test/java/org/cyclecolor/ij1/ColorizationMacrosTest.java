package org.cyclecolor.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cyclecolor.UserException;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.infer.BundledModel;
import org.cyclecolor.infer.TestModels;

/** The colorization functions of the macro facade, called from Java (no macro running: mistakes are thrown). */
class ColorizationMacrosTest {

	@TempDir
	static Path dir;

	private static String pair;

	@BeforeAll
	static void setUp() {
		Path sample = Path.of("sample-data").toAbsolutePath();
		pair = "gray=[" + sample.resolve("sample-mono.png") + "] color=[" + sample.resolve("sample-color.png") + "] model=["
			+ TestModels.cyclecnn() + "]";
	}

	private static Properties parse(String result) throws Exception {
		Properties p = new Properties();
		p.load(new StringReader(result));
		return p;
	}

	@Test
	void colorizeWritesItsOutputsAndReturnsTheSummary() throws Exception {
		Path out = dir.resolve("result.png"), conf = dir.resolve("confidence.tif");
		Properties r = parse(Macros.colorize(pair + " max_disparity=0 color_side=right scale=4 refine=false output=[" + out
			+ "] confidence=[" + conf + "]"));
		assertEquals("4", r.getProperty("scale"));
		assertEquals("estimated", r.getProperty("max_disparity_source"), "max_disparity=0 means automatic, as Fiji records it");
		assertEquals("false", r.getProperty("refined"));
		assertEquals(out.toAbsolutePath().toString(), r.getProperty("output"));
		assertEquals(2, ImageFiles.read(conf).getStackSize());
		String again = assertThrows(UserException.class, () -> Macros.colorize(pair + " output=[" + out + "]")).getMessage();
		assertTrue(again.contains("already exists"), again);
	}

	@Test
	void withoutAModelTheResultNamesTheBundledOneAndItsProvenance() throws Exception {
		Assumptions.assumeTrue(BundledModel.available(), "this build ships no default model");
		Path sample = Path.of("sample-data").toAbsolutePath();
		Properties r = parse(Macros.colorize("gray=[" + sample.resolve("sample-mono.png") + "] color=[" + sample.resolve("sample-color.png")
			+ "] max_disparity=40 color_side=right scale=4 output=[" + dir.resolve("bundled.png") + "]"));
		assertEquals("bundled default model", r.getProperty("model"));
		assertEquals(BundledModel.description().version(), r.getProperty("model_version"));
		assertTrue(r.getProperty("model_training").startsWith("trained by Cycle Colorization's trainer"), r.toString());
	}

	@Test
	void mistakesInTheOptionsAreSentences() {
		String typo = assertThrows(UserException.class, () -> Macros.colorize(pair + " max_disparty=40")).getMessage();
		assertTrue(typo.contains("Unknown option 'max_disparty' for colorize"), typo);
		String half = assertThrows(UserException.class, () -> Macros.colorize(pair + " max_disparity=40.5")).getMessage();
		assertTrue(half.contains("must be a whole number"), half);
		String missing = assertThrows(UserException.class, () -> Macros.cycleCheck("color=[x.png]")).getMessage();
		assertTrue(missing.contains("cycleCheck needs gray=[...]"), missing);
	}

	@Test
	void rectifyTakesTheCommandsKeysAndReturnsTheReport() throws Exception {
		Path sample = Path.of("sample-data").toAbsolutePath();
		Path g = dir.resolve("g.tif"), c = dir.resolve("c.png");
		Properties r = parse(Macros.rectify("gray=[" + sample.resolve("sample-mono.png") + "] color=[" + sample.resolve("sample-color.png")
			+ "] features=sift model=auto frame=full color_side=auto max_features=800 threshold=1.5 out_gray=[" + g + "] out_color=[" + c
			+ "]"));
		assertTrue(Integer.parseInt(r.getProperty("inliers")) > 50, r.toString());
		assertEquals("right", r.getProperty("color_side"), r.toString());
		assertTrue(Files.isRegularFile(g) && Files.isRegularFile(c));
		String bad = assertThrows(UserException.class, () -> Macros.rectify("gray=[" + sample.resolve("sample-mono.png") + "] color=["
			+ sample.resolve("sample-color.png") + "] features=orb")).getMessage();
		assertTrue(bad.contains("orb"), bad);
	}
}
