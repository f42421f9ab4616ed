package org.cyclecolor.infer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;

import com.google.protobuf.ByteString;

import org.cyclecolor.model.Tensor;

/**
 * Appends ONNX nodes and initializers to a graph under construction, with names made unique by a
 * prefix and a counter. The small vocabulary the exporter needs, nothing more.
 */
final class OnnxGraphWriter {

	private final GraphProto.Builder graph;
	private final String prefix;
	private int counter;

	/**
	 * @param prefix the network's key: every name this writer makes starts with it
	 */
	OnnxGraphWriter(GraphProto.Builder graph, String prefix) {
		this.graph = graph;
		this.prefix = prefix;
	}

	/** A fresh value name under the prefix, e.g. {@code colorization/volume.shift7}. */
	String fresh(String hint) {
		return prefix + "/" + hint + "#" + (counter++);
	}

	/** The initializer name of a parameter. */
	String param(String name) {
		return prefix + "/" + name;
	}

	/** Adds a node with one output; returns the output name. */
	String node(String opType, String output, List<String> inputs, AttributeProto... attributes) {
		NodeProto.Builder n = NodeProto.newBuilder().setOpType(opType).setName(output).addOutput(output);
		n.addAllInput(inputs);
		for (AttributeProto a : attributes) n.addAttribute(a);
		graph.addNode(n);
		return output;
	}

	/** Adds a node with a fresh output name. */
	String op(String opType, String hint, List<String> inputs, AttributeProto... attributes) {
		return node(opType, fresh(hint), inputs, attributes);
	}

	/** Adds a float initializer (little-endian raw data). */
	String initializer(String name, Tensor t) {
		ByteBuffer buf = ByteBuffer.allocate(4 * t.size()).order(ByteOrder.LITTLE_ENDIAN);
		buf.asFloatBuffer().put(t.data());
		TensorProto.Builder tp = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
			.setRawData(ByteString.copyFrom(buf.array()));
		for (int d : t.shape()) tp.addDims(d);
		graph.addInitializer(tp);
		return name;
	}

	/** A float constant (as an initializer) of the given shape. */
	String constFloats(String hint, int[] shape, float... values) {
		return initializer(prefix + ":const/" + hint + "#" + (counter++), new Tensor(shape, values));
	}

	/** A float scalar constant. */
	String constScalar(String hint, float value) {
		return constFloats(hint, new int[0], value);
	}

	/** An int64 constant vector (axes, pads, indices, shapes). */
	String constLongs(String hint, long... values) {
		TensorProto.Builder tp = TensorProto.newBuilder().setName(prefix + ":const/" + hint + "#" + (counter++))
			.setDataType(TensorProto.DataType.INT64_VALUE).addDims(values.length);
		for (long v : values) tp.addInt64Data(v);
		graph.addInitializer(tp);
		return tp.getName();
	}

	/** An int64 scalar constant. */
	String constLongScalar(String hint, long value) {
		TensorProto.Builder tp = TensorProto.newBuilder().setName(prefix + ":const/" + hint + "#" + (counter++))
			.setDataType(TensorProto.DataType.INT64_VALUE).addInt64Data(value);
		graph.addInitializer(tp);
		return tp.getName();
	}

	static AttributeProto ints(String name, long... values) {
		AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
		for (long v : values) a.addInts(v);
		return a.build();
	}

	static AttributeProto intAttr(String name, long value) {
		return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
	}

	static AttributeProto stringAttr(String name, String value) {
		return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
			.setS(ByteString.copyFromUtf8(value)).build();
	}

	static AttributeProto floatAttr(String name, float value) {
		return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
	}
}
