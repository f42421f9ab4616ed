package org.cyclecolor.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.metrics.MetricsOracleTestAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/** The Fiji command, run through a SciJava context and its CommandService, as Fiji runs it. */
class SsimMapCommandTest {

	private static FijiContext fiji;

	@BeforeAll
	static void start() {
		fiji = new FijiContext();
	}

	@AfterAll
	static void stop() {
		fiji.close();
	}

	private static ImagePlus fixture(String name) throws URISyntaxException {
		return ImageFiles.read(Paths.get(MetricsOracleTestAccess.class.getResource("synthetic/" + name).toURI()));
	}

	private static CommandModule run(Object... inputs) throws InterruptedException, ExecutionException {
		return fiji.run(SsimMapCommand.class, inputs);
	}

	@Test
	void isRegisteredUnderThePluginsMenuForMacrosAndHeadlessUse() {
		CommandInfo info = fiji.info(SsimMapCommand.class);
		assertNotNull(info);
		assertEquals("[Plugins, Cycle Colorization, SSIM Map...]", info.getMenuPath().toString());
		assertTrue(info.canRunHeadless());
		for (ModuleItem<?> in : info.inputs()) {
			if (in.getType() == ImagePlus.class || in.getName().matches("log|status|ui|context")) continue;
			assertTrue(in.getName().matches("[a-z][a-z0-9_]*"), "macro key '" + in.getName() + "' is snake_case");
			assertNotNull(in.getDefaultValue() != null ? in.getDefaultValue() : in.getMinimumValue(),
				in.getName() + " has a default");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void producesTheOracleMeanTheMapAndTheComponents() throws Exception {
		CommandModule m = run("image1", fixture("rgb-a.png"), "image2", fixture("rgb-b.png"), "mode", "rgb", "components", true);
		assertFalse(m.isCanceled(), m.getCancelReason());
		ImagePlus map = (ImagePlus) m.getOutput("ssim_map");
		assertEquals(32, map.getBitDepth());
		assertEquals(64, map.getWidth());
		assertTrue(map.getOverlay().isCalibrationBar());
		ImagePlus lcs = (ImagePlus) m.getOutput("lcs_maps");
		assertEquals(3, lcs.getStackSize());
		SsimMapCommand cmd = (SsimMapCommand) m.getDelegateObject();
		Map<String, Object> c = MetricsOracleTestAccess.synthetic("rgb 64x48 blur+noise+colour");
		double expected = ((Number) ((Map<String, Map<String, Object>>) c.get("modes")).get("rgb").get("ssim")).doubleValue();
		assertEquals(expected, cmd.result().mean(), 1e-4);
		assertEquals(map.getProcessor().getf(20, 20), cmd.result().ssim().map().get(20, 20));
	}

	@Test
	void defaultsRunWithJustTwoImages() throws Exception {
		CommandModule m = run("image1", fixture("gray-a.png"), "image2", fixture("gray-b.png"));
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertNull(m.getOutput("lcs_maps"));
		assertEquals(255.0, ((SsimMapCommand) m.getDelegateObject()).result().dataRange());
	}

	@Test
	void userMistakesCancelWithTheOneSentence() throws Exception {
		CommandModule m = run("image1", fixture("gray-a.png"), "image2", fixture("rgb-a.png"));
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("differ in size"), m.getCancelReason());
		assertNull(m.getOutput("ssim_map"));
		CommandModule small = run("image1", new ImagePlus("s", new ByteProcessor(8, 8)), "image2",
			new ImagePlus("t", new ByteProcessor(8, 8)));
		assertTrue(small.isCanceled());
		assertTrue(small.getCancelReason().contains("11x11"), small.getCancelReason());
	}

	@Test
	void cancellingStopsTheWork() throws Exception {
		ImagePlus big = new ImagePlus("big", new ByteProcessor(1500, 1500));
		CommandModule m = (CommandModule) fiji.service(org.scijava.module.ModuleService.class)
			.createModule(fiji.info(SsimMapCommand.class));
		m.setInput("image1", big);
		m.setInput("image2", big.duplicate());
		m.cancel("stop");
		m.run();
		assertTrue(m.isCanceled());
		assertNull(m.getOutput("ssim_map"), "no output after a cancel");
	}
}
