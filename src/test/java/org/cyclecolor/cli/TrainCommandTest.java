package org.cyclecolor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cyclecolor train} refusals leave nothing behind that would stand in the way of the next run. */
class TrainCommandTest {

	@TempDir
	Path dir;

	@Test
	void aRefusedRunLeavesNoLossLogAndTheCorrectedRunIsNotBlockedByIt() throws IOException {
		Path empty = Files.createDirectories(dir.resolve("empty"));
		Path model = dir.resolve("m.onnx");
		for (int attempt = 1; attempt <= 2; attempt++) {
			ColorizeCommandTest.Run r = ColorizeCommandTest.run("train", empty.toString(), "-o", model.toString(), "--steps", "1",
				"--structure-loss", "ssim");
			assertEquals(ExitCode.INPUT, r.code(), r.err());
			// The same sentence both times: the first attempt did not leave "the loss log already exists" behind.
			assertTrue(r.err().contains("holds no dataset this suite recognises"), "attempt " + attempt + ": " + r.err());
			assertFalse(Files.exists(dir.resolve("m-losses.csv")), "attempt " + attempt + " left the loss log");
			assertFalse(Files.exists(model), "attempt " + attempt + " wrote a model");
		}
	}
}
