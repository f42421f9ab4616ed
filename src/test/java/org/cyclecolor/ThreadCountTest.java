package org.cyclecolor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.cyclecolor.pipeline.CheckpointExport;
import org.cyclecolor.pipeline.ColorizeOperation;
import org.cyclecolor.pipeline.TrainOperation;
import org.cyclecolor.synth.DatasetOptions;

/** Issue 17 item 6: a runaway thread count (100000 grew memory at 64 MB/s and never finished) is one sentence before any work. */
class ThreadCountTest {

	@Test
	void zeroUpToEightPerCoreIsAcceptedAndMoreOrNegativeIsRefused() {
		int cores = Runtime.getRuntime().availableProcessors();
		assertEquals(0, ThreadCount.check(0));
		assertEquals(8 * cores, ThreadCount.check(8 * cores));
		for (int n : new int[] { -1, 8 * cores + 1, 100_000 }) {
			UserException e = assertThrows(UserException.class, () -> ThreadCount.check(n));
			assertEquals("The number of threads must be between 0 (one per core) and " + 8 * cores + " (8 per core on this machine), got "
				+ n + ".", e.getMessage());
		}
	}

	@Test
	void everyOperationThatTakesThreadsChecksThem() {
		String fragment = "The number of threads must be between 0 (one per core) and ";
		Path out = Path.of("never-written.onnx");
		assertTrue(assertThrows(UserException.class, () -> new ColorizeOperation(null, null).threads(100_000)).getMessage().startsWith(fragment));
		assertTrue(assertThrows(UserException.class, () -> new TrainOperation(List.of(), DatasetOptions.defaults(), out).threads(100_000))
			.getMessage().startsWith(fragment));
		assertTrue(assertThrows(UserException.class, () -> new CheckpointExport(Path.of("a.ckpt"), out).threads(-2)).getMessage()
			.startsWith(fragment));
	}
}
