package org.cyclecolor.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.measure.ResultsTable;

import org.cyclecolor.eval.TinyScenes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.module.ModuleItem;

/** Evaluate... run through a SciJava context, as Fiji runs it (headless here). */
class EvaluateMethodsCommandTest {

	private static FijiContext fiji;

	@TempDir
	Path tmp;

	@BeforeAll
	static void start() {
		fiji = new FijiContext();
	}

	@AfterAll
	static void stop() {
		fiji.close();
	}

	@Test
	void isInThePluginsMenuWithSnakeCaseKeysAndDefaults() {
		CommandInfo info = fiji.info(EvaluateMethodsCommand.class);
		assertEquals("[Plugins, Cycle Colorization, Evaluate...]", info.getMenuPath().toString());
		assertTrue(info.canRunHeadless());
		for (ModuleItem<?> in : info.inputs()) {
			if (in.getName().matches("log|status|ui|context")) continue;
			assertTrue(in.getName().matches("[a-z][a-z0-9_]*"), in.getName());
			assertNotNull(in.getDefaultValue() != null ? in.getDefaultValue() : in.getMinimumValue(), in.getName() + " has a default");
			assertFalse(in.isPersisted(), in.getName() + " does not persist: a macro leaving it out gets the default");
		}
	}

	@Test
	void evaluatesAndFillsTheTables() throws Exception {
		Path data = tmp.resolve("stereo");
		TinyScenes.write(data, "a", 1);
		TinyScenes.write(data, "b", 2);
		CommandModule m = fiji.run(EvaluateMethodsCommand.class, "dataset", data.toFile(), "methods", "unwarped,welsh",
			"output_dir", tmp.resolve("out").toFile(), "include", "a");
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(tmp.resolve("out/report.md").toAbsolutePath().toString(), m.getOutput("report"));
		EvaluateMethodsCommand cmd = (EvaluateMethodsCommand) m.getDelegateObject();
		ResultsTable summary = cmd.summaryTable(), scenes = cmd.scenesTable();
		assertEquals(2, summary.size());
		assertEquals("welsh", summary.getStringValue("method", 1));
		assertEquals(cmd.result().evaluation().summaries().get(1).all().get("cbcr_psnr"), summary.getValue("cbcr_psnr", 1), 1e-9);
		assertEquals(2, scenes.size(), "scene b is not selected");
		assertEquals("a", scenes.getStringValue("scene", 0));
		assertEquals(cmd.result().evaluation().records().get(0).cycle().cbcrSsim(), scenes.getValue("cycle_cbcr_ssim", 0), 1e-9);
		assertTrue(Files.isRegularFile(tmp.resolve("out/sheets/a.png")));
		assertTrue(Files.isRegularFile(tmp.resolve("out/plots/first-vs-second-cbcr-ssim.png")));
		assertTrue(Files.readString(tmp.resolve("out/report.md")).contains("Command: `run(\"Evaluate...\", \"dataset=["));
	}

	@Test
	void aMistakeCancelsWithItsSentence() throws Exception {
		CommandModule m = fiji.run(EvaluateMethodsCommand.class, "dataset", new File(tmp.toFile(), "missing"),
			"output_dir", tmp.resolve("out").toFile());
		assertTrue(m.isCanceled());
		assertEquals("The dataset " + tmp.resolve("missing") + " does not exist; check the path.", m.getCancelReason());
		assertNull(m.getOutput("report"));
	}
}
