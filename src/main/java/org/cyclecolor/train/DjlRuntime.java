package org.cyclecolor.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The PyTorch engine for training: offline (the native library comes from the Maven Central jar on
 * the class path; nothing is downloaded), with a chosen number of intra-op threads. PyTorch
 * computes deterministically on the CPU for a fixed number of threads, which is what makes runs
 * and resumed runs repeat exactly.
 */
public final class DjlRuntime {

	private DjlRuntime() {}

	/**
	 * A new base manager on the PyTorch engine, the engine set to {@code threads} intra-op threads
	 * (0 = one per core), gradient recording off on the calling thread (use the manager on it).
	 */
	public static NDManager start(int threads) {
		System.setProperty("ai.djl.offline", "true");
		NDManager m = NDManager.newBaseManager("PyTorch");
		JniUtils.setNumThreads(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
		// PyTorch's gradient mode is per thread and on by default; DJL switches it off only on the thread
		// that loaded the engine. Off here too, so that a run on any thread (Fiji runs commands on a pool
		// thread) records gradients only inside a GradientCollector and updates weights in place.
		JniUtils.setGradMode(false);
		return m;
	}

	/** The PyTorch and DJL versions (for provenance). */
	public static String versions() {
		return "PyTorch " + Engine.getEngine("PyTorch").getVersion() + ", DJL " + Engine.getDjlVersion();
	}
}
