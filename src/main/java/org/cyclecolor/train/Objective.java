package org.cyclecolor.train;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.cyclecolor.model.NetworkKind;

/**
 * The training objective of one example, in the network's frame.
 * <p>
 * <b>Cycle</b> (the paper): the first pass colorizes the gray image I_G with the colour image R_C
 * as reference, {@code M(I_G, R_C) = I_C} (I_C: the gray Y with the first-time chroma); the second
 * colorizes R_G — the colour image's luminance without chroma — with I_C as reference, both flipped
 * left to right so that M searches the other way, and flips the result back: R'_C. Then
 * {@code L = λ1 L_ss + λ2 L_cc + λ3 L_smooth} with L_ss on the first pass (the gray Y against the
 * W-weighted reference luminance), L_cc on the second, and L_smooth the mean of both passes' weight
 * volumes. <b>Supervised</b>: the first pass's chroma against the gray view's true chroma (mean
 * squared error). The refinement CNN, when trained, learns R'_C → R_C (cycle) or I_C → truth
 * (supervised) by mean squared error on chroma, from inputs cut off from M's gradients.
 * <b>Refinement</b>: only the refinement CNN learns, supervised, on the results of a fixed M (the
 * supervised term is reported, not trained).
 */
public final class Objective {

	/** Names of the loss terms as reported and logged. */
	public static final String TOTAL = "total", STRUCTURE = "structure", CYCLE = "cycle", SMOOTHNESS = "smoothness",
		SUPERVISED = "supervised", REFINEMENT = "refinement", SSM = "ssm";

	private final TrainingConfig config;

	public Objective(TrainingConfig config) {
		this.config = config;
	}

	/** The loss terms of one step and the scalar to back-propagate (every trained network's loss). */
	public record Terms(Map<String, NDArray> terms, NDArray backward) {}

	/** The colour image's second-time reconstruction and the intermediate results of one example. */
	public record Passes(NDArray firstChroma, NDArray firstLuminance, NDArray firstWeights, NDArray secondChroma,
		NDArray secondWeights) {}

	/**
	 * Runs the passes and the losses on one example (inside a gradient collector when training).
	 *
	 * @param training BatchNorm on batch statistics (and running statistics updated)
	 */
	public Terms compute(NDManager scope, TrainingNetworks nets, TrainingBatch batch, boolean training) {
		Map<String, NDArray> t = new LinkedHashMap<>();
		DataType type = nets.dataType();
		NDArray gray = batch.grayY(scope).toType(type, false);
		if (config.mode() == TrainingConfig.Mode.STRUCTURE_SIMILARITY) {
			NDArray out = nets.get(NetworkKind.STRUCTURE_SIMILARITY).forward(scope, Map.of("gray", gray, "warped_luminance",
				batch.warped(scope).toType(type, false)), training).get("structure_similarity");
			NDArray l1 = Losses.meanAbsolute(out, batch.ssimTarget(scope).toType(type, false));
			t.put(TOTAL, l1);
			t.put(SSM, l1);
			return new Terms(t, l1);
		}
		NDArray color = batch.color(scope).toType(type, false);
		NDArray colorChroma = color.get(":, 1:3");
		NDArray prior = batch.hasPrior() ? batch.prior(scope).toType(type, false) : null;
		NDArray backPrior = batch.hasPrior() ? batch.backPrior(scope).toType(type, false) : null;
		NDArray backward;
		if (config.mode() == TrainingConfig.Mode.REFINEMENT) {
			// M is fixed: its running statistics, no gradients; only the refinement learns
			Passes p = passes(scope, nets, gray, color, prior, backPrior, false, false);
			NDArray truth = batch.truthChroma(scope).toType(type, false);
			t.put(SUPERVISED, Losses.meanSquared(p.firstChroma(), truth));
			NDArray ref = refinementLoss(scope, nets, gray, p.firstChroma(), truth, training);
			t.put(REFINEMENT, ref);
			t.put(TOTAL, ref);
			backward = ref;
		}
		else if (config.mode() == TrainingConfig.Mode.SUPERVISED) {
			Passes p = passes(scope, nets, gray, color, prior, backPrior, false, training);
			NDArray truth = batch.truthChroma(scope).toType(type, false);
			NDArray sup = Losses.meanSquared(p.firstChroma(), truth);
			t.put(TOTAL, sup);
			t.put(SUPERVISED, sup);
			backward = sup;
			if (trainsRefinement(nets)) {
				NDArray ref = refinementLoss(scope, nets, gray, p.firstChroma(), truth, training);
				t.put(REFINEMENT, ref);
				backward = backward.add(ref);
			}
		}
		else {
			Passes p = passes(scope, nets, gray, color, prior, backPrior, true, training);
			NDArray total = scope.zeros(new Shape(), gray.getDataType());
			if (config.lambdaStructure() > 0 && config.structure() != TrainingConfig.StructureLoss.NONE) {
				NDArray ss = config.structure() == TrainingConfig.StructureLoss.LEARNED
					? Losses.structureLearned(nets.get(NetworkKind.STRUCTURE_SIMILARITY)
						.forward(scope, Map.of("gray", gray, "warped_luminance", p.firstLuminance()), false).get("structure_similarity"))
					: Losses.structureSsim(scope, gray, p.firstLuminance());
				t.put(STRUCTURE, ss);
				total = total.add(Scalars.mul(ss, (float) config.lambdaStructure()));
			}
			if (config.lambdaCycle() > 0) {
				NDArray cc = Losses.cycle(scope, colorChroma, p.secondChroma());
				t.put(CYCLE, cc);
				total = total.add(Scalars.mul(cc, (float) config.lambdaCycle()));
			}
			if (config.lambdaSmooth() > 0) {
				NDArray sm = Scalars.mul(Losses.smoothness(p.firstWeights()).add(Losses.smoothness(p.secondWeights())), 0.5f);
				t.put(SMOOTHNESS, sm);
				total = total.add(Scalars.mul(sm, (float) config.lambdaSmooth()));
			}
			t.put(TOTAL, total);
			backward = total;
			if (trainsRefinement(nets)) {
				NDArray colorY = color.get(":, 0:1");
				NDArray ref = refinementLoss(scope, nets, colorY, p.secondChroma(), colorChroma, training);
				t.put(REFINEMENT, ref);
				backward = backward.add(ref);
			}
		}
		Map<String, NDArray> ordered = new LinkedHashMap<>();
		ordered.put(TOTAL, t.remove(TOTAL));
		ordered.putAll(t);
		return new Terms(ordered, backward);
	}

	private boolean trainsRefinement(TrainingNetworks nets) {
		return config.trainRefinement() && nets.has(NetworkKind.REFINEMENT);
	}

	/**
	 * The first pass, and the second (cycle) pass when asked: chroma, luminance and weights of the
	 * first; chroma and weights of the second, flipped back into the first's frame.
	 */
	public static Passes passes(NDManager scope, TrainingNetworks nets, NDArray gray, NDArray color, boolean second,
		boolean training)
	{
		return passes(scope, nets, gray, color, null, null, second, training);
	}

	/**
	 * As {@link #passes(NDManager, TrainingNetworks, NDArray, NDArray, boolean, boolean)} for guided
	 * networks: {@code prior} is the first pass's matching prior and {@code backPrior} the second's,
	 * both in the first pass's frame (null for networks without a prior).
	 */
	public static Passes passes(NDManager scope, TrainingNetworks nets, NDArray gray, NDArray color, NDArray prior, NDArray backPrior,
		boolean second, boolean training)
	{
		DjlNetwork m = nets.get(NetworkKind.COLORIZATION);
		NDArray neutral = scope.full(gray.getShape(), 128f, gray.getDataType());
		NDArray target = NDArrays.concat(new NDList(gray, neutral, neutral), 1);
		Map<String, NDArray> firstIn = new HashMap<>(Map.of("target", target, "reference", color));
		if (prior != null) firstIn.put(NetworkKind.PRIOR, prior);
		Map<String, NDArray> first = m.forward(scope, firstIn, training);
		NDArray chroma1 = first.get("chroma");
		if (!second) return new Passes(chroma1, first.get("luminance"), first.get("weights"), null, null);
		NDArray firstResult = NDArrays.concat(new NDList(gray, chroma1), 1);
		NDArray colorGray = NDArrays.concat(new NDList(color.get(":, 0:1"), neutral, neutral), 1);
		Map<String, NDArray> backIn = new HashMap<>(Map.of("target", colorGray.flip(3), "reference", firstResult.flip(3)));
		if (backPrior != null) backIn.put(NetworkKind.PRIOR, backPrior.flip(3));
		Map<String, NDArray> back = m.forward(scope, backIn, training);
		return new Passes(chroma1, first.get("luminance"), first.get("weights"), back.get("chroma").flip(3), back.get("weights"));
	}

	private static NDArray refinementLoss(NDManager scope, TrainingNetworks nets, NDArray y, NDArray chroma, NDArray target,
		boolean training)
	{
		NDArray input = NDArrays.concat(new NDList(y, chroma.stopGradient()), 1);
		NDArray refined = nets.get(NetworkKind.REFINEMENT).forward(scope, Map.of("colorized", input), training).get("refined");
		return Losses.meanSquared(refined, target);
	}
}
