package org.cyclecolor.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.model.Variant;
import org.cyclecolor.model.Variants;
import org.cyclecolor.model.Weights;
import org.cyclecolor.synth.DatasetPair;

/**
 * Gradients of the losses against central finite differences, in float64: each loss alone with
 * respect to its input, and the whole cycle objective (both passes of M with the flips, L_ss,
 * L_cc, L_smooth) with respect to parameters of M — what training back-propagates.
 */
class LossGradientTest {

	private static NDManager manager;

	@BeforeAll
	static void start() {
		manager = DjlRuntime.start(2);
	}

	@AfterAll
	static void stop() {
		manager.close();
	}

	/** Autograd of f at x against (f(x + h e_i) - f(x - h e_i)) / 2h for a few random i. */
	private static void check(String what, double[] x, Shape shape, Function<NDArray, NDArray> f, double h, long seed) {
		double[] grad;
		try (NDManager s = manager.newSubManager(); GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
			NDArray a = s.create(x, shape);
			a.setRequiresGradient(true);
			NDArray y = f.apply(a);
			gc.backward(y);
			grad = a.getGradient().toDoubleArray();
		}
		Random r = new Random(seed);
		int nonZero = 0;
		for (int t = 0; t < 8; t++) {
			int i = r.nextInt(x.length);
			double fd = (value(x, shape, f, i, h) - value(x, shape, f, i, -h)) / (2 * h);
			System.out.printf(Locale.ROOT, "%s[%d]: autograd %.10g, finite difference %.10g%n", what, i, grad[i], fd);
			assertEquals(fd, grad[i], 1e-7 + 1e-5 * Math.abs(fd), what + "[" + i + "]");
			if (Math.abs(fd) > 1e-9) nonZero++;
		}
		assertTrue(nonZero >= 4, what + ": most probes must see a gradient, saw " + nonZero);
	}

	private static double value(double[] x, Shape shape, Function<NDArray, NDArray> f, int i, double h) {
		double[] p = x.clone();
		p[i] += h;
		try (NDManager s = manager.newSubManager()) {
			return f.apply(s.create(p, shape)).getDouble();
		}
	}

	private static double[] planes(long seed, int n, int w, int h, double noise) {
		double[] out = new double[n * w * h];
		for (int c = 0; c < n; c++) {
			FloatPlane p = LossesTest.texture(w, h, seed + c, noise);
			for (int i = 0; i < w * h; i++) out[c * w * h + i] = p.data()[i];
		}
		return out;
	}

	@Test
	void cycleLoss() {
		double[] ref = planes(1, 2, 24, 16, 4);
		double[] x = planes(5, 2, 24, 16, 20);
		check("cycle", x, new Shape(1, 2, 16, 24), a -> Losses.cycle(a.getManager(), a.getManager().create(ref, new Shape(1, 2, 16, 24)), a),
			1e-4, 1);
	}

	@Test
	void ssimStructureLoss() {
		double[] gray = planes(2, 1, 24, 16, 3);
		double[] x = planes(3, 1, 24, 16, 15);
		check("ssim structure", x, new Shape(1, 1, 16, 24), a -> Losses.structureSsim(a.getManager(),
			a.getManager().create(gray, new Shape(1, 1, 16, 24)), a), 1e-4, 2);
	}

	@Test
	void smoothness() {
		Random r = new Random(4);
		double[] w = new double[2 * 6 * 5 * 7];
		for (int i = 0; i < w.length; i++) w[i] = r.nextDouble();
		check("smoothness", w, new Shape(2, 6, 5, 7), Losses::smoothness, 1e-7, 3);
	}

	@Test
	void learnedStructureLossThroughTheFixedNetwork() {
		Variant v = Variants.get("cyclecnn");
		Weights w = Weights.initialize(v.graph(NetworkKind.STRUCTURE_SIMILARITY), 7);
		// Small last-layer weights keep the map inside [-1, 1], where the clip passes gradients.
		float[] last = w.get("fusion.out.weight").data();
		for (int i = 0; i < last.length; i++) last[i] *= 0.01f;
		double[] gray = planes(2, 1, 24, 16, 3);
		double[] x = planes(3, 1, 24, 16, 15);
		try (DjlNetwork ssm = new DjlNetwork(v.graph(NetworkKind.STRUCTURE_SIMILARITY), w, manager, 0.99f, DataType.FLOAT64)) {
			ssm.freeze();
			check("learned structure", x, new Shape(1, 1, 16, 24), a -> Losses.structureLearned(ssm.forward(a.getManager(),
				Map.of("gray", a.getManager().create(gray, new Shape(1, 1, 16, 24)), "warped_luminance", a), false)
				.get("structure_similarity")), 1e-4, 4);
		}
	}

	/** The cycle objective (two passes, flips, L_ss as SSIM, L_cc, L_smooth) against parameters of M. */
	@Test
	void cycleObjectiveAgainstParametersOfM() {
		Variant v = Variants.get("cyclecnn", 8);
		DatasetPair p = MemoryPairs.pair("g", 20, 12, 2, 11);
		TrainingBatch batch = TrainingBatch.of(v, p.pair().gray(), p.pair().color(), p.pair().colorSide(), null);
		TrainingConfig config = TrainingConfig.paper().withStructure(TrainingConfig.StructureLoss.SSIM).withRefinement(false);
		ModelBundle start = ModelBundle.initialized(v, 3, Provenance.empty());
		String[] names = { "tower.c1.conv.weight", "volume.target.weight", "unet.down0.2.conv.weight", "unet.last.bias" };
		Map<String, double[]> grads = new java.util.LinkedHashMap<>();
		objective(start, batch, config, names, grads);
		Random r = new Random(5);
		int seen = 0;
		for (String n : names) {
			double[] g = grads.get(n);
			int i = r.nextInt(g.length);
			double h = 1e-5;
			float before = start.weights(NetworkKind.COLORIZATION).get(n).data()[i];
			// Weights are float32: divide by the perturbation actually stored.
			double step = (double) (float) (before + h) - (double) (float) (before - h);
			double fd = (objective(perturbed(start, n, i, h), batch, config, null, null) - objective(perturbed(start, n, i, -h), batch,
				config, null, null)) / step;
			System.out.printf(Locale.ROOT, "objective %s[%d]: autograd %.10g, finite difference %.10g%n", n, i, g[i], fd);
			assertEquals(fd, g[i], 1e-7 + 1e-4 * Math.abs(fd), n + "[" + i + "]");
			if (Math.abs(fd) > 1e-8) seen++;
		}
		assertTrue(seen >= 3, "most probes must see a gradient, saw " + seen);
	}

	private static ModelBundle perturbed(ModelBundle b, String name, int i, double h) {
		Weights w = b.weights(NetworkKind.COLORIZATION).copy();
		Tensor t = w.get(name);
		t.data()[i] = (float) (t.data()[i] + h);
		return b.with(NetworkKind.COLORIZATION, w);
	}

	/** The objective's value; with {@code grads}, the gradients of the named parameters too (float64 throughout). */
	private static double objective(ModelBundle b, TrainingBatch batch, TrainingConfig c, String[] names, Map<String, double[]> grads) {
		try (TrainingNetworks nets = new TrainingNetworks(b, Set.of(NetworkKind.COLORIZATION), Set.of(), manager, DataType.FLOAT64);
			NDManager s = manager.newSubManager(); GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
			Objective.Terms t = new Objective(c).compute(s, nets, batch, true);
			double v = t.terms().get(Objective.TOTAL).getDouble();
			if (grads != null) {
				gc.backward(t.backward());
				for (String n : names) grads.put(n, nets.get(NetworkKind.COLORIZATION).trainableParameters().get(n).getGradient()
					.toDoubleArray());
			}
			return v;
		}
	}
}
