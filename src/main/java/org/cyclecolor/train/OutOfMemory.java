package org.cyclecolor.train;

import java.util.Locale;

import org.cyclecolor.UserException;

/**
 * Recognises running out of memory during a step (PyTorch's allocator failing natively, or the
 * JVM's heap) and says what to do: a crop of half the height (a quarter of the memory, which grows
 * with the crop's area).
 */
public final class OutOfMemory {

	private OutOfMemory() {}

	/** A {@link UserException} suggesting a smaller crop when {@code e} is an out-of-memory failure, else null. */
	public static UserException explain(Throwable e, int cropWidth, int cropHeight) {
		if (!isOutOfMemory(e)) return null;
		int w = Math.max(16, cropWidth / 2 / 4 * 4), h = Math.max(16, cropHeight / 2 / 4 * 4);
		return new UserException(String.format(Locale.ROOT, "Training ran out of memory with %dx%d crops; choose a smaller crop, e.g. "
			+ "%dx%d (a quarter of the memory), or free memory for the run.", cropWidth, cropHeight, w, h), e);
	}

	static boolean isOutOfMemory(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof OutOfMemoryError) return true;
			String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
			if (m.contains("out of memory") || m.contains("not enough memory") || m.contains("can't allocate memory")
				|| m.contains("cannot allocate memory") || m.contains("bad_alloc")) {
				return true;
			}
		}
		return false;
	}
}
