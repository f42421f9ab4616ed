package org.cyclecolor.eval;

import org.cyclecolor.Progress;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.synth.DatasetPair;
import org.cyclecolor.synth.MonoColorPair;
import org.cyclecolor.synth.PairDataset;

/**
 * One row of an evaluation: something that colorizes a dataset item's gray image (a
 * {@link org.cyclecolor.method.Colorizer}, or result files the dataset carries) and, when it can, colorizes
 * back for the cycle score. Images are 0..255 RGB, rounded to whole codes and clipped, as a result
 * saved to an 8-bit file holds them.
 */
public interface EvaluationMethod extends AutoCloseable {

	/** The name in tables, plots and options, e.g. "stereo-levin". */
	String name();

	/** Why this method does not apply to {@code entry} (e.g. no result file for it), or null when it does. */
	default String notApplicable(PairDataset.Entry entry) {
		return null;
	}

	/**
	 * The first-time colorization I_C of {@code item}'s gray image with its colour image as
	 * reference. Only {@code item.pair()} may be used for colorizing; the ground truth is there for
	 * nothing but the dataset's own result files.
	 */
	RgbImage colorize(DatasetPair item, PairDataset.Entry entry, Progress progress);

	/** Why there is no second pass (cycle), or null when {@link #colorizeBack} works. */
	default String noSecondPass() {
		return null;
	}

	/**
	 * The second-time colorization R'_C (paper, "Method, Overview"): the colour image's luminance
	 * R_G colorized with the first result I_C as reference, both flipped left to right so that the
	 * search runs as in the first pass, and the result flipped back. It should come back to the
	 * colour image R_C.
	 */
	RgbImage colorizeBack(MonoColorPair pair, RgbImage first, Progress progress);

	/** Frees what the method holds (network sessions); nothing by default. */
	@Override
	default void close() {}
}
