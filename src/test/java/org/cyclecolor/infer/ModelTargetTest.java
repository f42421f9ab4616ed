package org.cyclecolor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cyclecolor.UserException;

/**
 * The model output every model-writing operation shares: refused before any work when it is no
 * .onnx name, one of the inputs, or exists without overwriting; written completely under a hidden
 * name and renamed, so that a failure leaves neither a partial model nor a temporary file, and
 * the model that was there survives it.
 */
class ModelTargetTest {

	@TempDir
	Path dir;

	private String refused(Runnable r) {
		return assertThrows(UserException.class, r::run).getMessage();
	}

	@Test
	void wrongNamesInputsAndExistingModelsAreRefusedBeforeAnyWork() throws IOException {
		assertEquals("No output model was given; name the .onnx file to write (e.g. rig.onnx).",
			refused(() -> ModelTarget.check(null, false, "rig.onnx")));
		assertEquals("The output model.h5 must end with .onnx; choose a name like rig.onnx.",
			refused(() -> ModelTarget.check(dir.resolve("model.h5"), false, "rig.onnx")));

		Path input = Files.writeString(dir.resolve("in.onnx"), "x");
		assertEquals("The output " + input + " is the input in.onnx itself; write the model to another file.",
			refused(() -> ModelTarget.check(input, true, "rig.onnx", null, input)));
		assertEquals("The model " + input + " already exists; choose another name or allow overwriting (--overwrite on the command "
			+ "line, overwrite in macros).", refused(() -> ModelTarget.check(input, false, "rig.onnx")));
		ModelTarget.check(input.resolveSibling("new.onnx"), false, "rig.onnx", input);
		ModelTarget.check(input, true, "rig.onnx", dir.resolve("other.h5"));
	}

	@Test
	void writesThroughAHiddenFileAndLeavesNothingBehindWhenTheContentFails() throws IOException {
		Path model = dir.resolve("sub/m.onnx");
		ModelTarget.write(model, false, tmp -> {
			assertEquals(model.toAbsolutePath().getParent(), tmp.getParent());
			assertTrue(tmp.getFileName().toString().startsWith(".m.onnx.tmp-"), tmp.toString());
			Files.writeString(tmp, "first");
		});
		assertEquals("first", Files.readString(model));
		assertTrue(refused(() -> ModelTarget.write(model, false, tmp -> Files.writeString(tmp, "second"))).contains("already exists"));

		assertThrows(IllegalStateException.class, () -> ModelTarget.write(model, true, tmp -> {
			Files.writeString(tmp, "half");
			throw new IllegalStateException("the check failed");
		}));
		String io = refused(() -> ModelTarget.write(model, true, tmp -> {
			throw new IOException("disk full");
		}));
		assertTrue(io.startsWith("Could not write " + model + " (disk full)"), io);
		assertEquals("first", Files.readString(model), "the model that was there survives a failed write");
		try (var files = Files.list(model.getParent())) {
			assertEquals(List.of(model), files.toList(), "no temporary file left");
		}

		ModelTarget.write(model, true, tmp -> Files.writeString(tmp, "second"));
		assertEquals("second", Files.readString(model));
		assertFalse(Files.exists(dir.resolve("m.onnx")));
	}
}
