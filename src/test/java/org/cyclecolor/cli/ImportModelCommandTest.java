package org.cyclecolor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.google.gson.Gson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cyclecolor.infer.OnnxModelFile;
import org.cyclecolor.testutil.SharedData;

import picocli.CommandLine;

/** {@code cyclecolor import-model} through {@link Main}: exit codes, messages, the written model, JSON. */
class ImportModelCommandTest {

	@TempDir
	Path dir;

	record Run(int code, String out, String err) {}

	static Run run(String... args) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		CommandLine cl = Main.commandLine();
		cl.setOut(new PrintWriter(out));
		cl.setErr(new PrintWriter(err));
		int code = cl.execute(args);
		return new Run(code, out.toString(), err.toString());
	}

	@Test
	void importsTheAuthorsWeightsAndPrintsJson() {
		Path h5 = SharedData.require("models/authors-cyclecnn-aaai20/s0.h5");
		Path model = dir.resolve("authors.onnx");
		Run r = run("import-model", h5.toString(), "-o", model.toString(), "--json");
		assertEquals(ExitCode.OK, r.code(), r.err());
		@SuppressWarnings("unchecked")
		Map<String, Object> json = new Gson().fromJson(r.out(), Map.class);
		assertEquals("import-model", json.get("command"));
		assertEquals("authors-aaai20", json.get("variant"));
		assertEquals(125039.0, json.get("parameters"));
		assertEquals("studio", json.get("color_range"));
		assertEquals(64, ((String) json.get("source_sha256")).length());
		OnnxModelFile f = OnnxModelFile.read(model);
		assertEquals("authors-aaai20", f.variant().name());
		assertTrue(f.bundle().provenance().get("source").contains("bupt-wx"));

		Run again = run("import-model", h5.toString(), "-o", model.toString());
		assertEquals(ExitCode.INPUT, again.code());
		assertTrue(again.err().contains("already exists"), again.err());
		Run overwrite = run("import-model", h5.toString(), "-o", model.toString(), "--overwrite");
		assertEquals(ExitCode.OK, overwrite.code(), overwrite.err());
		assertTrue(overwrite.out().contains("125039 parameters"), overwrite.out());
	}

	@Test
	void missingAndWrongFilesAreInputErrors() throws Exception {
		Path model = dir.resolve("m.onnx");
		Run missing = run("import-model", dir.resolve("s0.h5").toString(), "-o", model.toString());
		assertEquals(ExitCode.INPUT, missing.code());
		assertTrue(missing.err().contains("does not exist"), missing.err());

		Path text = dir.resolve("s0.h5");
		Files.writeString(text, "not hdf5");
		Run notHdf5 = run("import-model", text.toString(), "-o", model.toString());
		assertEquals(ExitCode.INPUT, notHdf5.code());
		assertTrue(notHdf5.err().contains("cannot be read as HDF5"), notHdf5.err());
		assertFalse(Files.exists(model), "nothing written on failure");

		Run wrongExtension = run("import-model", text.toString(), "-o", dir.resolve("m.h5").toString());
		assertEquals(ExitCode.INPUT, wrongExtension.code());
		assertTrue(wrongExtension.err().contains(".onnx"), wrongExtension.err());

		Run noOutput = run("import-model", text.toString());
		assertEquals(ExitCode.USAGE, noOutput.code());
	}

	@Test
	void theOtherNetworkOfTheAuthorsIsRecognisedAsNotThisOne() {
		Path aaai19 = SharedData.require("models/authors-dual-lens-aaai19-rough/shared_cost_weight.hdf5");
		Run r = run("import-model", aaai19.toString(), "-o", dir.resolve("m.onnx").toString());
		assertEquals(ExitCode.INPUT, r.code());
		assertTrue(r.err().contains("does not hold the Cycle-CNN authors' network"), r.err());
	}
}
