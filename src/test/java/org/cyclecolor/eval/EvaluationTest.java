package org.cyclecolor.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.baseline.UnwarpedColorizer;
import org.cyclecolor.baseline.WelshColorizer;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.method.ColorizationInput;
import org.cyclecolor.method.ColorizationResult;
import org.cyclecolor.method.Colorizer;
import org.cyclecolor.metrics.Channel;
import org.cyclecolor.metrics.ChannelSsim;
import org.cyclecolor.metrics.DeltaE76;
import org.cyclecolor.metrics.Lcc;
import org.cyclecolor.metrics.Psnr;
import org.cyclecolor.metrics.Ssim;
import org.cyclecolor.metrics.SsimMode;
import org.cyclecolor.synth.DatasetOptions;
import org.cyclecolor.synth.DatasetPair;
import org.cyclecolor.synth.Datasets;
import org.cyclecolor.synth.GroundTruth;
import org.cyclecolor.synth.OnProblem;
import org.cyclecolor.synth.PairDataset;
import org.cyclecolor.synth.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation run on tiny stereo scenes with known geometry; every number checked against {@code metrics} directly. */
class EvaluationTest {

	@TempDir
	Path tmp;

	private PairDataset scenes(String... ids) throws IOException {
		for (int i = 0; i < ids.length; i++) TinyScenes.write(tmp, ids[i], 100 + i);
		return Datasets.open(tmp, DatasetOptions.defaults().withOnProblem(OnProblem.SKIP), Progress.NONE);
	}

	/** The result as an 8-bit file holds it, computed here without the eval package. */
	private static RgbImage eightBit(RgbImage rgb) {
		FloatPlane[] c = new FloatPlane[3];
		for (int k = 0; k < 3; k++) {
			c[k] = new FloatPlane(rgb.width(), rgb.height());
			for (int i = 0; i < c[k].size(); i++) c[k].data()[i] = ImagePlusAdapter.to8bit(rgb.channel(k).data()[i]);
		}
		return new RgbImage(c[0], c[1], c[2], 255);
	}

	private static RgbImage colorize(Colorizer c, ColorizationInput in) {
		return eightBit(YCbCr.toRgb(c.colorize(in, Progress.NONE).image()));
	}

	/** Mean of the rectangle [x0, x1) x [y0, y1) of a map (optionally only where {@code keep} is 1). */
	private static double mean(FloatPlane map, int x0, int x1, int y0, int y1, FloatPlane only, float value) {
		double s = 0;
		int n = 0;
		for (int y = y0; y < y1; y++) {
			for (int x = x0; x < x1; x++) {
				if (only != null && only.get(x, y) != value) continue;
				s += map.get(x, y);
				n++;
			}
		}
		return s / n;
	}

	@Test
	void scoresEqualTheMetricsComputedDirectly() throws IOException {
		PairDataset data = scenes("a", "b");
		EvaluationResult result = Evaluation.run(data, List.of(new ColorizerMethod(new UnwarpedColorizer()),
			new ColorizerMethod(new WelshColorizer())), Evaluation.Options.defaults(), null, Progress.NONE);
		assertEquals(List.of("a", "b"), result.scenes());
		assertEquals(4, result.records().size());
		Ssim ssim = new Ssim(255);
		for (SceneRecord r : result.records()) {
			DatasetPair item = data.load(result.scenes().indexOf(r.scene()));
			GroundTruth gt = item.groundTruth().orElseThrow();
			ColorizationInput in = item.pair().input();
			Colorizer c = r.method().equals("welsh") ? new WelshColorizer() : new UnwarpedColorizer();
			RgbImage first = colorize(c, in);
			int w = first.width(), h = first.height(), d = in.maxDisparity();
			assertEquals(TinyScenes.FRONT, d, "the largest true disparity");
			assertEquals(ColorSide.RIGHT, in.colorSide());
			// Colour camera on the right: the left d columns have no match; 5 px (SSIM window) at every edge.
			int x0 = 5 + d, x1 = w - 5, y0 = 5, y1 = h - 5;
			RgbImage a = first.crop(x0, y0, x1 - x0, y1 - y0), t = gt.color().crop(x0, y0, x1 - x0, y1 - y0);
			assertEquals(Psnr.rgb(a, t), r.all().rgbPsnr(), 1e-9, r.toString());
			assertEquals(Psnr.of(a, t, List.of(Channel.CB, Channel.CR)), r.all().cbcrPsnr(), 1e-9);
			assertEquals(mean(ChannelSsim.compare(first, gt.color(), SsimMode.RGB, ssim, Progress.NONE).map(), x0, x1, y0, y1,
				null, 0), r.all().rgbSsim(), 1e-9);
			FloatPlane cbcrMap = ChannelSsim.compare(first, gt.color(), SsimMode.CBCR, ssim, Progress.NONE).map();
			assertEquals(mean(cbcrMap, x0, x1, y0, y1, null, 0), r.all().cbcrSsim(), 1e-9);
			FloatPlane de = DeltaE76.map(first, gt.color());
			assertEquals(mean(de, x0, x1, y0, y1, null, 0), r.all().deltaE(), 1e-6);
			assertEquals((x1 - x0) * (y1 - y0), r.all().pixels());

			// Visible and occluded pixels: the protocol's occlusion mask inside the same rectangle.
			FloatPlane occ = gt.occlusion();
			assertNotNull(occ);
			assertTrue(r.occluded().pixels() > 0, "the square occludes background beside it");
			assertEquals(r.all().pixels(), r.visible().pixels() + r.occluded().pixels(), "every scored pixel is known here");
			assertEquals(mean(de, x0, x1, y0, y1, occ, GroundTruth.VISIBLE), r.visible().deltaE(), 1e-6);
			assertEquals(mean(de, x0, x1, y0, y1, occ, GroundTruth.OCCLUDED), r.occluded().deltaE(), 1e-6);
			assertEquals(mean(cbcrMap, x0, x1, y0, y1, occ, GroundTruth.OCCLUDED), r.occluded().cbcrSsim(), 1e-9);

			// Second time: R_G and I_C flipped, the same colorizer, flipped back; against the colour image,
			// the border now on the right (the gray view's camera is on the colour camera's left).
			RgbImage color = item.pair().color();
			RgbImage back = colorize(c, new ColorizationInput(YCbCr.luma(color).flipHorizontal(), first.flipHorizontal(),
				ColorSide.RIGHT, d)).flipHorizontal();
			int cx0 = 5, cx1 = w - 5 - d;
			RgbImage b = back.crop(cx0, y0, cx1 - cx0, y1 - y0), rc = color.crop(cx0, y0, cx1 - cx0, y1 - y0);
			assertEquals(Psnr.of(b, rc, List.of(Channel.CB, Channel.CR)), r.cycle().cbcrPsnr(), 1e-9);
			assertEquals(mean(ChannelSsim.compare(back, color, SsimMode.CBCR, ssim, Progress.NONE).map(), cx0, cx1, y0, y1, null, 0),
				r.cycle().cbcrSsim(), 1e-9);
			assertEquals(mean(ChannelSsim.compare(back, color, SsimMode.RGB, ssim, Progress.NONE).map(), cx0, cx1, y0, y1, null, 0),
				r.cycle().rgbSsim(), 1e-9);
			assertTrue(r.seconds() >= 0 && r.cycleSeconds() >= 0);
		}
		// The unwarped reference copies chroma pixel for pixel both ways, so its cycle comes back almost
		// exactly (8-bit rounding only) although its first result is poor: the cycle score's blind spot.
		SceneRecord unwarped = result.of("unwarped").get(0);
		assertTrue(unwarped.cycle().cbcrPsnr() > 45, unwarped.toString());
		assertTrue(unwarped.all().cbcrPsnr() < 35, unwarped.toString());
	}

	/** A colorizer that records what it is given and answers with the unwarped reference. */
	private static final class Spy implements Colorizer {
		final List<ColorizationInput> inputs = new ArrayList<>();

		@Override
		public String name() {
			return "spy";
		}

		@Override
		public ColorizationResult colorize(ColorizationInput input, Progress progress) {
			inputs.add(input);
			return new UnwarpedColorizer().colorize(input, progress);
		}
	}

	@Test
	void theSecondPassColorizesTheFlippedColourLuminanceWithTheFlippedFirstResult() throws IOException {
		PairDataset data = scenes("a");
		Spy spy = new Spy();
		EvaluationResult result = Evaluation.run(data, List.of(new ColorizerMethod(spy)), Evaluation.Options.defaults(), null,
			Progress.NONE);
		assertEquals(2, spy.inputs.size());
		DatasetPair item = data.load(0);
		ColorizationInput first = spy.inputs.get(0), second = spy.inputs.get(1);
		assertEquals(item.pair().gray().data().length, first.gray().data().length);
		assertEquals(first.colorSide(), second.colorSide(), "after the flips the search runs the same way");
		assertEquals(first.maxDisparity(), second.maxDisparity());
		FloatPlane rg = YCbCr.luma(item.pair().color());
		RgbImage ic = colorize(new UnwarpedColorizer(), first);
		int w = rg.width();
		for (int y = 0; y < rg.height(); y += 7) {
			for (int x = 0; x < w; x += 5) {
				assertEquals(rg.get(w - 1 - x, y), second.gray().get(x, y), 1e-4, "R_G flipped");
				assertEquals(ic.g().get(w - 1 - x, y), second.reference().g().get(x, y), 0, "I_C flipped");
			}
		}
		assertTrue(result.records().get(0).cycle() != null);
	}

	/** Fails on scene "b"; the unwarped reference elsewhere. */
	private static final class FailsOnB implements Colorizer {
		@Override
		public String name() {
			return "fragile";
		}

		@Override
		public ColorizationResult colorize(ColorizationInput input, Progress progress) {
			// Scene b is told apart by its pixels: its gray image is the one given to the test below.
			if (input.gray().data()[0] == marker) throw new IllegalStateException("solver diverged");
			return new UnwarpedColorizer().colorize(input, progress);
		}

		static float marker = Float.NaN;
	}

	@Test
	void aFailingMethodAndABrokenSceneAreRecordedAndTheRunGoesOn() throws IOException {
		PairDataset ok = scenes("a", "b");
		// A broken scene: its right view is smaller than its left.
		Path broken = TinyScenes.write(tmp, "c-broken", 7);
		TestFiles.writeRgb(TinyScenes.texture(40, 30, new java.util.Random(1)), broken.resolve("right.png"));
		PairDataset data = Datasets.open(tmp, DatasetOptions.defaults().withOnProblem(OnProblem.SKIP), Progress.NONE);
		assertEquals(2, ok.size());
		FailsOnB.marker = data.load(1).pair().gray().data()[0];
		assertFalse(data.load(0).pair().gray().data()[0] == FailsOnB.marker, "the scenes are told apart");
		List<String> logged = new ArrayList<>();
		Progress progress = new Progress() {
			@Override
			public void report(double fraction, String message) {}

			@Override
			public void log(String message) {
				logged.add(message);
			}

			@Override
			public boolean isCancelled() {
				return false;
			}
		};
		EvaluationResult result = Evaluation.run(data, List.of(new ColorizerMethod(new FailsOnB()), new AuthorsOutputMethod()),
			Evaluation.Options.defaults(), null, progress);
		assertEquals(List.of("a", "b"), result.scenes());
		assertEquals(1, result.skipped());
		assertEquals("c-broken", result.problems().get(0).item());
		assertTrue(result.problems().get(0).reason().contains("right.png is 40x30"), result.problems().toString());

		SceneRecord a = result.records().get(0), b = result.records().get(2);
		assertEquals(SceneRecord.Status.OK, a.status());
		assertEquals(SceneRecord.Status.FAILED, b.status());
		assertEquals("fragile", b.method());
		assertEquals("IllegalStateException: solver diverged", b.message());
		assertNull(b.all());
		assertTrue(Double.isNaN(b.seconds()));
		assertTrue(logged.stream().anyMatch(l -> l.contains("fragile failed on b: IllegalStateException: solver diverged")), logged.toString());
		SceneRecord na = result.records().get(1);
		assertEquals(SceneRecord.Status.NOT_APPLICABLE, na.status());
		assertEquals("the dataset has no authors' result file for it", na.message());

		MethodSummary s = result.summaries().get(0);
		assertEquals(1, s.ok());
		assertEquals(1, s.failed());
		assertEquals(1, s.all().n());
		assertEquals(a.all().cbcrPsnr(), s.all().get("cbcr_psnr"), 0, "the mean is over the scenes that worked");
	}

	@Test
	void lccOfTheFirstAgainstSecondTimeSsimIsMetricsLcc() throws IOException {
		PairDataset data = scenes("a", "b", "c", "d");
		EvaluationResult result = Evaluation.run(data, List.of(new ColorizerMethod(new WelshColorizer())),
			Evaluation.Options.defaults(), null, Progress.NONE);
		List<SceneRecord> rs = result.of("welsh");
		double[] f = rs.stream().mapToDouble(r -> r.all().cbcrSsim()).toArray();
		double[] s = rs.stream().mapToDouble(r -> r.cycle().cbcrSsim()).toArray();
		double[] fr = rs.stream().mapToDouble(r -> r.all().rgbSsim()).toArray();
		double[] sr = rs.stream().mapToDouble(r -> r.cycle().rgbSsim()).toArray();
		MethodSummary m = result.summaries().get(0);
		assertEquals(4, m.lccScenes());
		assertEquals(Lcc.of(f, s), m.lccCbcrSsim(), 1e-12);
		assertEquals(Lcc.of(fr, sr), m.lccRgbSsim(), 1e-12);
		double[][] scatter = MethodSummary.ssimPairs(rs, true);
		assertEquals(4, scatter.length);
		for (int i = 0; i < 4; i++) {
			assertEquals(f[i], scatter[i][0], 0);
			assertEquals(s[i], scatter[i][1], 0);
		}
		assertFalse(Double.isNaN(m.lccCbcrSsim()));
	}

	@Test
	void fewerThanThreeScenesGiveNoLcc() throws IOException {
		EvaluationResult result = Evaluation.run(scenes("a", "b"), List.of(new ColorizerMethod(new WelshColorizer())),
			Evaluation.Options.defaults(), null, Progress.NONE);
		assertTrue(Double.isNaN(result.summaries().get(0).lccCbcrSsim()));
	}

	@Test
	void sameInputsGiveTheSameNumbers() throws IOException {
		PairDataset data = scenes("a", "b");
		List<String> runs = new ArrayList<>();
		for (int k = 0; k < 2; k++) {
			EvaluationResult r = Evaluation.run(data, List.of(new ColorizerMethod(new WelshColorizer())), Evaluation.Options.defaults(),
				null, Progress.NONE);
			runs.add(r.records().stream().map(x -> x.all().toString() + x.cycle()).toList().toString());
		}
		assertEquals(runs.get(0), runs.get(1));
	}

	@Test
	void scenesAreSelectedByPatternAndLimit() throws IOException {
		PairDataset data = scenes("mb-a", "mb-b", "ft-c");
		// Entries are sorted by id: ft-c, mb-a, mb-b.
		assertEquals(List.of(1, 2), Evaluation.select(data, new Evaluation.Options("mb-*", 0, true)));
		assertEquals(List.of(0, 1), Evaluation.select(data, new Evaluation.Options("ft-*, mb-a", 0, true)));
		assertEquals(List.of(1), Evaluation.select(data, new Evaluation.Options("mb-*", 1, true)));
		UserException e = assertThrows(UserException.class, () -> Evaluation.select(data, new Evaluation.Options("kitti*", 0, true)));
		assertEquals("No scene of " + tmp + " matches 'kitti*'; its scenes are ft-c, mb-a, mb-b.", e.getMessage());
		EvaluationResult r = Evaluation.run(data, List.of(new ColorizerMethod(new UnwarpedColorizer())),
			new Evaluation.Options("ft-*", 0, false), null, Progress.NONE);
		assertEquals(2, r.leftOut());
		assertNull(r.records().get(0).cycle());
		assertEquals("second pass not asked for", r.records().get(0).cycleMessage());
	}

	@Test
	void aSceneTooNarrowForItsBorderIsSkippedAndNoSceneAtAllIsAnError() throws IOException {
		TinyScenes.write(tmp, "a", 1);
		// 72 px wide: a border of 62 px plus 5 at each edge leaves no column.
		PairDataset data = Datasets.open(tmp, DatasetOptions.defaults().withMaxDisparity(62), Progress.NONE);
		UserException e = assertThrows(UserException.class, () -> Evaluation.run(data,
			List.of(new ColorizerMethod(new UnwarpedColorizer())), Evaluation.Options.defaults(), null, Progress.NONE));
		assertTrue(e.getMessage().startsWith("No scene of " + tmp + " could be evaluated; fix or remove them:\n  "), e.getMessage());
		assertTrue(e.getMessage().endsWith(": is 72x48: a border of 62 px (its largest disparity) leaves nothing to score; give a "
			+ "smaller largest disparity"), e.getMessage());
		TinyScenes.write(tmp, "b", 2);
		PairDataset two = Datasets.open(tmp, DatasetOptions.defaults().withMaxDisparity(61), Progress.NONE);
		assertEquals(2, Evaluation.run(two, List.of(new ColorizerMethod(new UnwarpedColorizer())), Evaluation.Options.defaults(),
			null, Progress.NONE).scenes().size(), "61 px leaves one column");
	}

	@Test
	void pairsWithoutGroundTruthNeedTheCyclePass() throws IOException {
		Path pairs = org.cyclecolor.train.PairFolders.write(tmp.resolve("rig"), 2, 64, 40);
		PairDataset data = Datasets.open(pairs, DatasetOptions.defaults().withColorSide(ColorSide.LEFT).withMaxDisparity(6),
			Progress.NONE);
		List<EvaluationMethod> unwarped = List.of(new ColorizerMethod(new UnwarpedColorizer()));
		UserException e = assertThrows(UserException.class, () -> Evaluation.run(data, unwarped, new Evaluation.Options("", 0, false), null,
			Progress.NONE));
		assertTrue(e.getMessage().startsWith("No scene of " + pairs + " could be evaluated"), e.getMessage());
		assertTrue(e.getMessage().contains(": has no ground truth, and without the second (cycle) pass nothing can be scored"),
			e.getMessage());
		EvaluationResult withCycle = Evaluation.run(data, unwarped, new Evaluation.Options("", 0, true), null, Progress.NONE);
		assertEquals(2, withCycle.scenes().size(), "the cycle pass scores pairs without ground truth");
	}

	@Test
	void theRegionLeavesOutTheBorderOnTheUnmatchedSide() {
		Region right = Region.interior(40, 20, ColorSide.RIGHT, 8), left = Region.interior(40, 20, ColorSide.LEFT, 8);
		assertEquals((40 - 10 - 8) * 10, right.count());
		assertFalse(right.mask()[5 * 40 + 12]);
		assertTrue(right.mask()[5 * 40 + 13]);
		assertTrue(right.mask()[5 * 40 + 34]);
		assertFalse(right.mask()[5 * 40 + 35]);
		assertTrue(left.mask()[5 * 40 + 5]);
		assertFalse(left.mask()[5 * 40 + 27]);
		assertTrue(left.mask()[5 * 40 + 26]);
		assertThrows(IllegalArgumentException.class, () -> Region.interior(20, 20, ColorSide.LEFT, 10));
		assertEquals(220.0 / 800, right.fraction(), 1e-12);
		assertTrue(Double.isNaN(right.where(FloatPlane.filled(40, 20, 0), 1, "none").mean(FloatPlane.filled(40, 20, 3))));
	}

	@Test
	void authorsResultFilesAreReadAndCompletedWithGray() {
		FloatPlane gray = FloatPlane.filled(10, 4, 100);
		RgbImage part = new RgbImage(FloatPlane.filled(8, 4, 200), FloatPlane.filled(8, 4, 50), FloatPlane.filled(8, 4, 10), 255);
		RgbImage full = AuthorsOutputMethod.completedWithGray(part, gray);
		assertEquals(10, full.width());
		assertEquals(200, full.r().get(7, 3), 0);
		assertEquals(100, full.r().get(8, 3), 0);
		assertEquals(100, full.b().get(9, 0), 0);
	}
}
