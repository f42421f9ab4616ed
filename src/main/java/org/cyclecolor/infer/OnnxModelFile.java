package org.cyclecolor.infer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;

import org.cyclecolor.UserException;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.model.Graph;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.ModelMetadata;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.ParamSpec;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.model.Variant;
import org.cyclecolor.model.Weights;

/**
 * A model file read from disk: its ONNX protobuf, its metadata and its weights as a
 * {@link ModelBundle} (training fine-tunes from it), and the per-network sub-models ONNX Runtime
 * sessions are made from. Every way a file can be wrong ends in a {@link UserException}.
 */
public final class OnnxModelFile {

	private final Path path;
	private final ModelProto proto;
	private final Map<String, String> metadata;
	private final ModelBundle bundle;

	private OnnxModelFile(Path path, ModelProto proto, Map<String, String> metadata, ModelBundle bundle) {
		this.path = path;
		this.proto = proto;
		this.metadata = metadata;
		this.bundle = bundle;
	}

	/** Reads and checks a model file. */
	public static OnnxModelFile read(Path path) {
		if (path == null) throw new UserException("No model file was given; pass the path of a .onnx model.");
		if (!Files.exists(path)) {
			throw new UserException("The model file " + path + " does not exist; check the path (or make one with import-model).");
		}
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new UserException("The model file " + path + " cannot be read; check that it is a readable file.");
		}
		ModelProto proto;
		try (InputStream in = Files.newInputStream(path)) {
			CodedInputStream coded = CodedInputStream.newInstance(in);
			coded.setSizeLimit(Integer.MAX_VALUE);
			proto = ModelProto.parseFrom(coded);
		}
		catch (InvalidProtocolBufferException e) {
			throw notOnnx(path, "it does not parse as an ONNX protobuf");
		}
		catch (IOException e) {
			throw new UserException("Could not read the model file " + path + " (" + e.getMessage() + "); check the file.", e);
		}
		return fromProto(path, proto);
	}

	/** Checks a model already in memory ({@code path} only names it in messages). */
	public static OnnxModelFile fromProto(Path path, ModelProto proto) {
		if (!proto.hasGraph() || proto.getGraph().getNodeCount() == 0) throw notOnnx(path, "it holds no ONNX graph");
		Map<String, String> meta = new LinkedHashMap<>();
		for (StringStringEntryProto e : proto.getMetadataPropsList()) meta.put(e.getKey(), e.getValue());
		Variant variant;
		List<NetworkKind> networks;
		try {
			variant = ModelMetadata.variant(meta);
			networks = ModelMetadata.networks(meta);
		}
		catch (IllegalArgumentException e) {
			throw new UserException("The model file " + path.getFileName() + " cannot be used: " + e.getMessage()
				+ "; give a model made by Cycle Colorization (import-model or train).");
		}
		// the candidates the metadata declare must be the ones the stored network computes (8 instead of 48 would run silently)
		for (ai.onnx.proto.OnnxMl.ValueInfoProto out : proto.getGraph().getOutputList()) {
			if (!out.getName().equals("weights") || out.getType().getTensorType().getShape().getDimCount() < 2) continue;
			var dim = out.getType().getTensorType().getShape().getDim(1);
			if (dim.hasDimValue() && dim.getDimValue() != variant.candidates()) {
				throw new UserException("The model file " + path.getFileName() + " cannot be used: its metadata declare "
					+ variant.candidates() + " disparity candidates but its network computes " + dim.getDimValue()
					+ "; re-export or re-import it.");
			}
		}
		Map<String, TensorProto> inits = new HashMap<>();
		for (TensorProto t : proto.getGraph().getInitializerList()) inits.put(t.getName(), t);
		Map<NetworkKind, Weights> weights = new EnumMap<>(NetworkKind.class);
		for (NetworkKind kind : networks) {
			if (!variant.has(kind)) {
				throw new UserException("The model file " + path.getFileName() + " is damaged: variant " + variant.name()
					+ " has no " + kind.key() + " network; re-export or re-import it.");
			}
			Graph graph = variant.graph(kind);
			Weights w = new Weights();
			for (ParamSpec p : graph.params()) {
				TensorProto t = inits.get(kind.key() + "/" + p.name());
				if (t == null) {
					throw new UserException("The model file " + path.getFileName() + " is damaged: the weight " + p.name()
						+ " of its " + kind.key() + " network is missing; re-export or re-import it.");
				}
				w.put(p.name(), toTensor(t, path));
			}
			List<String> problems = w.problems(graph);
			if (!problems.isEmpty()) {
				throw new UserException("The model file " + path.getFileName() + " is damaged: " + problems.get(0)
					+ "; re-export or re-import it.");
			}
			weights.put(kind, w);
		}
		Provenance provenance = ModelMetadata.provenance(meta);
		return new OnnxModelFile(path, proto, meta, new ModelBundle(variant, weights, provenance));
	}

	private static UserException notOnnx(Path path, String why) {
		return new UserException("The file " + path.getFileName() + " is not an ONNX model (" + why
			+ "); give a .onnx model made by Cycle Colorization (import-model or train).");
	}

	private static Tensor toTensor(TensorProto t, Path path) {
		if (t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
			throw new UserException("The model file " + path.getFileName() + " is damaged: weight " + t.getName()
				+ " is not float32; re-export or re-import it.");
		}
		int[] shape = new int[t.getDimsCount()];
		for (int i = 0; i < shape.length; i++) shape[i] = Math.toIntExact(t.getDims(i));
		int n = (int) Tensor.size(shape);
		float[] data = new float[n];
		if (!t.getRawData().isEmpty()) {
			if (t.getRawData().size() != 4L * n) {
				throw new UserException("The model file " + path.getFileName() + " is damaged: weight " + t.getName()
					+ " has the wrong number of bytes; re-export or re-import it.");
			}
			ByteBuffer.wrap(t.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
		}
		else {
			if (t.getFloatDataCount() != n) {
				throw new UserException("The model file " + path.getFileName() + " is damaged: weight " + t.getName()
					+ " has the wrong number of values; re-export or re-import it.");
			}
			for (int i = 0; i < n; i++) data[i] = t.getFloatData(i);
		}
		return new Tensor(shape, data);
	}

	public Path path() {
		return path;
	}

	public ModelProto proto() {
		return proto;
	}

	/** All metadata_props. */
	public Map<String, String> metadata() {
		return metadata;
	}

	public ModelBundle bundle() {
		return bundle;
	}

	public Variant variant() {
		return bundle.variant();
	}

	public YCbCrRange colorRange() {
		return bundle.variant().colorRange();
	}

	/**
	 * Fails with a clear message when the file is not of the variant or colour range the caller
	 * declared (either may be null: not checked).
	 */
	public void requireDeclared(String variant, YCbCrRange range) {
		if (variant != null && !variant.equals(variant().name())) {
			throw new UserException("The model " + path.getFileName() + " is of variant " + variant().name() + ", not "
				+ variant + " as declared; choose the matching variant or another model file.");
		}
		if (range != null && range != colorRange()) {
			throw new UserException("The model " + path.getFileName() + " works in " + colorRange().key()
				+ "-range YCbCr, not " + range.key() + " as declared; convert with the model's range or choose another model.");
		}
	}

	/**
	 * The ONNX model of one network alone: the nodes its outputs need, their initializers, its
	 * inputs and outputs; the metadata is kept. What an ONNX Runtime session is made from.
	 */
	public byte[] networkModel(NetworkKind kind) {
		if (!bundle.has(kind)) {
			throw new UserException("The model " + path.getFileName() + " has no " + kind.key() + " network.");
		}
		GraphProto g = proto.getGraph();
		Map<String, NodeProto> producer = new HashMap<>();
		for (NodeProto n : g.getNodeList()) for (String o : n.getOutputList()) producer.put(o, n);
		Set<String> needed = new HashSet<>();
		Set<NodeProto> keep = new HashSet<>();
		Deque<String> todo = new ArrayDeque<>(kind.outputs());
		while (!todo.isEmpty()) {
			String v = todo.pop();
			if (!needed.add(v)) continue;
			NodeProto n = producer.get(v);
			if (n != null && keep.add(n)) todo.addAll(n.getInputList());
		}
		GraphProto.Builder out = GraphProto.newBuilder().setName(g.getName() + "-" + kind.key());
		for (NodeProto n : g.getNodeList()) if (keep.contains(n)) out.addNode(n);
		for (TensorProto t : g.getInitializerList()) if (needed.contains(t.getName())) out.addInitializer(t);
		for (ValueInfoProto v : g.getInputList()) if (kind.isInput(v.getName()) && needed.contains(v.getName())) out.addInput(v);
		for (ValueInfoProto v : g.getOutputList()) if (kind.outputs().contains(v.getName())) out.addOutput(v);
		return proto.toBuilder().setGraph(out).build().toByteArray();
	}
}
