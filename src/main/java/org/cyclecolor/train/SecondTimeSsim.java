package org.cyclecolor.train;

import java.util.EnumSet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.metrics.Ssim;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.synth.MonoColorPair;

/**
 * The paper's measure for data without ground truth (Tables 1 and 4): colorize each pair twice,
 * there and back, with the colorization network M (no refinement), and compare the second-time
 * chroma R'_C with the colour image's R_C: the mean of the Cb and Cr SSIM ({@link Ssim}, the
 * metrics package's Gaussian SSIM, 0..255 range), averaged over the pairs. Each pair is used whole
 * at the size training shrinks it to (cut to a multiple of 4).
 */
public final class SecondTimeSsim {

	private SecondTimeSsim() {}

	/** The mean second-time chroma SSIM of {@code model} over the pairs of {@code data}. */
	public static double of(ModelBundle model, TrainingData data, int threads, Progress progress) {
		double sum = 0;
		Ssim ssim = new Ssim(255);
		try (NDManager manager = DjlRuntime.start(threads);
			TrainingNetworks nets = new TrainingNetworks(model, EnumSet.noneOf(NetworkKind.class), EnumSet.of(NetworkKind.COLORIZATION),
				manager)) {
			for (int i = 0; i < data.size(); i++) {
				progress.checkCancelled();
				progress.report((double) i / data.size(), "Second-time colorization of pair " + (i + 1) + " of " + data.size());
				MonoColorPair p = data.example(i).pair();
				MonoColorPair cut = p.crop(0, 0, p.width() / 4 * 4, p.height() / 4 * 4);
				TrainingBatch b = TrainingBatch.of(model.variant(), cut.gray(), cut.color(), cut.colorSide(), null);
				try (NDManager scope = manager.newSubManager()) {
					NDArray color = b.color(scope);
					Objective.Passes passes = Objective.passes(scope, nets, b.grayY(scope), color, true, false);
					Tensor second = DjlNetwork.toTensor(passes.secondChroma());
					Tensor reference = DjlNetwork.toTensor(color.get(":, 1:3"));
					double cb = ssim.compare(plane(second, 0), plane(reference, 0)).mean();
					double cr = ssim.compare(plane(second, 1), plane(reference, 1)).mean();
					sum += (cb + cr) / 2;
				}
			}
		}
		progress.report(1, null);
		return sum / data.size();
	}

	/** Channel c of a [1, C, H, W] tensor. */
	static FloatPlane plane(Tensor t, int c) {
		int h = t.dim(2), w = t.dim(3);
		float[] out = new float[w * h];
		System.arraycopy(t.data(), c * w * h, out, 0, w * h);
		return FloatPlane.wrap(out, w, h);
	}
}
