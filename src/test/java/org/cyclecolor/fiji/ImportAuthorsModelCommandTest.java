package org.cyclecolor.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.module.ModuleItem;

import org.cyclecolor.infer.OnnxModelFile;
import org.cyclecolor.testutil.SharedData;

/** The Fiji command through a SciJava context, as Fiji (and a macro) runs it. */
class ImportAuthorsModelCommandTest {

	private static FijiContext fiji;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		fiji = new FijiContext();
	}

	@AfterAll
	static void stop() {
		fiji.close();
	}

	@Test
	void isRegisteredWithMacroKeysAndDefaults() {
		CommandInfo info = fiji.info(ImportAuthorsModelCommand.class);
		assertNotNull(info);
		assertEquals("[Plugins, Cycle Colorization, Import Authors' Model...]", info.getMenuPath().toString());
		assertTrue(info.canRunHeadless());
		for (ModuleItem<?> in : info.inputs()) {
			if (in.getName().matches("log|status|ui|context")) continue;
			assertTrue(in.getName().matches("[a-z][a-z0-9_]*"), "macro key '" + in.getName() + "' is snake_case");
			assertFalse(in.isPersisted(), in.getName() + " does not persist");
		}
	}

	@Test
	void writesTheModel() throws Exception {
		Path h5 = SharedData.require("models/authors-cyclecnn-aaai20/s0.h5");
		Path out = dir.resolve("authors.onnx");
		CommandModule m = fiji.run(ImportAuthorsModelCommand.class, "weights", h5.toFile(), "output", out.toFile(),
			"overwrite", false);
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(out.toAbsolutePath().toString(), m.getOutput("model"));
		assertEquals("authors-aaai20", OnnxModelFile.read(out).variant().name());
	}

	@Test
	void aMissingFileCancelsWithTheReason() throws Exception {
		CommandModule m = fiji.run(ImportAuthorsModelCommand.class, "weights", new File(dir.toFile(), "s0.h5"), "output",
			dir.resolve("m.onnx").toFile(), "overwrite", false);
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("does not exist"), m.getCancelReason());
		assertFalse(Files.exists(dir.resolve("m.onnx")));
	}
}
