package org.cyclecolor.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cyclecolor.UserException;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.metrics.MetricsOracleTestAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The macro facade called from Java (no macro running: mistakes surface as exceptions). */
class MacrosTest {

	@TempDir
	Path dir;

	private static String fixture(String name) throws Exception {
		return Paths.get(MetricsOracleTestAccess.class.getResource("synthetic/" + name).toURI()).toString();
	}

	/** The result lines as a map, the way List.setList reads them. */
	static Map<String, String> list(String result) {
		Map<String, String> m = new LinkedHashMap<>();
		for (String line : result.split("\n")) {
			int eq = line.indexOf('=');
			m.put(line.substring(0, eq), line.substring(eq + 1));
		}
		return m;
	}

	@Test
	void optionsFollowImageJSyntax() {
		MacroOptions o = new MacroOptions("f", " Image1=[a b.png] image2=c.png  overwrite data_range=255 ", "image1",
			"image2", "overwrite", "data_range", "mode");
		assertEquals("a b.png", o.string("image1", null));
		assertEquals("c.png", o.string("image2", null));
		assertTrue(o.flag("overwrite"));
		assertFalse(o.flag("mode"));
		assertEquals(255, o.number("data_range", 0));
		assertEquals("luminance", o.string("mode", "luminance"));
		UserException typo = assertThrows(UserException.class, () -> new MacroOptions("ssimMap", "imag1=x", "image1", "image2"));
		assertTrue(typo.getMessage().contains("Unknown option 'imag1' for ssimMap; the options are image1, image2"),
			typo.getMessage());
		UserException open = assertThrows(UserException.class, () -> new MacroOptions("f", "image1=[x", "image1"));
		assertTrue(open.getMessage().contains("never closed"), open.getMessage());
		assertThrows(UserException.class, () -> new MacroOptions("f", "data_range=abc", "data_range").number("data_range", 0));
		UserException missing = assertThrows(UserException.class, () -> new MacroOptions("ssimMap", "", "image1")
			.required("image1", "the first image"));
		assertTrue(missing.getMessage().contains("ssimMap needs image1=[...]: the first image."), missing.getMessage());
	}

	@Test
	void resultsAreKeyValueLines() {
		String r = new MacroResult().put("ssim", 0.123456789012).put("n", 3.0).put("list", List.of("a", "b"))
			.put("skip", null).put("text", "two\nlines").toString();
		assertEquals("ssim=0.123456789\nn=3\nlist=a,b\ntext=two lines", r);
	}

	@Test
	@SuppressWarnings("unchecked")
	void ssimMapWritesFilesAndReturnsTheOracleNumbers() throws Exception {
		Path map = dir.resolve("m.tif"), lcs = dir.resolve("lcs.tif");
		Map<String, String> r = list(Macros.ssimMap("image1=[" + fixture("rgb-a.png") + "] image2=[" + fixture("rgb-b.png")
			+ "] mode=cbcr output=[" + map + "] components=[" + lcs + "]"));
		Map<String, Object> c = MetricsOracleTestAccess.synthetic("rgb 64x48 blur+noise+colour");
		double expected = ((Number) ((Map<String, Map<String, Object>>) c.get("modes")).get("cbcr").get("ssim")).doubleValue();
		assertEquals(expected, Double.parseDouble(r.get("ssim")), 1e-4);
		assertEquals("cb,cr", r.get("channels"));
		assertEquals(map.toAbsolutePath().toString(), r.get("output"));
		assertTrue(r.containsKey("structure") && r.containsKey("ssim_cb"));
		assertEquals(32, ImageFiles.read(map).getBitDepth());
		assertEquals(3, ImageFiles.read(lcs).getStackSize());
		UserException exists = assertThrows(UserException.class, () -> Macros.ssimMap("image1=[" + fixture("rgb-a.png")
			+ "] image2=[" + fixture("rgb-b.png") + "] output=[" + map + "]"));
		assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());
		Files.delete(lcs);
		list(Macros.ssimMap("image1=[" + fixture("rgb-a.png") + "] image2=[" + fixture("rgb-b.png") + "] output=[" + map
			+ "] overwrite"));
	}

	@Test
	void trainNamesWhatIsMissingOrWrongBeforeAnyWork() {
		UserException e = assertThrows(UserException.class, () -> Macros.train("output=[" + dir.resolve("m.onnx") + "]"));
		assertTrue(e.getMessage().startsWith("train needs data=[...]: the training data"), e.getMessage());
		e = assertThrows(UserException.class, () -> Macros.train("data=[" + dir + "] output=[" + dir.resolve("m.onnx") + "] steps=2.5"));
		assertEquals("The option steps=2.5 must be a whole number.", e.getMessage());
		e = assertThrows(UserException.class, () -> Macros.train("data=[" + dir + "] output=[" + dir.resolve("m.onnx") + "] epochs=3"));
		assertTrue(e.getMessage().contains("epochs"), e.getMessage());
		assertFalse(Files.exists(dir.resolve("m.onnx")));
	}

	@Test
	void imagesAreFilesOrTitlesOfOpenImages() {
		UserException e = assertThrows(UserException.class, () -> Macros.ssimMap("image1=[no such] image2=[x]"));
		assertTrue(e.getMessage().contains("no file and no open image called 'no such'"), e.getMessage());
		UserException mode = assertThrows(UserException.class, () -> Macros.ssimMap("image1=[" + fixture("gray-a.png")
			+ "] image2=[" + fixture("gray-b.png") + "] mode=hsv"));
		assertTrue(mode.getMessage().contains("Unknown SSIM mode"), mode.getMessage());
	}

	@Test
	void versionIsTheSuites() {
		assertEquals(org.cyclecolor.Version.get(), Macros.version());
	}
}
