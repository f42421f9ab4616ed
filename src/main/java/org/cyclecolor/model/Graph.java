package org.cyclecolor.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network as a list of nodes in evaluation order, over named map inputs, with named outputs:
 * the single description the ONNX exporter and the DJL builder both walk. Validated on
 * construction: every value is defined once before use, arities fit, and nodes that share a
 * parameter prefix declare identical parameters.
 */
public final class Graph {

	/** A graph input: a map of {@code channels} channels of any height and width. */
	public record Input(String name, int channels) {}

	private final NetworkKind kind;
	private final List<Input> inputs;
	private final List<Node> nodes;
	private final List<String> outputs;
	private final List<ParamSpec> params;

	/**
	 * @param kind the network this graph describes, which fixes its input and output names; null
	 *        for an ad-hoc graph (single-operation checks, experiments) with names of its own
	 */
	public Graph(NetworkKind kind, List<Input> inputs, List<Node> nodes, List<String> outputs) {
		this.kind = kind;
		this.inputs = List.copyOf(inputs);
		this.nodes = List.copyOf(nodes);
		this.outputs = List.copyOf(outputs);
		this.params = validate();
	}

	private List<ParamSpec> validate() {
		List<String> inNames = inputs.stream().map(Input::name).toList();
		if (kind != null && !kind.acceptsInputs(inNames)) {
			throw new IllegalArgumentException(kind.key() + " inputs must be " + kind.inputs() + " (then optionally "
				+ kind.optionalInputs() + "), got " + inNames + ".");
		}
		if (kind != null && !outputs.equals(kind.outputs())) {
			throw new IllegalArgumentException(kind.key() + " outputs must be " + kind.outputs() + ", got " + outputs + ".");
		}
		Map<String, Boolean> defined = new HashMap<>();
		for (Input in : inputs) defined.put(in.name(), true);
		Map<String, ParamSpec> specs = new LinkedHashMap<>();
		for (Node n : nodes) {
			for (String i : n.inputs()) {
				if (!defined.containsKey(i)) throw new IllegalArgumentException("Node " + n.name() + " reads " + i + " before it is defined.");
			}
			if (defined.put(n.name(), true) != null) throw new IllegalArgumentException("Value " + n.name() + " is defined twice.");
			for (ParamSpec p : n.paramSpecs()) {
				ParamSpec prev = specs.putIfAbsent(p.name(), p);
				if (prev != null && !prev.sameAs(p)) {
					throw new IllegalArgumentException("Parameter " + p.name() + " is shared with different shapes: " + prev + " vs " + p);
				}
			}
		}
		for (String o : outputs) {
			if (!defined.containsKey(o)) throw new IllegalArgumentException("Output " + o + " is never computed.");
		}
		return List.copyOf(specs.values());
	}

	/** The network this graph describes, or null for an ad-hoc graph. */
	public NetworkKind kind() {
		return kind;
	}

	/** The name this graph's values and parameters are filed under in a model file. */
	public String key() {
		return kind == null ? "graph" : kind.key();
	}

	public List<Input> inputs() {
		return inputs;
	}

	public List<Node> nodes() {
		return nodes;
	}

	public List<String> outputs() {
		return outputs;
	}

	/** Every parameter, once, in order of first use. */
	public List<ParamSpec> params() {
		return params;
	}

	/** Number of parameter values (trainable and running statistics). */
	public long parameterCount() {
		long n = 0;
		for (ParamSpec p : params) n += p.size();
		return n;
	}

	/** The shape of every value for inputs of {@code height} x {@code width} pixels. */
	public Map<String, Dims> shapes(int height, int width) {
		Map<String, Dims> dims = new LinkedHashMap<>();
		for (Input in : inputs) dims.put(in.name(), Dims.map(in.channels(), height, width));
		for (Node n : nodes) {
			List<Dims> in = new ArrayList<>();
			for (String i : n.inputs()) in.add(dims.get(i));
			try {
				dims.put(n.name(), n.op().output(in));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("At node " + n.name() + " for " + width + "x" + height + ": " + e.getMessage(), e);
			}
		}
		return Collections.unmodifiableMap(dims);
	}

	/** Multiply-accumulates of one forward pass on one {@code width} x {@code height} input. */
	public long macs(int height, int width) {
		long total = 0;
		for (long m : macsByStage(height, width).values()) total += m;
		return total;
	}

	/**
	 * Multiply-accumulates per stage, the stage being the first component of a node's name
	 * ("tower", "volume", "unet", ...), in order of appearance.
	 */
	public Map<String, Long> macsByStage(int height, int width) {
		Map<String, Dims> dims = shapes(height, width);
		Map<String, Long> out = new LinkedHashMap<>();
		for (Node n : nodes) {
			List<Dims> in = new ArrayList<>();
			for (String i : n.inputs()) in.add(dims.get(i));
			long m = n.op().macs(in, dims.get(n.name()));
			String stage = n.name().contains(".") ? n.name().substring(0, n.name().indexOf('.')) : n.name();
			out.merge(stage, m, Long::sum);
		}
		return out;
	}

	@Override
	public String toString() {
		return "Graph[" + key() + ", " + nodes.size() + " nodes, " + params.size() + " parameters]";
	}
}
