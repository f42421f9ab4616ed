package org.cyclecolor.infer;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;

import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Tensor;

/**
 * One ONNX Runtime session for one network of a model file. Creating it optimises the graph and
 * allocates the runtime, so make it once and call {@link #run} many times; it is safe to call
 * from several threads (ONNX Runtime sessions are).
 */
public final class NetworkSession implements AutoCloseable {

	private final NetworkKind kind;
	private final OrtSession session;
	private final DeviceSelector.Choice device;

	private NetworkSession(NetworkKind kind, OrtSession session, DeviceSelector.Choice device) {
		this.kind = kind;
		this.session = session;
		this.device = device;
	}

	/** The process-wide ONNX Runtime environment (warnings and errors only). */
	static OrtEnvironment environment() {
		return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "cyclecolor");
	}

	/**
	 * A session for the ONNX model {@code model} (one network), on the chosen device.
	 *
	 * @param threads intra-op threads, 0 for one per core
	 */
	static NetworkSession create(byte[] model, NetworkKind kind, DeviceSelector.Choice device, int threads) throws OrtException {
		try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
			o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
			o.setInterOpNumThreads(1);
			if (threads > 0) o.setIntraOpNumThreads(threads);
			o.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
			// Denormal floats (tiny activations of trained networks) are very slow on x86; treat them as 0.
			o.addConfigEntry("session.set_denormal_as_zero", "1");
			// No CPU arena: it keeps each session's largest run allocated for the life of the session,
			// so a model kept open in Fiji would pin a tile's worth of memory per network (a 12 MP pair:
			// peak 4.5 GB with the arenas, 2.5 GB without, same time; docs/benchmarks.md).
			o.setCPUArenaAllocator(false);
			if (device.device() == Device.CUDA) o.addCUDA(0);
			return new NetworkSession(kind, createWithLargeStack(model, o), device);
		}
	}

	/** Stack for creating a session: ONNX Runtime's graph optimisation recurses natively. */
	static final long SESSION_STACK_BYTES = 256L << 20;

	/**
	 * Creates the session on a thread of its own with a large stack. Optimising these graphs needs
	 * more native stack than a default 1 MB Java thread has (Fiji commands, the CLI's main thread);
	 * overflowing it kills the JVM with a segmentation fault and no error report.
	 */
	private static OrtSession createWithLargeStack(byte[] model, OrtSession.SessionOptions o) throws OrtException {
		OrtSession[] session = new OrtSession[1];
		Throwable[] failure = new Throwable[1];
		Thread t = new Thread(null, () -> {
			try {
				session[0] = environment().createSession(model, o);
			}
			catch (Throwable e) {
				failure[0] = e;
			}
		}, "cyclecolor-ort-session", SESSION_STACK_BYTES);
		t.start();
		try {
			t.join();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			try {
				t.join(); // the session must not outlive this call half-made
			}
			catch (InterruptedException again) {
				Thread.currentThread().interrupt();
			}
		}
		if (failure[0] instanceof OrtException oe) throw oe;
		if (failure[0] instanceof RuntimeException re) throw re;
		if (failure[0] instanceof Error err) throw err;
		if (failure[0] != null) throw new IllegalStateException(failure[0]);
		return session[0];
	}

	public NetworkKind kind() {
		return kind;
	}

	/** True when the network reads this input (e.g. the optional {@link NetworkKind#PRIOR}). */
	public boolean hasInput(String name) {
		return session.getInputNames().contains(name);
	}

	/** The device this session runs on and why. */
	public DeviceSelector.Choice device() {
		return device;
	}

	/**
	 * Runs the network. {@code inputs} maps the kind's input names to batch tensors (N, C, H, W);
	 * the result maps its output names to tensors, in the kind's order.
	 */
	public Map<String, Tensor> run(Map<String, Tensor> inputs) {
		OrtEnvironment env = environment();
		Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
		try {
			for (String name : session.getInputNames()) {
				Tensor t = inputs.get(name);
				if (t == null) throw new IllegalArgumentException("Missing input '" + name + "' of the " + kind.key() + " network.");
				long[] shape = new long[t.rank()];
				for (int i = 0; i < shape.length; i++) shape[i] = t.dim(i);
				feeds.put(name, OnnxTensor.createTensor(env, FloatBuffer.wrap(t.data()), shape));
			}
			try (OrtSession.Result result = session.run(feeds)) {
				Map<String, Tensor> out = new LinkedHashMap<>();
				for (String name : kind.outputs()) {
					OnnxValue v = result.get(name).orElseThrow(() -> new IllegalStateException("No output " + name));
					OnnxTensor ot = (OnnxTensor) v;
					long[] s = ot.getInfo().getShape();
					int[] shape = new int[s.length];
					for (int i = 0; i < s.length; i++) shape[i] = Math.toIntExact(s[i]);
					FloatBuffer fb = ot.getFloatBuffer();
					float[] data = new float[fb.remaining()];
					fb.get(data);
					out.put(name, new Tensor(shape, data));
				}
				return out;
			}
		}
		catch (OrtException e) {
			throw new IllegalStateException("ONNX Runtime failed to run the " + kind.key() + " network: " + e.getMessage(), e);
		}
		finally {
			for (OnnxTensor t : feeds.values()) t.close();
		}
	}

	@Override
	public void close() {
		try {
			session.close();
		}
		catch (OrtException e) {
			throw new IllegalStateException("Could not close an ONNX Runtime session: " + e.getMessage(), e);
		}
	}
}
