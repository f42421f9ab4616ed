package org.cyclecolor.eval;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cyclecolor.CancelledException;
import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.synth.DatasetPair;
import org.cyclecolor.synth.DatasetProblem;
import org.cyclecolor.synth.GroundTruth;
import org.cyclecolor.synth.MonoColorPair;
import org.cyclecolor.synth.PairDataset;

/**
 * Runs methods on a dataset, scene by scene, and scores them (docs/evaluation.md):
 * <ul>
 * <li>first time: the gray image colorized with the colour image, against the gray view's true colour
 * where the dataset has it — over the {@link Region} (border left out), and over its visible and
 * occluded pixels where the dataset has an occlusion mask;</li>
 * <li>second time (cycle, every method that can): the colour image's luminance colorized with the
 * first result as reference, against the colour image itself — the paper's quality measure without
 * ground truth;</li>
 * <li>the wall time of each pass.</li>
 * </ul>
 * A method that fails on a scene is recorded as failed with its message and the run goes on; a
 * scene that cannot be loaded is listed with the dataset's broken items and skipped. The same
 * dataset, options and methods give the same numbers (times aside).
 */
public final class Evaluation {

	/** Receives each scene's images once the scene is done (e.g. to draw a contact sheet). */
	public interface SceneListener {
		void scene(SceneImages images);
	}

	/**
	 * Which scenes to evaluate and what to compute.
	 *
	 * @param include comma-separated glob patterns on scene ids ({@code mb2005-*,mb2003-*}), or null/blank for all
	 * @param limit evaluate at most this many (selected) scenes; 0 = all
	 * @param cycle run the second (cycle) pass
	 */
	public record Options(String include, int limit, boolean cycle) {

		public Options {
			if (limit < 0) throw new UserException("The scene limit must be 0 (all) or a positive number, got " + limit + ".");
		}

		public static Options defaults() {
			return new Options(null, 0, true);
		}
	}

	private Evaluation() {}

	/** The indices of {@code dataset}'s entries that {@code options} select. */
	public static List<Integer> select(PairDataset dataset, Options options) {
		List<PathMatcher> patterns = new ArrayList<>();
		if (options.include() != null) {
			for (String p : options.include().split(",")) {
				if (!p.isBlank()) patterns.add(FileSystems.getDefault().getPathMatcher("glob:" + p.trim()));
			}
		}
		List<Integer> out = new ArrayList<>();
		List<PairDataset.Entry> entries = dataset.entries();
		for (int i = 0; i < entries.size(); i++) {
			Path id = Path.of(entries.get(i).id());
			if (patterns.isEmpty() || patterns.stream().anyMatch(m -> m.matches(id))) out.add(i);
		}
		if (out.isEmpty()) {
			throw new UserException("No scene of " + dataset.name() + " matches '" + options.include() + "'; its scenes are "
				+ examples(entries) + ".");
		}
		return options.limit() > 0 && out.size() > options.limit() ? out.subList(0, options.limit()) : out;
	}

	private static String examples(List<PairDataset.Entry> entries) {
		List<String> ids = entries.stream().map(PairDataset.Entry::id).limit(5).toList();
		return String.join(", ", ids) + (entries.size() > ids.size() ? ", ..." : "");
	}

	public static EvaluationResult run(PairDataset dataset, List<EvaluationMethod> methods, Options options,
		SceneListener listener, Progress progress)
	{
		if (methods.isEmpty()) throw new IllegalArgumentException("An evaluation needs at least one method.");
		List<Integer> selected = select(dataset, options);
		List<SceneRecord> records = new ArrayList<>();
		List<DatasetProblem> problems = new ArrayList<>(dataset.problems());
		List<String> scenes = new ArrayList<>();
		int n = selected.size();
		for (int s = 0; s < n; s++) {
			progress.checkCancelled();
			int index = selected.get(s);
			PairDataset.Entry entry = dataset.entries().get(index);
			Progress sceneProgress = progress.sub((double) s / n, (double) (s + 1) / n);
			sceneProgress.report(0, "scene " + (s + 1) + " of " + n + ": " + entry.id());
			DatasetPair item;
			try {
				item = dataset.load(index);
			}
			catch (UserException e) {
				progress.log("Skipped scene " + entry.id() + ": " + e.getMessage());
				problems.add(new DatasetProblem(entry.id(), List.copyOf(entry.files().values()), e.getMessage()));
				continue;
			}
			if (!options.cycle() && item.groundTruth().isEmpty()) {
				String why = "has no ground truth, and without the second (cycle) pass nothing can be scored; turn the cycle pass on "
					+ "or give the pair its ground truth";
				progress.log("Skipped scene " + entry.id() + ": it " + why + ".");
				problems.add(new DatasetProblem(entry.id(), List.copyOf(entry.files().values()), why));
				continue;
			}
			Region region;
			try {
				region = firstRegion(item.pair());
			}
			catch (IllegalArgumentException e) {
				String why = String.format(Locale.ROOT, "is %dx%d: a border of %d px (its largest disparity) leaves nothing to "
					+ "score; give a smaller largest disparity", item.pair().width(), item.pair().height(),
					item.pair().input().maxDisparity());
				progress.log("Skipped scene " + entry.id() + ": it " + why + ".");
				problems.add(new DatasetProblem(entry.id(), List.copyOf(entry.files().values()), why));
				continue;
			}
			scenes.add(entry.id());
			List<SceneImages.MethodImages> images = new ArrayList<>();
			for (int m = 0; m < methods.size(); m++) {
				Progress mp = sceneProgress.sub((double) m / methods.size(), (double) (m + 1) / methods.size());
				SceneImages.MethodImages done = evaluate(methods.get(m), item, entry, region, options.cycle(), mp);
				records.add(done.record());
				images.add(done);
			}
			if (listener != null) {
				listener.scene(new SceneImages(entry.id(), item.pair().gray(), item.pair().color(),
					item.groundTruth().map(GroundTruth::color).orElse(null), region, cycleRegion(item.pair()), images));
			}
		}
		if (scenes.isEmpty()) {
			throw new UserException("No scene of " + dataset.name() + " could be evaluated; fix or remove them:"
				+ DatasetProblem.list(problems));
		}
		progress.report(1, null);
		List<String> names = methods.stream().map(EvaluationMethod::name).toList();
		return new EvaluationResult(dataset.name(), names, scenes, records, problems, dataset.size() - n);
	}

	/** The first pass's region: the border of the largest disparity on the side where matches leave the colour image. */
	static Region firstRegion(MonoColorPair pair) {
		return Region.interior(pair.width(), pair.height(), pair.colorSide(), pair.input().maxDisparity());
	}

	/** The second pass's region: R'_C is in the colour camera's coordinates, its reference (the gray view) on the other side. */
	static Region cycleRegion(MonoColorPair pair) {
		return Region.interior(pair.width(), pair.height(), pair.colorSide().opposite(), pair.input().maxDisparity());
	}

	private static SceneImages.MethodImages evaluate(EvaluationMethod method, DatasetPair item, PairDataset.Entry entry,
		Region region, boolean cycle, Progress progress)
	{
		MonoColorPair pair = item.pair();
		String na = method.notApplicable(entry);
		if (na != null) {
			return new SceneImages.MethodImages(record(method, pair, SceneRecord.Status.NOT_APPLICABLE, na, Double.NaN, Double.NaN,
				null, null, null, null, ""), null, null, null, null);
		}
		RgbImage first;
		long t0 = System.nanoTime();
		try {
			first = method.colorize(item, entry, progress.sub(0, cycle ? 0.45 : 0.9));
		}
		catch (CancelledException e) {
			throw e;
		}
		catch (RuntimeException | OutOfMemoryError e) {
			String why = describe(e);
			progress.log(method.name() + " failed on " + pair.id() + ": " + why);
			return new SceneImages.MethodImages(record(method, pair, SceneRecord.Status.FAILED, why, Double.NaN, Double.NaN, null,
				null, null, null, ""), null, null, null, null);
		}
		double seconds = (System.nanoTime() - t0) * 1e-9;

		Scores all = null, visible = null, occluded = null;
		Comparison truth = null;
		GroundTruth gt = item.groundTruth().orElse(null);
		if (gt != null) {
			truth = Comparison.of(first, gt.color(), progress.sub(cycle ? 0.45 : 0.9, cycle ? 0.5 : 1));
			all = truth.scores(region);
			if (gt.occlusion() != null) {
				visible = truth.scores(region.visible(gt.occlusion()));
				occluded = truth.scores(region.occluded(gt.occlusion()));
			}
		}

		Scores cycleScores = null;
		String cycleMessage = "";
		double cycleSeconds = Double.NaN;
		RgbImage back = null;
		Comparison backToColor = null;
		if (!cycle) cycleMessage = "second pass not asked for";
		else if (method.noSecondPass() != null) cycleMessage = method.noSecondPass();
		else {
			long t1 = System.nanoTime();
			try {
				back = method.colorizeBack(pair, first, progress.sub(0.5, 0.95));
				cycleSeconds = (System.nanoTime() - t1) * 1e-9;
				backToColor = Comparison.of(back, pair.color(), progress.sub(0.95, 1));
				cycleScores = backToColor.scores(cycleRegion(pair));
			}
			catch (CancelledException e) {
				throw e;
			}
			catch (RuntimeException | OutOfMemoryError e) {
				cycleMessage = "second pass failed: " + describe(e);
				progress.log(method.name() + ": the second pass failed on " + pair.id() + ": " + describe(e));
				back = null;
			}
		}
		progress.report(1, null);
		SceneRecord rec = record(method, pair, SceneRecord.Status.OK, "", seconds, cycleSeconds, all, visible, occluded,
			cycleScores, cycleMessage);
		return new SceneImages.MethodImages(rec, first, truth == null ? null : truth.deltaEMap(), back,
			backToColor == null ? null : backToColor.cbcrSsimMap());
	}

	private static SceneRecord record(EvaluationMethod method, MonoColorPair pair, SceneRecord.Status status, String message,
		double seconds, double cycleSeconds, Scores all, Scores visible, Scores occluded, Scores cycle, String cycleMessage)
	{
		return new SceneRecord(pair.id(), method.name(), status, message, pair.width(), pair.height(), pair.colorSide().key(),
			pair.input().maxDisparity(), seconds, cycleSeconds, all, visible, occluded, cycle, cycleMessage);
	}

	/** A failure in one sentence: a user error's message as is, anything else with its kind. */
	static String describe(Throwable e) {
		if (e instanceof UserException) return e.getMessage();
		if (e instanceof OutOfMemoryError) return "out of memory; give Java more memory (e.g. -Xmx8g)";
		String m = e.getMessage();
		String kind = e.getClass().getSimpleName();
		return m == null || m.isBlank() ? kind : String.format(Locale.ROOT, "%s: %s", kind, m);
	}
}
