package org.cyclecolor.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.ImagePlus;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.Version;
import org.cyclecolor.eval.Evaluation;
import org.cyclecolor.eval.EvaluationMethod;
import org.cyclecolor.eval.EvaluationResult;
import org.cyclecolor.eval.MethodSummary;
import org.cyclecolor.eval.Methods;
import org.cyclecolor.eval.Scores;
import org.cyclecolor.eval.Tables;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.synth.DatasetOptions;
import org.cyclecolor.synth.DatasetProblem;
import org.cyclecolor.synth.Datasets;
import org.cyclecolor.synth.Degradation;
import org.cyclecolor.synth.MonoColorProtocol;
import org.cyclecolor.synth.OnProblem;
import org.cyclecolor.synth.PairDataset;

/**
 * Evaluate, as the command line, Fiji and macros offer it: methods x dataset, written to a folder —
 * {@code scenes.csv} (one row per scene and method), {@code summary.csv} (one row per method),
 * {@code report.md}, {@code plots/*.png} and {@code sheets/<scene>.png} (contact sheets).
 * <p>
 * Broken dataset items are skipped and listed; a method failing on a scene is recorded as failed
 * and the run goes on. Nothing is overwritten unless asked: every target is checked before any work.
 */
public final class EvaluateOperation {

	public static final String SCENES_CSV = "scenes.csv", SUMMARY_CSV = "summary.csv", REPORT = "report.md";
	public static final String PLOTS_DIR = "plots", SHEETS_DIR = "sheets";

	private final Path dataset;
	private final Path outputDir;
	private String methods = String.join(",", Methods.DEFAULT);
	private String preset = "clean";
	private MonoColorProtocol.GrayView grayView = MonoColorProtocol.GrayView.LEFT;
	private long seed = 1;
	private int maxDisparity;
	private ColorSide colorSide;
	private String include;
	private int limit;
	private boolean cycle = true;
	private boolean sheets = true;
	private boolean overwrite;
	private String command;

	public EvaluateOperation(Path dataset, Path outputDir) {
		this.dataset = dataset;
		this.outputDir = outputDir;
	}

	/** Comma-separated method names (see {@link Methods#names()}); default: the three baselines. */
	public EvaluateOperation methods(String list) {
		this.methods = list;
		return this;
	}

	/** The synthesized protocol's cameras and noise: clean (default), noisy or camera. */
	public EvaluateOperation preset(String name) {
		this.preset = name;
		return this;
	}

	public EvaluateOperation grayView(MonoColorProtocol.GrayView view) {
		this.grayView = view;
		return this;
	}

	public EvaluateOperation seed(long s) {
		this.seed = s;
		return this;
	}

	/** The largest disparity for every pair; 0 = the dataset's suggestion. */
	public EvaluateOperation maxDisparity(int d) {
		this.maxDisparity = d;
		return this;
	}

	/** Where the colour camera is, for pairs folders that do not say (no manifest); null = from the dataset. */
	public EvaluateOperation colorSide(ColorSide side) {
		this.colorSide = side;
		return this;
	}

	/** Comma-separated glob patterns on scene ids; null or blank = every scene. */
	public EvaluateOperation include(String patterns) {
		this.include = patterns;
		return this;
	}

	/** At most this many scenes; 0 = all. */
	public EvaluateOperation limit(int n) {
		this.limit = n;
		return this;
	}

	/** Run the second (cycle) pass; default true. */
	public EvaluateOperation cycle(boolean c) {
		this.cycle = c;
		return this;
	}

	/** Write a contact sheet per scene; default true. */
	public EvaluateOperation contactSheets(boolean s) {
		this.sheets = s;
		return this;
	}

	public EvaluateOperation overwrite(boolean o) {
		this.overwrite = o;
		return this;
	}

	/** How the run was asked for (a command line, a macro call), quoted in the report. */
	public EvaluateOperation command(String c) {
		this.command = c;
		return this;
	}

	/**
	 * What a run wrote and found.
	 *
	 * @param evaluation the records and summaries
	 * @param degradation the protocol's cameras and noise, described
	 * @param plots the plots, also written to {@code plots/}
	 * @param sheets how many contact sheets were written
	 */
	public record Result(EvaluationResult evaluation, Path outputDir, Path scenesCsv, Path summaryCsv, Path report,
		List<EvaluationPlots.Figure> plots, int sheets, String degradation, long seed)
	{

		/** Paths of the written plots. */
		public List<Path> plotFiles() {
			return plots.stream().map(f -> outputDir.resolve(PLOTS_DIR).resolve(f.fileName())).toList();
		}

		/** A summary for JSON and macros: files, counts, problems and each method's means. */
		public Map<String, Object> summary() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("dataset", evaluation.dataset());
			m.put("degradation", degradation);
			m.put("seed", seed);
			m.put("methods", evaluation.methods());
			m.put("scenes", evaluation.scenes().size());
			m.put("skipped", evaluation.skipped());
			m.put("not_selected", evaluation.leftOut());
			m.put("output_dir", outputDir.toAbsolutePath().normalize().toString());
			m.put("scenes_csv", scenesCsv.toAbsolutePath().normalize().toString());
			m.put("summary_csv", summaryCsv.toAbsolutePath().normalize().toString());
			m.put("report", report.toAbsolutePath().normalize().toString());
			m.put("plots", plotFiles().stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
			m.put("sheets", sheets);
			List<Map<String, Object>> problems = new ArrayList<>();
			for (DatasetProblem p : evaluation.problems()) {
				Map<String, Object> q = new LinkedHashMap<>();
				q.put("item", p.item());
				q.put("files", p.files().stream().map(Path::toString).toList());
				q.put("reason", p.reason());
				problems.add(q);
			}
			m.put("problems", problems);
			List<Map<String, Object>> rows = new ArrayList<>();
			for (MethodSummary s : evaluation.summaries()) {
				Map<String, Object> r = new LinkedHashMap<>();
				r.put("method", s.method());
				r.put("ok", s.ok());
				r.put("failed", s.failed());
				r.put("not_applicable", s.notApplicable());
				r.put("seconds", s.seconds());
				r.put("seconds_per_megapixel", s.secondsPerMegapixel());
				r.put("first", means(s.all()));
				r.put("visible", means(s.visible()));
				r.put("occluded", means(s.occluded()));
				r.put("cycle", means(s.cycle()));
				r.put("lcc_scenes", s.lccScenes());
				r.put("lcc_rgb_ssim", s.lccRgbSsim());
				r.put("lcc_cbcr_ssim", s.lccCbcrSsim());
				rows.add(r);
			}
			m.put("summary", rows);
			return m;
		}

		private static Map<String, Object> means(MethodSummary.Mean mean) {
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("scenes", mean.n());
			for (int k = 0; k < Scores.NAMES.length; k++) r.put(Scores.NAMES[k], mean.values()[k]);
			return r;
		}
	}

	public Result run(Progress progress) {
		if (outputDir == null) throw new UserException("No output folder was given; name a folder for the tables and pictures.");
		if (Files.isRegularFile(outputDir)) {
			throw new UserException("The output " + outputDir + " is a file; give a folder for the tables and pictures.");
		}
		List<Methods.Spec> specs = Methods.parse(methods);
		List<String> names = specs.stream().map(Methods.Spec::name).toList();
		Degradation degradation = Degradation.preset(preset);
		DatasetOptions options = DatasetOptions.defaults().withDegradation(degradation).withGrayView(grayView).withSeed(seed)
			.withMaxDisparity(maxDisparity).withOnProblem(OnProblem.SKIP);
		if (colorSide != null) options = options.withColorSide(colorSide);
		Evaluation.Options evalOptions = new Evaluation.Options(include, limit, cycle);
		progress.report(0, "opening " + dataset);
		PairDataset data = Datasets.open(dataset, options, progress);
		if (!data.problems().isEmpty()) {
			progress.log("Skipping " + data.problems().size() + " broken item(s) of " + data.name() + ":"
				+ DatasetProblem.list(data.problems()));
		}
		List<Integer> selected = Evaluation.select(data, evalOptions);
		checkTargets(data, selected);
		progress.log(String.format(Locale.ROOT, "Evaluating %s on %d scene(s) of %s (%s, seed %d).", String.join(", ", names),
			selected.size(), data.name(), degradation.describe(), seed));

		List<EvaluationMethod> created = new ArrayList<>();
		int[] sheetCount = { 0 };
		EvaluationResult evaluation;
		try {
			created.addAll(Methods.create(specs, progress.sub(0.01, 0.02)));
			Path sheetDir = outputDir.resolve(SHEETS_DIR);
			Evaluation.SceneListener listener = !sheets ? null : images -> {
				ImagePlus sheet = ContactSheet.of(images, images.scene() + " (" + degradation.name() + ")");
				ImageFiles.write(sheet, sheetDir.resolve(images.scene() + ".png"), overwrite);
				sheetCount[0]++;
			};
			evaluation = Evaluation.run(data, created, evalOptions, listener, progress.sub(0.02, 0.97));
		}
		finally {
			for (EvaluationMethod m : created) m.close();
		}

		progress.report(0.97, "writing tables and plots");
		List<EvaluationPlots.Figure> figures = EvaluationPlots.all(evaluation);
		for (EvaluationPlots.Figure f : figures) {
			ImageFiles.write(f.image(), outputDir.resolve(PLOTS_DIR).resolve(f.fileName()), overwrite);
		}
		Path scenes = outputDir.resolve(SCENES_CSV), summary = outputDir.resolve(SUMMARY_CSV), report = outputDir.resolve(REPORT);
		ImageFiles.writeText(scenes, Tables.scenesCsv(evaluation), overwrite);
		ImageFiles.writeText(summary, Tables.summaryCsv(evaluation), overwrite);
		ImageFiles.writeText(report, Tables.markdown(evaluation, reportInfo(degradation, figures)), overwrite);
		progress.report(1, null);
		return new Result(evaluation, outputDir, scenes, summary, report, figures, sheetCount[0], degradation.describe(), seed);
	}

	private Tables.ReportInfo reportInfo(Degradation degradation, List<EvaluationPlots.Figure> figures) {
		List<String> lines = new ArrayList<>();
		lines.add("Dataset: `" + dataset.toAbsolutePath().normalize() + "`");
		lines.add("Protocol: " + degradation.describe() + "; gray view " + grayView.name().toLowerCase(Locale.ROOT) + "; seed " + seed
			+ (maxDisparity > 0 ? "; max disparity " + maxDisparity : "") + (colorSide != null ? "; colour camera on the "
			+ colorSide.key() : ""));
		if (command != null) lines.add("Command: `" + command + "`");
		lines.add("Cycle Colorization " + Version.get());
		List<String[]> figs = new ArrayList<>();
		for (EvaluationPlots.Figure f : figures) figs.add(new String[] { PLOTS_DIR + "/" + f.fileName(), f.caption() });
		return new Tables.ReportInfo("Evaluation of " + dataset.getFileName(), lines, figs);
	}

	/** Refuses, before any work, an output folder that already holds what this run would write (unless overwriting). */
	private void checkTargets(PairDataset data, List<Integer> selected) {
		List<Path> targets = new ArrayList<>(List.of(outputDir.resolve(SCENES_CSV), outputDir.resolve(SUMMARY_CSV),
			outputDir.resolve(REPORT)));
		for (String f : EvaluationPlots.fileNames()) targets.add(outputDir.resolve(PLOTS_DIR).resolve(f));
		if (sheets) {
			for (int i : selected) targets.add(outputDir.resolve(SHEETS_DIR).resolve(data.entries().get(i).id() + ".png"));
		}
		if (!overwrite) {
			List<Path> existing = targets.stream().filter(Files::exists).toList();
			if (!existing.isEmpty()) {
				throw new UserException("The output folder " + outputDir + " already holds " + existing.size() + " of this run's files ("
					+ outputDir.relativize(existing.get(0)) + (existing.size() > 1 ? ", ..." : "")
					+ "); choose another folder or allow overwriting (--overwrite, overwrite in macros).");
			}
		}
		for (Path p : targets) ImageFiles.prepareTarget(p, overwrite);
	}
}
