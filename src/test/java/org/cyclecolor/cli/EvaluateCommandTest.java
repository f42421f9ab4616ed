package org.cyclecolor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.cyclecolor.eval.TinyScenes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class EvaluateCommandTest {

	private final StringWriter out = new StringWriter();
	private final StringWriter err = new StringWriter();

	private int run(String... args) {
		out.getBuffer().setLength(0);
		err.getBuffer().setLength(0);
		CommandLine cl = Main.commandLine();
		cl.setOut(new PrintWriter(out));
		cl.setErr(new PrintWriter(err));
		return cl.execute(args);
	}

	@Test
	void evaluatesAndPrintsAJsonSummary(@TempDir Path tmp) throws IOException {
		Path data = tmp.resolve("stereo");
		TinyScenes.write(data, "a", 1);
		TinyScenes.write(data, "b", 2);
		Path o = tmp.resolve("o");
		int code = run("evaluate", "--dataset", data.toString(), "--methods", "unwarped,welsh", "-o", o.toString(), "--preset",
			"noisy", "--json");
		assertEquals(ExitCode.OK, code, err.toString());
		JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
		assertEquals("evaluate", json.get("command").getAsString());
		assertEquals(2, json.get("scenes").getAsInt());
		assertTrue(json.get("degradation").getAsString().startsWith("noisy"));
		JsonObject welsh = json.getAsJsonArray("summary").get(1).getAsJsonObject();
		assertEquals("welsh", welsh.get("method").getAsString());
		assertEquals(2, welsh.getAsJsonObject("first").get("scenes").getAsInt());
		assertTrue(welsh.getAsJsonObject("cycle").get("cbcr_ssim").getAsDouble() > 0);
		assertTrue(welsh.get("lcc_cbcr_ssim").isJsonNull(), "no correlation from two scenes: null, not NaN");
		assertTrue(Files.isRegularFile(o.resolve("report.md")));
		assertTrue(Files.readString(o.resolve("report.md")).contains("Command: `cyclecolor evaluate --dataset"));

		// Without --json: a line per method on standard error.
		code = run("evaluate", "-d", data.toString(), "-m", "unwarped", "-o", tmp.resolve("o2").toString(), "--no-cycle",
			"--no-contact-sheets");
		assertEquals(ExitCode.OK, code, err.toString());
		assertTrue(err.toString().contains("unwarped         Cb/Cr PSNR"), err.toString());
		assertTrue(Files.notExists(tmp.resolve("o2/sheets")));
	}

	@Test
	void mistakesExitWithCode3AndOneSentence(@TempDir Path tmp) throws IOException {
		Path data = tmp.resolve("stereo");
		TinyScenes.write(data, "a", 1);
		int code = run("evaluate", "-d", data.toString(), "-m", "unwarped,nope", "-o", tmp.resolve("o").toString());
		assertEquals(ExitCode.INPUT, code);
		assertEquals("error: Unknown method 'nope'; choose from unwarped, welsh, stereo-levin, sgm-warp, authors-output, default, "
			+ "cyclecnn, model:<file.onnx>, authors:<weights.h5> (comma-separated).",
			err.toString().strip());
		code = run("evaluate", "-d", data.toString(), "-o", tmp.resolve("o").toString(), "--include", "zz*");
		assertEquals(ExitCode.INPUT, code);
		assertTrue(err.toString().contains("matches 'zz*'; its scenes are a."), err.toString());
		assertEquals(ExitCode.USAGE, run("evaluate", "-o", tmp.toString()));
		assertEquals(ExitCode.USAGE, run("evaluate", "-d", data.toString(), "-o", tmp.resolve("o").toString(), "--color-side", "up"));
	}
}
