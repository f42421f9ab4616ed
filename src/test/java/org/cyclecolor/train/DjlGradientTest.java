package org.cyclecolor.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.cyclecolor.backend.TestNetworks;
import org.cyclecolor.model.Graph;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.model.Variants;
import org.cyclecolor.model.Weights;

/**
 * Gradients of the DJL network (float64, BatchNorm in training mode) against central finite
 * differences: through the tower, the candidate volume, the 3-D network with its transposed
 * convolutions, the masked softmax and the weighted average, to parameters and to the reference
 * image — what training back-propagates through.
 */
class DjlGradientTest {

	private static Graph graph;
	private static Weights weights;
	private static Map<String, Tensor> inputs;
	private static Tensor projChroma;
	private static Tensor projWeights;

	/** The variant under test and the parameters whose gradients are checked (one of every stage). */
	static Stream<Arguments> variants() {
		return Stream.of(
			Arguments.of("cyclecnn", new String[] { "tower.c1.conv.weight", "tower.res7.2.bn.gamma", "volume.reference.weight",
				"unet.down0.1.conv.weight", "unet.down1.1.conv.weight", "unet.up0.conv.weight", "unet.up0.bn.beta", "unet.last.weight",
				"unet.last.bias", "reference" }),
			Arguments.of("cyclecnn-guided", new String[] { "tower.c1.conv.weight", "tower.fine.weight", "tower.r3b.2.bn.gamma",
				"tower.coarse.weight", "coarse.a0.conv.weight", "coarse.a2.1.conv.weight", "coarse.a3.conv.weight", "coarse.scores.weight",
				"coarse.scores.bias", "fine.scores.weight", "propagation.hidden.conv.weight", "propagation.scale.gamma", "reference" }));
	}

	static void setUp(String variant) {
		System.setProperty("ai.djl.offline", "true");
		graph = Variants.get(variant, 8).graph(NetworkKind.COLORIZATION);
		inputs = TestNetworks.inputs(NetworkKind.COLORIZATION, TestNetworks.pair(8, 16, 3, 5));
		weights = TestNetworks.calibrated(graph, 3, inputs);
		Random r = new Random(9);
		projChroma = Tensor.zeros(1, 2, 8, 16);
		projWeights = Tensor.zeros(1, 8, 8, 16);
		for (int i = 0; i < projChroma.size(); i++) projChroma.data()[i] = (float) r.nextGaussian();
		for (int i = 0; i < projWeights.size(); i++) projWeights.data()[i] = (float) (100 * r.nextGaussian());
	}

	/** L = sum(chroma * P1) + sum(W * P2), and the gradients of the listed arrays. */
	private static double loss(Weights w, Map<String, Tensor> in, Map<String, double[]> gradients) {
		try (NDManager m = NDManager.newBaseManager("PyTorch");
			DjlNetwork net = new DjlNetwork(graph, w, m, 0.99f, DataType.FLOAT64); NDManager scope = m.newSubManager()) {
			Map<String, NDArray> x = new LinkedHashMap<>();
			for (Map.Entry<String, Tensor> e : in.entrySet()) x.put(e.getKey(), DjlNetwork.toNDArray(scope, e.getValue(), DataType.FLOAT64));
			if (gradients != null) x.get("reference").setRequiresGradient(true);
			try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
				Map<String, NDArray> out = net.forward(scope, x, true);
				NDArray l = out.get("chroma").mul(DjlNetwork.toNDArray(scope, projChroma, DataType.FLOAT64)).sum()
					.add(out.get("weights").mul(DjlNetwork.toNDArray(scope, projWeights, DataType.FLOAT64)).sum());
				double value = l.getDouble();
				if (gradients != null) {
					gc.backward(l);
					for (String name : gradients.keySet()) {
						NDArray a = name.equals("reference") ? x.get("reference") : net.trainableParameters().get(name);
						gradients.put(name, a.getGradient().toType(DataType.FLOAT64, false).toDoubleArray());
					}
				}
				return value;
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("variants")
	void parameterAndInputGradientsMatchFiniteDifferences(String variant, String[] names) {
		setUp(variant);
		Map<String, double[]> grads = new LinkedHashMap<>();
		for (String n : names) grads.put(n, null);
		loss(weights, inputs, grads);
		Random r = new Random(1);
		int checked = 0;
		for (String n : names) {
			double[] g = grads.get(n);
			for (int trial = 0; trial < 2; trial++) {
				// the reference's Cb plane: chroma depends on it only through the weighted average
				int i = n.equals("reference") ? 8 * 16 + r.nextInt(8 * 16) : r.nextInt(g.length);
				double h = n.equals("reference") ? 1e-3 : 1e-5;
				double[] plus = perturbed(n, i, h), minus = perturbed(n, i, -h);
				double fd = (plus[0] - minus[0]) / (plus[1] - minus[1]);
				double tol = 1e-6 * Math.max(1, Math.abs(fd)) + 1e-4 * Math.abs(fd);
				System.out.printf(Locale.ROOT, "gradient %s %s[%d]: autograd %.8g, finite difference %.8g%n", variant, n, i, g[i], fd);
				assertEquals(fd, g[i], tol, n + "[" + i + "]");
				if (Math.abs(fd) > 1e-6) checked++;
			}
		}
		assertTrue(checked >= 15, "most checks must see a non-zero gradient, saw " + checked);
	}

	/** {loss, the perturbation actually applied} (weights and inputs are float32 tensors). */
	private static double[] perturbed(String name, int i, double h) {
		boolean input = name.equals("reference");
		Tensor t = input ? inputs.get("reference").copy() : null;
		Weights w = input ? weights : weights.copy();
		float[] d = input ? t.data() : w.get(name).data();
		float before = d[i];
		d[i] = (float) (before + h);
		double actual = (double) d[i] - before;
		Map<String, Tensor> in = inputs;
		if (input) {
			in = new LinkedHashMap<>(inputs);
			in.put("reference", t);
		}
		return new double[] { loss(w, in, null), actual };
	}
}
