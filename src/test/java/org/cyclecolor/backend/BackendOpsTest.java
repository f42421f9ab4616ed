package org.cyclecolor.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.onnx.proto.OnnxMl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.cyclecolor.infer.OnnxExporter;
import org.cyclecolor.model.Graph;
import org.cyclecolor.model.GraphBuilder;
import org.cyclecolor.model.Op;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.model.Weights;

/**
 * Each IR operation, alone, through both back-ends, against a direct-loop implementation of its
 * definition ({@link Reference}); the transposed convolution also against ONNX Runtime's own
 * ConvTranspose and through the adjoint identity.
 */
class BackendOpsTest {

	enum Backend {
		ONNX, DJL;

		Map<String, Tensor> run(Graph g, Weights w, Map<String, Tensor> in) throws Exception {
			return this == ONNX ? Backends.onnx(g, w, in) : Backends.djl(g, w, in);
		}
	}

	private static final Random RANDOM = new Random(42);

	static Tensor random(double scale, int... shape) {
		Tensor t = Tensor.zeros(shape);
		for (int i = 0; i < t.size(); i++) t.data()[i] = (float) (scale * RANDOM.nextGaussian());
		return t;
	}

	/** A one-node graph "x" -> "y" with parameters under "p". */
	static Graph single(Op op, int channels) {
		GraphBuilder g = new GraphBuilder(null, 1e-3);
		g.input("x", channels);
		g.layer("y", op, op.params("").isEmpty() ? null : "p", "x");
		return g.build("y");
	}

	/**
	 * A graph applying {@code op} to a volume: graph inputs are maps, so the volume is the map "x"
	 * shifted over {@code depth} candidates ({@link Reference#shift} gives the same volume).
	 */
	static Graph onVolume(Op op, int channels, int depth) {
		GraphBuilder g = new GraphBuilder(null, 1e-3);
		g.input("x", channels);
		g.node("v", new Op.ShiftCandidates(depth, 0), "x");
		g.layer("y", op, op.params("").isEmpty() ? null : "p", "v");
		return g.build("y");
	}

	static void assertClose(Tensor expected, Tensor actual, double tol, String what) {
		assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
		double d = expected.maxAbsDifference(actual);
		assertTrue(d <= tol, what + ": max |difference| " + d + " > " + tol);
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void conv3dStride2SamePadding(Backend b) throws Exception {
		Op.Conv op = new Op.Conv(3, 3, 4, 3, 2, 0, 1, true);
		Weights w = new Weights();
		w.put("p.weight", random(0.3, 4, 3, 3, 3, 3));
		w.put("p.bias", random(1, 4));
		Tensor x = random(1, 1, 3, 6, 8);
		Tensor y = b.run(onVolume(op, 3, 4), w, Map.of("x", x)).get("y");
		assertClose(Reference.conv(Reference.shift(x, 4, 0), w.get("p.weight"), w.get("p.bias"), 2, 0, 1), y, 1e-4, "conv3d s2");
		assertArrayEquals(new int[] { 1, 4, 2, 3, 4 }, y.shape());
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void conv2dSame5x5(Backend b) throws Exception {
		Op.Conv op = Op.Conv.same(2, 2, 3, 5);
		Weights w = new Weights();
		w.put("p.weight", random(0.3, 3, 2, 5, 5));
		w.put("p.bias", random(1, 3));
		Tensor x = random(1, 1, 2, 7, 9);
		Tensor y = b.run(single(op, 2), w, Map.of("x", x)).get("y");
		assertClose(Reference.conv(x, w.get("p.weight"), w.get("p.bias"), 1, 2, 2), y, 1e-4, "conv2d 5x5");
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void transposedConvolutionsMatchTheirDefinition(Backend b) throws Exception {
		// The authors' up-sampling (3-D, k3, pads 0/1), a 2-D one, and a k4 pads 1/1 form.
		int[][] cases = { { 3, 3, 0, 1 }, { 2, 3, 0, 1 }, { 3, 4, 1, 1 }, { 2, 4, 1, 1 } };
		for (int[] c : cases) {
			int rank = c[0], k = c[1];
			Op.ConvTranspose op = new Op.ConvTranspose(rank, 3, 2, k, 2, c[2], c[3], true);
			Weights w = new Weights();
			w.put("p.weight", random(0.5, rank == 3 ? new int[] { 3, 2, k, k, k } : new int[] { 3, 2, k, k }));
			w.put("p.bias", random(1, 2));
			Tensor x = random(1, 1, 3, 4, 5);
			Graph g = rank == 3 ? onVolume(op, 3, 3) : single(op, 3);
			Tensor y = b.run(g, w, Map.of("x", x)).get("y");
			Tensor in = rank == 3 ? Reference.shift(x, 3, 0) : x;
			assertClose(Reference.convTranspose(in, w.get("p.weight"), w.get("p.bias"), 2, c[2]), y, 1e-4,
				"transposed conv rank " + rank + " k" + k);
		}
	}

	@Test
	void referenceTransposedConvolutionAgreesWithOnnxRuntimesOwnOperator() throws Exception {
		// An independent implementation of the same definition: ONNX Runtime's ConvTranspose.
		Tensor w = random(0.5, 3, 2, 3, 3, 3);
		Tensor bias = random(1, 2);
		Tensor x = random(1, 1, 3, 3, 4, 5);
		OnnxMl.GraphProto.Builder g = OnnxMl.GraphProto.newBuilder();
		OnnxMl.TypeProto.Builder t = OnnxMl.TypeProto.newBuilder();
		t.getTensorTypeBuilder().setElemType(1);
		g.addInput(OnnxMl.ValueInfoProto.newBuilder().setName("x").setType(t));
		g.addOutput(OnnxMl.ValueInfoProto.newBuilder().setName("y").setType(t));
		g.addInitializer(floats("w", w));
		g.addInitializer(floats("b", bias));
		g.addNode(OnnxMl.NodeProto.newBuilder().setOpType("ConvTranspose").addInput("x").addInput("w").addInput("b").addOutput("y")
			.addAttribute(OnnxMl.AttributeProto.newBuilder().setName("strides").setType(OnnxMl.AttributeProto.AttributeType.INTS)
				.addAllInts(List.of(2L, 2L, 2L)))
			.addAttribute(OnnxMl.AttributeProto.newBuilder().setName("pads").setType(OnnxMl.AttributeProto.AttributeType.INTS)
				.addAllInts(List.of(0L, 0L, 0L, 1L, 1L, 1L))));
		OnnxMl.ModelProto m = OnnxMl.ModelProto.newBuilder().setIrVersion(8).setGraph(g)
			.addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setVersion(17)).build();
		Tensor native_ = Backends.onnx(m, ioWithOutput(), Map.of("x", x)).get("y");
		assertClose(native_, Reference.convTranspose(x, w, bias, 2, 0), 1e-4, "reference vs ORT ConvTranspose");
	}

	private static Graph ioWithOutput() {
		// A graph object that only names input "x" and output "y" for the runner.
		GraphBuilder gb = new GraphBuilder(null, 1e-3);
		gb.input("x", 3);
		gb.node("y", new Op.Relu(), "x");
		return gb.build("y");
	}

	private static OnnxMl.TensorProto floats(String name, Tensor t) {
		OnnxMl.TensorProto.Builder b = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(1);
		for (int d : t.shape()) b.addDims(d);
		for (float v : t.data()) b.addFloatData(v);
		return b.build();
	}

	@Test
	void transposedConvolutionIsTheAdjointOfTheStridedConvolution() {
		// <conv(x), y> = <x, convT(y)> with one kernel: independent of both implementations' code.
		Tensor w = random(0.5, 4, 3, 3, 3, 3);
		Tensor x = random(1, 1, 3, 4, 6, 8);
		Tensor y = random(1, 1, 4, 2, 3, 4);
		Tensor cx = Reference.conv(x, w, null, 2, 0, 1);
		Tensor ty = Reference.convTranspose(y, w, null, 2, 0);
		assertEquals(dot(cx, y), dot(x, ty), 1e-3);
	}

	private static double dot(Tensor a, Tensor b) {
		double s = 0;
		for (int i = 0; i < a.size(); i++) s += (double) a.data()[i] * b.data()[i];
		return s;
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void shiftCandidatesWithAndWithoutTheSameColumn(Backend b) throws Exception {
		Tensor x = random(1, 1, 2, 3, 7);
		for (int first : new int[] { 0, 1 }) {
			Tensor y = b.run(single(new Op.ShiftCandidates(4, first), 2), new Weights(), Map.of("x", x)).get("y");
			assertClose(Reference.shift(x, 4, first), y, 0, "shift first=" + first);
		}
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void maskedSoftmaxGivesOutOfImageCandidatesNoWeight(Backend b) throws Exception {
		GraphBuilder g = new GraphBuilder(null, 1e-3);
		g.input("x", 5);
		g.node("m", new Op.MaskCandidates(0), "x");
		g.node("y", new Op.SoftmaxChannels(), "m");
		Tensor s = random(3, 1, 5, 2, 6);
		Tensor y = b.run(g.build("y"), new Weights(), Map.of("x", s)).get("y");
		Tensor expected = Reference.maskedSoftmax(s, 0, true);
		assertClose(expected, y, 1e-6, "masked softmax");
		// column 0 has only candidate 0: all weight there
		assertEquals(1f, y.data()[0], 1e-6);
		Tensor plain = b.run(single(new Op.SoftmaxChannels(), 5), new Weights(), Map.of("x", s)).get("y");
		assertClose(Reference.maskedSoftmax(s, 0, false), plain, 1e-6, "softmax");
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void weightedSumOverCandidates(Backend b) throws Exception {
		GraphBuilder g = new GraphBuilder(null, 1e-3);
		g.input("w", 4);
		g.input("x", 3);
		g.node("v", new Op.ShiftCandidates(4, 1), "x");
		g.node("y", new Op.WeightedSum(), "w", "v");
		Tensor wt = random(1, 1, 4, 3, 6);
		Tensor x = random(1, 1, 3, 3, 6);
		Tensor y = b.run(g.build("y"), new Weights(), Map.of("w", wt, "x", x)).get("y");
		assertClose(Reference.weightedSum(wt, Reference.shift(x, 4, 1)), y, 1e-5, "weighted sum");
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void geometryChannelsAreDistancesToTheBorder(Backend b) throws Exception {
		Tensor x = random(1, 1, 1, 5, 8);
		Tensor y = b.run(single(new Op.GeometryChannels(), 1), new Weights(), Map.of("x", x)).get("y");
		assertArrayEquals(new int[] { 1, 2, 5, 8 }, y.shape());
		for (int j = 0; j < 5; j++) for (int i = 0; i < 8; i++) {
			assertEquals(Math.min(j, 4 - j) / 4.0, y.data()[j * 8 + i], 1e-7);
			assertEquals(Math.min(i, 7 - i) / 7.0, y.data()[40 + j * 8 + i], 1e-7);
		}
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void selectRepeatBroadcastAndBatchNorm(Backend b) throws Exception {
		GraphBuilder g = new GraphBuilder(null, 1e-3);
		g.input("x", 3);
		String sel = g.node("sel", new Op.SelectChannels(2, 0), "x");
		String bn = g.layer("bn", new Op.BatchNorm(2, 1e-3), "bn", sel);
		String rep = g.node("rep", new Op.RepeatCandidates(3), bn);
		String vol = g.node("vol", new Op.AsVolume(), sel);
		String sum = g.node("sum", new Op.Add(), rep, vol);
		g.node("y", new Op.Concat(2), sum, rep);
		Weights w = new Weights();
		w.put("bn.gamma", new Tensor(new int[] { 2 }, new float[] { 2f, -0.5f }));
		w.put("bn.beta", new Tensor(new int[] { 2 }, new float[] { 1f, 3f }));
		w.put("bn.running_mean", new Tensor(new int[] { 2 }, new float[] { 0.5f, -1f }));
		w.put("bn.running_var", new Tensor(new int[] { 2 }, new float[] { 4f, 0.25f }));
		Tensor x = random(1, 1, 3, 2, 3);
		Tensor y = b.run(g.build("y"), w, Map.of("x", x)).get("y");
		assertArrayEquals(new int[] { 1, 4, 3, 2, 3 }, y.shape());
		float[] gamma = { 2f, -0.5f }, beta = { 1f, 3f }, mean = { 0.5f, -1f }, var = { 4f, 0.25f };
		int[] src = { 2, 0 };
		for (int c = 0; c < 2; c++) for (int k = 0; k < 3; k++) for (int p = 0; p < 6; p++) {
			double xv = x.data()[src[c] * 6 + p];
			double bnv = gamma[c] * (xv - mean[c]) / Math.sqrt(var[c] + 1e-3) + beta[c];
			assertEquals(bnv + xv, y.data()[(c * 3 + k) * 6 + p], 1e-5, "sum");
			assertEquals(bnv, y.data()[((2 + c) * 3 + k) * 6 + p], 1e-5, "repeat");
		}
	}

	@Test
	void exportedTransposedConvolutionIsNotOnnxRuntimesSlowOperator() {
		Graph g = onVolume(new Op.ConvTranspose(3, 2, 2, 3, 2, 0, 1, true), 2, 4);
		Weights w = new Weights();
		w.put("p.weight", random(1, 2, 2, 3, 3, 3));
		w.put("p.bias", random(1, 2));
		OnnxMl.ModelProto m = OnnxExporter.toProto(g, w);
		assertTrue(m.getGraph().getNodeList().stream().noneMatch(n -> n.getOpType().equals("ConvTranspose")));
		// the stored kernel is the transposed convolution's own, so it reads back unchanged
		assertTrue(m.getGraph().getInitializerList().stream().anyMatch(t -> t.getName().equals("graph/p.weight")
			&& t.getDimsList().equals(List.of(2L, 2L, 3L, 3L, 3L))));
	}
}
