package org.cyclecolor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.process.FloatProcessor;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.infer.ColorizationModel;
import org.cyclecolor.infer.RuntimeOptions;
import org.cyclecolor.metrics.Ssim;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.model.Variants;
import org.cyclecolor.synth.DatasetOptions;
import org.cyclecolor.synth.Datasets;
import org.cyclecolor.synth.Degradation;
import org.cyclecolor.synth.MonoColorProtocol;
import org.cyclecolor.synth.PairDataset;
import org.cyclecolor.testutil.SharedData;
import org.cyclecolor.train.TrainingConfig;
import org.cyclecolor.train.TrainingData;

/**
 * Did the structure-similarity network learn anything? On held-out scenes (the older Middlebury
 * stereo scenes, 2001–2005, which no training run of the default model saw), random warps made
 * exactly as pre-training makes them (the gray view through the simulated mono camera, its true
 * colour through the colour camera, the colour luminance warped by {@code RandomWarp}), the
 * network's map (ONNX Runtime) is compared with the true SSIM map, and so are two trivial
 * predictors: the best constant (the median of all the held-out targets, an oracle) and the SSIM
 * map of the <i>unwarped</i> pair (what one knows without seeing the warp). Per example: mean
 * absolute error and Pearson correlation over the pixels; means over the examples.
 *
 * <pre>scripts/bench StructureNetworkStudy MODEL.onnx [examples] [preset] [sheet.png]</pre>
 */
public final class StructureNetworkStudy {

	private StructureNetworkStudy() {}

	public static void main(String[] args) throws Exception {
		Path model = Path.of(args[0]);
		int examples = args.length > 1 ? Integer.parseInt(args[1]) : 120;
		Degradation preset = Degradation.preset(args.length > 2 ? args[2] : "camera");
		Path sheet = args.length > 3 ? Path.of(args[3]) : null;
		System.out.println(Bench.machine());
		List<PairDataset> sets = new ArrayList<>();
		DatasetOptions o = DatasetOptions.defaults().withDegradation(preset).withGrayView(MonoColorProtocol.GrayView.BOTH);
		try (Stream<Path> s = Files.list(SharedData.require("stereo"))) {
			for (Path scene : s.sorted().toList()) {
				String n = scene.getFileName().toString();
				if (n.startsWith("mb2001-") || n.startsWith("mb2003-") || n.startsWith("mb2005-")) {
					sets.add(Datasets.open(scene, o, Progress.NONE));
				}
			}
		}
		TrainingConfig c = TrainingConfig.paper().withMode(TrainingConfig.Mode.STRUCTURE_SIMILARITY)
			.withStructure(TrainingConfig.StructureLoss.NONE).withCrop(128, 96).withSeed(20261126);
		TrainingData data = TrainingData.structure(Variants.get("cyclecnn"), sets, preset, c, 1L << 30, Progress.NONE);
		System.out.printf(Locale.ROOT, "# %s: %d held-out pairs (%s), %d warped 128x96 crops, preset %s%n", model.getFileName(),
			data.size(), String.join(", ", data.names()), examples, preset.name());

		List<TrainingData.StructureExample> ex = new ArrayList<>();
		for (int i = 0; i < examples; i++) ex.add(data.structureExample(i));
		float[] all = ex.stream().map(e -> e.target().data()).reduce(new float[0], StructureNetworkStudy::concat);
		float[] sorted = all.clone();
		Arrays.sort(sorted);
		float median = sorted[sorted.length / 2];

		double[][] l1 = new double[3][examples], r = new double[3][examples];
		try (ColorizationModel m = ColorizationModel.open(model, RuntimeOptions.cpu(2), Progress.NONE)) {
			for (int i = 0; i < examples; i++) {
				TrainingData.StructureExample e = ex.get(i);
				FloatPlane learned = run(m, e);
				FloatPlane constant = FloatPlane.filled(e.target().width(), e.target().height(), median);
				FloatPlane unwarped = new Ssim(255).compare(e.colorY(), e.grayY()).map();
				FloatPlane[] p = { learned, constant, unwarped };
				for (int k = 0; k < 3; k++) {
					l1[k][i] = meanAbs(p[k], e.target());
					r[k][i] = correlation(p[k], e.target());
				}
				if (i == 0 && sheet != null) writeSheet(sheet, e, learned, unwarped);
			}
		}
		String[] names = { "structure-similarity network", "best constant (median " + String.format(Locale.ROOT, "%.3f", median) + ")",
			"SSIM of the unwarped pair" };
		System.out.println("| predictor | mean L1 to the SSIM map | mean correlation | median L1 |");
		System.out.println("|---|---:|---:|---:|");
		for (int k = 0; k < 3; k++) {
			System.out.printf(Locale.ROOT, "| %s | %.4f | %s | %.4f |%n", names[k], mean(l1[k]), k == 1 ? "–"
				: String.format(Locale.ROOT, "%.3f", mean(r[k])), Bench.median(l1[k]));
		}
		System.out.printf(Locale.ROOT, "# target SSIM maps: mean %.3f, pixels %d%n", mean(all), all.length);
	}

	private static FloatPlane run(ColorizationModel m, TrainingData.StructureExample e) {
		int w = e.grayY().width(), h = e.grayY().height();
		Map<String, Tensor> out = m.runNative(NetworkKind.STRUCTURE_SIMILARITY, Map.of("gray", new Tensor(new int[] { 1, 1, h, w },
			e.grayY().data().clone()), "warped_luminance", new Tensor(new int[] { 1, 1, h, w }, e.warped().data().clone())));
		return FloatPlane.wrap(out.get("structure_similarity").data(), w, h);
	}

	private static double meanAbs(FloatPlane a, FloatPlane b) {
		double s = 0;
		for (int i = 0; i < a.data().length; i++) s += Math.abs(a.data()[i] - b.data()[i]);
		return s / a.data().length;
	}

	/** Pearson correlation over the pixels (0 when either map is flat). */
	private static double correlation(FloatPlane a, FloatPlane b) {
		int n = a.data().length;
		double ma = 0, mb = 0;
		for (int i = 0; i < n; i++) {
			ma += a.data()[i];
			mb += b.data()[i];
		}
		ma /= n;
		mb /= n;
		double sab = 0, saa = 0, sbb = 0;
		for (int i = 0; i < n; i++) {
			double da = a.data()[i] - ma, db = b.data()[i] - mb;
			sab += da * db;
			saa += da * da;
			sbb += db * db;
		}
		return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
	}

	private static double mean(double[] v) {
		return Arrays.stream(v).average().orElse(Double.NaN);
	}

	private static double mean(float[] v) {
		double s = 0;
		for (float x : v) s += x;
		return s / v.length;
	}

	private static float[] concat(float[] a, float[] b) {
		float[] c = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, c, a.length, b.length);
		return c;
	}

	/** Gray | warped colour luminance | true SSIM map | the network's map | unwarped SSIM map, as one 8-bit strip. */
	private static void writeSheet(Path png, TrainingData.StructureExample e, FloatPlane learned, FloatPlane unwarped) {
		int w = e.grayY().width(), h = e.grayY().height(), gap = 4;
		FloatPlane[] tiles = { e.grayY(), e.warped(), e.target(), learned, unwarped };
		float[] scale = { 1, 1, 255, 255, 255 };
		FloatProcessor fp = new FloatProcessor(tiles.length * (w + gap) - gap, h);
		fp.setValue(255);
		fp.fill();
		for (int t = 0; t < tiles.length; t++) {
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					fp.setf(t * (w + gap) + x, y, Math.max(0, Math.min(255, tiles[t].data()[y * w + x] * scale[t])));
				}
			}
		}
		fp.setMinAndMax(0, 255);
		ImageFiles.write(new ImagePlus("structure", fp.convertToByteProcessor(false)), png, true);
		System.out.println("# wrote " + png + ": gray | warped colour luminance | SSIM map | network | unwarped SSIM (maps: 0 black, 1 white)");
	}
}
