package org.cyclecolor.infer;

/**
 * How ONNX Runtime sessions are made.
 *
 * @param device where to run
 * @param threads threads for one operator (ONNX Runtime's intra-op threads); 0 = one per core
 */
public record RuntimeOptions(Device device, int threads) {

	public RuntimeOptions {
		if (device == null) throw new IllegalArgumentException("No device given.");
		if (threads < 0) throw new IllegalArgumentException("Threads must be 0 (one per core) or more, got " + threads + ".");
	}

	/** The automatic device and one thread per core. */
	public static RuntimeOptions defaults() {
		return new RuntimeOptions(Device.AUTO, 0);
	}

	public static RuntimeOptions cpu(int threads) {
		return new RuntimeOptions(Device.CPU, threads);
	}
}
