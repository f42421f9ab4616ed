package org.cyclecolor.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A dataset seen without its ground truth: ids, sizes and {@link MonoColorPair}s only. This is
 * what the self-supervised (cycle) training is given; nothing reachable from it leads to the
 * ground truth of the underlying dataset.
 */
public final class UnlabelledPairs {

	private final PairDataset source;
	private final List<PairDataset.Entry> entries;

	UnlabelledPairs(PairDataset source) {
		this.source = source;
		List<PairDataset.Entry> list = new ArrayList<>();
		for (PairDataset.Entry e : source.entries()) {
			// Source file paths are left out too: for synthesized pairs they lead to the true colour.
			list.add(new PairDataset.Entry(e.id(), e.width(), e.height(), false, Map.of()));
		}
		this.entries = Collections.unmodifiableList(list);
	}

	public String name() {
		return source.name();
	}

	/** The items, each marked as having no ground truth, without source file paths. */
	public List<PairDataset.Entry> entries() {
		return entries;
	}

	public int size() {
		return entries.size();
	}

	/** The pair of item {@code index}, without ground truth. */
	public MonoColorPair load(int index) {
		return source.loadPair(index);
	}
}
