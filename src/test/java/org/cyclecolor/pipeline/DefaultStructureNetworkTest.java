package org.cyclecolor.pipeline;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.infer.BundledModel;
import org.cyclecolor.infer.ColorizationModel;
import org.cyclecolor.infer.OnnxModelFile;
import org.cyclecolor.infer.RuntimeOptions;
import org.cyclecolor.metrics.Ssim;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.synth.Degradation;
import org.cyclecolor.synth.SampleGenerator;
import org.cyclecolor.train.RandomWarp;

/**
 * The structure-similarity network shipped in the default model (the learned structure loss's
 * default): it carries its pre-training's record, and on warps it never saw (a rendered scene, the
 * paper's random warps, the simulated mono and colour cameras) its map follows the true SSIM map
 * far better than a constant and than the SSIM of the unwarped pair. Run through ONNX Runtime, as
 * the shipped file is.
 */
class DefaultStructureNetworkTest {

	private static final int W = 128, H = 96, WARPS = 12;

	@Test
	void theDefaultModelCarriesAPreTrainedStructureNetworkAndItsRecord() {
		OnnxModelFile f = OnnxModelFile.read(BundledModel.path());
		assertTrue(StructureNetworkSource.pretrained(f.bundle()), "the default model holds a pre-trained structure network");
		Map<String, String> meta = f.metadata();
		for (String key : new String[] { "ssm_steps", "ssm_wall_time", "ssm_losses", "ssm_data", "ssm_command", "ssm_exported_from" }) {
			assertNotNull(meta.get("cyclecolor.provenance." + key), key + " is recorded: " + meta);
		}
	}

	@Test
	void itsMapFollowsTheTrueSsimMapOnWarpsItNeverSaw() {
		RgbImage truth = SampleGenerator.generate(new SampleGenerator.Settings(W, H, 8, 5), Progress.NONE).groundTruthColor();
		Random rng = new Random(42);
		double l1Net = 0, l1Const = 0, rNet = 0, rUnwarped = 0;
		try (ColorizationModel m = ColorizationModel.open(BundledModel.path(), RuntimeOptions.cpu(2), Progress.NONE)) {
			for (int i = 0; i < WARPS; i++) {
				FloatPlane gray = YCbCr.grayToY(Degradation.CAMERA.gray(truth, rng), YCbCrRange.FULL, 255);
				FloatPlane colorY = YCbCr.toYCbCr(Degradation.CAMERA.color(truth, rng), YCbCrRange.FULL).y();
				FloatPlane warped = RandomWarp.random(W, H, rng).apply(colorY);
				FloatPlane target = new Ssim(255).compare(warped, gray).map();
				Map<String, Tensor> out = m.runNative(NetworkKind.STRUCTURE_SIMILARITY, Map.of("gray", new Tensor(new int[] { 1, 1, H, W },
					gray.data().clone()), "warped_luminance", new Tensor(new int[] { 1, 1, H, W }, warped.data().clone())));
				FloatPlane net = FloatPlane.wrap(out.get("structure_similarity").data(), W, H);
				l1Net += meanAbs(net, target) / WARPS;
				l1Const += meanAbs(FloatPlane.filled(W, H, (float) mean(target)), target) / WARPS;
				rNet += correlation(net, target) / WARPS;
				rUnwarped += correlation(new Ssim(255).compare(colorY, gray).map(), target) / WARPS;
			}
		}
		String s = String.format(java.util.Locale.ROOT, "L1 network %.4f, each map's own mean %.4f; correlation network %.3f, "
			+ "unwarped SSIM %.3f", l1Net, l1Const, rNet, rUnwarped);
		System.out.println(s);
		assertTrue(l1Net < 0.7 * l1Const, "closer to the SSIM map than even the map's own mean: " + s);
		assertTrue(rNet > 0.7, "follows the SSIM map: " + s);
		assertTrue(rNet > rUnwarped + 0.2, "sees the warp: " + s);
	}

	private static double mean(FloatPlane a) {
		double s = 0;
		for (float v : a.data()) s += v;
		return s / a.data().length;
	}

	private static double meanAbs(FloatPlane a, FloatPlane b) {
		double s = 0;
		for (int i = 0; i < a.data().length; i++) s += Math.abs(a.data()[i] - b.data()[i]);
		return s / a.data().length;
	}

	private static double correlation(FloatPlane a, FloatPlane b) {
		double ma = mean(a), mb = mean(b), sab = 0, saa = 0, sbb = 0;
		for (int i = 0; i < a.data().length; i++) {
			double da = a.data()[i] - ma, db = b.data()[i] - mb;
			sab += da * db;
			saa += da * da;
			sbb += db * db;
		}
		return sab / Math.sqrt(saa * sbb);
	}
}
