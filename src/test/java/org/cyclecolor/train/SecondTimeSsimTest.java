package org.cyclecolor.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;

import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;

import org.cyclecolor.Progress;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Variant;
import org.cyclecolor.model.Variants;
import org.cyclecolor.pipeline.AblationOperationAccess;

/**
 * The ablation's measure: the second-time chroma SSIM computed with the metrics package equals one
 * minus the trainer's cycle loss L_cc (the differentiable SSIM) on the same whole pair; and the
 * ablation's variants switch off exactly one term each.
 */
class SecondTimeSsimTest {

	private static final Variant V = Variants.get("cyclecnn");

	@Test
	void equalsOneMinusTheCycleLossOnTheSamePair() {
		// A whole 64x40 pair as the one crop, so that the trainer sees exactly what the measure sees.
		TrainingConfig c = TrainingConfig.paper().withStructure(TrainingConfig.StructureLoss.SSIM).withCrop(64, 40).withShrink(1)
			.withRefinement(false);
		TrainingData data = TrainingData.cycle(V, List.of(new MemoryPairs(1, 64, 40, 3, 11).withoutGroundTruth()), c, 1 << 26,
			Progress.NONE);
		ModelBundle model = ModelBundle.initialized(V, 4, Provenance.empty());
		double measured = SecondTimeSsim.of(model, data, 2, Progress.NONE);
		double cycleLoss;
		try (NDManager m = DjlRuntime.start(2);
			TrainingNetworks nets = new TrainingNetworks(model, EnumSet.noneOf(NetworkKind.class), EnumSet.of(NetworkKind.COLORIZATION), m);
			NDManager scope = m.newSubManager()) {
			cycleLoss = new Objective(c).compute(scope, nets, data.batch(0), false).terms().get(Objective.CYCLE).toType(
				ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
		}
		System.out.println("second-time SSIM " + measured + ", 1 - L_cc " + (1 - cycleLoss));
		assertTrue(measured > 0 && measured < 1, "a fresh network reconstructs imperfectly: " + measured);
		assertEquals(1 - cycleLoss, measured, 1e-4);
	}

	@Test
	void eachAblationVariantChangesOneTerm() {
		assertEquals(List.of("1.0 1.0 0.1 learned", "1.0 0.0 0.1 learned", "0.0 1.0 0.1 none", "1.0 1.0 0.0 learned", "1.0 1.0 0.1 ssim"),
			AblationOperationAccess.objectives(true));
		assertEquals(List.of("1.0 1.0 0.1 ssim", "1.0 0.0 0.1 ssim", "0.0 1.0 0.1 none", "1.0 1.0 0.0 ssim", "1.0 1.0 0.1 ssim"),
			AblationOperationAccess.objectives(false));
	}
}
