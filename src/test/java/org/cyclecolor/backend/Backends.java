package org.cyclecolor.backend;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import org.cyclecolor.infer.OnnxExporter;
import org.cyclecolor.model.Graph;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.model.Weights;
import org.cyclecolor.train.DjlNetwork;

/** Runs one graph with its weights through ONNX Runtime or DJL, batch tensors in and out. */
final class Backends {

	static {
		System.setProperty("ai.djl.offline", "true");
	}

	private Backends() {}

	/** Exports the graph and runs it in a fresh ONNX Runtime session (2 threads). */
	static Map<String, Tensor> onnx(Graph graph, Weights weights, Map<String, Tensor> inputs) throws Exception {
		return onnx(OnnxExporter.toProto(graph, weights), graph, inputs);
	}

	static Map<String, Tensor> onnx(ModelProto proto, Graph graph, Map<String, Tensor> inputs) throws Exception {
		OrtEnvironment env = OrtEnvironment.getEnvironment();
		try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
			o.setIntraOpNumThreads(2);
			try (OrtSession s = env.createSession(proto.toByteArray(), o)) {
				Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
				for (Graph.Input in : graph.inputs()) {
					Tensor t = inputs.get(in.name());
					long[] shape = new long[t.rank()];
					for (int i = 0; i < shape.length; i++) shape[i] = t.dim(i);
					feeds.put(in.name(), OnnxTensor.createTensor(env, FloatBuffer.wrap(t.data()), shape));
				}
				try (OrtSession.Result r = s.run(feeds)) {
					Map<String, Tensor> out = new LinkedHashMap<>();
					for (String name : graph.outputs()) {
						OnnxTensor ot = (OnnxTensor) r.get(name).get();
						long[] ls = ot.getInfo().getShape();
						int[] shape = new int[ls.length];
						for (int i = 0; i < ls.length; i++) shape[i] = (int) ls[i];
						FloatBuffer fb = ot.getFloatBuffer();
						float[] d = new float[fb.remaining()];
						fb.get(d);
						out.put(name, new Tensor(shape, d));
					}
					return out;
				}
				finally {
					for (OnnxTensor t : feeds.values()) t.close();
				}
			}
		}
	}

	/** Builds the DJL network and runs it in inference mode, in float32. */
	static Map<String, Tensor> djl(Graph graph, Weights weights, Map<String, Tensor> inputs) {
		return djl(graph, weights, inputs, DataType.FLOAT32);
	}

	/** Builds the DJL network and runs it in inference mode, in float32 or float64. */
	static Map<String, Tensor> djl(Graph graph, Weights weights, Map<String, Tensor> inputs, DataType type) {
		try (NDManager m = NDManager.newBaseManager("PyTorch");
			DjlNetwork net = new DjlNetwork(graph, weights, m, DjlNetwork.DEFAULT_BN_MOMENTUM, type);
			NDManager scope = m.newSubManager()) {
			Map<String, NDArray> in = new LinkedHashMap<>();
			for (Map.Entry<String, Tensor> e : inputs.entrySet()) in.put(e.getKey(), DjlNetwork.toNDArray(scope, e.getValue(), type));
			Map<String, Tensor> out = new LinkedHashMap<>();
			for (Map.Entry<String, NDArray> e : net.forward(scope, in, false).entrySet()) {
				out.put(e.getKey(), DjlNetwork.toTensor(e.getValue()));
			}
			return out;
		}
	}
}
