package org.cyclecolor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Graph} legibly: each call adds one node (or a common group of nodes) and returns
 * the name of the value it computes. Node names start with their stage ("tower.", "unet.", ...),
 * which {@link Graph#macsByStage} reports.
 */
public final class GraphBuilder {

	private final NetworkKind kind;
	private final List<Graph.Input> inputs = new ArrayList<>();
	private final List<Node> nodes = new ArrayList<>();
	private final double bnEps;

	/**
	 * @param bnEps the epsilon of every BatchNorm this builder adds
	 */
	public GraphBuilder(NetworkKind kind, double bnEps) {
		this.kind = kind;
		this.bnEps = bnEps;
	}

	/** Declares the next graph input (the names and order are the kind's). */
	public String input(String name, int channels) {
		inputs.add(new Graph.Input(name, channels));
		return name;
	}

	/** Adds a parameterless node computing {@code name} with {@code op} from {@code in}. */
	public String node(String name, Op op, String... in) {
		nodes.add(new Node(name, op, List.of(in), null));
		return name;
	}

	/** Adds a node with parameters under {@code params} computing {@code name} from {@code in}. */
	public String layer(String name, Op op, String params, String... in) {
		nodes.add(new Node(name, op, List.of(in), params));
		return name;
	}

	/** Convolution (any {@link Op.Conv}), then BatchNorm, then ReLU; value names name.conv/.bn/(name). */
	public String convBnRelu(String name, String params, Op.Conv conv, String in) {
		String c = layer(name + ".conv", conv, params + ".conv", in);
		String b = layer(name + ".bn", new Op.BatchNorm(conv.out(), bnEps), params + ".bn", c);
		return node(name, new Op.Relu(), b);
	}

	/** Convolution (with bias) then ReLU, no normalisation; value names name.conv/(name). */
	public String convRelu(String name, String params, Op.Conv conv, String in) {
		return node(name, new Op.Relu(), layer(name + ".conv", conv, params + ".conv", in));
	}

	/**
	 * The residual block without BatchNorm: {@code x + ReLU(conv(ReLU(conv(x))))}, for networks
	 * whose statistics differ between training crops of one example and whole images.
	 */
	public String plainResidualBlock(String name, String params, int channels, String in) {
		String a = convRelu(name + ".1", params + ".1", Op.Conv.same(2, channels, channels, 3), in);
		String b = convRelu(name + ".2", params + ".2", Op.Conv.same(2, channels, channels, 3), a);
		return node(name, new Op.Add(), in, b);
	}

	/** Transposed convolution, then BatchNorm, then ReLU. */
	public String convTransposeBnRelu(String name, String params, Op.ConvTranspose conv, String in) {
		String c = layer(name + ".conv", conv, params + ".conv", in);
		String b = layer(name + ".bn", new Op.BatchNorm(conv.out(), bnEps), params + ".bn", c);
		return node(name, new Op.Relu(), b);
	}

	/**
	 * The residual block of Dong et al. and the Cycle-CNN code:
	 * {@code x + ReLU(BN(conv(ReLU(BN(conv(x))))))}, 3x3 stride-1 "same" convolutions, n channels.
	 */
	public String residualBlock(String name, String params, int rank, int channels, String in) {
		String a = convBnRelu(name + ".1", params + ".1", Op.Conv.same(rank, channels, channels, 3), in);
		String b = convBnRelu(name + ".2", params + ".2", Op.Conv.same(rank, channels, channels, 3), a);
		return node(name, new Op.Add(), in, b);
	}

	public Graph build(String... outputs) {
		return new Graph(kind, inputs, nodes, List.of(outputs));
	}

	public double bnEps() {
		return bnEps;
	}
}
