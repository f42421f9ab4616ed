package org.cyclecolor.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.cyclecolor.UserException;

/**
 * Random crops for training: which pair and which rectangle at each training step. The choice
 * depends only on the seed and the step number (not on what came before), so a resumed training
 * run sees exactly the crops an uninterrupted one would. Pairs and their ground truth are cropped
 * with one rectangle (the images are rectified: same coordinates in both).
 */
public final class RandomCrops {

	/** One crop: item {@code index} of the dataset, rectangle [x, x+width) × [y, y+height). */
	public record Crop(int index, int x, int y, int width, int height) {

		public DatasetPair apply(DatasetPair pair) {
			return pair.crop(x, y, width, height);
		}

		public MonoColorPair apply(MonoColorPair pair) {
			return pair.crop(x, y, width, height);
		}
	}

	private final List<PairDataset.Entry> entries;
	private final int width;
	private final int height;
	private final long seed;

	/**
	 * @param entries the dataset's items ({@link PairDataset#entries()} or {@link UnlabelledPairs#entries()})
	 * @throws UserException naming every item smaller than the crop
	 */
	public RandomCrops(List<PairDataset.Entry> entries, int width, int height, long seed) {
		if (entries.isEmpty()) throw new UserException("There are no pairs to crop; give a dataset with at least one pair.");
		checkFits(entries, width, height);
		this.entries = List.copyOf(entries);
		this.width = width;
		this.height = height;
		this.seed = seed;
	}

	/** The crop of training step {@code step} (0, 1, 2, ...): a uniformly chosen item and position. */
	public Crop at(long step) {
		Random rng = new Random(GradientNoise.mix(GradientNoise.mix(seed) + step));
		int index = rng.nextInt(entries.size());
		PairDataset.Entry e = entries.get(index);
		return new Crop(index, rng.nextInt(e.width() - width + 1), rng.nextInt(e.height() - height + 1), width, height);
	}

	/** Loads and crops the pair of step {@code step}, with its ground truth. */
	public DatasetPair next(PairDataset dataset, long step) {
		Crop c = at(step);
		return c.apply(dataset.load(c.index()));
	}

	/** Loads and crops the pair of step {@code step}, without ground truth. */
	public MonoColorPair next(UnlabelledPairs dataset, long step) {
		Crop c = at(step);
		return c.apply(dataset.load(c.index()));
	}

	/**
	 * Checks that every item is at least {@code width × height}.
	 *
	 * @throws UserException listing each item that is smaller, with its size
	 */
	public static void checkFits(List<PairDataset.Entry> entries, int width, int height) {
		if (width < 1 || height < 1) throw new UserException("The crop size must be positive, got " + width + "x" + height + ".");
		List<String> small = new ArrayList<>();
		for (PairDataset.Entry e : entries) {
			if (e.width() < width || e.height() < height) small.add(e.id() + " is " + e.width() + "x" + e.height());
		}
		if (small.isEmpty()) return;
		int n = Math.min(DatasetProblem.LISTED, small.size());
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < n; i++) sb.append("\n  ").append(small.get(i));
		if (small.size() > n) sb.append("\n  ... and ").append(small.size() - n).append(" more");
		throw new UserException("The crop size " + width + "x" + height + " is larger than " + (small.size() == 1 ? "one image"
			: small.size() + " images") + "; choose a crop that fits every pair (or leave those out):" + sb);
	}

	/** A uniformly placed {@code width × height} crop of one pair and its ground truth. */
	public static DatasetPair crop(DatasetPair pair, int width, int height, Random rng) {
		MonoColorPair p = pair.pair();
		checkFits(List.of(new PairDataset.Entry(p.id(), p.width(), p.height(), pair.hasGroundTruth(), Map.of())),
			width, height);
		return pair.crop(rng.nextInt(p.width() - width + 1), rng.nextInt(p.height() - height + 1), width, height);
	}
}
