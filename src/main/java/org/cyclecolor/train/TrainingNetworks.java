package org.cyclecolor.train;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Variant;
import org.cyclecolor.model.Weights;

/**
 * The DJL networks of one training run: M (trained), the refinement CNN (trained when asked), the
 * structure-similarity network (fixed: it only measures), and the weights of networks carried
 * through untouched. {@link #toBundle} gives the current weights as a model.
 */
public final class TrainingNetworks implements AutoCloseable {

	private final Variant variant;
	private final Map<NetworkKind, DjlNetwork> networks = new EnumMap<>(NetworkKind.class);
	private final Map<NetworkKind, Weights> carried = new EnumMap<>(NetworkKind.class);
	private final java.util.Set<NetworkKind> trained;
	private final DataType type;

	/**
	 * @param start the weights to start from (every network the run needs must be there)
	 * @param trained the networks whose weights the optimizer changes
	 * @param fixed networks run but not changed (the structure-similarity network)
	 */
	public TrainingNetworks(ModelBundle start, java.util.Set<NetworkKind> trained, java.util.Set<NetworkKind> fixed, NDManager manager) {
		this(start, trained, fixed, manager, DataType.FLOAT32);
	}

	/**
	 * @param type FLOAT32 for training; FLOAT64 for gradient checks
	 */
	public TrainingNetworks(ModelBundle start, java.util.Set<NetworkKind> trained, java.util.Set<NetworkKind> fixed, NDManager manager,
		DataType type)
	{
		this.variant = start.variant();
		this.type = type;
		this.trained = java.util.Set.copyOf(trained);
		for (NetworkKind k : NetworkKind.values()) {
			if (!start.has(k)) continue;
			if (trained.contains(k) || fixed.contains(k)) {
				DjlNetwork net = new DjlNetwork(variant.graph(k), start.weights(k), manager, DjlNetwork.DEFAULT_BN_MOMENTUM, type);
				if (!trained.contains(k)) net.freeze();
				networks.put(k, net);
			}
			else {
				carried.put(k, start.weights(k));
			}
		}
		for (NetworkKind k : trained) {
			if (!networks.containsKey(k)) throw new IllegalArgumentException("The starting model has no " + k.key() + " network.");
		}
	}

	public Variant variant() {
		return variant;
	}

	/** The type the networks compute in (inputs must have it). */
	public DataType dataType() {
		return type;
	}

	public DjlNetwork get(NetworkKind kind) {
		DjlNetwork n = networks.get(kind);
		if (n == null) throw new IllegalStateException("No " + kind.key() + " network in this run.");
		return n;
	}

	public boolean has(NetworkKind kind) {
		return networks.containsKey(kind);
	}

	/** The parameters the optimizer updates, named {@code <network>/<parameter>}. */
	public Map<String, NDArray> trainableParameters() {
		Map<String, NDArray> out = new LinkedHashMap<>();
		for (NetworkKind k : trained) {
			for (Map.Entry<String, NDArray> e : networks.get(k).trainableParameters().entrySet()) {
				out.put(k.key() + "/" + e.getKey(), e.getValue());
			}
		}
		return out;
	}

	/** Forgets the gradients of every network (they accumulate otherwise). */
	public void zeroGradients() {
		for (DjlNetwork n : networks.values()) {
			for (NDArray p : n.trainableParameters().values()) JniUtils.zeroGrad((PtNDArray) p);
		}
	}

	/** The current weights of every network, with this provenance. */
	public ModelBundle toBundle(Provenance provenance) {
		Map<NetworkKind, Weights> w = new EnumMap<>(NetworkKind.class);
		w.putAll(carried);
		for (Map.Entry<NetworkKind, DjlNetwork> e : networks.entrySet()) w.put(e.getKey(), e.getValue().toWeights());
		return new ModelBundle(variant, w, provenance);
	}

	@Override
	public void close() {
		for (DjlNetwork n : networks.values()) n.close();
	}
}
