package org.cyclecolor;

/**
 * A user's thread count, checked: 0 means one per core; more than {@link #PER_CORE} per core is
 * refused, since each thread of ONNX Runtime or PyTorch takes its own buffers and a mistyped count
 * (100000) would exhaust memory before any work.
 */
public final class ThreadCount {

	/** The most threads per core a run may ask for. */
	public static final int PER_CORE = 8;

	private ThreadCount() {}

	/** The largest thread count this machine accepts. */
	public static int max() {
		return PER_CORE * Runtime.getRuntime().availableProcessors();
	}

	/** Returns {@code n} when it is 0 (one per core) or within {@link #max()}, else refuses it in one sentence. */
	public static int check(int n) {
		int max = max();
		if (n < 0 || n > max) {
			throw new UserException("The number of threads must be between 0 (one per core) and " + max + " (" + PER_CORE
				+ " per core on this machine), got " + n + ".");
		}
		return n;
	}
}
