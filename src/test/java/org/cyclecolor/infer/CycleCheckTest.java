package org.cyclecolor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.testutil.SharedData;

/**
 * The cycle check against the independent re-implementation of the authors' network (research
 * notes §8): with the released weights on the six real pairs it measured a mean cycle SSIM (RGB,
 * Gaussian window) of 0.974 with the paper's second pass and 0.980 with the authors' code's.
 * And a known answer: a colour image of one chroma comes back exactly, whatever the weights.
 */
class CycleCheckTest {

	@TempDir
	static Path tmp;

	@Test
	void reproducesTheCycleScoresOfTheIndependentReimplementation() throws Exception {
		Path h5 = SharedData.require("models/authors-cyclecnn-aaai20/s0.h5");
		Path onnx = tmp.resolve("authors.onnx");
		AuthorsModelImporter.importTo(h5, onnx, false, Progress.NONE);
		List<Path> pairs;
		try (Stream<Path> s = Files.list(SharedData.require("real-mono-color"))) {
			pairs = s.filter(Files::isDirectory).sorted().toList();
		}
		double paper = 0, authors = 0;
		try (ColorizationModel m = TestModels.open(onnx)) {
			InferenceEngine e = new InferenceEngine(m, ChromaUpsampler.DEFAULT, InferenceEngine.DEFAULT_MEMORY_BUDGET);
			NetworkColorizer colorizer = new NetworkColorizer(e, true);
			for (Path p : pairs) {
				RgbImage mono = ImagePlusAdapter.toRgb(ImageFiles.read(p.resolve("mono.png")), Double.NaN);
				RgbImage color = ImagePlusAdapter.toRgb(ImageFiles.read(p.resolve("color.png")), Double.NaN);
				NetworkColorizer.Output first = colorizer.run(YCbCr.luma(mono), color, ColorSide.LEFT, 1, false, Progress.NONE);
				CycleCheck.Result a = CycleCheck.run(e, color, first, ColorSide.LEFT, true, false, Progress.NONE);
				CycleCheck.Result b = CycleCheck.run(e, color, first, ColorSide.LEFT, true, true, Progress.NONE);
				System.out.printf(Locale.ROOT, "cycle SSIM %s: RGB %.4f (authors' second pass %.4f), Cb/Cr %.4f (%.4f)%n", p.getFileName(),
					a.rgb().mean(), b.rgb().mean(), a.cbcr().mean(), b.cbcr().mean());
				assertTrue(b.rgb().mean() > a.rgb().mean(), "seeing its own chroma flatters the authors' second pass: " + p);
				paper += a.rgb().mean() / pairs.size();
				authors += b.rgb().mean() / pairs.size();
			}
		}
		System.out.printf(Locale.ROOT, "mean cycle SSIM (RGB) over %d real pairs: %.4f paper, %.4f authors' code%n", pairs.size(), paper,
			authors);
		assertEquals(0.974, paper, 0.002);
		assertEquals(0.980, authors, 0.002);
	}

	@Test
	void aColourImageOfOneChromaComesBack() {
		int w = 90, h = 40;
		YCbCrImage[] pair = TestModels.pair(w, h, 5, 3, YCbCrRange.FULL);
		RgbImage color = YCbCr.toRgb(new YCbCrImage(pair[1].y(), FloatPlane.filled(w, h, 110), FloatPlane.filled(w, h, 150),
			YCbCrRange.FULL, 255));
		try (ColorizationModel m = TestModels.open(TestModels.cyclecnn())) {
			InferenceEngine e = new InferenceEngine(m, ChromaUpsampler.DEFAULT, InferenceEngine.DEFAULT_MEMORY_BUDGET);
			NetworkColorizer.Output first = new NetworkColorizer(e, false).run(pair[0].y(), color, ColorSide.RIGHT, 2, false, Progress.NONE);
			CycleCheck.Result r = CycleCheck.run(e, color, first, ColorSide.RIGHT, false, false, Progress.NONE);
			assertEquals(1, r.cbcr().mean(), 1e-6);
			assertEquals(1, r.rgb().mean(), 1e-4);
			assertEquals(w, r.cbcr().map().width());
		}
	}
}
