package org.cyclecolor.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Variant;
import org.cyclecolor.model.Variants;
import org.cyclecolor.synth.DatasetPair;

/**
 * Gradients must not depend on when the JVM collects garbage. DJL's {@code x.mul(number)} frees
 * the number's memory right after the op while autograd still holds it for the backward pass
 * (see {@link Scalars}); a collection between forward and backward then let the backward read
 * reused memory: exploding gradients and NaN losses on the paper's 512x256 crops, where
 * collections happen mid-step. Here a collection plus memory churn is forced between forward and backward and the
 * gradients must equal those of an undisturbed run, bit for bit.
 */
class GarbageCollectionGradientTest {

	private static NDManager manager;

	@BeforeAll
	static void start() {
		manager = DjlRuntime.start(2);
	}

	@AfterAll
	static void stop() {
		manager.close();
	}

	/**
	 * Collects garbage (freeing unreachable direct buffers), then fills small native blocks with
	 * 1e30 so that freed memory still read by a pending backward pass holds a value no gradient
	 * here has. The arrays live in {@code holder}; close it after the backward pass.
	 */
	static void churn(NDManager holder) {
		for (int round = 0; round < 3; round++) {
			System.gc();
			try {
				Thread.sleep(30);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		for (int i = 0; i < 4000; i++) holder.create(1e30f);
	}

	@Test
	void productsWithNumbersKeepTheirGradients() {
		try (NDManager scope = manager.newSubManager(); NDManager holder = manager.newSubManager()) {
			NDArray x = scope.create(new float[64], new Shape(64)).add(1f);
			x.setRequiresGradient(true);
			float[] g;
			try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
				NDArray y = Scalars.mul(x, 3).add(Scalars.div(x, 4)).sum();
				churn(holder);
				gc.backward(y);
				g = x.getGradient().toFloatArray();
			}
			for (float v : g) assertEquals(3.25f, v, 0f);
		}
	}

	/** One training step's gradients (cycle objective, learned L_ss, refinement) with and without a collection mid-step. */
	@Test
	void trainingStepGradientsDoNotDependOnGarbageCollection() {
		Variant v = Variants.get("cyclecnn", 8);
		DatasetPair p = MemoryPairs.pair("g", 40, 24, 3, 5);
		TrainingBatch batch = TrainingBatch.of(v, p.pair().gray(), p.pair().color(), p.pair().colorSide(), null);
		ModelBundle start = ModelBundle.initialized(v, 3, Provenance.empty());
		Map<String, float[]> calm = gradients(start, batch, false);
		Map<String, float[]> collected = gradients(start, batch, true);
		assertEquals(calm.keySet(), collected.keySet());
		int nonZero = 0;
		for (Map.Entry<String, float[]> e : calm.entrySet()) {
			assertArrayEquals(e.getValue(), collected.get(e.getKey()), e.getKey());
			for (float f : e.getValue()) if (f != 0) nonZero++;
		}
		assertTrue(nonZero > 1000, "the step must produce gradients, got " + nonZero + " non-zero values");
	}

	private static Map<String, float[]> gradients(ModelBundle start, TrainingBatch batch, boolean collect) {
		try (TrainingNetworks nets = new TrainingNetworks(start, Set.of(NetworkKind.COLORIZATION, NetworkKind.REFINEMENT),
			Set.of(NetworkKind.STRUCTURE_SIMILARITY), manager); NDManager scope = manager.newSubManager();
			NDManager holder = manager.newSubManager())
		{
			Map<String, float[]> out = new LinkedHashMap<>();
			try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
				Objective.Terms t = new Objective(TrainingConfig.paper().withCrop(40, 24)).compute(scope, nets, batch, true);
				if (collect) churn(holder);
				gc.backward(t.backward());
			}
			for (Map.Entry<String, NDArray> e : nets.trainableParameters().entrySet()) {
				out.put(e.getKey(), e.getValue().getGradient().toFloatArray());
			}
			return out;
		}
	}
}
