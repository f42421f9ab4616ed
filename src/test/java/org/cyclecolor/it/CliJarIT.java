package org.cyclecolor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;

import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.metrics.Channel;
import org.cyclecolor.metrics.Psnr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a program: {@code java -jar target/Cycle_Colorization-<version>.jar}, with
 * its libraries found through the manifest's Class-Path in target/lib, running the README's first
 * set-up command (the sample pair colorized with the bundled model), the SSIM map of the sample, and
 * exiting with the documented codes.
 */
class CliJarIT {

	@TempDir
	Path tmp;

	private ItEnvironment.Result cyclecolor(String... args) throws Exception {
		List<String> command = new java.util.ArrayList<>(List.of(ItEnvironment.java(), "-jar",
			ItEnvironment.pluginJar().toString()));
		command.addAll(List.of(args));
		return ItEnvironment.run(ItEnvironment.basedir(), 120, command);
	}

	@Test
	@SuppressWarnings("unchecked")
	void readmeCommandWritesTheSampleSsimMap() throws Exception {
		Path map = tmp.resolve("sample-ssim.tif");
		ItEnvironment.Result r = cyclecolor("ssim", "sample-data/sample-mono.png", "sample-data/sample-color.png", "-o",
			map.toString(), "--json");
		assertEquals(0, r.code, r.toString());
		String json = r.output.substring(r.output.indexOf('{'), r.output.lastIndexOf('}') + 1);
		Map<String, Object> summary = new Gson().fromJson(json, Map.class);
		assertEquals("luminance", summary.get("mode"));
		assertTrue((Double) summary.get("ssim") > 0.3 && (Double) summary.get("ssim") < 0.9, json);
		assertEquals(32, ImageFiles.read(map).getBitDepth());
	}

	@Test
	void exitCodesOfTheRealProgram() throws Exception {
		ItEnvironment.Result help = cyclecolor("--help");
		assertEquals(0, help.code, help.toString());
		assertTrue(help.output.contains("ssim") && help.output.contains("Exit codes"), help.toString());
		ItEnvironment.Result missing = cyclecolor("ssim", "no-such.png", "sample-data/sample-color.png");
		assertEquals(3, missing.code, missing.toString());
		assertTrue(missing.output.contains("error: The image file no-such.png does not exist"), missing.toString());
		ItEnvironment.Result usage = cyclecolor("ssim", "--mode", "hsv", "a.png", "b.png");
		assertEquals(2, usage.code, usage.toString());
		Path out = Files.writeString(tmp.resolve("exists.tif"), "keep");
		ItEnvironment.Result exists = cyclecolor("ssim", "sample-data/sample-mono.png", "sample-data/sample-color.png",
			"-o", out.toString());
		assertEquals(3, exists.code, exists.toString());
		assertEquals("keep", Files.readString(out));
	}

	/**
	 * The README's first set-up command: the sample pair colorized with the bundled default model.
	 * Oracle: the sample's ground-truth colour. The result must keep the mono image's luminance and
	 * carry clearly better chroma than the colour image copied unwarped (the lower-bound baseline).
	 */
	@Test
	void readmeCommandColorizesTheSampleWithTheBundledModel() throws Exception {
		Path out = tmp.resolve("sample-colorized.png");
		ItEnvironment.Result r = cyclecolor("colorize", "--gray", "sample-data/sample-mono.png", "--color",
			"sample-data/sample-color.png", "-o", out.toString(), "--overwrite");
		assertEquals(0, r.code, r.toString());
		RgbImage result = ImagePlusAdapter.toRgb(ImageFiles.read(out), 255);
		RgbImage truth = ImagePlusAdapter.toRgb(ImageFiles.read(Path.of("sample-data", "sample-gt-color.png")), 255);
		RgbImage unwarped = ImagePlusAdapter.toRgb(ImageFiles.read(Path.of("sample-data", "sample-color.png")), 255);
		List<Channel> chroma = List.of(Channel.CB, Channel.CR);
		double network = Psnr.of(result, truth, chroma), baseline = Psnr.of(unwarped, truth, chroma);
		// Measured: 25.96 dB against 22.55 dB for the unwarped colour image.
		assertTrue(network > baseline + 2, "Cb/Cr PSNR " + network + " dB, unwarped reference " + baseline + " dB");
		FloatPlane mono = ImagePlusAdapter.toPlane(ImageFiles.read(Path.of("sample-data", "sample-mono.png")).getProcessor());
		FloatPlane luma = YCbCr.luma(result);
		double sum = 0, maxDiff = 0;
		for (int i = 0; i < mono.data().length; i++) {
			double d = Math.abs(mono.data()[i] - luma.data()[i]);
			sum += d;
			maxDiff = Math.max(maxDiff, d);
		}
		double meanDiff = sum / mono.data().length;
		// 8-bit rounding moves Y by under a level; colours outside the RGB cube are clipped, which moves
		// a few pixels by more (measured: up to 2.9 levels), so the mean is what is bounded.
		assertTrue(meanDiff <= 0.6, "luminance differs from the mono image by " + meanDiff + " on average (max " + maxDiff + ")");
	}
}
