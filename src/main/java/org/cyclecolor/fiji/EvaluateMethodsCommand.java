package org.cyclecolor.fiji;

import java.io.File;
import java.util.Locale;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.cyclecolor.UserException;
import org.cyclecolor.eval.EvaluationResult;
import org.cyclecolor.eval.MethodSummary;
import org.cyclecolor.eval.Methods;
import org.cyclecolor.eval.SceneRecord;
import org.cyclecolor.eval.Scores;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.pipeline.EvaluateOperation;
import org.cyclecolor.pipeline.EvaluationPlots;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins &gt; Cycle Colorization &gt; Evaluate...: methods x dataset, scored and written to a folder
 * (tables, report, plots, contact sheets; see docs/commands/evaluate.md). The per-method means go to
 * the "Evaluation Summary" table and each scene's scores to "Evaluation Scenes"; the plots are shown.
 * <p>
 * Macro: {@code run("Evaluate...", "dataset=/data/stereo methods=unwarped,welsh,stereo-levin preset=noisy
 * include=mb2005-* output_dir=/data/eval cycle contact_sheets");}
 */
@Plugin(type = Command.class, headless = true, menu = { @Menu(label = MenuOrder.PLUGINS), @Menu(label = MenuOrder.SUITE),
	@Menu(label = "Evaluate...", weight = MenuOrder.EVALUATE) },
	description = "Compare colorization methods on a dataset: tables, plots and contact sheets")
public final class EvaluateMethodsCommand extends SuiteCommand {

	public static final String SUMMARY_TABLE = "Evaluation Summary", SCENES_TABLE = "Evaluation Scenes";

	@Parameter(label = "Dataset folder", style = "directory", persist = false,
		description = "Stereo scene folders, pair folders, a pairs folder (mono/ + color/), or a synthesized dataset")
	private File dataset = new File("stereo");

	@Parameter(label = "Methods (comma-separated)", persist = false,
		description = "unwarped, welsh, stereo-levin, cyclecnn (the bundled model), model:<file.onnx>, authors:<weights.h5> "
			+ "(the authors' released weights), authors-output (their result files)")
	private String methods = String.join(",", Methods.DEFAULT);

	@Parameter(label = "Cameras and noise", choices = { "clean", "noisy", "camera" }, persist = false,
		description = "clean; noisy = the paper's Gaussian noise (sigma 0.01 on the mono image, 0.03 on the colour image)")
	private String preset = "clean";

	@Parameter(label = "Scenes (patterns; empty = all)", persist = false, required = false,
		description = "Comma-separated patterns on scene names, e.g. mb2005-*,mb2003-*")
	private String include = "";

	@Parameter(label = "Colour camera side", choices = { "from the data", "left", "right" }, persist = false,
		description = "Only for a pairs folder (mono/ + color/) without a manifest: where the colour camera is")
	private String color_side = "from the data";

	@Parameter(label = "Largest disparity (0 = from the data)", min = "0", persist = false)
	private int max_disparity = 0;

	@Parameter(label = "Output folder", style = "directory", persist = false)
	private File output_dir = new File("evaluation");

	@Parameter(label = "Second (cycle) pass", persist = false)
	private boolean cycle = true;

	@Parameter(label = "Contact sheets", persist = false)
	private boolean contact_sheets = true;

	@Parameter(label = "Replace the files of an earlier run", persist = false)
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Report")
	private String report;

	private EvaluateOperation.Result result;
	private ResultsTable summaryTable, scenesTable;

	@Override
	String title() {
		return "Evaluate";
	}

	@Override
	void work(StatusProgress progress) {
		result = new EvaluateOperation(dataset.toPath(), output_dir.toPath()).methods(methods).preset(preset).include(include)
			.colorSide(side(color_side)).maxDisparity(max_disparity).cycle(cycle).contactSheets(contact_sheets).overwrite(overwrite)
			.command(String.format(Locale.ROOT, "run(\"Evaluate...\", \"dataset=[%s] methods=%s preset=%s include=[%s] "
				+ "color_side=[%s] max_disparity=%d output_dir=[%s]%s%s%s\")", dataset, methods, preset, include, color_side,
				max_disparity, output_dir,
				cycle ? " cycle" : "", contact_sheets ? " contact_sheets" : "", overwrite ? " overwrite" : ""))
			.run(progress);
		report = result.report().toAbsolutePath().toString();
		EvaluationResult ev = result.evaluation();
		summaryTable = summaryTable(ev);
		scenesTable = scenesTable(ev);
		log.info(String.format(Locale.ROOT, "Evaluate: %d method(s) on %d scene(s), %d skipped; report %s",
			ev.methods().size(), ev.scenes().size(), ev.skipped(), report));
		if (hasDisplay()) {
			// show() fills the window of that title when there is one: each run replaces the last run's rows.
			summaryTable.show(SUMMARY_TABLE);
			scenesTable.show(SCENES_TABLE);
			for (EvaluationPlots.Figure f : result.plots()) {
				ImagePlus imp = f.image();
				imp.setTitle(f.caption());
				imp.show();
			}
		}
	}

	/** The choice "left" or "right", or null for "from the data". */
	static ColorSide side(String choice) {
		if (choice == null || choice.isBlank() || choice.equals("from the data")) return null;
		try {
			return ColorSide.fromKey(choice);
		}
		catch (IllegalArgumentException e) {
			throw new UserException("The colour camera side is left, right or 'from the data', got '" + choice + "'.");
		}
	}

	/** The result of the last run (for scripts and tests); null when it failed. */
	public EvaluateOperation.Result result() {
		return result;
	}

	/** The last run's "Evaluation Summary" table (one row per method); null when it failed. */
	public ResultsTable summaryTable() {
		return summaryTable;
	}

	/** The last run's "Evaluation Scenes" table (one row per scene and method); null when it failed. */
	public ResultsTable scenesTable() {
		return scenesTable;
	}

	/** One row per method: counts, mean first- and second-time scores, LCC, time. */
	static ResultsTable summaryTable(EvaluationResult ev) {
		ResultsTable summary = new ResultsTable();
		for (MethodSummary m : ev.summaries()) {
			summary.incrementCounter();
			summary.addValue("method", m.method());
			summary.addValue("ok", m.ok());
			summary.addValue("failed", m.failed());
			summary.addValue("not_applicable", m.notApplicable());
			add(summary, "", m.all().values());
			add(summary, "cycle_", m.cycle().values());
			summary.addValue("lcc_rgb_ssim", m.lccRgbSsim());
			summary.addValue("lcc_cbcr_ssim", m.lccCbcrSsim());
			summary.addValue("seconds", m.seconds());
		}
		return summary;
	}

	/** One row per scene and method: status, scores per region, time, message. */
	static ResultsTable scenesTable(EvaluationResult ev) {
		ResultsTable scenes = new ResultsTable();
		for (SceneRecord r : ev.records()) {
			scenes.incrementCounter();
			scenes.addValue("scene", r.scene());
			scenes.addValue("method", r.method());
			scenes.addValue("status", r.status().label());
			add(scenes, "", r.all() == null ? null : r.all().values());
			add(scenes, "visible_", r.visible() == null ? null : r.visible().values());
			add(scenes, "occluded_", r.occluded() == null ? null : r.occluded().values());
			add(scenes, "cycle_", r.cycle() == null ? null : r.cycle().values());
			scenes.addValue("seconds", r.seconds());
			scenes.addValue("message", r.message().isEmpty() ? r.cycleMessage() : r.message());
		}
		return scenes;
	}

	private static void add(ResultsTable t, String prefix, double[] values) {
		for (int k = 0; k < Scores.NAMES.length; k++) t.addValue(prefix + Scores.NAMES[k], values == null ? Double.NaN : values[k]);
	}
}
