package org.cyclecolor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.cyclecolor.pipeline.GenerateSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class SampleCommandTest {

	private final StringWriter out = new StringWriter();
	private final StringWriter err = new StringWriter();

	private int run(String... args) {
		CommandLine cl = Main.commandLine();
		cl.setOut(new PrintWriter(out));
		cl.setErr(new PrintWriter(err));
		return cl.execute(args);
	}

	@Test
	void writesThePairAndAJsonSummary(@TempDir Path tmp) {
		Path dir = tmp.resolve("new folder");
		int code = run("sample", "--output-dir", dir.toString(), "--width", "128", "--height", "96", "--max-disparity",
			"12", "--seed", "9", "--json");
		assertEquals(ExitCode.OK, code, err.toString());
		JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
		assertEquals("sample", json.get("command").getAsString());
		assertEquals(12.0, json.get("disparity_max").getAsDouble(), 1e-4);
		assertEquals("right", json.get("color_side").getAsString());
		double occluded = json.get("occluded_fraction").getAsDouble();
		assertTrue(occluded > 0 && occluded < 0.3, "occluded fraction " + occluded);
		assertEquals(5, json.getAsJsonObject("files").size());
		for (String name : json.getAsJsonObject("files").keySet()) assertTrue(Files.isRegularFile(dir.resolve(name)), name);
		assertEquals(0.35, json.getAsJsonObject("mono_camera").getAsJsonArray("spectral_weights").get(0).getAsJsonArray()
			.get(0).getAsDouble());
	}

	@Test
	void refusesToOverwriteUnlessAsked(@TempDir Path tmp) throws IOException {
		String[] args = { "sample", "-o", tmp.toString(), "--width", "96", "--height", "64", "--max-disparity", "8" };
		assertEquals(ExitCode.OK, run(args));
		Path mono = tmp.resolve(GenerateSample.MONO);
		Files.delete(tmp.resolve(GenerateSample.COLOR));
		byte[] before = Files.readAllBytes(mono);
		err.getBuffer().setLength(0);
		assertEquals(ExitCode.INPUT, run(args));
		assertTrue(err.toString().contains("already exists") && err.toString().contains("--overwrite"), err.toString());
		assertTrue(!Files.exists(tmp.resolve(GenerateSample.COLOR)), "nothing is written when one file is in the way");
		assertArrayEquals(before, Files.readAllBytes(mono));

		String[] again = { "sample", "-o", tmp.toString(), "--width", "96", "--height", "64", "--max-disparity", "8",
			"--seed", "2", "--overwrite" };
		assertEquals(ExitCode.OK, run(again));
		assertTrue(Files.exists(tmp.resolve(GenerateSample.COLOR)));
	}

	@Test
	void explainsImpossibleSettings(@TempDir Path tmp) {
		String dir = tmp.toString();
		assertEquals(ExitCode.INPUT, run("sample", "-o", dir, "--width", "20"));
		assertTrue(err.toString().contains("between 64 and 8192"), err.toString());
		assertEquals(ExitCode.INPUT, run("sample", "-o", dir, "--width", "128", "--height", "96", "--max-disparity", "50"));
		assertTrue(err.toString().contains("from 1 to 32"), err.toString());
		assertEquals(ExitCode.INPUT, run("sample", "-o", dir, "--width", "100", "--height", "400"));
		assertTrue(err.toString().contains("aspect ratio"), err.toString());
		assertEquals(ExitCode.USAGE, run("sample", "-o", dir, "--width", "wide"));
		try (var files = Files.list(tmp)) {
			assertEquals(0, files.count(), "nothing written");
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
	}
}
