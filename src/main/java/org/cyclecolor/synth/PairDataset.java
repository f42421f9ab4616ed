package org.cyclecolor.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A list of mono/colour pairs, loaded one at a time (a folder of real pairs can be larger than
 * memory). Every dataset yields {@link DatasetPair}s; which of them carry ground truth depends on
 * the source. Loading is deterministic: the same index gives the same pixels every time.
 * <p>
 * Items found broken when the dataset was opened in skip mode are not in {@link #entries()};
 * {@link #problems()} lists them.
 */
public interface PairDataset {

	/** What the dataset is, for logs and tables (e.g. the folder it was read from). */
	String name();

	/** The pairs it holds, in a stable order (sorted by id unless a list file says otherwise). */
	List<Entry> entries();

	/** Items left out because they were broken (empty unless opened with {@link OnProblem#SKIP}). */
	List<DatasetProblem> problems();

	/**
	 * Loads item {@code index} of {@link #entries()}.
	 *
	 * @throws org.cyclecolor.UserException naming the file when it cannot be read or is not what it should be
	 */
	DatasetPair load(int index);

	/**
	 * Loads item {@code index} without its ground truth (which may then not even be computed). The
	 * cycle training uses this through {@link #withoutGroundTruth()}.
	 */
	default MonoColorPair loadPair(int index) {
		return load(index).pair();
	}

	default int size() {
		return entries().size();
	}

	/** A view that yields pairs only: what self-supervised training may be given. */
	default UnlabelledPairs withoutGroundTruth() {
		return new UnlabelledPairs(this);
	}

	/**
	 * One item, known before its pixels are loaded.
	 *
	 * @param id the pair's id
	 * @param width, height image size in pixels
	 * @param groundTruth whether {@link #load} gives ground truth for it
	 * @param files the source files by role ("mono", "color", "left", "right", "photo", ...)
	 */
	record Entry(String id, int width, int height, boolean groundTruth, Map<String, Path> files) {

		public Entry {
			files = Map.copyOf(files);
		}

		@Override
		public String toString() {
			return id + " (" + width + "x" + height + ")";
		}
	}
}
