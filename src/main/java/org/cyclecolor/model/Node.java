package org.cyclecolor.model;

import java.util.List;

/**
 * One operation in a graph: it reads the values named {@code inputs} and writes the value named
 * {@code name}. Parameters live under {@code params} (null when the operation has none); two nodes
 * with the same prefix share their weights (the feature tower applied to both views).
 */
public record Node(String name, Op op, List<String> inputs, String params) {

	public Node {
		inputs = List.copyOf(inputs);
		if (inputs.size() != op.arity()) {
			throw new IllegalArgumentException("Node " + name + ": " + op + " takes " + op.arity() + " inputs, got " + inputs);
		}
		if (!op.params("").isEmpty() && params == null) {
			throw new IllegalArgumentException("Node " + name + ": " + op + " needs a parameter prefix.");
		}
	}

	/** The parameters this node uses. */
	public List<ParamSpec> paramSpecs() {
		return params == null ? List.of() : op.params(params);
	}
}
