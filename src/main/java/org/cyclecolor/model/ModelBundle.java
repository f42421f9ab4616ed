package org.cyclecolor.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete model: the variant (architecture and settings), the weights of each network it
 * carries, and where they came from. One ONNX file holds one bundle; the colorization network is
 * always there, the refinement and structure-similarity networks when the variant has them and
 * they were trained.
 */
public final class ModelBundle {

	private final Variant variant;
	private final Map<NetworkKind, Weights> weights;
	private final Provenance provenance;

	public ModelBundle(Variant variant, Map<NetworkKind, Weights> weights, Provenance provenance) {
		if (!weights.containsKey(NetworkKind.COLORIZATION)) {
			throw new IllegalArgumentException("A model needs the weights of its colorization network.");
		}
		EnumMap<NetworkKind, Weights> copy = new EnumMap<>(NetworkKind.class);
		for (Map.Entry<NetworkKind, Weights> e : weights.entrySet()) {
			e.getValue().requireFits(variant.graph(e.getKey()));
			copy.put(e.getKey(), e.getValue());
		}
		this.variant = variant;
		this.weights = Collections.unmodifiableMap(copy);
		this.provenance = provenance;
	}

	/** Freshly initialised weights for every network of the variant (training from scratch, tests). */
	public static ModelBundle initialized(Variant variant, long seed, Provenance provenance) {
		Map<NetworkKind, Weights> w = new LinkedHashMap<>();
		for (NetworkKind k : NetworkKind.values()) {
			if (variant.has(k)) w.put(k, Weights.initialize(variant.graph(k), seed + k.ordinal()));
		}
		return new ModelBundle(variant, w, provenance);
	}

	public Variant variant() {
		return variant;
	}

	/** The networks present, in {@link NetworkKind} order. */
	public java.util.Set<NetworkKind> networks() {
		return weights.keySet();
	}

	public boolean has(NetworkKind kind) {
		return weights.containsKey(kind);
	}

	public Weights weights(NetworkKind kind) {
		Weights w = weights.get(kind);
		if (w == null) throw new IllegalArgumentException("This " + variant.name() + " model has no " + kind.key() + " network.");
		return w;
	}

	public Provenance provenance() {
		return provenance;
	}

	/** The same weights with other provenance (e.g. after fine-tuning). */
	public ModelBundle withProvenance(Provenance p) {
		return new ModelBundle(variant, weights, p);
	}

	/** This bundle with one network's weights replaced or added. */
	public ModelBundle with(NetworkKind kind, Weights w) {
		Map<NetworkKind, Weights> m = new EnumMap<>(NetworkKind.class);
		m.putAll(weights);
		m.put(kind, w);
		return new ModelBundle(variant, m, provenance);
	}

	@Override
	public String toString() {
		return "ModelBundle[" + variant + ", " + weights.keySet() + "]";
	}
}
