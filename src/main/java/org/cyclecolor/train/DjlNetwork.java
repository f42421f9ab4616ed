package org.cyclecolor.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

import org.cyclecolor.model.Graph;
import org.cyclecolor.model.Node;
import org.cyclecolor.model.Op;
import org.cyclecolor.model.ParamSpec;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.model.Weights;

/**
 * A network of the {@code model} description on DJL's PyTorch engine, for training: the same
 * graph the ONNX exporter walks, the same parameter names, the same arithmetic (the parity test
 * holds both to 1e-4 on 0..255 chroma). Parameters are NDArrays owned by this object; trainable
 * ones record gradients, BatchNorm running statistics are updated in place in training mode.
 * <p>
 * Usage per step: open a scope ({@code manager.newSubManager()}), put the inputs in it, call
 * {@link #forward} inside a gradient collector, back-propagate, update the
 * {@link #trainableParameters()}, close the scope.
 */
public final class DjlNetwork implements AutoCloseable {

	/** Keras' default: the running statistics keep 99 % of their value per training batch. */
	public static final float DEFAULT_BN_MOMENTUM = 0.99f;

	private final Graph graph;
	private final NDManager manager;
	private final Map<String, NDArray> params = new LinkedHashMap<>();
	private final Map<String, NDArray> trainable = new LinkedHashMap<>();
	private final float bnMomentum;
	private final DataType dataType;
	private NodeListener listener;

	/** Told of every node's output as {@link #forward} computes it: for profiling and diagnostics. */
	public interface NodeListener {

		/**
		 * @param node the node just evaluated
		 * @param output its value
		 * @param nanos wall time of its evaluation (CPU execution is synchronous, so this is the op's time)
		 */
		void evaluated(Node node, NDArray output, long nanos);
	}

	/**
	 * @param weights initial values, which must fit the graph ({@link Weights#requireFits})
	 * @param parent the manager this network's own manager hangs under
	 * @param bnMomentum fraction of the running statistics kept per training batch
	 * @param dataType FLOAT32 for training; FLOAT64 for gradient checks and for measuring float32's
	 *        own rounding error
	 */
	public DjlNetwork(Graph graph, Weights weights, NDManager parent, float bnMomentum, DataType dataType) {
		weights.requireFits(graph);
		if (dataType != DataType.FLOAT32 && dataType != DataType.FLOAT64) {
			throw new IllegalArgumentException("Networks compute in FLOAT32 or FLOAT64, not " + dataType + ".");
		}
		this.graph = graph;
		this.manager = parent.newSubManager();
		this.bnMomentum = bnMomentum;
		this.dataType = dataType;
		for (ParamSpec p : graph.params()) {
			Tensor t = weights.get(p.name());
			NDArray a = manager.create(t.data(), new Shape(toLong(t.shape()))).toType(dataType, false);
			a.setName(p.name());
			if (p.trainable()) {
				a.setRequiresGradient(true);
				trainable.put(p.name(), a);
			}
			params.put(p.name(), a);
		}
	}

	public DjlNetwork(Graph graph, Weights weights, NDManager parent, float bnMomentum) {
		this(graph, weights, parent, bnMomentum, DataType.FLOAT32);
	}

	/** Float32, Keras' BatchNorm momentum. */
	public DjlNetwork(Graph graph, Weights weights, NDManager parent) {
		this(graph, weights, parent, DEFAULT_BN_MOMENTUM);
	}

	/**
	 * Stops recording gradients for every parameter: the network still passes gradients on to
	 * its inputs (the structure-similarity network inside the structure loss) but is not trained.
	 */
	public void freeze() {
		for (NDArray a : trainable.values()) a.setRequiresGradient(false);
		trainable.clear();
	}

	/** Sets (or, with null, removes) the listener told of each node's output and time. */
	public void setNodeListener(NodeListener listener) {
		this.listener = listener;
	}

	/** The type parameters and computations use. */
	public DataType dataType() {
		return dataType;
	}

	public Graph graph() {
		return graph;
	}

	/** Every parameter by name (kernels, biases, BatchNorm scales, shifts and running statistics). */
	public Map<String, NDArray> parameters() {
		return Collections.unmodifiableMap(params);
	}

	/** The parameters an optimizer updates from gradients. */
	public Map<String, NDArray> trainableParameters() {
		return Collections.unmodifiableMap(trainable);
	}

	/** The current values as weights (a copy), e.g. to export to ONNX. */
	public Weights toWeights() {
		Weights w = new Weights();
		for (Map.Entry<String, NDArray> e : params.entrySet()) {
			NDArray a = e.getValue();
			w.put(e.getKey(), new Tensor(toInt(a.getShape().getShape()), a.toType(DataType.FLOAT32, true).toFloatArray()));
		}
		return w;
	}

	/**
	 * Evaluates the graph.
	 *
	 * @param scope owns every array this call creates; close it after the backward pass
	 * @param inputs the graph's inputs by name, (N, C, H, W), of this network's {@link #dataType()}
	 * @param training batch statistics in BatchNorm (and running statistics updated) when true;
	 *        gradients flow in both modes when the inputs or parameters record them
	 * @return the graph's outputs by name
	 */
	public Map<String, NDArray> forward(NDManager scope, Map<String, NDArray> inputs, boolean training) {
		Map<String, NDArray> values = new HashMap<>();
		for (Graph.Input in : graph.inputs()) {
			NDArray x = inputs.get(in.name());
			if (x == null) throw new IllegalArgumentException("Missing input '" + in.name() + "'.");
			if (x.getShape().dimension() != 4 || x.getShape().get(1) != in.channels()) {
				throw new IllegalArgumentException("Input '" + in.name() + "' must be (N, " + in.channels() + ", H, W), got "
					+ x.getShape() + ".");
			}
			if (x.getDataType() != dataType) {
				throw new IllegalArgumentException("Input '" + in.name() + "' is " + x.getDataType() + "; this network computes in "
					+ dataType + ".");
			}
			values.put(in.name(), x);
		}
		DjlOps ops = new DjlOps(scope, dataType);
		for (Node n : graph.nodes()) {
			List<NDArray> in = new ArrayList<>();
			for (String i : n.inputs()) in.add(values.get(i));
			long t0 = listener == null ? 0 : System.nanoTime();
			NDArray out = evaluate(ops, n, in, training);
			out.attach(scope);
			if (listener != null) listener.evaluated(n, out, System.nanoTime() - t0);
			values.put(n.name(), out);
		}
		Map<String, NDArray> out = new LinkedHashMap<>();
		for (String o : graph.outputs()) out.put(o, values.get(o));
		return out;
	}

	private NDArray evaluate(DjlOps ops, Node n, List<NDArray> in, boolean training) {
		Op op = n.op();
		NDArray x = in.get(0);
		String p = n.params();
		if (op instanceof Op.Conv c) {
			return ops.conv(x, params.get(Op.weightName(p)), c.bias() ? params.get(Op.biasName(p)) : null, c.rank(), c.stride(),
				c.padBefore(), c.padAfter());
		}
		if (op instanceof Op.ConvTranspose c) {
			return ops.convTranspose(x, params.get(Op.weightName(p)), c.bias() ? params.get(Op.biasName(p)) : null, c);
		}
		if (op instanceof Op.BatchNorm b) {
			return x.getNDArrayInternal().batchNorm(x, params.get(Op.meanName(p)), params.get(Op.varName(p)),
				params.get(Op.gammaName(p)), params.get(Op.betaName(p)), 1, bnMomentum, (float) b.eps(), training).singletonOrThrow();
		}
		if (op instanceof Op.Relu) return Activation.relu(x);
		if (op instanceof Op.LayerScale l) return x.mul(params.get(Op.gammaName(p)).reshape(1, l.channels(), 1, 1));
		if (op instanceof Op.Affine a) return (a.scale() == 1 ? x : Scalars.mul(x, (float) a.scale())).add((float) a.shift());
		if (op instanceof Op.Add) return in.get(0).add(in.get(1));
		if (op instanceof Op.Concat) return NDArrays.concat(new NDList(in), 1);
		if (op instanceof Op.SelectChannels s) return ops.selectChannels(x, s.indices());
		if (op instanceof Op.GeometryChannels) return ops.geometry(x);
		if (op instanceof Op.ShiftCandidates s) return ops.shift(x, s.candidates(), s.firstShift());
		if (op instanceof Op.RepeatCandidates r) return x.expandDims(2).repeat(2, r.candidates());
		if (op instanceof Op.AsVolume) return x.expandDims(2);
		if (op instanceof Op.CandidatesAsChannels) return ops.candidatesAsChannels(x);
		if (op instanceof Op.ChannelsAsCandidates c) return ops.channelsAsCandidates(x, c.channels());
		if (op instanceof Op.ShiftedCorrelation c) return ops.shiftedCorrelation(in.get(0), in.get(1), c);
		if (op instanceof Op.ShiftedWeightedSum sw) return ops.shiftedWeightedSum(in.get(0), in.get(1), sw.firstShift());
		if (op instanceof Op.PriorVolume pv) return ops.priorVolume(x, pv);
		if (op instanceof Op.PriorPenalty pp) return ops.priorPenalty(x, pp);
		if (op instanceof Op.Upsample2) return ops.upsample2(x);
		if (op instanceof Op.WeightedAdd wa) return ops.weightedAdd(in, params.get(Op.weightName(p)), params.get(Op.biasName(p)), wa.offsets());
		if (op instanceof Op.AveragePool a) return ops.averagePool(x, a.factor());
		if (op instanceof Op.MaxChannels) return x.max(new int[] { 1 }, true);
		if (op instanceof Op.Propagate pr) return ops.propagate(in.get(0), in.get(1), in.get(2), pr);
		if (op instanceof Op.MaskCandidates m) return x.add(ops.maskPenalty(x, m.firstShift()));
		if (op instanceof Op.SoftmaxChannels) return x.softmax(1);
		if (op instanceof Op.WeightedSum) return in.get(1).mul(x.expandDims(1)).sum(new int[] { 2 });
		if (op instanceof Op.SsimComponents s) return ops.ssim(in.get(0), in.get(1), s);
		throw new IllegalStateException("No DJL form for " + op);
	}

	@Override
	public void close() {
		manager.close();
	}

	static long[] toLong(int[] a) {
		long[] l = new long[a.length];
		for (int i = 0; i < a.length; i++) l[i] = a[i];
		return l;
	}

	static int[] toInt(long[] a) {
		int[] r = new int[a.length];
		for (int i = 0; i < a.length; i++) r[i] = Math.toIntExact(a[i]);
		return r;
	}

	/** Float32 array in {@code manager} from a tensor. */
	public static NDArray toNDArray(NDManager manager, Tensor t) {
		return manager.create(t.data(), new Shape(toLong(t.shape()))).toType(DataType.FLOAT32, false);
	}

	/** An array of the given type in {@code manager} from a tensor. */
	public static NDArray toNDArray(NDManager manager, Tensor t, DataType type) {
		return manager.create(t.data(), new Shape(toLong(t.shape()))).toType(type, false);
	}

	/** A tensor from a float32 or float64 array (a copy, rounded to float). */
	public static Tensor toTensor(NDArray a) {
		NDArray f = a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, true);
		return new Tensor(toInt(a.getShape().getShape()), f.toFloatArray());
	}
}
