package org.cyclecolor.method;

import org.cyclecolor.Progress;

/**
 * A colorization method: the Cycle-CNN network, or a classical baseline. Evaluation runs any of
 * them on the same inputs and compares the results.
 */
public interface Colorizer {

	/** Short stable name used in tables and options, e.g. "cyclecnn", "welsh", "stereo-levin". */
	String name();

	/**
	 * Colorizes {@code input.gray()} with {@code input.reference()}. The result's Y is the gray
	 * input; its chroma is in the given YCbCr range, 0..255 units.
	 */
	ColorizationResult colorize(ColorizationInput input, Progress progress);
}
