package org.cyclecolor.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.Resampler;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.matching.MatchingPrior;
import org.cyclecolor.matching.SgmMatcher;
import org.cyclecolor.metrics.Ssim;
import org.cyclecolor.synth.Degradation;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.model.Variant;
import org.cyclecolor.synth.DatasetPair;
import org.cyclecolor.synth.MonoColorPair;
import org.cyclecolor.synth.PairDataset;
import org.cyclecolor.synth.RandomCrops;
import org.cyclecolor.synth.UnlabelledPairs;

/**
 * The examples of a training run: the pairs of one or more datasets, each shrunk by an integer
 * factor so that its disparities fit the network's candidates and it is about the variant's working width
 * (as the inference engine shrinks, so training sees the scale colorization works at),
 * and the crop of every step ({@link RandomCrops}: from the seed and the step number alone, so a
 * resumed run sees the same crops).
 * <p>
 * Cycle training reads its pairs through {@link UnlabelledPairs} only — it cannot reach any ground
 * truth; supervised training reads whole dataset items and needs their true colour. Shrunk pairs
 * are kept in memory up to a budget (photo pairs take seconds to synthesize), least recently used
 * first out.
 */
public final class TrainingData {

	/** One pair as the trainer uses it: shrunk, with the true colour in supervised mode. */
	record Example(MonoColorPair pair, RgbImage truth, int shrink, MatchingPrior prior, MatchingPrior backPrior) {

		Example(MonoColorPair pair, RgbImage truth, int shrink) {
			this(pair, truth, shrink, null, null);
		}

		long bytes() {
			return 4L * pair.width() * pair.height() * ((truth == null ? 4 : 7) + (prior == null ? 0 : 4));
		}

		/** This example with the matching priors of both passes, computed at its (shrunk) size. */
		Example withPriors(Variant v) {
			FloatPlane colorY = YCbCr.luma(pair.color());
			int range = Math.min(v.firstShift() + v.candidates() - 1, pair.maxDisparity() + 1);
			SgmMatcher m = new SgmMatcher();
			return new Example(pair, truth, shrink, MatchingPrior.estimate(m, pair.gray(), colorY, pair.colorSide(), range),
				MatchingPrior.estimate(m, colorY, pair.gray(), pair.colorSide().opposite(), range));
		}
	}

	/** Where examples come from. */
	private interface Source {
		String name();

		List<PairDataset.Entry> entries();

		/** Item {@code i}, at full size. */
		Example load(int i);
	}

	private record Item(Source source, int index) {}

	private final Variant variant;
	/** Structure-similarity pre-training: how the colour camera records the registered view; null otherwise. */
	private Degradation structureCamera;
	private long seed;
	private final List<Item> items = new ArrayList<>();
	private final List<PairDataset.Entry> entries = new ArrayList<>();
	private final int[] shrink;
	private final RandomCrops crops;
	private final List<String> names = new ArrayList<>();
	private final long cacheBudget;
	private final LinkedHashMap<Integer, Example> cache = new LinkedHashMap<>(16, 0.75f, true);
	private long cached;

	private TrainingData(Variant variant, List<Source> sources, TrainingConfig config, long cacheBudget, Progress progress) {
		this.variant = variant;
		this.cacheBudget = cacheBudget;
		this.seed = config.seed();
		for (Source s : sources) {
			names.add(s.name() + " (" + s.entries().size() + " pairs)");
			for (int i = 0; i < s.entries().size(); i++) items.add(new Item(s, i));
		}
		if (items.isEmpty()) throw new UserException("The training data hold no pairs; give a dataset with at least one pair.");
		shrink = new int[items.size()];
		if (config.shrink() == 0) readAll(progress);
		else java.util.Arrays.fill(shrink, config.shrink());
		for (int i = 0; i < items.size(); i++) {
			PairDataset.Entry e = items.get(i).source().entries().get(items.get(i).index());
			entries.add(new PairDataset.Entry(e.id(), ceilDiv(e.width(), shrink[i]), ceilDiv(e.height(), shrink[i]), false, Map.of()));
		}
		try {
			crops = new RandomCrops(entries, config.cropWidth(), config.cropHeight(), config.seed());
		}
		catch (UserException tooLarge) {
			throw new UserException(tooLarge.getMessage() + "\n(sizes after shrinking each pair " + (config.shrink() == 0
				? "so that its disparities fit " + variant.candidates() + " candidates and it is about " + variant.workingWidth() + " px wide"
				: "by " + config.shrink()) + "; choose a smaller crop or --shrink 1)", tooLarge);
		}
	}

	/**
	 * Reads every pair once, on all cores, to learn its shrink factor (its suggested largest
	 * disparity decides, and loading it is the only way to know), keeping what fits the cache —
	 * with the matching priors of guided variants, which cost as much as reading. Each pair's
	 * content depends on its own seed only, so the order does not matter.
	 */
	private void readAll(Progress progress) {
		int n = items.size();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
			Math.min(n, Runtime.getRuntime().availableProcessors()), r -> {
				Thread t = new Thread(r, "cyclecolor-training-data");
				t.setDaemon(true);
				return t;
			});
		try {
			List<java.util.concurrent.Future<?>> done = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				done.add(pool.submit(() -> {
					if (progress.isCancelled()) return;
					Item it = items.get(index);
					Example full = it.source().load(it.index());
					int f = autoShrink(full.pair().maxDisparity(), it.source().entries().get(it.index()).width(), variant);
					Example small = shrunk(full, f);
					remember(index, variant.readsPrior() && structureCamera == null ? small.withPriors(variant) : small);
					shrink[index] = f;
				}));
			}
			for (int i = 0; i < n; i++) {
				progress.report((double) i / n, "Reading training pair " + (i + 1) + " of " + n);
				try {
					done.get(i).get();
				}
				catch (java.util.concurrent.ExecutionException e) {
					if (e.getCause() instanceof RuntimeException r) throw r;
					throw new IllegalStateException(e.getCause());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new org.cyclecolor.CancelledException();
				}
				progress.checkCancelled();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Self-supervised data: pairs without ground truth. */
	public static TrainingData cycle(Variant variant, List<UnlabelledPairs> datasets, TrainingConfig config, long cacheBudget,
		Progress progress)
	{
		List<Source> sources = new ArrayList<>();
		for (UnlabelledPairs d : datasets) {
			sources.add(new Source() {
				public String name() {
					return d.name();
				}

				public List<PairDataset.Entry> entries() {
					return d.entries();
				}

				public Example load(int i) {
					return new Example(d.load(i), null, 1);
				}
			});
		}
		return new TrainingData(variant, sources, config, cacheBudget, progress);
	}

	/** Supervised data: every pair must have its true colour. */
	public static TrainingData supervised(Variant variant, List<PairDataset> datasets, TrainingConfig config, long cacheBudget,
		Progress progress)
	{
		List<Source> sources = new ArrayList<>();
		for (PairDataset d : datasets) {
			List<String> without = new ArrayList<>();
			for (PairDataset.Entry e : d.entries()) if (!e.groundTruth()) without.add(e.id());
			if (!without.isEmpty()) {
				throw new UserException("Supervised training needs the true colour of every pair, and " + without.size() + " pair(s) of "
					+ d.name() + " have none (e.g. " + without.get(0) + "); train them in cycle mode, or give synthesized pairs "
					+ "(stereo scenes, photos).");
			}
			sources.add(new Source() {
				public String name() {
					return d.name();
				}

				public List<PairDataset.Entry> entries() {
					return d.entries();
				}

				public Example load(int i) {
					DatasetPair p = d.load(i);
					return new Example(p.pair(), p.groundTruth().orElseThrow().color(), 1);
				}
			});
		}
		return new TrainingData(variant, sources, config, cacheBudget, progress);
	}

	/**
	 * Data for pre-training the structure-similarity network: the gray image of each synthesized
	 * pair and its registered true colour as the colour camera would record it ({@code camera}),
	 * randomly warped ({@link RandomWarp}); the target is the SSIM map of the warped luminance and
	 * the gray image.
	 */
	public static TrainingData structure(Variant variant, List<PairDataset> datasets, Degradation camera, TrainingConfig config,
		long cacheBudget, Progress progress)
	{
		TrainingData d = supervised(variant, datasets, config, cacheBudget, progress);
		d.structureCamera = camera;
		return d;
	}

	/** The smallest integer factor at which {@code maxDisparity} fits the variant's candidates. */
	public static int fitShrink(int maxDisparity, Variant variant) {
		int reach = variant.firstShift() + variant.candidates() - 1;
		return Math.max(1, ceilDiv(maxDisparity, reach));
	}

	/**
	 * The inference engine's automatic factor, so that training sees pairs at the scale they will be
	 * colorized at: the disparities fit the candidates, and the image is about the variant's working
	 * width or smaller.
	 */
	public static int autoShrink(int maxDisparity, int width, Variant variant) {
		return Math.max(fitShrink(maxDisparity, variant), Math.max(1, (int) Math.round(width / (double) variant.workingWidth())));
	}

	/** The datasets, for logs and provenance. */
	public List<String> names() {
		return names;
	}

	public int size() {
		return items.size();
	}

	/** The items at their shrunk sizes (ids, no ground truth flags, no paths). */
	public List<PairDataset.Entry> entries() {
		return entries;
	}

	/** The shrink factor of item i. */
	public int shrink(int i) {
		return shrink[i];
	}

	/** The crop of step {@code step}. */
	public RandomCrops.Crop crop(long step) {
		return crops.at(step);
	}

	/** The example of step {@code step}, cropped, in the network's frame. */
	public TrainingBatch batch(long step) {
		RandomCrops.Crop c = crops.at(step);
		Example e = example(c.index());
		MonoColorPair p = c.apply(e.pair());
		RgbImage truth = e.truth() == null ? null : e.truth().crop(c.x(), c.y(), c.width(), c.height());
		if (structureCamera != null) {
			StructureExample s = structureExample(p.gray(), truth, step);
			return TrainingBatch.structure(s.grayY(), s.warped(), s.target());
		}
		if (!variant.readsPrior()) return TrainingBatch.of(variant, p.gray(), p.color(), p.colorSide(), truth);
		return TrainingBatch.of(variant, p.gray(), p.color(), p.colorSide(), truth,
			e.prior().crop(c.x(), c.y(), c.width(), c.height()), e.backPrior().crop(c.x(), c.y(), c.width(), c.height()));
	}

	/**
	 * One structure-similarity example before it becomes a batch: the gray image's Y, the registered
	 * view's luminance as the colour camera records it, that luminance randomly warped, and the
	 * target (the SSIM map of the warped luminance and the gray image).
	 */
	public record StructureExample(FloatPlane grayY, FloatPlane colorY, FloatPlane warped, FloatPlane target) {}

	/** The structure-similarity example of step {@code step} (structure-similarity data only). */
	public StructureExample structureExample(long step) {
		if (structureCamera == null) throw new IllegalStateException("These are not structure-similarity data.");
		RandomCrops.Crop c = crops.at(step);
		Example e = example(c.index());
		MonoColorPair p = c.apply(e.pair());
		return structureExample(p.gray(), e.truth().crop(c.x(), c.y(), c.width(), c.height()), step);
	}

	/** The registered view through the colour camera, its luminance warped, and the SSIM map target. */
	private StructureExample structureExample(FloatPlane gray, RgbImage truth, long step) {
		Random rng = new Random(mix(mix(seed ^ 0x5DEECE66DL) + step));
		RgbImage recorded = structureCamera.color(truth, rng);
		FloatPlane y = YCbCr.toYCbCr(recorded, variant.colorRange()).y();
		FloatPlane warped = RandomWarp.random(y.width(), y.height(), rng).apply(y);
		FloatPlane grayY = YCbCr.grayToY(gray, variant.colorRange(), 255);
		FloatPlane target = new Ssim(255).compare(warped, grayY).map();
		return new StructureExample(grayY, y, warped, target);
	}

	/** SplitMix64's finaliser: well-spread seeds from consecutive numbers. */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** Item i shrunk (cached). */
	synchronized Example example(int i) {
		Example e = cache.get(i);
		if (e != null) return e;
		Item it = items.get(i);
		e = shrunk(it.source().load(it.index()), shrink[i]);
		if (variant.readsPrior() && structureCamera == null) e = e.withPriors(variant);
		remember(i, e);
		return e;
	}

	private synchronized void remember(int i, Example e) {
		if (e.bytes() > cacheBudget) return;
		cache.put(i, e);
		cached += e.bytes();
		var it = cache.entrySet().iterator();
		while (cached > cacheBudget && it.hasNext()) {
			var oldest = it.next();
			if (oldest.getKey() == i) continue;
			cached -= oldest.getValue().bytes();
			it.remove();
		}
	}

	/** The pair (and truth) shrunk by f: block means, as {@link Resampler#shrink}. */
	static Example shrunk(Example e, int f) {
		if (f == 1) return new Example(e.pair(), e.truth(), 1);
		MonoColorPair p = e.pair();
		Map<String, String> prov = new LinkedHashMap<>(p.provenance());
		prov.put("shrink", Integer.toString(f));
		MonoColorPair s = new MonoColorPair(p.id(), Resampler.shrink(p.gray(), f), shrink(p.color(), f), p.colorSide(),
			Math.max(1, ceilDiv(p.maxDisparity(), f)), prov);
		return new Example(s, e.truth() == null ? null : shrink(e.truth(), f), f);
	}

	private static RgbImage shrink(RgbImage img, int f) {
		return new RgbImage(Resampler.shrink(img.r(), f), Resampler.shrink(img.g(), f), Resampler.shrink(img.b(), f), img.maxValue());
	}

	private static int ceilDiv(int a, int b) {
		return (a + b - 1) / b;
	}
}
