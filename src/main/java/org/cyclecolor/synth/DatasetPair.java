package org.cyclecolor.synth;

import java.util.Optional;

/**
 * One item of a dataset: the pair a method sees and, separately, its ground truth when the
 * dataset has one (synthesized pairs do, real camera pairs do not).
 * <p>
 * Self-supervised (cycle) training must not read the ground truth: give it {@link #pair()} (or a
 * dataset's {@link PairDataset#withoutGroundTruth()} view), which holds no reference to it.
 */
public final class DatasetPair {

	private final MonoColorPair pair;
	private final GroundTruth truth;

	/** @param truth null when there is no ground truth */
	public DatasetPair(MonoColorPair pair, GroundTruth truth) {
		if (pair == null) throw new IllegalArgumentException("A dataset item needs a pair.");
		if (truth != null && !truth.color().sameSize(pair.color())) {
			throw new IllegalArgumentException("Pair " + pair.id() + ": ground truth " + truth.color() + " and images "
				+ pair.color() + " differ in size.");
		}
		this.pair = pair;
		this.truth = truth;
	}

	/** The pair without ground truth: all a colorization method or the cycle training may see. */
	public MonoColorPair pair() {
		return pair;
	}

	public Optional<GroundTruth> groundTruth() {
		return Optional.ofNullable(truth);
	}

	public boolean hasGroundTruth() {
		return truth != null;
	}

	public String id() {
		return pair.id();
	}

	/** The same item with the ground truth removed. */
	public DatasetPair withoutGroundTruth() {
		return truth == null ? this : new DatasetPair(pair, null);
	}

	/** The rectangle [x0, x0+w) × [y0, y0+h) of the images and of every ground-truth map. */
	public DatasetPair crop(int x0, int y0, int w, int h) {
		return new DatasetPair(pair.crop(x0, y0, w, h), truth == null ? null : truth.crop(x0, y0, w, h));
	}

	@Override
	public String toString() {
		return "DatasetPair[" + pair + (truth == null ? ", no ground truth" : ", with ground truth") + "]";
	}
}
