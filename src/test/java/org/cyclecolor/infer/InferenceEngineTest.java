package org.cyclecolor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.cyclecolor.CancelledException;
import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.model.NetworkKind;

/**
 * The engine against answers it must reproduce: tiled runs equal the untiled run (margins cover
 * the receptive field and the search range, so seams are invisible), a reference of one colour
 * gives that colour everywhere at every scale, size and side, and at scale 1 in one tile the
 * engine adds nothing to the network itself.
 */
class InferenceEngineTest {

	private static ColorizationModel cyclecnn;
	private static ColorizationModel uniform;

	@BeforeAll
	static void open() {
		cyclecnn = TestModels.open(TestModels.cyclecnn());
		uniform = TestModels.open(TestModels.uniform());
	}

	@AfterAll
	static void close() {
		cyclecnn.close();
		uniform.close();
	}

	private static double maxDiff(FloatPlane a, FloatPlane b) {
		double m = 0;
		for (int i = 0; i < a.size(); i++) m = Math.max(m, Math.abs(a.data()[i] - b.data()[i]));
		return m;
	}

	@Test
	void tiledRunsEqualTheUntiledRunInBothDirections() {
		double bytes = MemoryEstimate.bytesPerPixel(cyclecnn.variant().graph(NetworkKind.COLORIZATION));
		InferenceEngine whole = new InferenceEngine(cyclecnn, ChromaUpsampler.DEFAULT, InferenceEngine.DEFAULT_MEMORY_BUDGET);
		for (ColorSide side : ColorSide.values()) {
			for (int factor : new int[] { 1, 2 }) {
				YCbCrImage[] pair = TestModels.pair(236 * factor, 98 * factor, 9, 3, YCbCrRange.FULL);
				InferenceEngine tiled = new InferenceEngine(cyclecnn, ChromaUpsampler.DEFAULT, (long) (bytes * 200 * 100));
				InferenceEngine.Pass a = whole.run(pair[0], pair[1], side, factor, true, true, Progress.NONE);
				InferenceEngine.Pass b = tiled.run(pair[0], pair[1], side, factor, true, true, Progress.NONE);
				String what = side + " factor " + factor + ", " + b.networkTiles() + " for M";
				assertEquals(1, a.networkTiles().tiles().size(), what);
				assertTrue(b.networkTiles().tiles().size() > 1, what);
				double chroma = Math.max(maxDiff(a.cb(), b.cb()), maxDiff(a.cr(), b.cr()));
				double lum = maxDiff(a.warpedLuminance(), b.warpedLuminance());
				double w = maxDiff(FloatPlane.wrap(a.weights().data(), a.weights().data().length, 1),
					FloatPlane.wrap(b.weights().data(), b.weights().data().length, 1));
				System.out.printf(Locale.ROOT, "tiled vs untiled, %s: chroma %.2g, luminance %.2g, weights %.2g%n", what, chroma, lum, w);
				// the issue asks for 1/255 (one 8-bit level is 1); float rounding is all that may differ
				assertTrue(chroma < 1e-3 && lum < 1e-3 && w < 1e-5, what + ": " + chroma + ", " + lum + ", " + w);
			}
		}
	}

	@Test
	void aGuidedNetworkGetsItsPriorCroppedPerTileAndAnswersAsWhole() {
		try (ColorizationModel guided = TestModels.open(TestModels.guided())) {
			assertTrue(guided.needsPrior());
			double bytes = MemoryEstimate.bytesPerPixel(guided.variant().graph(NetworkKind.COLORIZATION));
			// wide enough for two tiles despite the guided network's wide receptive field (propagation and the coarse hourglass)
			int width = 1400;
			ReceptiveField field = ReceptiveField.of(guided.variant().graph(NetworkKind.COLORIZATION));
			int tileWidth = Math.min(width - 8, width / 2 + field.left() + field.right() + 64);
			YCbCrImage[] pair = TestModels.pair(width, 64, 9, 3, YCbCrRange.FULL);
			InferenceEngine whole = new InferenceEngine(guided, ChromaUpsampler.DEFAULT, InferenceEngine.DEFAULT_MEMORY_BUDGET);
			InferenceEngine tiled = new InferenceEngine(guided, ChromaUpsampler.DEFAULT, (long) (bytes * tileWidth * 64));
			for (ColorSide side : ColorSide.values()) {
				InferenceEngine.Pass a = whole.run(pair[0], pair[1], side, 1, 24, true, true, Progress.NONE);
				InferenceEngine.Pass b = tiled.run(pair[0], pair[1], side, 1, 24, true, true, Progress.NONE);
				assertTrue(a.stageMillis().containsKey("prior"), "the prior is a stage of its own");
				assertEquals(1, a.networkTiles().tiles().size());
				assertTrue(b.networkTiles().tiles().size() > 1, b.networkTiles().toString());
				double chroma = Math.max(maxDiff(a.cb(), b.cb()), maxDiff(a.cr(), b.cr()));
				System.out.printf(Locale.ROOT, "guided, tiled vs untiled, %s, %s: chroma %.2g%n", side, b.networkTiles(), chroma);
				assertTrue(chroma < 1e-3, side + ": chroma differs by " + chroma);
			}
			// a guided model needs its prior: the network alone refuses to run without one
			IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
				() -> guided.colorize(pair[0], pair[1], ColorSide.RIGHT));
			assertTrue(e.getMessage().contains("prior"), e.getMessage());
		}
	}

	@Test
	void tiledRefinementEqualsTheWholeRefinement() {
		// at 1/8 scale M needs less memory than the refinement at full resolution, which is tiled
		YCbCrImage[] pair = TestModels.pair(480, 160, 9, 4, YCbCrRange.FULL);
		double bytes = MemoryEstimate.bytesPerPixel(cyclecnn.variant().graph(NetworkKind.COLORIZATION));
		InferenceEngine whole = new InferenceEngine(cyclecnn, ChromaUpsampler.DEFAULT, InferenceEngine.DEFAULT_MEMORY_BUDGET);
		InferenceEngine tiled = new InferenceEngine(cyclecnn, ChromaUpsampler.DEFAULT, (long) (bytes * 60 * 20));
		InferenceEngine.Pass a = whole.run(pair[0], pair[1], ColorSide.RIGHT, 8, true, false, Progress.NONE);
		InferenceEngine.Pass b = tiled.run(pair[0], pair[1], ColorSide.RIGHT, 8, true, false, Progress.NONE);
		assertEquals(1, b.networkTiles().tiles().size());
		assertTrue(b.refinementTiles().tiles().size() > 1, b.refinementTiles().toString());
		double chroma = Math.max(maxDiff(a.cb(), b.cb()), maxDiff(a.cr(), b.cr()));
		System.out.printf(Locale.ROOT, "tiled vs whole refinement, %s: chroma %.2g%n", b.refinementTiles(), chroma);
		assertTrue(chroma < 1e-3, "chroma differs by " + chroma);
	}

	@Test
	void aReferenceOfOneColourGivesThatColourAtEveryScaleSizeAndSide() {
		for (int[] size : new int[][] { { 37, 23 }, { 3, 2 }, { 1, 1 }, { 130, 9 } }) {
			YCbCrImage[] pair = TestModels.pair(size[0], size[1], 4, 5, YCbCrRange.FULL);
			YCbCrImage ref = new YCbCrImage(pair[1].y(), FloatPlane.filled(size[0], size[1], 97f),
				FloatPlane.filled(size[0], size[1], 171f), YCbCrRange.FULL, 255);
			for (ChromaUpsampler up : ChromaUpsampler.values()) {
				InferenceEngine e = new InferenceEngine(cyclecnn, up, InferenceEngine.DEFAULT_MEMORY_BUDGET);
				for (int factor : new int[] { 1, 3 }) {
					for (ColorSide side : ColorSide.values()) {
						InferenceEngine.Pass p = e.run(pair[0], ref, side, factor, false, true, Progress.NONE);
						String what = size[0] + "x" + size[1] + " " + up + " factor " + factor + " " + side;
						assertEquals(size[0], p.cb().width(), what);
						assertEquals(size[1], p.cr().height(), what);
						for (int i = 0; i < p.cb().size(); i++) {
							assertEquals(97, p.cb().data()[i], 1e-3, what);
							assertEquals(171, p.cr().data()[i], 1e-3, what);
						}
						assertEquals((size[0] + factor - 1) / factor, p.weights().width(), what);
					}
				}
			}
		}
	}

	@Test
	void atScaleOneInOneTileTheEngineIsTheNetwork() {
		YCbCrImage[] pair = TestModels.pair(64, 40, 6, 8, YCbCrRange.FULL);
		InferenceEngine e = new InferenceEngine(cyclecnn, ChromaUpsampler.DEFAULT, InferenceEngine.DEFAULT_MEMORY_BUDGET);
		for (ColorSide side : ColorSide.values()) {
			InferenceEngine.Pass p = e.run(pair[0], pair[1], side, 1, false, true, Progress.NONE);
			NetworkOutput direct = cyclecnn.colorize(pair[0], pair[1], side);
			assertEquals(0, maxDiff(p.cb(), direct.cb()), 1e-6);
			assertEquals(0, maxDiff(p.cr(), direct.cr()), 1e-6);
			assertEquals(0, maxDiff(p.warpedLuminance(), direct.luminance()), 1e-6);
			assertEquals(0, maxDiff(FloatPlane.wrap(p.weights().data(), p.weights().data().length, 1),
				FloatPlane.wrap(direct.weights().data(), direct.weights().data().length, 1)), 1e-7);
		}
	}

	@Test
	void uniformWeightsAtTheWorkingScaleAverageTheShrunkReference() {
		// zero scores: W is uniform over the candidates inside the working image, whatever the tiles
		YCbCrImage[] pair = TestModels.pair(598, 40, 5, 2, YCbCrRange.FULL);
		double bytes = MemoryEstimate.bytesPerPixel(uniform.variant().graph(NetworkKind.COLORIZATION));
		InferenceEngine tiled = new InferenceEngine(uniform, ChromaUpsampler.DEFAULT, (long) (bytes * 200 * 20));
		InferenceEngine.Pass p = tiled.run(pair[0], pair[1], ColorSide.LEFT, 2, false, true, Progress.NONE);
		assertTrue(p.networkTiles().tiles().size() > 1, p.networkTiles().toString());
		WeightVolume w = p.weights();
		for (int y = 0; y < w.height(); y++) {
			for (int x = 0; x < w.width(); x++) {
				int inside = Math.min(w.candidates(), w.width() - x);
				for (int k = 0; k < w.candidates(); k++) {
					assertEquals(k < inside ? 1.0 / inside : 0, w.get(k, x, y), 1e-6, "(" + x + ", " + y + ") k=" + k);
				}
			}
		}
	}

	@Test
	void cancellingStopsBetweenTiles() {
		YCbCrImage[] pair = TestModels.pair(200, 60, 5, 2, YCbCrRange.FULL);
		double bytes = MemoryEstimate.bytesPerPixel(cyclecnn.variant().graph(NetworkKind.COLORIZATION));
		InferenceEngine tiled = new InferenceEngine(cyclecnn, ChromaUpsampler.DEFAULT, (long) (bytes * 150 * 60));
		int[] reports = new int[1];
		Progress cancelAfterFirstTile = new Progress() {
			@Override
			public void report(double fraction, String message) {
				if (message != null && message.contains("tile")) reports[0]++;
			}

			@Override
			public boolean isCancelled() {
				return reports[0] >= 1;
			}
		};
		assertThrows(CancelledException.class, () -> tiled.run(pair[0], pair[1], ColorSide.RIGHT, 1, true, false, cancelAfterFirstTile));
		assertEquals(1, reports[0], "stopped before the second tile");
	}
}
