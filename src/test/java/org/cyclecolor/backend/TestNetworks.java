package org.cyclecolor.backend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.cyclecolor.model.Graph;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.ParamSpec;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.model.Weights;
import org.cyclecolor.train.DjlNetwork;

/**
 * Weights and inputs that behave like a trained network's: random kernels, random BatchNorm
 * scales and shifts, and running statistics taken from one pass over the input (so activations
 * stay in range through 20 layers instead of exploding), and images with structure and a shift.
 */
public final class TestNetworks {

	private TestNetworks() {}

	/** Calibrated random weights for {@code graph} on {@code inputs}. */
	public static Weights calibrated(Graph graph, long seed, Map<String, Tensor> inputs) {
		Weights w = Weights.initialize(graph, seed);
		Random r = new Random(seed + 1);
		for (ParamSpec p : graph.params()) {
			float[] d = w.get(p.name()).data();
			for (int i = 0; i < d.length; i++) {
				switch (p.role()) {
					case BIAS: d[i] = (float) (0.1 * r.nextGaussian()); break;
					case COEFFICIENT: d[i] = (float) (0.3 * r.nextGaussian() + 0.5); break;
					case BN_SCALE: d[i] = (float) (0.5 + r.nextDouble()); break;
					case BN_SHIFT: d[i] = (float) (0.5 * r.nextGaussian()); break;
					default: break;
				}
			}
		}
		System.setProperty("ai.djl.offline", "true");
		try (NDManager m = NDManager.newBaseManager("PyTorch"); DjlNetwork net = new DjlNetwork(graph, w, m, 0f);
			NDManager scope = m.newSubManager()) {
			Map<String, NDArray> in = new LinkedHashMap<>();
			for (Map.Entry<String, Tensor> e : inputs.entrySet()) in.put(e.getKey(), DjlNetwork.toNDArray(scope, e.getValue()));
			net.forward(scope, in, true); // momentum 0: running statistics := this batch's
			return net.toWeights();
		}
	}

	/**
	 * A textured colour image (1, 3, h, w) as YCbCr 0..255 and the same scene seen from a camera
	 * on the right: {@code reference(x) = target(x + shift)} (so target(x) matches reference(x - shift)).
	 */
	public static Tensor[] pair(int h, int w, int shift, long seed) {
		Random r = new Random(seed);
		int wide = w + shift;
		double[][] scene = new double[3][h * wide];
		double[][] f = new double[6][4];
		for (double[] row : f) for (int i = 0; i < 4; i++) row[i] = r.nextDouble();
		for (int c = 0; c < 3; c++) {
			for (int y = 0; y < h; y++) for (int x = 0; x < wide; x++) {
				double v = 0;
				for (int k = 0; k < 2; k++) {
					double[] g = f[c * 2 + k];
					v += Math.sin(0.05 + g[0] * 0.6 * x + g[1] * 0.5 * y + 6 * g[2]) * (0.5 + g[3]);
				}
				scene[c][y * wide + x] = v + 0.3 * r.nextGaussian();
			}
		}
		Tensor target = Tensor.zeros(1, 3, h, w), reference = Tensor.zeros(1, 3, h, w);
		double[] base = { 120, 128, 128 }, amp = { 50, 20, 20 };
		for (int c = 0; c < 3; c++) for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
			target.data()[(c * h + y) * w + x] = (float) (base[c] + amp[c] * scene[c][y * wide + x]);
			reference.data()[(c * h + y) * w + x] = (float) (base[c] + amp[c] * scene[c][y * wide + x + shift]);
		}
		return new Tensor[] { target, reference };
	}

	/** The shift the parity tests' pairs are made with. */
	public static final int SHIFT_OF_PAIRS = 5;

	/**
	 * A matching prior (1, 2, h, w) for a pair made with {@code shift}: the true disparity plus
	 * noise of a quarter pixel, trusted (1) on about two thirds of the pixels and not at all (0) on
	 * the rest, where its disparity is wrong by up to 10 pixels. Guided networks read it; others ignore it.
	 */
	public static Tensor prior(int h, int w, int shift, long seed) {
		Random r = new Random(seed);
		Tensor p = Tensor.zeros(1, 2, h, w);
		for (int i = 0; i < h * w; i++) {
			boolean trusted = r.nextDouble() < 0.67;
			p.data()[i] = (float) (trusted ? shift + 0.25 * r.nextGaussian() : shift + 10 * r.nextDouble());
			p.data()[h * w + i] = trusted ? 1f : 0f;
		}
		return p;
	}

	/** Inputs for one network kind from a pair (the colorization network also gets a {@link #prior}). */
	public static Map<String, Tensor> inputs(NetworkKind kind, Tensor[] pair) {
		Tensor t = pair[0], ref = pair[1];
		int h = t.dim(2), w = t.dim(3);
		switch (kind) {
			case COLORIZATION:
				return Map.of("target", t, "reference", ref, NetworkKind.PRIOR, prior(h, w, SHIFT_OF_PAIRS, 3));
			case REFINEMENT:
				return Map.of("colorized", t);
			default:
				Tensor gray = new Tensor(new int[] { 1, 1, h, w }, java.util.Arrays.copyOf(t.data(), h * w));
				Tensor warped = new Tensor(new int[] { 1, 1, h, w }, java.util.Arrays.copyOf(ref.data(), h * w));
				return Map.of("gray", gray, "warped_luminance", warped);
		}
	}
}
