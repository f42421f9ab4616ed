package org.cyclecolor.infer;

import static org.cyclecolor.infer.OnnxGraphWriter.floatAttr;
import static org.cyclecolor.infer.OnnxGraphWriter.intAttr;
import static org.cyclecolor.infer.OnnxGraphWriter.ints;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

import org.cyclecolor.Version;
import org.cyclecolor.model.Dims;
import org.cyclecolor.model.Graph;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.ModelMetadata;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Node;
import org.cyclecolor.model.Op;
import org.cyclecolor.model.Weights;

/**
 * Writes a {@link ModelBundle} as one ONNX model: each network's graph (walked from its
 * {@code model} description), its weights as initializers named {@code <network>/<parameter>},
 * and the metadata ({@link ModelMetadata}) in {@code metadata_props}. Height, width and batch are
 * dynamic. Opset 17.
 */
public final class OnnxExporter {

	public static final int OPSET = 17;
	public static final int IR_VERSION = 8;
	public static final String PRODUCER = "Cycle Colorization";

	private OnnxExporter() {}

	/** The ONNX model of a bundle. */
	public static ModelProto toProto(ModelBundle bundle) {
		GraphProto.Builder g = GraphProto.newBuilder().setName("cyclecolor-" + bundle.variant().name());
		for (NetworkKind kind : bundle.networks()) {
			Graph graph = bundle.variant().graph(kind);
			new Emitter(g, graph, bundle.weights(kind)).emit();
		}
		ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName(PRODUCER)
			.setProducerVersion(Version.get()).setModelVersion(1).setGraph(g)
			.setDocString("Cycle-CNN colorization networks (" + bundle.variant().name() + "); see metadata_props "
				+ ModelMetadata.PREFIX + "*")
			.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET));
		Map<String, String> meta = new java.util.LinkedHashMap<>(ModelMetadata.of(bundle));
		meta.put(ModelMetadata.PREFIX + "software", PRODUCER + " " + Version.get());
		meta.put(ModelMetadata.PREFIX + "created", Instant.now().toString());
		for (Map.Entry<String, String> e : meta.entrySet()) {
			m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
		}
		return m.build();
	}

	/**
	 * The ONNX model of one graph with its weights and no metadata: for checking single operations
	 * and back-end parity; model files are written from bundles.
	 */
	public static ModelProto toProto(Graph graph, Weights weights) {
		GraphProto.Builder g = GraphProto.newBuilder().setName("cyclecolor-" + graph.key());
		new Emitter(g, graph, weights).emit();
		return ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName(PRODUCER).setProducerVersion(Version.get())
			.setGraph(g).addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).build();
	}

	/**
	 * Writes the bundle to {@code path} through a temporary file in the same folder, so a failure
	 * never leaves a half-written model; refuses to replace an existing file unless {@code overwrite}.
	 */
	public static void write(ModelBundle bundle, Path path, boolean overwrite) {
		ModelProto proto = toProto(bundle);
		ModelTarget.write(path, overwrite, tmp -> {
			try (OutputStream out = Files.newOutputStream(tmp)) {
				proto.writeTo(out);
			}
		});
	}

	/** Emits one network's nodes, initializers, inputs and outputs. */
	private static final class Emitter {

		private final GraphProto.Builder g;
		private final Graph graph;
		private final Weights weights;
		private final OnnxGraphWriter w;
		/** IR value name to ONNX value name. */
		private final Map<String, String> names = new HashMap<>();
		/** Value shapes at a nominal size. */
		private Map<String, Dims> dims;
		/** Parameters already written (shared towers write theirs once). */
		private final Map<String, String> written = new HashMap<>();

		Emitter(GraphProto.Builder g, Graph graph, Weights weights) {
			this.g = g;
			this.graph = graph;
			this.weights = weights;
			this.w = new OnnxGraphWriter(g, graph.key());
		}

		void emit() {
			// Shapes at a nominal size tell channel and candidate counts.
			dims = graph.shapes(64, 64);
			for (Graph.Input in : graph.inputs()) {
				g.addInput(valueInfo(in.name(), in.channels()));
				names.put(in.name(), in.name());
			}
			for (Node n : graph.nodes()) {
				boolean isOutput = graph.outputs().contains(n.name());
				String out = isOutput ? n.name() : graph.key() + "/" + n.name();
				List<String> in = new ArrayList<>();
				for (String i : n.inputs()) in.add(names.get(i));
				emitNode(n, in, out);
				names.put(n.name(), out);
			}
			for (String o : graph.outputs()) g.addOutput(valueInfo(o, dims.get(o).channels()));
		}

		private String param(String name) {
			return written.computeIfAbsent(name, k -> w.initializer(w.param(k), weights.get(k)));
		}

		private void emitNode(Node n, List<String> in, String out) {
			Op op = n.op();
			String x = in.get(0);
			if (op instanceof Op.Conv c) {
				List<String> args = new ArrayList<>(List.of(x, param(Op.weightName(n.params()))));
				if (c.bias()) args.add(param(Op.biasName(n.params())));
				w.node("Conv", out, args, ints("kernel_shape", repeat(c.kernel(), c.rank())),
					ints("strides", repeat(c.stride(), c.rank())), ints("pads", pads(c.padBefore(), c.padAfter(), c.rank())));
			}
			else if (op instanceof Op.ConvTranspose c) {
				convTranspose(c, x, n.params(), out);
			}
			else if (op instanceof Op.BatchNorm b) {
				String p = n.params();
				w.node("BatchNormalization", out, List.of(x, param(Op.gammaName(p)), param(Op.betaName(p)),
					param(Op.meanName(p)), param(Op.varName(p))), floatAttr("epsilon", (float) b.eps()));
			}
			else if (op instanceof Op.Relu) {
				w.node("Relu", out, List.of(x));
			}
			else if (op instanceof Op.LayerScale l) {
				String gamma = w.op("Reshape", "layerscale.gamma", List.of(param(Op.gammaName(n.params())),
					w.constLongs("shape", 1, l.channels(), 1, 1)));
				w.node("Mul", out, List.of(x, gamma));
			}
			else if (op instanceof Op.Affine a) {
				String scaled = a.scale() == 1 ? x : w.op("Mul", "affine.scaled", List.of(x, w.constScalar("scale", (float) a.scale())));
				w.node("Add", out, List.of(scaled, w.constScalar("shift", (float) a.shift())));
			}
			else if (op instanceof Op.Add) {
				w.node("Add", out, in);
			}
			else if (op instanceof Op.Concat) {
				w.node("Concat", out, in, intAttr("axis", 1));
			}
			else if (op instanceof Op.SelectChannels s) {
				long[] idx = Arrays.stream(s.indices()).asLongStream().toArray();
				w.node("Gather", out, List.of(x, w.constLongs("channels", idx)), intAttr("axis", 1));
			}
			else if (op instanceof Op.GeometryChannels) {
				geometry(x, out);
			}
			else if (op instanceof Op.ShiftCandidates s) {
				shift(x, out, s.candidates(), s.firstShift());
			}
			else if (op instanceof Op.RepeatCandidates r) {
				String u = w.op("Unsqueeze", "repeat", List.of(x, w.constLongs("axes", 2)));
				w.node("Expand", out, List.of(u, w.constLongs("shape", 1, 1, r.candidates(), 1, 1)));
			}
			else if (op instanceof Op.AsVolume) {
				w.node("Unsqueeze", out, List.of(x, w.constLongs("axes", 2)));
			}
			else if (op instanceof Op.CandidatesAsChannels) {
				Dims v = dims.get(n.inputs().get(0));
				reshape(x, out, 0, 1, new long[] { (long) v.channels() * v.depth() }, 3, 5);
			}
			else if (op instanceof Op.ChannelsAsCandidates c) {
				Dims m = dims.get(n.inputs().get(0));
				reshape(x, out, 0, 1, new long[] { c.channels(), m.channels() / c.channels() }, 2, 4);
			}
			else if (op instanceof Op.ShiftedCorrelation sc) {
				shiftedCorrelation(x, in.get(1), out, sc, dims.get(n.inputs().get(0)).channels());
			}
			else if (op instanceof Op.ShiftedWeightedSum sw) {
				shiftedWeightedSum(x, in.get(1), out, sw);
			}
			else if (op instanceof Op.PriorVolume pv) {
				priorVolume(x, out, pv);
			}
			else if (op instanceof Op.PriorPenalty pp) {
				priorPenalty(x, out, pp);
			}
			else if (op instanceof Op.Upsample2) {
				int rank = dims.get(n.inputs().get(0)).spatialRank();
				float[] scales = new float[2 + rank];
				Arrays.fill(scales, 2f);
				scales[0] = 1f;
				scales[1] = 1f;
				w.node("Resize", out, List.of(x, "", w.constFloats("up2.scales", new int[] { scales.length }, scales)),
					OnnxGraphWriter.stringAttr("mode", "linear"),
					OnnxGraphWriter.stringAttr("coordinate_transformation_mode", "half_pixel"));
			}
			else if (op instanceof Op.WeightedAdd wa) {
				weightedAdd(in, out, wa, n.params());
			}
			else if (op instanceof Op.MaxChannels) {
				w.node("ReduceMax", out, List.of(x), ints("axes", 1), intAttr("keepdims", 1));
			}
			else if (op instanceof Op.Propagate pr) {
				propagate(in.get(0), in.get(1), in.get(2), out, pr);
			}
			else if (op instanceof Op.AveragePool a) {
				w.node("AveragePool", out, List.of(x), ints("kernel_shape", a.factor(), a.factor()), ints("strides", a.factor(), a.factor()));
			}
			else if (op instanceof Op.MaskCandidates m) {
				mask(x, out, m.firstShift(), dims.get(n.inputs().get(0)).channels());
			}
			else if (op instanceof Op.SoftmaxChannels) {
				// exp(x - max) / sum, written out: ONNX Runtime's Softmax over axis 1 of NCHW transposes
				// the volume to the last axis and back, 5x slower on a full-resolution weight volume.
				String max = w.op("ReduceMax", "softmax.max", List.of(x), ints("axes", 1), intAttr("keepdims", 1));
				String e = w.op("Exp", "softmax.exp", List.of(w.op("Sub", "softmax.shifted", List.of(x, max))));
				String sum = w.op("ReduceSum", "softmax.sum", List.of(e, w.constLongs("axes", 1)), intAttr("keepdims", 1));
				w.node("Div", out, List.of(e, sum));
			}
			else if (op instanceof Op.WeightedSum) {
				String u = w.op("Unsqueeze", "weights", List.of(x, w.constLongs("axes", 1)));
				String prod = w.op("Mul", "weighted", List.of(in.get(1), u));
				w.node("ReduceSum", out, List.of(prod, w.constLongs("axes", 2)), intAttr("keepdims", 0));
			}
			else if (op instanceof Op.SsimComponents s) {
				ssim(in.get(0), in.get(1), out, s);
			}
			else {
				throw new IllegalStateException("No ONNX form for " + op);
			}
		}

		/**
		 * The transposed convolution in its polyphase form ({@link Op.Polyphase}): one ordinary
		 * convolution with s^rank * out channels whose kernel is derived in the graph from the
		 * stored kernel (ONNX Runtime folds that at load time), then its channel groups
		 * interleaved. ONNX Runtime's own ConvTranspose is several times slower on volumes.
		 */
		private void convTranspose(Op.ConvTranspose c, String x, String params, String out) {
			Op.Polyphase poly = c.polyphase();
			int r = c.rank(), s = c.stride(), l = poly.taps();
			int phases = (int) Math.pow(s, r), kv = (int) Math.pow(c.kernel(), r), lv = (int) Math.pow(l, r);
			String wt = param(Op.weightName(params));
			String flat = w.op("Reshape", "up.flat", List.of(wt, w.constLongs("shape", (long) c.in() * c.out(), kv)));
			org.cyclecolor.model.Tensor sel = poly.selection(r, c.kernel());
			String selected = w.op("MatMul", "up.select", List.of(flat, w.constFloats("up.selection", sel.shape(), sel.data())));
			String split = w.op("Reshape", "up.split", List.of(selected, w.constLongs("shape", c.in(), c.out(), phases, lv)));
			String moved = w.op("Transpose", "up.moved", List.of(split), ints("perm", 2, 1, 0, 3));
			long[] kshape = new long[2 + r];
			kshape[0] = (long) phases * c.out();
			kshape[1] = c.in();
			for (int i = 0; i < r; i++) kshape[2 + i] = l;
			String kernel = w.op("Reshape", "up.kernel", List.of(moved, w.constLongs("shape", kshape)));
			List<String> args = new ArrayList<>(List.of(x, kernel));
			if (c.bias()) args.add(w.op("Tile", "up.bias", List.of(param(Op.biasName(params)), w.constLongs("repeats", phases))));
			String y = w.op("Conv", "up.phases", args, ints("kernel_shape", repeat(l, r)), ints("strides", repeat(1, r)),
				ints("pads", pads(poly.padBefore(), poly.padAfter(), r)));
			// (N, s^r * C, sp...) -> (N, s.., C, sp...) -> (N, C, sp0, s, sp1, s, ...) -> (N, C, s*sp...)
			String shape = w.op("Shape", "up.shape", List.of(y));
			String batch = w.op("Slice", "up.n", List.of(shape, w.constLongs("s", 0), w.constLongs("e", 1)));
			String spatial = w.op("Slice", "up.sp", List.of(shape, w.constLongs("s", 2), w.constLongs("e", 2 + r)));
			long[] mid = new long[r + 1];
			Arrays.fill(mid, s);
			mid[r] = c.out();
			String shape1 = w.op("Concat", "up.shape1", List.of(batch, w.constLongs("mid", mid), spatial), intAttr("axis", 0));
			String split2 = w.op("Reshape", "up.groups", List.of(y, shape1));
			long[] perm = new long[2 * r + 2];
			perm[0] = 0;
			perm[1] = r + 1;
			for (int i = 0; i < r; i++) {
				perm[2 + 2 * i] = r + 2 + i;
				perm[3 + 2 * i] = 1 + i;
			}
			String inter = w.op("Transpose", "up.interleave", List.of(split2), ints("perm", perm));
			String grown = w.op("Mul", "up.grown", List.of(spatial, w.constLongs("stride", s)));
			String shape2 = w.op("Concat", "up.shape2", List.of(batch, w.constLongs("c", c.out()), grown), intAttr("axis", 0));
			w.node("Reshape", out, List.of(inter, shape2));
		}

		/**
		 * The shape of {@code x} with axes [keepFrom, keepTo) of its shape, then {@code middle}, then
		 * axes [restFrom, restTo): how the exporter reshapes values whose batch and image sizes are dynamic.
		 */
		private String shapeOf(String x, int keepFrom, int keepTo, long[] middle, int restFrom, int restTo) {
			String shape = w.op("Shape", "reshape.shape", List.of(x));
			String head = w.op("Slice", "reshape.head", List.of(shape, w.constLongs("s", keepFrom), w.constLongs("e", keepTo)));
			String tail = w.op("Slice", "reshape.tail", List.of(shape, w.constLongs("s", restFrom), w.constLongs("e", restTo)));
			return w.op("Concat", "reshape.target", List.of(head, w.constLongs("mid", middle), tail), intAttr("axis", 0));
		}

		private void reshape(String x, String out, int keepFrom, int keepTo, long[] middle, int restFrom, int restTo) {
			w.node("Reshape", out, List.of(x, shapeOf(x, keepFrom, keepTo, middle, restFrom, restTo)));
		}

		/** b padded on the left so that candidate k's view is columns [pad - firstShift - k, ... + W). */
		private String padLeft(String b, int pad) {
			return pad == 0 ? b : w.op("Pad", "shift.padded", List.of(b, w.constLongs("pads", 0, 0, 0, pad, 0, 0, 0, 0)));
		}

		/** Candidate k's view of the padded map: columns [pad - shift, pad - shift + W) on axis 3. */
		private String view(String padded, int pad, int shift) {
			long end = shift == 0 ? Long.MAX_VALUE : -shift;
			return w.op("Slice", "shift" + shift, List.of(padded, w.constLongs("start", pad - shift), w.constLongs("end", end),
				w.constLongs("axes", 3)));
		}

		/**
		 * One candidate at a time — product, group means, then the candidates stacked — so that ONNX
		 * Runtime never holds the shifted feature volume (8 channels x 96 candidates of a working
		 * image are 0.6 GB and made the network 5x slower).
		 */
		private void shiftedCorrelation(String a, String b, String out, Op.ShiftedCorrelation c, int channels) {
			int pad = c.firstShift() + c.candidates() - 1;
			String padded = padLeft(b, pad);
			String groupShape = null;
			List<String> slices = new ArrayList<>();
			for (int k = 0; k < c.candidates(); k++) {
				String prod = w.op("Mul", "corr.prod", List.of(a, view(padded, pad, c.firstShift() + k)));
				String mean;
				if (c.groups() == 1) {
					mean = w.op("ReduceMean", "corr.mean", List.of(prod), ints("axes", 1), intAttr("keepdims", 1));
				}
				else {
					if (groupShape == null) groupShape = shapeOf(a, 0, 1, new long[] { c.groups(), channels / c.groups() }, 2, 4);
					String grouped = w.op("Reshape", "corr.groups", List.of(prod, groupShape));
					mean = w.op("ReduceMean", "corr.mean", List.of(grouped), ints("axes", 2), intAttr("keepdims", 0));
				}
				slices.add(w.op("Unsqueeze", "corr.k", List.of(mean, w.constLongs("axes", 2))));
			}
			w.node("Concat", out, slices, intAttr("axis", 2));
		}

		/** sum_k w_k * v shifted by firstShift + k, accumulated one candidate at a time. */
		private void shiftedWeightedSum(String weights, String v, String out, Op.ShiftedWeightedSum sw) {
			int d = sw.candidates(), pad = sw.firstShift() + d - 1;
			String padded = padLeft(v, pad);
			String sum = null;
			for (int k = 0; k < d; k++) {
				String wk = w.op("Slice", "wsum.w", List.of(weights, w.constLongs("start", k), w.constLongs("end", k + 1), w.constLongs("axes", 1)));
				String term = w.op("Mul", "wsum.term", List.of(view(padded, pad, sw.firstShift() + k), wk));
				sum = sum == null ? term : k == d - 1 ? w.node("Add", out, List.of(sum, term)) : w.op("Add", "wsum.acc", List.of(sum, term));
			}
			if (d == 1) w.node("Identity", out, List.of(sum));
		}

		/** sum_i (w_i + offset_i) x_i + b, the coefficients sliced from the stored weight vector. */
		private void weightedAdd(List<String> in, String out, Op.WeightedAdd wa, String params) {
			String weights = param(Op.weightName(params));
			double[] off = wa.offsets();
			String sum = null;
			for (int i = 0; i < in.size(); i++) {
				String wi = w.op("Slice", "wadd.w", List.of(weights, w.constLongs("s", i), w.constLongs("e", i + 1)));
				if (off[i] != 0) wi = w.op("Add", "wadd.coef", List.of(wi, w.constScalar("wadd.offset", (float) off[i])));
				String term = w.op("Mul", "wadd.term", List.of(in.get(i), wi));
				sum = sum == null ? term : w.op("Add", "wadd.sum", List.of(sum, term));
			}
			w.node("Add", out, List.of(sum, param(Op.biasName(params))));
		}

		/**
		 * From a prior map (N, 2, H, W): the squared distance (k - scale * d)^2 of every candidate's
		 * disparity k to the prior's d, (N, 1, D, H, W), and the confidence as (N, 1, 1, H, W).
		 */
		private String[] priorDistance(String x, float[] disparities, double scale) {
			String d = w.op("Slice", "prior.d", List.of(x, w.constLongs("s", 0), w.constLongs("e", 1), w.constLongs("axes", 1)));
			String c = w.op("Slice", "prior.c", List.of(x, w.constLongs("s", 1), w.constLongs("e", 2), w.constLongs("axes", 1)));
			String d5 = w.op("Unsqueeze", "prior.d5", List.of(d, w.constLongs("axes", 2)));
			String c5 = w.op("Unsqueeze", "prior.c5", List.of(c, w.constLongs("axes", 2)));
			String k = w.constFloats("prior.k", new int[] { 1, 1, disparities.length, 1, 1 }, disparities);
			String scaled = scale == 1 ? d5 : w.op("Mul", "prior.scaled", List.of(d5, w.constScalar("prior.dscale", (float) scale)));
			String diff = w.op("Sub", "prior.diff", List.of(k, scaled));
			return new String[] { w.op("Mul", "prior.sq", List.of(diff, diff)), c5 };
		}

		/** -c * min((d_k - s d)^2 / (2 sigma^2), cap) over the candidates, as {@link Op.PriorPenalty} defines. */
		private void priorPenalty(String x, String out, Op.PriorPenalty p) {
			String[] sqAndC = priorDistance(x, p.disparities(), p.scale());
			String sq = sqAndC[0], c5 = sqAndC[1];
			String q = w.op("Mul", "prior.q", List.of(sq, w.constScalar("prior.scale", (float) (0.5 / (p.sigma() * p.sigma())))));
			String capped = w.op("Min", "prior.capped", List.of(q, w.constScalar("prior.cap", (float) p.cap())));
			String negc = w.op("Neg", "prior.negc", List.of(c5));
			w.node("Mul", out, List.of(capped, negc));
		}

		/** Learned spatial propagation, unrolled: {@link Op.Propagate}. */
		private void propagate(String x0, String affinity, String gate, String out, Op.Propagate p) {
			String a = w.op("Softmax", "prop.a", List.of(affinity), intAttr("axis", 1));
			String[] aj = new String[8];
			for (int j = 0; j < 8; j++) {
				aj[j] = w.op("Slice", "prop.a" + j, List.of(a, w.constLongs("s", j), w.constLongs("e", j + 1), w.constLongs("axes", 1)));
			}
			String g = w.op("Sigmoid", "prop.g", List.of(w.op("Add", "prop.gate", List.of(gate, w.constScalar("prop.offset",
				(float) p.gateOffset())))));
			String keep = w.op("Mul", "prop.keep", List.of(g, x0));
			String rest = w.op("Sub", "prop.rest", List.of(w.constScalar("prop.one", 1f), g));
			String x = x0;
			int[] dil = p.dilations();
			for (int t = 0; t < dil.length; t++) {
				int s = dil[t];
				String pads = w.constLongs("pads", 0, 0, s, s, 0, 0, s, s);
				String padded = w.op("Pad", "prop.pad", List.of(x, pads), OnnxGraphWriter.stringAttr("mode", "edge"));
				String shape = w.op("Shape", "prop.shape", List.of(x));
				String hw = w.op("Slice", "prop.hw", List.of(shape, w.constLongs("s", 2), w.constLongs("e", 4)));
				String sum = null;
				for (int j = 0; j < 8; j++) {
					int dy = s * Op.Propagate.NEIGHBOURS[j][0], dx = s * Op.Propagate.NEIGHBOURS[j][1];
					String start = w.constLongs("start", s + dy, s + dx);
					String end = w.op("Add", "prop.end", List.of(hw, start));
					String nb = w.op("Slice", "prop.nb", List.of(padded, start, end, w.constLongs("axes", 2, 3)));
					String term = w.op("Mul", "prop.term", List.of(nb, aj[j]));
					sum = sum == null ? term : w.op("Add", "prop.sum", List.of(sum, term));
				}
				String moved = w.op("Mul", "prop.moved", List.of(rest, sum));
				x = t == dil.length - 1 ? w.node("Add", out, List.of(keep, moved)) : w.op("Add", "prop.x", List.of(keep, moved));
			}
		}

		/** c * exp(-(d_k - d)^2 / (2 sigma^2)) over the candidates, as {@link Op.PriorVolume} defines. */
		private void priorVolume(String x, String out, Op.PriorVolume p) {
			String[] sqAndC = priorDistance(x, p.disparities(), p.scale());
			String sq = sqAndC[0], c5 = sqAndC[1];
			String arg = w.op("Mul", "prior.arg", List.of(sq, w.constScalar("prior.scale", (float) (-0.5 / (p.sigma() * p.sigma())))));
			String bump = w.op("Exp", "prior.bump", List.of(arg));
			w.node("Mul", out, List.of(bump, c5));
		}

		/** g_y = min(j, H-1-j)/(H-1), g_x likewise, expanded to (N, 2, H, W). */
		private void geometry(String x, String out) {
			String shape = w.op("Shape", "geo.shape", List.of(x));
			String[] g = new String[2];
			for (int a = 0; a < 2; a++) {
				int axis = 2 + a;
				String n = w.op("Gather", "geo.n", List.of(shape, w.constLongScalar("axis", axis)));
				String nf = w.op("Cast", "geo.nf", List.of(n), intAttr("to", TensorProto.DataType.FLOAT_VALUE));
				String idx = w.op("Range", "geo.idx", List.of(w.constScalar("zero", 0f), nf, w.constScalar("one", 1f)));
				String last = w.op("Sub", "geo.last", List.of(nf, w.constScalar("one", 1f)));
				String mirrored = w.op("Sub", "geo.mirror", List.of(last, idx));
				String near = w.op("Min", "geo.near", List.of(idx, mirrored));
				String ratio = w.op("Div", "geo.ratio", List.of(near, last));
				long[] axes = a == 0 ? new long[] { 0, 1, 3 } : new long[] { 0, 1, 2 };
				String shaped = w.op("Unsqueeze", "geo.shaped", List.of(ratio, w.constLongs("axes", axes)));
				// (N, 1, H, W): the input's shape with one channel
				String n0 = w.op("Slice", "geo.n0", List.of(shape, w.constLongs("s", 0), w.constLongs("e", 1)));
				String hw = w.op("Slice", "geo.hw", List.of(shape, w.constLongs("s", 2), w.constLongs("e", 4)));
				String target = w.op("Concat", "geo.target", List.of(n0, w.constLongs("one", 1), hw), intAttr("axis", 0));
				g[a] = w.op("Expand", "geo.full", List.of(shaped, target));
			}
			w.node("Concat", out, List.of(g[0], g[1]), intAttr("axis", 1));
		}

		/** Stack of x shifted right by firstShift + k columns (zeros entering), k = 0..D-1, on axis 2. */
		private void shift(String x, String out, int d, int firstShift) {
			int pad = firstShift + d - 1;
			String padded = pad == 0 ? x
				: w.op("Pad", "shift.padded", List.of(x, w.constLongs("pads", 0, 0, 0, pad, 0, 0, 0, 0)));
			List<String> slices = new ArrayList<>();
			String axes3 = w.constLongs("axes", 3);
			String axes2 = w.constLongs("axes", 2);
			for (int k = 0; k < d; k++) {
				int s = firstShift + k;
				long end = s == 0 ? Long.MAX_VALUE : -s;
				String sl = w.op("Slice", "shift" + k, List.of(padded, w.constLongs("start", pad - s), w.constLongs("end", end), axes3));
				slices.add(w.op("Unsqueeze", "shift" + k + ".u", List.of(sl, axes2)));
			}
			w.node("Concat", out, slices, intAttr("axis", 2));
		}

		/** Adds the penalty where column x < firstShift + k (the candidate's column is outside). */
		private void mask(String x, String out, int firstShift, int candidates) {
			String shape = w.op("Shape", "mask.shape", List.of(x));
			String width = w.op("Gather", "mask.w", List.of(shape, w.constLongScalar("axis", 3)));
			String wf = w.op("Cast", "mask.wf", List.of(width), intAttr("to", TensorProto.DataType.FLOAT_VALUE));
			String cols = w.op("Range", "mask.cols", List.of(w.constScalar("zero", 0f), wf, w.constScalar("one", 1f)));
			String cols4 = w.op("Unsqueeze", "mask.cols4", List.of(cols, w.constLongs("axes", 0, 1, 2)));
			float[] first = new float[candidates];
			for (int k = 0; k < candidates; k++) first[k] = firstShift + k;
			String needed = w.constFloats("mask.needed", new int[] { 1, candidates, 1, 1 }, first);
			String outside = w.op("Less", "mask.outside", List.of(cols4, needed));
			String penalty = w.op("Where", "mask.penalty", List.of(outside, w.constScalar("penalty", Op.MaskCandidates.PENALTY),
				w.constScalar("zero", 0f)));
			w.node("Add", out, List.of(x, penalty));
		}

		/** [l, c, s] of SSIM with a normalised Gaussian window, as {@link Op.SsimComponents} defines. */
		private void ssim(String a, String b, String out, Op.SsimComponents s) {
			float[] taps = s.taps();
			int k = taps.length;
			float[] kernel = new float[k * k];
			for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) kernel[i * k + j] = taps[i] * taps[j];
			String g = w.constFloats("ssim.window", new int[] { 1, 1, k, k }, kernel);
			int r = k / 2;
			java.util.function.Function<String, String> blur = v -> w.op("Conv", "ssim.blur", List.of(v, g),
				ints("kernel_shape", k, k), ints("pads", r, r, r, r));
			String ones = w.op("Expand", "ssim.ones", List.of(w.constScalar("one", 1f), w.op("Shape", "ssim.shape", List.of(a))));
			String z = blur.apply(ones);
			java.util.function.Function<String, String> mean = v -> w.op("Div", "ssim.mean", List.of(blur.apply(v), z));
			String muA = mean.apply(a);
			String muB = mean.apply(b);
			String eAA = mean.apply(w.op("Mul", "ssim.aa", List.of(a, a)));
			String eBB = mean.apply(w.op("Mul", "ssim.bb", List.of(b, b)));
			String eAB = mean.apply(w.op("Mul", "ssim.ab", List.of(a, b)));
			String muAA = w.op("Mul", "ssim.muaa", List.of(muA, muA));
			String muBB = w.op("Mul", "ssim.mubb", List.of(muB, muB));
			String muAB = w.op("Mul", "ssim.muab", List.of(muA, muB));
			String eps = w.constScalar("eps", (float) s.eps());
			String varA = w.op("Add", "ssim.vara", List.of(w.op("Relu", "ssim.vara0", List.of(w.op("Sub", "ssim.vara1", List.of(eAA, muAA)))), eps));
			String varB = w.op("Add", "ssim.varb", List.of(w.op("Relu", "ssim.varb0", List.of(w.op("Sub", "ssim.varb1", List.of(eBB, muBB)))), eps));
			String cov = w.op("Sub", "ssim.cov", List.of(eAB, muAB));
			String sdAB = w.op("Sqrt", "ssim.sdab", List.of(w.op("Mul", "ssim.varab", List.of(varA, varB))));
			String two = w.constScalar("two", 2f);
			String c1 = w.constScalar("c1", (float) s.c1());
			String c2 = w.constScalar("c2", (float) s.c2());
			String c3 = w.constScalar("c3", (float) (s.c2() / 2));
			String l = w.op("Div", "ssim.l", List.of(
				w.op("Add", "ssim.ln", List.of(w.op("Mul", "ssim.ln2", List.of(two, muAB)), c1)),
				w.op("Add", "ssim.ld", List.of(w.op("Add", "ssim.ld2", List.of(muAA, muBB)), c1))));
			String c = w.op("Div", "ssim.c", List.of(
				w.op("Add", "ssim.cn", List.of(w.op("Mul", "ssim.cn2", List.of(two, sdAB)), c2)),
				w.op("Add", "ssim.cd", List.of(w.op("Add", "ssim.cd2", List.of(varA, varB)), c2))));
			String st = w.op("Div", "ssim.s", List.of(w.op("Add", "ssim.sn", List.of(cov, c3)),
				w.op("Add", "ssim.sd", List.of(sdAB, c3))));
			w.node("Concat", out, List.of(l, c, st), intAttr("axis", 1));
		}

		private ValueInfoProto valueInfo(String name, int channels) {
			TypeProto.Builder t = TypeProto.newBuilder();
			TensorShapeProto.Builder s = t.getTensorTypeBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).getShapeBuilder();
			s.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
			s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(channels));
			s.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("H"));
			s.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("W"));
			return ValueInfoProto.newBuilder().setName(name).setType(t).build();
		}
	}

	private static long[] repeat(int v, int n) {
		long[] a = new long[n];
		Arrays.fill(a, v);
		return a;
	}

	private static long[] pads(int before, int after, int rank) {
		long[] p = new long[2 * rank];
		for (int i = 0; i < rank; i++) {
			p[i] = before;
			p[rank + i] = after;
		}
		return p;
	}
}
