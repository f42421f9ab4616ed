package org.cyclecolor.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.ImagePlus;

import org.cyclecolor.Progress;
import org.cyclecolor.cli.Main;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.synth.SampleGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The committed sample-data/ folder and the generator that makes it. */
class GenerateSampleTest {

	private static final Path SAMPLE_DIR = Paths.get("sample-data");
	private static final String[] FILES = { GenerateSample.MONO, GenerateSample.COLOR, GenerateSample.GT_COLOR,
		GenerateSample.GT_DISPARITY, GenerateSample.OCCLUSION };

	/**
	 * Runs the command that sample-data/README.md documents (with its output folder moved to a
	 * temporary one) and checks that it reproduces every committed file pixel for pixel.
	 */
	@Test
	void documentedCommandReproducesTheCommittedFiles(@TempDir Path tmp) throws IOException {
		List<String> args = documentedArguments();
		int out = args.indexOf("--output-dir");
		args.set(out + 1, tmp.toString());
		CommandLine cl = Main.commandLine();
		cl.setErr(new PrintWriter(new StringWriter()));
		assertEquals(0, cl.execute(args.toArray(new String[0])), "exit code of " + args);
		for (String name : FILES) {
			ImagePlus committed = ImageFiles.read(SAMPLE_DIR.resolve(name));
			ImagePlus made = ImageFiles.read(tmp.resolve(name));
			assertEquals(committed.getBitDepth(), made.getBitDepth(), name);
			assertEquals(committed.getWidth(), made.getWidth(), name);
			assertEquals(committed.getHeight(), made.getHeight(), name);
			Object a = committed.getProcessor().getPixels(), b = made.getProcessor().getPixels();
			if (a instanceof byte[]) assertArrayEquals((byte[]) a, (byte[]) b, name);
			else if (a instanceof int[]) assertArrayEquals((int[]) a, (int[]) b, name);
			else assertArrayEquals((float[]) a, (float[]) b, name);
		}
	}

	/** The arguments after "sample" in the README's regenerate command (lines joined at "\"). */
	private static List<String> documentedArguments() throws IOException {
		String readme = Files.readString(SAMPLE_DIR.resolve("README.md")).replace("\\\n", " ");
		Matcher m = Pattern.compile("java -jar \\S+ sample (.*)").matcher(readme);
		assertTrue(m.find(), "sample-data/README.md shows the command that regenerates the files");
		List<String> args = new ArrayList<>(List.of("sample"));
		args.addAll(Arrays.asList(m.group(1).trim().split("\\s+")));
		assertTrue(args.contains("--output-dir"), "the documented command names its output folder");
		return args;
	}

	@Test
	void committedSampleFitsInTwoMegabytes() throws IOException {
		long total = 0;
		try (var files = Files.list(SAMPLE_DIR)) {
			for (Path p : (Iterable<Path>) files::iterator) total += Files.size(p);
		}
		assertTrue(total < 2_000_000, total + " bytes");
	}

	@Test
	void sameSettingsWriteIdenticalBytesAndTheSeedChangesOnlyTexturesAndNoise(@TempDir Path tmp) throws IOException {
		SampleGenerator.Settings settings = new SampleGenerator.Settings(128, 96, 10, 3);
		GenerateSample.run(settings, tmp.resolve("a"), false, Progress.NONE);
		GenerateSample.run(settings, tmp.resolve("b"), false, Progress.NONE);
		for (String name : FILES) {
			assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(name)),
				Files.readAllBytes(tmp.resolve("b").resolve(name)), name);
		}
		GenerateSample.run(new SampleGenerator.Settings(128, 96, 10, 4), tmp.resolve("c"), false, Progress.NONE);
		assertFalse(Arrays.equals(Files.readAllBytes(tmp.resolve("a").resolve(GenerateSample.MONO)),
			Files.readAllBytes(tmp.resolve("c").resolve(GenerateSample.MONO))));
		assertArrayEquals(pixels(tmp.resolve("a").resolve(GenerateSample.GT_DISPARITY)),
			pixels(tmp.resolve("c").resolve(GenerateSample.GT_DISPARITY)), "the layout does not depend on the seed");
	}

	private static float[] pixels(Path tif) {
		return (float[]) ImageFiles.read(tif).getProcessor().getPixels();
	}

	/**
	 * The banner closest to the cameras (the pixels at the largest disparity) has stripes of one
	 * luma and different hues: nearly flat in Y, strongly varying in Cb/Cr, so luminance alone
	 * cannot tell its colours apart.
	 */
	@Test
	void nearestSurfaceHasEqualLumaButDifferentChroma() {
		FloatPlane d = ImagePlusAdapter.toPlane(ImageFiles.read(SAMPLE_DIR.resolve(GenerateSample.GT_DISPARITY))
			.getProcessor());
		RgbImage truth = ImagePlusAdapter.toRgb(ImageFiles.read(SAMPLE_DIR.resolve(GenerateSample.GT_COLOR)), Double.NaN);
		YCbCrImage ycc = YCbCr.toYCbCr(truth, YCbCrRange.FULL);
		float max = d.minMax()[1];
		double[] y = select(ycc.y(), d, max), cb = select(ycc.cb(), d, max), cr = select(ycc.cr(), d, max);
		assertTrue(y.length > 2000, y.length + " banner pixels");
		double[] mono = select(ImagePlusAdapter.toPlane(ImageFiles.read(SAMPLE_DIR.resolve(GenerateSample.MONO))
			.getProcessor()), d, max);
		System.out.printf("banner: std Y %.1f, std Cb %.1f, std Cr %.1f, std mono %.1f%n", std(y), std(cb), std(cr),
			std(mono));
		assertTrue(std(y) < 3, "BT.601 luma of the true colour varies little: " + std(y));
		assertTrue(std(mono) < 8, "the mono camera's gray varies little (its weights differ from BT.601): " + std(mono));
		assertTrue(Math.min(std(cb), std(cr)) > 20, "chroma varies a lot: " + std(cb) + ", " + std(cr));
	}

	private static double[] select(FloatPlane p, FloatPlane d, float max) {
		double[] out = new double[p.size()];
		int n = 0;
		for (int i = 0; i < out.length; i++) {
			if (d.data()[i] > max - 1e-3) out[n++] = p.data()[i];
		}
		return Arrays.copyOf(out, n);
	}

	private static double std(double[] v) {
		double m = Arrays.stream(v).average().orElse(0);
		return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
	}
}
