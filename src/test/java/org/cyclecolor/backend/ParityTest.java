package org.cyclecolor.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import ai.djl.ndarray.types.DataType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.infer.AuthorsModelImporter;
import org.cyclecolor.infer.AuthorsProtocol;
import org.cyclecolor.model.Graph;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.model.Variant;
import org.cyclecolor.model.Variants;
import org.cyclecolor.model.Weights;
import org.cyclecolor.testutil.SharedData;

/**
 * The same weights and input through ONNX Runtime (the exported model) and DJL (the training
 * network), for every network of every variant, with a float64 evaluation of the same graph as
 * the yardstick: the back-ends must agree within 1e-4 (0..255 units), or — where float32 itself
 * cannot be that exact for a network — within twice the larger float32 error, and never by more
 * than 1e-3. A semantic difference between the back-ends (a shift, a padding, a layout) shows as
 * differences of whole levels.
 */
class ParityTest {

	/** The bound on chroma in 0..255 units. */
	static final double BOUND = 1e-4;
	/** Never more than this, whatever float32 does. */
	static final double CAP = 1e-3;

	static Stream<Arguments> networks() {
		List<Arguments> out = new ArrayList<>();
		for (Variant v : Variants.all()) {
			for (NetworkKind k : NetworkKind.values()) if (v.has(k)) out.add(Arguments.of(v.name(), k));
		}
		return out.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("networks")
	void onnxRuntimeAndDjlAgreeWithRandomWeights(String variant, NetworkKind kind) throws Exception {
		Graph g = Variants.get(variant).graph(kind);
		Map<String, Tensor> in = TestNetworks.inputs(kind, TestNetworks.pair(40, 64, TestNetworks.SHIFT_OF_PAIRS, 7));
		check(variant + " " + kind.key() + " (random weights, 64x40)", g, TestNetworks.calibrated(g, 11, in), in);
	}

	@Test
	void onnxRuntimeAndDjlAgreeWithTheAuthorsWeightsOnARealPair() throws Exception {
		ModelBundle b = AuthorsModelImporter.read(SharedData.require("models/authors-cyclecnn-aaai20/s0.h5"));
		Path pair = SharedData.require("real-mono-color/cyclecnn-00102");
		YCbCrImage mono = AuthorsProtocol.toYCbCr8(ImagePlusAdapter.toRgb(ImageFiles.read(pair.resolve("mono.png")), Double.NaN));
		YCbCrImage color = AuthorsProtocol.toYCbCr8(ImagePlusAdapter.toRgb(ImageFiles.read(pair.resolve("color.png")), Double.NaN));
		// a 128 x 64 window keeps the float64 evaluation quick
		Map<String, Tensor> in = Map.of("target", rotated(mono, 64, 60), "reference", rotated(color, 64, 60));
		check("authors-aaai20 colorization (released weights, real pair, 128x64)", b.variant().graph(NetworkKind.COLORIZATION),
			b.weights(NetworkKind.COLORIZATION), in);
	}

	private static void check(String what, Graph g, Weights w, Map<String, Tensor> in) throws Exception {
		Map<String, Tensor> onnx = Backends.onnx(g, w, in);
		Map<String, Tensor> djl = Backends.djl(g, w, in);
		Map<String, Tensor> exact = Backends.djl(g, w, in, DataType.FLOAT64);
		for (String o : g.outputs()) {
			assertArrayEquals(onnx.get(o).shape(), djl.get(o).shape(), o);
			double d = onnx.get(o).maxAbsDifference(djl.get(o));
			double eOnnx = onnx.get(o).maxAbsDifference(exact.get(o));
			double eDjl = djl.get(o).maxAbsDifference(exact.get(o));
			boolean weights = o.equals("weights"); // 0..1, the others 0..255
			double allowed = Math.min(weights ? CAP / 10 : CAP, Math.max(weights ? BOUND / 100 : BOUND, 2 * Math.max(eOnnx, eDjl)));
			System.out.printf(Locale.ROOT, "parity %s %s: max |ORT - DJL| = %.2g; float32 error vs float64: ORT %.2g, DJL %.2g%n",
				what, o, d, eOnnx, eDjl);
			assertTrue(d <= allowed, what + " " + o + ": max |ORT - DJL| = " + d + " > " + allowed);
			assertTrue(span(onnx.get(o)) > 1e-3, what + " " + o + " is constant: the test would not see a difference");
		}
	}

	/** (1, 3, 64, 128) from (x0, y0) in the authors' network frame (rotated by 180 degrees). */
	private static Tensor rotated(YCbCrImage im, int x0, int y0) {
		int w = 128, h = 64;
		float[] d = new float[3 * w * h];
		FloatPlane[] p = { im.y(), im.cb(), im.cr() };
		for (int c = 0; c < 3; c++) System.arraycopy(p[c].crop(x0, y0, w, h).rotate180().data(), 0, d, c * w * h, w * h);
		return new Tensor(new int[] { 1, 3, h, w }, d);
	}

	private static double span(Tensor t) {
		double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
		for (float v : t.data()) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		return max - min;
	}
}
