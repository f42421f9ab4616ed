package org.cyclecolor.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Paths;

import ij.ImagePlus;
import ij.process.ImageProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.module.ModuleItem;

import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.infer.TestModels;

/** Colorize..., Cycle Check... and Weight Volume... as Fiji runs them: through a SciJava context, headless. */
class ColorizationCommandsTest {

	private static FijiContext fiji;
	private static ImagePlus mono, color;
	private static File model;

	@BeforeAll
	static void start() {
		fiji = new FijiContext();
		model = TestModels.cyclecnn().toFile();
		mono = crop(ImageFiles.read(Paths.get("sample-data", "sample-mono.png")));
		color = crop(ImageFiles.read(Paths.get("sample-data", "sample-color.png")));
	}

	@AfterAll
	static void stop() {
		fiji.close();
	}

	private static ImagePlus crop(ImagePlus imp) {
		ImageProcessor ip = imp.getProcessor().duplicate();
		ip.setRoi(64, 64, 256, 160);
		return new ImagePlus(imp.getTitle(), ip.crop());
	}

	@Test
	void menuEntriesAndMacroKeysAreAsDocumented() {
		String[] shared = { "gray", "color", "model", "max_disparity", "color_side", "scale", "refine", "upsampler", "device", "threads" };
		Object[][] expected = { { ColorizeCommand.class, "Colorize...", new String[] { "show_weights", "show_disparity", "show_confidence",
			"composite", "ground_truth" } }, { CycleCheckCommand.class, "Cycle Check...", new String[] { "authors_second_pass", "composite",
				"ground_truth" } },
			{ WeightVolumeCommand.class, "Weight Volume...", new String[0] } };
		for (Object[] e : expected) {
			@SuppressWarnings("unchecked")
			CommandInfo info = fiji.info((Class<? extends Command>) e[0]);
			assertNotNull(info, e[1].toString());
			assertEquals("[Plugins, Cycle Colorization, " + e[1] + "]", info.getMenuPath().toString());
			assertTrue(info.canRunHeadless());
			for (String key : shared) assertNotNull(info.getInput(key), e[1] + " has " + key);
			for (String key : (String[]) e[2]) assertNotNull(info.getInput(key), e[1] + " has " + key);
			for (ModuleItem<?> in : info.inputs()) {
				if (in.getName().matches("log|status|ui|context|gray|color")) continue;
				assertTrue(in.getName().matches("[a-z][a-z0-9_]*"), "macro key '" + in.getName() + "' is snake_case");
				assertFalse(in.isPersisted(), e[1] + ": " + in.getName() + " does not persist");
			}
		}
	}

	@Test
	void colorizeShowsTheResultAndTheMapsAskedFor() throws Exception {
		CommandModule m = fiji.run(ColorizeCommand.class, "gray", mono, "color", color, "model", model, "max_disparity", 40,
			"color_side", "right", "show_disparity", true);
		assertFalse(m.isCanceled(), m.getCancelReason());
		ImagePlus out = (ImagePlus) m.getOutput("colorized");
		assertEquals(ImagePlus.COLOR_RGB, out.getType());
		assertEquals(256, out.getWidth());
		assertNotNull(m.getOutput("disparity"));
		assertNull(m.getOutput("weight_volume"));
	}

	@Test
	void cycleCheckGivesTheMapTheReconstructionAndATableRow() throws Exception {
		CommandModule m = fiji.run(CycleCheckCommand.class, "gray", mono, "color", color, "model", model);
		assertFalse(m.isCanceled(), m.getCancelReason());
		ImagePlus map = (ImagePlus) m.getOutput("cycle_map");
		assertEquals(32, map.getBitDepth());
		assertNotNull(m.getOutput("reconstruction"));
		CycleCheckCommand c = (CycleCheckCommand) m.getDelegateObject();
		double mean = (Double) c.result().summary().get("cycle_ssim_cbcr");
		assertTrue(mean > -1 && mean <= 1, "mean " + mean);
	}

	@Test
	void theCompositeOptionShowsTheFigureWithTheGroundTruthPanel() throws Exception {
		java.nio.file.Path truth = java.nio.file.Files.createTempDirectory("cyclecolor-truth").resolve("truth.png");
		org.cyclecolor.image.ImageFiles.write(crop(org.cyclecolor.image.ImageFiles.read(java.nio.file.Paths.get("sample-data",
			"sample-gt-color.png"))), truth, false);
		CommandModule m = fiji.run(CycleCheckCommand.class, "gray", mono, "color", color, "model", model, "composite", true,
			"ground_truth", truth.toFile());
		assertFalse(m.isCanceled(), m.getCancelReason());
		ImagePlus figure = (ImagePlus) m.getOutput("figure");
		assertEquals(ImagePlus.COLOR_RGB, figure.getType());
		assertTrue(figure.getWidth() > 5 * 256, "five panels of 256 px: " + figure.getWidth());
		String info = (String) figure.getProperty("Info");
		assertTrue(info.contains("panel Ground truth") && info.contains("panel Cycle SSIM") && info.contains("colour bar"), info);
		assertNull(fiji.run(ColorizeCommand.class, "gray", mono, "color", color, "model", model).getOutput("figure"),
			"no figure unless asked");
	}

	@Test
	void weightVolumeGivesTheHyperstackAndTheMaps() throws Exception {
		CommandModule m = fiji.run(WeightVolumeCommand.class, "gray", mono, "color", color, "model", model, "scale", 2);
		assertFalse(m.isCanceled(), m.getCancelReason());
		ImagePlus w = (ImagePlus) m.getOutput("weight_volume");
		assertEquals(48, w.getNSlices());
		assertEquals(128, w.getWidth());
		assertNotNull(m.getOutput("disparity"));
		assertNotNull(m.getOutput("confidence"));
	}

	@Test
	void aMistakeCancelsWithItsSentence() throws Exception {
		CommandModule m = fiji.run(ColorizeCommand.class, "gray", color, "color", mono, "model", model);
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("swapped"), m.getCancelReason());
		CommandModule n = fiji.run(ColorizeCommand.class, "gray", mono, "color", color, "model", new File("/nowhere/m.onnx"));
		assertTrue(n.isCanceled());
		assertTrue(n.getCancelReason().contains("does not exist"), n.getCancelReason());
	}
}
