package org.cyclecolor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.cyclecolor.Progress;
import org.cyclecolor.image.CoarseGrid;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.GuidedFilterUpsampling;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.JointBilateralUpsampling;
import org.cyclecolor.image.Resampler;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.infer.AuthorsModelImporter;
import org.cyclecolor.infer.ChromaUpsampler;
import org.cyclecolor.infer.ColorizationModel;
import org.cyclecolor.infer.InferenceEngine;
import org.cyclecolor.infer.NetworkColorizer;
import org.cyclecolor.infer.RuntimeOptions;
import org.cyclecolor.metrics.Psnr;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.synth.DatasetOptions;
import org.cyclecolor.synth.DatasetPair;
import org.cyclecolor.synth.Datasets;
import org.cyclecolor.synth.GroundTruth;
import org.cyclecolor.testutil.SharedData;

/**
 * Which guided upsampler brings working-scale chroma back to full resolution best: on images with
 * known colour (the left views of the shared stereo scenes and the Kodak photos), the true chroma
 * is shrunk by the working factor (area averaging, as the engine shrinks its inputs), brought back
 * by each method guided by the image's luminance (what the mono camera gives), and compared with
 * the true chroma: PSNR over Cb and Cr, mean over images, per factor. Also the time per megapixel
 * of each default.
 *
 * <pre>scripts/bench UpsamplerStudy [maxImages]
scripts/bench UpsamplerStudy end-to-end [factor]</pre>
 */
public final class UpsamplerStudy {

	private record Method(String name, Function<Input, FloatPlane[]> run) {}

	private record Input(FloatPlane[] coarse, FloatPlane guideCoarse, FloatPlane guide, int factor) {}

	private UpsamplerStudy() {}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("end-to-end")) {
			endToEnd(args.length > 1 ? Integer.parseInt(args[1]) : 2);
			return;
		}
		int maxImages = args.length > 0 ? Integer.parseInt(args[0]) : Integer.MAX_VALUE;
		System.out.println(Bench.machine());
		List<Path> images = new ArrayList<>();
		try (Stream<Path> s = Files.list(SharedData.require("stereo"))) {
			s.sorted().map(d -> d.resolve("left.png")).filter(Files::exists).forEach(images::add);
		}
		try (Stream<Path> s = Files.list(SharedData.require("photos/kodak"))) {
			s.sorted().forEach(images::add);
		}
		if (images.size() > maxImages) images = images.subList(0, maxImages);

		List<Method> methods = new ArrayList<>();
		methods.add(new Method("bilinear", in -> {
			FloatPlane[] out = new FloatPlane[in.coarse.length];
			for (int c = 0; c < out.length; c++) out[c] = CoarseGrid.bilinearUpsample(in.coarse[c], in.guide.width(), in.guide.height(), in.factor);
			return out;
		}));
		for (double ss : new double[] { 0.35, 0.5, 0.7, 1.0 }) {
			for (double sr : new double[] { 8, 12, 16, 24, 32 }) {
				JointBilateralUpsampling j = new JointBilateralUpsampling(ss, sr);
				methods.add(new Method(String.format(Locale.ROOT, "jbu s%.1f r%.0f", ss, sr),
					in -> j.upsample(in.coarse, in.guideCoarse, in.guide, in.factor)));
			}
		}
		for (int r : new int[] { 1, 2 }) {
			for (double eps : new double[] { 4, 25, 100 }) {
				GuidedFilterUpsampling g = new GuidedFilterUpsampling(r, eps);
				methods.add(new Method(String.format(Locale.ROOT, "gf r%d e%.0f", r, eps),
					in -> g.upsample(in.coarse, in.guideCoarse, in.guide, in.factor)));
			}
		}

		int[] factors = { 2, 4, 8 };
		Map<String, double[]> sums = new LinkedHashMap<>();
		for (Method m : methods) sums.put(m.name, new double[factors.length]);
		for (Path p : images) {
			RgbImage rgb = ImagePlusAdapter.toRgb(ImageFiles.read(p), Double.NaN);
			YCbCrImage ycc = YCbCr.toYCbCr(rgb, YCbCrRange.FULL);
			List<FloatPlane> truth = List.of(ycc.cb(), ycc.cr());
			for (int f = 0; f < factors.length; f++) {
				int k = factors[f];
				Input in = new Input(new FloatPlane[] { Resampler.shrink(ycc.cb(), k), Resampler.shrink(ycc.cr(), k) },
					Resampler.shrink(ycc.y(), k), ycc.y(), k);
				for (Method m : methods) {
					FloatPlane[] up = m.run.apply(in);
					sums.get(m.name)[f] += Psnr.of(List.of(up), truth, 255);
				}
			}
			System.out.println("  " + p.getParent().getFileName() + "/" + p.getFileName() + " " + rgb.width() + "x" + rgb.height());
		}
		System.out.printf(Locale.ROOT, "%nMean Cb/Cr PSNR (dB) over %d images, chroma shrunk by the factor and brought back:%n",
			images.size());
		System.out.printf(Locale.ROOT, "| method | x2 | x4 | x8 |%n|---|---|---|---|%n");
		for (Map.Entry<String, double[]> e : sums.entrySet()) {
			double[] s = e.getValue();
			System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", e.getKey(), s[0] / images.size(), s[1] / images.size(),
				s[2] / images.size());
		}
	}

	/**
	 * The whole engine with the authors' released network (imported from the shared data) on
	 * synthesized pairs with ground truth — the Middlebury scenes that have it and the bundled
	 * sample — at working scale {@code factor}: the network's chroma is the same for every
	 * upsampler, so the differences are the upsamplers'. Cb/Cr PSNR against the true colour.
	 */
	private static void endToEnd(int factor) throws Exception {
		Path onnx = Files.createTempFile("authors", ".onnx");
		Files.delete(onnx);
		AuthorsModelImporter.importTo(SharedData.require("models/authors-cyclecnn-aaai20/s0.h5"), onnx, false, Progress.NONE);
		List<DatasetPair> pairs = new ArrayList<>();
		Path stereo = SharedData.require("stereo");
		for (String scene : new String[] { "mb2001-tsukuba", "mb2003-cones", "mb2003-teddy", "mb2005-art", "mb2005-books", "mb2005-dolls",
			"mb2005-laundry", "mb2005-moebius", "mb2005-reindeer-half" }) {
			pairs.add(Datasets.open(stereo.resolve(scene), DatasetOptions.defaults(), Progress.NONE).load(0));
		}
		pairs.add(Datasets.open(Path.of("sample-data"), DatasetOptions.defaults(), Progress.NONE).load(0));
		System.out.printf(Locale.ROOT, "End to end, authors-aaai20 released weights, working scale 1/%d; Cb/Cr PSNR (dB) against the true "
			+ "colour, all pixels / without the max-disparity-wide band the colour camera cannot see:%n", factor);
		System.out.print("| pair |");
		for (ChromaUpsampler u : ChromaUpsampler.values()) System.out.print(" " + u.key() + " |");
		System.out.println();
		double[] sum = new double[ChromaUpsampler.values().length], inner = new double[sum.length];
		try (ColorizationModel m = ColorizationModel.open(onnx, RuntimeOptions.cpu(2), Progress.NONE)) {
			for (DatasetPair p : pairs) {
				GroundTruth truth = p.groundTruth().orElseThrow();
				YCbCrImage t = YCbCr.toYCbCr(truth.color(), YCbCrRange.FULL);
				System.out.print("| " + p.id() + " |");
				for (ChromaUpsampler u : ChromaUpsampler.values()) {
					InferenceEngine e = new InferenceEngine(m, u, InferenceEngine.DEFAULT_MEMORY_BUDGET);
					NetworkColorizer.Output o = new NetworkColorizer(e, false).run(p.pair().gray(), p.pair().color(), p.pair().colorSide(),
						factor, false, Progress.NONE);
					double psnr = Psnr.of(List.of(o.image().cb(), o.image().cr()), List.of(t.cb(), t.cr()), 255);
					int band = p.pair().maxDisparity(), w = t.width() - band, h = t.height();
					int x0 = p.pair().colorSide() == ColorSide.RIGHT ? band : 0; // the colour camera on the right misses the left edge
					double in = Psnr.of(List.of(o.image().cb().crop(x0, 0, w, h), o.image().cr().crop(x0, 0, w, h)),
						List.of(t.cb().crop(x0, 0, w, h), t.cr().crop(x0, 0, w, h)), 255);
					sum[u.ordinal()] += psnr / pairs.size();
					inner[u.ordinal()] += in / pairs.size();
					System.out.printf(Locale.ROOT, " %.2f / %.2f |", psnr, in);
				}
				System.out.println();
			}
		}
		System.out.print("| mean |");
		for (int i = 0; i < sum.length; i++) System.out.printf(Locale.ROOT, " %.2f / %.2f |", sum[i], inner[i]);
		System.out.println();
		Files.deleteIfExists(onnx);
	}
}
