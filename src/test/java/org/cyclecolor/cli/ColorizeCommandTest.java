package org.cyclecolor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;

import ij.ImagePlus;
import ij.process.ImageProcessor;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.infer.BundledModel;
import org.cyclecolor.infer.ModelDescription;
import org.cyclecolor.infer.TestModels;

import picocli.CommandLine;

/** {@code cyclecolor colorize} and {@code cyclecolor cycle} through {@link Main}: files, JSON, exit codes and messages. */
class ColorizeCommandTest {

	@TempDir
	static Path dir;

	private static Path mono, color, model;

	record Run(int code, String out, String err) {}

	static Run run(String... args) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		CommandLine cl = Main.commandLine();
		cl.setOut(new PrintWriter(out));
		cl.setErr(new PrintWriter(err));
		int code = cl.execute(args);
		return new Run(code, out.toString(), err.toString());
	}

	@BeforeAll
	static void setUp() {
		model = TestModels.cyclecnn();
		mono = dir.resolve("mono.png");
		color = dir.resolve("color.png");
		ImageFiles.write(crop(ImageFiles.read(Path.of("sample-data", "sample-mono.png"))), mono, false);
		ImageFiles.write(crop(ImageFiles.read(Path.of("sample-data", "sample-color.png"))), color, false);
	}

	private static ImagePlus crop(ImagePlus imp) {
		ImageProcessor ip = imp.getProcessor().duplicate();
		ip.setRoi(100, 100, 200, 120);
		return new ImagePlus(imp.getTitle(), ip.crop());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(Run r) {
		return new Gson().fromJson(r.out(), Map.class);
	}

	@Test
	@SuppressWarnings("unchecked")
	void colorizeWritesTheResultAndMapsAndReportsDeviceAndStageTimes() {
		Path out = dir.resolve("out/result.png"), disparity = dir.resolve("out/d.tif");
		Run r = run("colorize", "--gray", mono.toString(), "--color", color.toString(), "-m", model.toString(), "-o", out.toString(),
			"--disparity", disparity.toString(), "--max-disparity", "30", "--device", "cpu", "--threads", "2", "--json");
		assertEquals(ExitCode.OK, r.code(), r.err());
		Map<String, Object> j = json(r);
		assertEquals("colorize", j.get("command"));
		assertEquals("cpu", j.get("device"));
		assertEquals("CPU requested", j.get("device_reason"));
		assertEquals("right", j.get("color_side"));
		assertEquals(30.0, j.get("max_disparity"));
		Map<String, Object> t = (Map<String, Object>) j.get("timings_ms");
		for (String stage : List.of("read", "open_model", "estimate", "shrink", "network", "upsample", "refine", "write", "total")) {
			assertTrue(t.containsKey(stage), "timing of " + stage + " in " + t);
		}
		assertEquals(out.toAbsolutePath().toString(), ((Map<String, Object>) j.get("outputs")).get("colorized"));
		assertEquals(ImagePlus.COLOR_RGB, ImageFiles.read(out).getType());
		assertEquals(2, ImageFiles.read(disparity).getStackSize());

		Run again = run("colorize", "--gray", mono.toString(), "--color", color.toString(), "-m", model.toString(), "-o", out.toString());
		assertEquals(ExitCode.INPUT, again.code());
		assertTrue(again.err().contains("already exists"), again.err());
	}

	@Test
	void cyclePrintsTheMeanCycleSsim() {
		Path map = dir.resolve("cycle.tif");
		Run r = run("cycle", "--gray", mono.toString(), "--color", color.toString(), "-m", model.toString(), "--map", map.toString(),
			"--color-side", "right", "--json");
		assertEquals(ExitCode.OK, r.code(), r.err());
		Map<String, Object> j = json(r);
		assertEquals("cycle", j.get("command"));
		double cbcr = (Double) j.get("cycle_ssim_cbcr");
		assertTrue(cbcr > 0 && cbcr <= 1, "cycle SSIM " + cbcr);
		assertEquals("paper", j.get("cycle_second_pass"));
		assertTrue(Files.isRegularFile(map));
		Run human = run("cycle", "--gray", mono.toString(), "--color", color.toString(), "-m", model.toString(), "--color-side", "right");
		assertEquals(ExitCode.OK, human.code(), human.err());
		assertTrue(human.out().startsWith("Cycle SSIM "), human.out());
	}

	@Test
	void theBundledModelIsNamedWithItsProvenanceNotByItsTemporaryFile() {
		Assumptions.assumeTrue(BundledModel.available(), "this build ships no default model");
		Path out = dir.resolve("bundled.png");
		Run colorize = run("colorize", "--gray", mono.toString(), "--color", color.toString(), "-o", out.toString(), "--max-disparity",
			"30", "--json");
		Run cycle = run("cycle", "--gray", mono.toString(), "--color", color.toString(), "--max-disparity", "30", "--json");
		ModelDescription bundled = BundledModel.description();
		for (Run r : List.of(colorize, cycle)) {
			assertEquals(ExitCode.OK, r.code(), r.err());
			Map<String, Object> j = json(r);
			assertEquals("bundled default model", j.get("model"));
			assertEquals(bundled.variant(), j.get("variant"));
			assertEquals(bundled.version(), j.get("model_version"));
			assertEquals(bundled.training(), j.get("model_training"));
			assertFalse(r.out().contains("cyclecolor-default-") || r.err().contains("cyclecolor-default-"), r.out() + r.err());
		}
	}

	@Test
	void badInputIsExitThreeAndABadOptionExitTwo() {
		Run swapped = run("colorize", "--gray", color.toString(), "--color", mono.toString(), "-m", model.toString(), "-o",
			dir.resolve("x.png").toString());
		assertEquals(ExitCode.INPUT, swapped.code());
		assertTrue(swapped.err().startsWith("error: ") && swapped.err().contains("swapped"), swapped.err());
		assertFalse(Files.exists(dir.resolve("x.png")));
		Run wide = run("colorize", "--gray", mono.toString(), "--color", color.toString(), "-m", model.toString(), "-o",
			dir.resolve("x.png").toString(), "--max-disparity", "200");
		assertEquals(ExitCode.INPUT, wide.code());
		assertTrue(wide.err().contains("between 1 and 199 pixels"), wide.err());
		Run word = run("colorize", "--gray", mono.toString(), "--color", color.toString(), "-m", model.toString(), "-o",
			dir.resolve("x.png").toString(), "--max-disparity", "lots");
		assertEquals(ExitCode.USAGE, word.code());
		assertTrue(word.err().contains("neither a whole number nor auto"), word.err());
		Run side = run("colorize", "--gray", mono.toString(), "--color", color.toString(), "-o", dir.resolve("x.png").toString(),
			"--color-side", "up");
		assertEquals(ExitCode.USAGE, side.code());
		assertTrue(side.err().contains("use auto, left or right"), side.err());
		Run cuda = run("colorize", "--gray", mono.toString(), "--color", color.toString(), "-m", model.toString(), "-o",
			dir.resolve("x.png").toString(), "--device", "cuda");
		if (!Files.exists(Path.of("/proc/driver/nvidia/version"))) {
			assertEquals(ExitCode.INPUT, cuda.code());
			assertTrue(cuda.err().contains("CUDA was requested but no NVIDIA driver was found"), cuda.err());
		}
	}

	/** Issue 17, items 2 and 3: the ground truth is an input too, and a wrong one is refused before any output is written. */
	@Test
	void theGroundTruthIsNeverOverwrittenAndAWrongOneStopsBeforeAnyOutput() throws java.io.IOException {
		for (String command : new String[] { "colorize", "cycle" }) {
			Path truth = dir.resolve(command + "-truth.png");
			Files.copy(color, truth, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			byte[] before = Files.readAllBytes(truth);
			Run over = run(command, "--gray", mono.toString(), "--color", color.toString(), "-m", model.toString(), "-o",
				truth.toString(), "--ground-truth", truth.toString(), "--composite", dir.resolve(command + "-c.png").toString(), "--overwrite");
			assertEquals(ExitCode.INPUT, over.code(), over.err());
			assertTrue(over.err().contains("is one of the input images"), over.err());
			assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(truth)), "the ground truth is untouched");
			assertFalse(Files.exists(dir.resolve(command + "-c.png")));

			Path small = dir.resolve(command + "-small.png");
			ImageFiles.write(new ImagePlus("small", new ij.process.ColorProcessor(20, 10)), small, true);
			Path out = dir.resolve(command + "-out.png"), map = dir.resolve(command + "-map.tif");
			String mapOption = command.equals("colorize") ? "--disparity" : "--map";
			Run wrong = run(command, "--gray", mono.toString(), "--color", color.toString(), "-m", model.toString(), "-o", out.toString(),
				mapOption, map.toString(), "--ground-truth", small.toString(), "--composite", dir.resolve(command + "-c.png").toString());
			assertEquals(ExitCode.INPUT, wrong.code(), wrong.err());
			assertTrue(wrong.err().contains("give the mono view's true colour at the same size"), wrong.err());
			assertFalse(Files.exists(out) || Files.exists(map) || Files.exists(dir.resolve(command + "-c.png")),
				"nothing is written by a command that refuses its input");
		}
	}

	/** Issue 17 item 7: a 1x1 pair colorizes (the guided model's matching prior has nothing to match), and the cycle check says why it cannot. */
	@Test
	void aOnePixelPairColorizesAndTheCycleCheckSaysWhyItCannot() {
		Path one = dir.resolve("one-mono.png"), oneColor = dir.resolve("one-color.png");
		ij.process.ByteProcessor m = new ij.process.ByteProcessor(1, 1);
		m.set(0, 0, 100);
		ij.process.ColorProcessor c = new ij.process.ColorProcessor(1, 1);
		c.set(0, 0, 0xC83220);
		ImageFiles.write(new ImagePlus("m", m), one, true);
		ImageFiles.write(new ImagePlus("c", c), oneColor, true);
		String guided = TestModels.guided().toString();
		Run colorize = run("colorize", "--gray", one.toString(), "--color", oneColor.toString(), "-m", guided, "-o",
			dir.resolve("one-out.png").toString(), "--color-side", "right", "--overwrite");
		assertEquals(ExitCode.OK, colorize.code(), colorize.err());
		// the cycle check cannot: its SSIM window is 11x11; one sentence before any work, no trace
		Run cycle = run("cycle", "--gray", one.toString(), "--color", oneColor.toString(), "-m", guided, "--color-side", "right");
		assertEquals(ExitCode.INPUT, cycle.code(), cycle.err());
		assertTrue(cycle.err().contains("The cycle check compares SSIM maps, which need images of at least 11x11 pixels (the SSIM window); "
			+ "this pair is 1x1."), cycle.err());
		assertFalse(cycle.err().contains("Exception") || cycle.err().contains("\tat "), cycle.err());
	}
}

