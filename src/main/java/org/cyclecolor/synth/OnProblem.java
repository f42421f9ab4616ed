package org.cyclecolor.synth;

/** What opening a dataset does with broken items (missing partner, sizes differ, unreadable file). */
public enum OnProblem {

	/** Refuse the dataset with one error that lists every broken item. */
	FAIL,

	/** Leave broken items out, list them in {@link PairDataset#problems()}, and go on with the rest. */
	SKIP
}
