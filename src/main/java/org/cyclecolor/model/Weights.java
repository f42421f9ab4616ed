package org.cyclecolor.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The weights of one network: named float tensors, in the layouts {@link ParamSpec} declares.
 * Importers fill it, the ONNX exporter writes it as initializers, the ONNX reader and the DJL
 * network read it back.
 */
public final class Weights {

	private final Map<String, Tensor> tensors = new LinkedHashMap<>();

	public Weights() {}

	/** Initial weights for training from scratch: He-normal kernels, zero biases, neutral BatchNorm. */
	public static Weights initialize(Graph graph, long seed) {
		Random random = new Random(seed);
		Weights w = new Weights();
		for (ParamSpec p : graph.params()) {
			Tensor t = Tensor.zeros(p.shape());
			float[] d = t.data();
			switch (p.role()) {
				case KERNEL:
					double std = Math.sqrt(2.0 / p.fanIn());
					for (int i = 0; i < d.length; i++) d[i] = (float) (std * random.nextGaussian());
					break;
				case BN_SCALE:
				case BN_VAR:
					Arrays.fill(d, 1f);
					break;
				default:
					break; // biases, shifts and means start at 0
			}
			w.put(p.name(), t);
		}
		return w;
	}

	public void put(String name, Tensor tensor) {
		tensors.put(name, tensor);
	}

	/** The tensor called {@code name}; IllegalArgumentException when absent. */
	public Tensor get(String name) {
		Tensor t = tensors.get(name);
		if (t == null) throw new IllegalArgumentException("No weight named " + name + ".");
		return t;
	}

	public boolean contains(String name) {
		return tensors.containsKey(name);
	}

	public Set<String> names() {
		return Collections.unmodifiableSet(tensors.keySet());
	}

	public int size() {
		return tensors.size();
	}

	/** Number of values over all tensors. */
	public long valueCount() {
		long n = 0;
		for (Tensor t : tensors.values()) n += t.size();
		return n;
	}

	/** A deep copy. */
	public Weights copy() {
		Weights w = new Weights();
		for (Map.Entry<String, Tensor> e : tensors.entrySet()) w.put(e.getKey(), e.getValue().copy());
		return w;
	}

	/**
	 * The problems that keep these weights from fitting {@code graph}: missing tensors, wrong
	 * shapes, tensors the graph does not use, non-finite values. Empty when they fit.
	 */
	public List<String> problems(Graph graph) {
		List<String> out = new ArrayList<>();
		Set<String> used = new HashSet<>();
		for (ParamSpec p : graph.params()) {
			used.add(p.name());
			Tensor t = tensors.get(p.name());
			if (t == null) {
				out.add("missing " + p);
				continue;
			}
			if (!t.hasShape(p.shape())) out.add(p.name() + " has shape " + t.shapeString() + ", expected " + Tensor.shapeString(p.shape()));
			for (float v : t.data()) {
				if (!Float.isFinite(v)) {
					out.add(p.name() + " holds non-finite values");
					break;
				}
			}
		}
		for (String n : tensors.keySet()) {
			if (!used.contains(n)) out.add("unexpected " + n);
		}
		return out;
	}

	/** Throws IllegalArgumentException listing the {@link #problems} when there are any. */
	public void requireFits(Graph graph) {
		List<String> p = problems(graph);
		if (!p.isEmpty()) {
			String shown = String.join("; ", p.subList(0, Math.min(5, p.size())));
			throw new IllegalArgumentException("The weights do not fit the " + graph.key() + " network: " + shown
				+ (p.size() > 5 ? "; and " + (p.size() - 5) + " more" : "") + ".");
		}
	}

	@Override
	public String toString() {
		return "Weights[" + tensors.size() + " tensors, " + valueCount() + " values]";
	}
}
