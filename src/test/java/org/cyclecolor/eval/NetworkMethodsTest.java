package org.cyclecolor.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.infer.AuthorsModelImporter;
import org.cyclecolor.infer.BundledModel;
import org.cyclecolor.infer.ChromaUpsampler;
import org.cyclecolor.infer.ColorizationModel;
import org.cyclecolor.infer.CycleCheck;
import org.cyclecolor.infer.InferenceEngine;
import org.cyclecolor.infer.NetworkColorizer;
import org.cyclecolor.infer.TestModels;
import org.cyclecolor.infer.WorkingScale;
import org.cyclecolor.method.ColorizationInput;
import org.cyclecolor.metrics.Psnr;
import org.cyclecolor.synth.DatasetOptions;
import org.cyclecolor.synth.DatasetPair;
import org.cyclecolor.synth.Datasets;
import org.cyclecolor.synth.MonoColorPair;
import org.cyclecolor.synth.OnProblem;
import org.cyclecolor.synth.PairDataset;
import org.cyclecolor.testutil.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network rows of an evaluation: names and files checked before any work, a model file run as
 * the Colorize command runs it, and the second pass — flips around the same colorizer — giving
 * the cycle score of the inference engine's own cycle check ({@link CycleCheck}, which searches
 * the other way inside the engine instead of flipping).
 */
class NetworkMethodsTest {

	@TempDir
	Path tmp;

	@Test
	void namesAndFilesAreCheckedBeforeAnyWork() throws IOException {
		Path model = TestModels.cyclecnn();
		List<Methods.Spec> specs = Methods.parse("unwarped, MODEL:" + model);
		assertEquals(List.of("unwarped", "model:cyclecnn.onnx"), specs.stream().map(Methods.Spec::name).toList());
		assertEquals(model, specs.get(1).file(), "the path keeps its case");
		assertEquals(Methods.Kind.MODEL, specs.get(1).kind());

		Path missing = tmp.resolve("none.onnx");
		assertMessage("The model file " + missing + " (method 'model:" + missing + "') does not exist; check the path.",
			"model:" + missing);
		Path text = Files.writeString(tmp.resolve("notes.txt"), "x");
		assertMessage("The model file notes.txt (method 'model:" + text + "') is not a .onnx file; give a model exported or "
			+ "imported by this suite.", "model:" + text);
		assertMessage("The method 'model:' names no model file; write the path after the colon.", "model:");
		assertMessage("The method authors needs a file: write authors:<path to the released s0.h5>.", "welsh,authors");
		assertMessage("The method 'model:cyclecnn.onnx' is named twice; name each method once.", "model:" + model + ",model:" + model);
		assertMessage("Unknown method 'colornet'; choose from unwarped, welsh, stereo-levin, sgm-warp, authors-output, default, "
			+ "cyclecnn, model:<file.onnx>, authors:<weights.h5> (comma-separated).", "colornet");
	}

	@Test
	void cyclecnnIsTheBundledModelOrAClearError() {
		for (BundledModel.Which which : BundledModel.Which.values()) {
			if (BundledModel.available(which)) {
				assertEquals(Methods.Kind.BUNDLED, Methods.parse(which.key()).get(0).kind());
			}
			else {
				assertMessage("The method " + which.key() + " runs the " + which.label() + ", and this version ships none; "
					+ "evaluate a model file instead (model:<file.onnx>, or authors:<s0.h5> for the authors' released weights).",
					"unwarped," + which.key());
			}
		}
	}

	private static void assertMessage(String expected, String list) {
		assertEquals(expected, assertThrows(UserException.class, () -> Methods.parse(list)).getMessage());
	}

	@Test
	void aModelFileIsTheNetworkColorizerAndItsCycleIsTheCycleCheck() throws IOException {
		for (String id : List.of("a", "b")) TinyScenes.write(tmp, id, id.hashCode());
		PairDataset data = Datasets.open(tmp, DatasetOptions.defaults().withOnProblem(OnProblem.SKIP), Progress.NONE);
		List<EvaluationMethod> methods = Methods.create(Methods.parse("model:" + TestModels.cyclecnn()), Progress.NONE);
		EvaluationResult result;
		try {
			result = Evaluation.run(data, methods, Evaluation.Options.defaults(), null, Progress.NONE);
		}
		finally {
			methods.forEach(EvaluationMethod::close);
		}
		assertEquals(2, result.records().size());
		try (ColorizationModel m = TestModels.open(TestModels.cyclecnn())) {
			InferenceEngine engine = new InferenceEngine(m, ChromaUpsampler.DEFAULT, InferenceEngine.DEFAULT_MEMORY_BUDGET);
			for (SceneRecord r : result.records()) {
				assertEquals(SceneRecord.Status.OK, r.status(), r.message());
				assertEquals("model:cyclecnn.onnx", r.method());
				DatasetPair item = data.load(result.scenes().indexOf(r.scene()));
				checkAgainstEngine(r, item.pair(), engine);
				// First time: the Colorize command's result, scored against the ground truth.
				RgbImage first = EightBit.of(new NetworkColorizer(engine, true).colorize(item.pair().input(), Progress.NONE).image());
				Region region = Evaluation.firstRegion(item.pair());
				// Colour camera on the right: the left d columns are left out, and 5 px at every edge.
				int x0 = 5 + TinyScenes.FRONT, x1 = item.pair().width() - 5;
				RgbImage a = first.crop(x0, 5, x1 - x0, item.pair().height() - 10);
				RgbImage t = item.groundTruth().orElseThrow().color().crop(x0, 5, x1 - x0, item.pair().height() - 10);
				assertEquals(region.count(), a.width() * a.height());
				assertEquals(Psnr.rgb(a, t), r.all().rgbPsnr(), 1e-9);
			}
		}
	}

	/**
	 * The second pass of {@code r} against the inference engine's own cycle check, over the same
	 * region. The flips around the colorizer are the engine's search the other way: given the
	 * network's own first result (unclipped chroma) and no refinement — a CNN that is not mirror
	 * symmetric, which the flips show a mirrored image — the scores agree up to the 8-bit rounding
	 * of R'_C. The evaluation itself runs the refinement and hands the second pass I_C as a saved
	 * result holds it (8-bit: clipped, rounded), like every method's; its record holds that score.
	 */
	private static void checkAgainstEngine(SceneRecord r, MonoColorPair pair, InferenceEngine engine) {
		ColorizationInput in = pair.input();
		int factor = WorkingScale.auto(in.maxDisparity(), in.width(), engine.model().variant());
		Region region = Evaluation.cycleRegion(pair);

		NetworkColorizer plain = new NetworkColorizer(engine, false);
		NetworkColorizer.Output first = plain.run(in.gray(), in.reference(), in.colorSide(), factor, false, Progress.NONE);
		CycleCheck.Result check = CycleCheck.run(engine, pair.color(), first, in.colorSide(), false, false, Progress.NONE);
		Scores flipped = Comparison.of(new ColorizerMethod("plain", plain, null).colorizeBack(pair, YCbCr.toRgb(first.modelImage()),
			Progress.NONE), pair.color(), Progress.NONE).scores(region);
		System.out.printf(Locale.ROOT, "%s %s: second-time SSIM Cb/Cr %.5f, RGB %.5f; without refinement: engine's cycle check "
			+ "%.5f, %.5f, flips %.5f, %.5f%n", r.scene(), r.method(), r.cycle().cbcrSsim(), r.cycle().rgbSsim(),
			region.mean(check.cbcr().map()), region.mean(check.rgb().map()), flipped.cbcrSsim(), flipped.rgbSsim());
		assertEquals(region.mean(check.cbcr().map()), flipped.cbcrSsim(), 1e-3, r.scene());
		assertEquals(region.mean(check.rgb().map()), flipped.rgbSsim(), 1e-3, r.scene());

		NetworkColorizer refined = new NetworkColorizer(engine, true);
		RgbImage saved = EightBit.of(engine.model().hasRefinement() ? refined.colorize(in, Progress.NONE).image() : first.image());
		Scores expected = Comparison.of(new ColorizerMethod("refined", refined, null).colorizeBack(pair, saved, Progress.NONE),
			pair.color(), Progress.NONE).scores(region);
		assertEquals(expected.cbcrSsim(), r.cycle().cbcrSsim(), 1e-6, r.scene());
		assertEquals(expected.rgbSsim(), r.cycle().rgbSsim(), 1e-6, r.scene());
		assertEquals(expected.cbcrPsnr(), r.cycle().cbcrPsnr(), 1e-4, r.scene());
	}

	/** The authors' released weights through the importer on their real pairs: the row of the paper's Table 1. */
	@Test
	void theAuthorsWeightsOnTheirRealPairs() {
		Path h5 = SharedData.require("models/authors-cyclecnn-aaai20/s0.h5");
		PairDataset data = Datasets.open(SharedData.require("real-mono-color"), DatasetOptions.defaults(), Progress.NONE);
		List<EvaluationMethod> methods = Methods.create(Methods.parse("authors:" + h5), Progress.NONE);
		EvaluationResult result;
		try {
			result = Evaluation.run(data, methods, new Evaluation.Options(null, 1, true), null, Progress.NONE);
		}
		finally {
			methods.forEach(EvaluationMethod::close);
		}
		Path imported = tmp.resolve("authors.onnx");
		AuthorsModelImporter.importTo(h5, imported, false, Progress.NONE);
		try (ColorizationModel m = TestModels.open(imported)) {
			InferenceEngine engine = new InferenceEngine(m, ChromaUpsampler.DEFAULT, InferenceEngine.DEFAULT_MEMORY_BUDGET);
			for (SceneRecord r : result.records()) {
				assertEquals("authors", r.method());
				assertEquals(null, r.all(), "real pairs: no ground truth");
				checkAgainstEngine(r, data.load(result.scenes().indexOf(r.scene())).pair(), engine);
				assertTrue(r.cycle().rgbSsim() > 0.9, r.toString());
			}
		}
	}
}
