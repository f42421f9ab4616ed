package org.cyclecolor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import com.google.gson.Gson;

import ij.ImagePlus;

import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.metrics.MetricsOracleTestAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code cyclecolor ssim} through {@link Main}: exit codes, output files, JSON, the oracle's numbers. */
class SsimCommandTest {

	@TempDir
	Path dir;

	/** Exit code, standard output and the error writer's text of one run. */
	static final class Run {
		int code;
		String out, err;
	}

	static Run run(String... args) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		CommandLine cl = Main.commandLine();
		cl.setOut(new PrintWriter(out));
		cl.setErr(new PrintWriter(err));
		Run r = new Run();
		r.code = cl.execute(args);
		r.out = out.toString();
		r.err = err.toString();
		return r;
	}

	static String fixture(String name) throws URISyntaxException {
		return Paths.get(MetricsOracleTestAccess.class.getResource("synthetic/" + name).toURI()).toString();
	}

	@SuppressWarnings("unchecked")
	private static double expected(String fixture, String mode) {
		Map<String, Object> c = MetricsOracleTestAccess.synthetic(fixture);
		return ((Number) ((Map<String, Map<String, Object>>) c.get("modes")).get(mode).get("ssim")).doubleValue();
	}

	@Test
	void printsTheMeanThatScikitImageComputes() throws Exception {
		Run r = run("ssim", fixture("rgb-a.png"), fixture("rgb-b.png"));
		assertEquals(ExitCode.OK, r.code, r.err);
		double ssim = Double.parseDouble(r.out.replaceFirst("(?s)^SSIM ([0-9.]+).*", "$1"));
		assertEquals(expected("rgb 64x48 blur+noise+colour", "luminance"), ssim, 1e-4);
	}

	@Test
	@SuppressWarnings("unchecked")
	void writesTheMapAndComponentsAndAJsonSummary() throws Exception {
		Path map = dir.resolve("map.tif"), lcs = dir.resolve("sub/lcs.tif");
		Run r = run("ssim", "--mode", "cbcr", "-o", map.toString(), "--components", lcs.toString(), "--json",
			fixture("rgb-a.png"), fixture("rgb-b.png"));
		assertEquals(ExitCode.OK, r.code, r.err);
		Map<String, Object> json = new Gson().fromJson(r.out, Map.class);
		assertEquals("ssim", json.get("command"));
		assertEquals("cbcr", json.get("mode"));
		assertEquals(expected("rgb 64x48 blur+noise+colour", "cbcr"), (Double) json.get("ssim"), 1e-4);
		assertTrue(json.containsKey("ssim_cb") && json.containsKey("ssim_cr") && json.containsKey("structure"));
		assertEquals(map.toAbsolutePath().toString(), ((Map<String, Object>) json.get("outputs")).get("map"));
		assertTrue(((Map<String, Object>) json.get("timings_ms")).containsKey("ssim"));
		ImagePlus m = ImageFiles.read(map);
		assertEquals(32, m.getBitDepth());
		assertEquals(64, m.getWidth());
		double sum = 0;
		for (int y = 5; y < 48 - 5; y++) {
			for (int x = 5; x < 64 - 5; x++) sum += m.getProcessor().getf(x, y);
		}
		assertEquals((Double) json.get("ssim"), sum / (54 * 38), 1e-6, "the saved map averages to the printed mean");
		assertTrue(m.getOverlay() != null && m.getOverlay().size() > 0, "the calibration bar is saved with the map");
		ImagePlus c = ImageFiles.read(lcs);
		assertEquals(3, c.getStackSize());
	}

	@Test
	void sixteenBitInputsUseTheirTypeRange() throws Exception {
		Run r = run("ssim", "--json", fixture("gray16-a.pgm"), fixture("gray16-b.png"));
		assertEquals(ExitCode.OK, r.code, r.err);
		@SuppressWarnings("unchecked")
		Map<String, Object> json = new Gson().fromJson(r.out, Map.class);
		assertEquals(65535.0, json.get("data_range"));
		assertEquals(expected("16-bit gray 48x40 (PGM and PNG)", "luminance"), (Double) json.get("ssim"), 1e-4);
	}

	@Test
	void neverOverwritesUnlessAskedAndNeverAnInput() throws Exception {
		Path map = dir.resolve("map.tif");
		Files.writeString(map, "precious");
		Run r = run("ssim", "-o", map.toString(), fixture("gray-a.png"), fixture("gray-b.png"));
		assertEquals(ExitCode.INPUT, r.code);
		assertTrue(r.err.contains("already exists") && r.err.contains("--overwrite"), r.err);
		assertEquals("precious", Files.readString(map));
		assertEquals(ExitCode.OK, run("ssim", "-o", map.toString(), "--overwrite", fixture("gray-a.png"),
			fixture("gray-b.png")).code);
		assertEquals(32, ImageFiles.read(map).getBitDepth());

		Path input = Files.copy(Paths.get(fixture("gray-a.png")), dir.resolve("a.tif"));
		Run self = run("ssim", "-o", input.toString(), "--overwrite", input.toString(), fixture("gray-b.png"));
		assertEquals(ExitCode.INPUT, self.code);
		assertTrue(self.err.contains("is one of the input images"), self.err);
	}

	@Test
	void inputMistakesExitWithThreeAndOneSentence() throws Exception {
		Run png = run("ssim", "-o", dir.resolve("map.png").toString(), fixture("gray-a.png"), fixture("gray-b.png"));
		assertEquals(ExitCode.INPUT, png.code);
		assertTrue(png.err.contains("save it as map.tif"), png.err);
		assertFalse(Files.exists(dir.resolve("map.png")));

		Run missing = run("ssim", dir.resolve("none.png").toString(), fixture("gray-b.png"));
		assertEquals(ExitCode.INPUT, missing.code);
		assertTrue(missing.err.contains("does not exist"), missing.err);

		Run sizes = run("ssim", fixture("gray-a.png"), fixture("rgb-a.png"));
		assertEquals(ExitCode.INPUT, sizes.code);
		assertTrue(sizes.err.contains("differ in size"), sizes.err);

		Path garbage = Files.writeString(dir.resolve("g.png"), "no image");
		Run unreadable = run("ssim", garbage.toString(), fixture("gray-b.png"));
		assertEquals(ExitCode.INPUT, unreadable.code);
		assertTrue(unreadable.err.contains("cannot read g.png"), unreadable.err);
	}

	@Test
	void commandLineMistakesExitWithTwo() throws IOException, URISyntaxException {
		Run mode = run("ssim", "--mode", "hsv", fixture("gray-a.png"), fixture("gray-b.png"));
		assertEquals(ExitCode.USAGE, mode.code);
		assertTrue(mode.err.contains("Unknown SSIM mode 'hsv'") && mode.err.contains("--help"), mode.err);
		assertEquals(ExitCode.USAGE, run("ssim", "--data-range", "-1", fixture("gray-a.png"), fixture("gray-b.png")).code);
		assertEquals(ExitCode.USAGE, run("ssim", fixture("gray-a.png")).code);
		assertEquals(ExitCode.USAGE, run("simm").code);
		Run help = run("ssim", "--help");
		assertEquals(ExitCode.OK, help.code);
		assertTrue(help.out.contains("--data-range") && help.out.contains("Exit codes"), help.out);
	}
}
