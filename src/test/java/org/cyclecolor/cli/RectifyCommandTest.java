package org.cyclecolor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.google.gson.Gson;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.rectify.SyntheticRig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class RectifyCommandTest {

	@TempDir
	Path tmp;

	private void writePair() {
		SyntheticRig rig = SyntheticRig.scene(22);
		SyntheticRig.Camera mono = new SyntheticRig.Camera(450, 199.5, 149.5, 400, 300, SyntheticRig.turn(0, 0, 0),
			new double[] { 0, 0, 0 });
		SyntheticRig.Camera col = new SyntheticRig.Camera(450, 199.5, 149.5 - 5, 400, 300, SyntheticRig.turn(-1, 0.5, -2),
			new double[] { -0.3, 0, 0 });
		FloatPlane g = SyntheticRig.mono(rig.render(mono), 1, 1, 1, 1);
		byte[] b = new byte[g.size()];
		for (int i = 0; i < b.length; i++) b[i] = (byte) ImagePlusAdapter.to8bit(g.data()[i]);
		ImageFiles.write(new ImagePlus("mono", new ByteProcessor(400, 300, b)), tmp.resolve("mono.png"), false);
		ImageFiles.write(ImagePlusAdapter.toImagePlus("colour", rig.render(col)), tmp.resolve("colour.png"), false);
	}

	@Test
	void writesThePairAndPrintsTheReportAsJson() {
		writePair();
		CommandLine cl = Main.commandLine();
		StringWriter out = new StringWriter();
		cl.setOut(new PrintWriter(out));
		int code = cl.execute("rectify", "--gray", tmp.resolve("mono.png").toString(), "--color",
			tmp.resolve("colour.png").toString(), "--out-gray", tmp.resolve("g.png").toString(), "--out-color",
			tmp.resolve("c.png").toString(), "--mask", tmp.resolve("m.png").toString(), "--diagnostic",
			tmp.resolve("d.png").toString(), "--interpolation", "bilinear", "--json");
		assertEquals(ExitCode.OK, code);
		for (String f : new String[] { "g.png", "c.png", "m.png", "d.png" }) assertTrue(Files.exists(tmp.resolve(f)), f);
		Map<?, ?> json = new Gson().fromJson(out.toString(), Map.class);
		Map<?, ?> report = (Map<?, ?>) json.get("report");
		assertEquals("left", report.get("color_side"));
		assertTrue(((Number) report.get("vertical_error_median_px")).doubleValue() < 0.5, report.toString());
		assertTrue(((Number) report.get("disparity_min_px")).doubleValue() >= -0.5, report.toString());
		assertEquals("bilinear", report.get("interpolation"));
		// a second run refuses to overwrite
		StringWriter err = new StringWriter();
		cl.setErr(new PrintWriter(err));
		int again = cl.execute("rectify", "--gray", tmp.resolve("mono.png").toString(), "--color",
			tmp.resolve("colour.png").toString(), "--out-gray", tmp.resolve("g.png").toString(), "--out-color",
			tmp.resolve("c2.png").toString());
		assertEquals(ExitCode.INPUT, again);
		assertTrue(err.toString().contains("already exists"), err.toString());
	}

	@Test
	void aMissingCalibrationFileIsAnInputError() {
		writePair();
		CommandLine cl = Main.commandLine();
		StringWriter err = new StringWriter();
		cl.setErr(new PrintWriter(err));
		int code = cl.execute("rectify", "--gray", tmp.resolve("mono.png").toString(), "--color",
			tmp.resolve("colour.png").toString(), "--out-gray", tmp.resolve("g.png").toString(), "--out-color",
			tmp.resolve("c.png").toString(), "--calibration", tmp.resolve("nope.yml").toString());
		assertEquals(ExitCode.INPUT, code);
		assertTrue(err.toString().contains("nope.yml"), err.toString());
	}
}
