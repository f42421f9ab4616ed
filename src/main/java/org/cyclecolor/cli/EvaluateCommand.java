package org.cyclecolor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.cyclecolor.eval.MethodSummary;
import org.cyclecolor.eval.Methods;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.pipeline.EvaluateOperation;
import org.cyclecolor.synth.DatasetProblem;
import org.cyclecolor.synth.MonoColorProtocol;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cyclecolor evaluate}: methods x dataset, scored, written as tables, plots and contact sheets. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class, sortOptions = false,
	usageHelpAutoWidth = true,
	header = "Compare colorization methods on a dataset: tables, plots and contact sheets.",
	description = { "Runs each method on each scene of a dataset and scores it: the first colorization against the "
		+ "ground truth where the dataset has one (synthesized pairs), over all, visible and occluded pixels; and the "
		+ "second, backwards colorization (the cycle) against the colour image, for every method. Writes scenes.csv, "
		+ "summary.csv, report.md, plots/*.png and sheets/<scene>.png to the output folder. Broken scenes are skipped "
		+ "and listed; a method that fails on a scene is recorded as failed and the run goes on.", "" },
	footer = { "", "Examples:",
		"  cyclecolor evaluate --dataset ../shared/data/stereo --include 'mb200*' --preset noisy -o eval-mb-noisy",
		"  cyclecolor evaluate --dataset ../shared/data/synthetic-mono-color --methods unwarped,stereo-levin,authors-output "
			+ "-o eval-aaai19 --json",
		"", "Exit codes: 0 done, 2 wrong command line, 3 input to fix (message says how), 1 unexpected, 130 cancelled." })
public final class EvaluateCommand implements Callable<Integer> {

	@Option(names = { "-d", "--dataset" }, required = true, paramLabel = "PATH",
		description = "Dataset: stereo scene folders (made into mono/colour pairs with ground truth), pair folders, a pairs "
			+ "folder (mono/ + color/), a list file, or a folder written by 'cyclecolor synthesize'.")
	private Path dataset;

	@Option(names = { "-m", "--methods" }, paramLabel = "LIST", defaultValue = "unwarped,welsh,stereo-levin",
		description = "Comma-separated methods: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
		completionCandidates = MethodNames.class)
	private String methods;

	@Option(names = { "-o", "--output-dir" }, required = true, paramLabel = "DIR",
		description = "Folder for the tables, plots and contact sheets (created when missing).")
	private Path outputDir;

	@Option(names = "--preset", paramLabel = "NAME", defaultValue = "clean",
		description = "Cameras and noise of the synthesized pairs: clean, or noisy (the paper's: Gaussian sigma 0.01 on the "
			+ "mono image, 0.03 on the colour image); camera simulates two cameras. Default: ${DEFAULT-VALUE}.")
	private String preset;

	@Option(names = "--include", paramLabel = "GLOBS",
		description = "Only the scenes whose ids match one of these comma-separated patterns, e.g. 'mb2005-*,mb2003-*'.")
	private String include;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "At most N scenes (default: all).")
	private int limit;

	@Option(names = "--gray-view", paramLabel = "VIEW", defaultValue = "left",
		description = "Stereo scenes: which view is the mono image: left (colour camera on the right), right, or both. "
			+ "Default: ${DEFAULT-VALUE}.")
	private MonoColorProtocol.GrayView grayView;

	@Option(names = "--max-disparity", paramLabel = "PX", defaultValue = "0",
		description = "Largest disparity to search (also the width of the border left out of the scores); 0 = from the "
			+ "ground truth, the known rig, or an estimate. Default: ${DEFAULT-VALUE}.")
	private int maxDisparity;

	@Option(names = "--color-side", paramLabel = "SIDE",
		description = "Pairs folders without a manifest: where the colour camera is, left (mono(x) = color(x + d)) or right "
			+ "(mono(x) = color(x - d)). Stereo scenes and the authors' pairs say it themselves.")
	private ColorSide colorSide;

	@Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seeds the synthesized noise. Default: ${DEFAULT-VALUE}.")
	private long seed;

	@Option(names = "--no-cycle", description = "Skip the second (backwards) colorization and its scores.")
	private boolean noCycle;

	@Option(names = "--no-contact-sheets", description = "Write no contact sheets.")
	private boolean noSheets;

	@Option(names = "--overwrite", description = "Replace this run's files in the output folder if they exist.")
	private boolean overwrite;

	@Option(names = "--json", description = "Print a JSON summary on standard output (messages go to standard error).")
	private boolean json;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	/** The method names for the help text. */
	static final class MethodNames implements Iterable<String> {
		@Override
		public java.util.Iterator<String> iterator() {
			return Methods.names().iterator();
		}
	}

	@Override
	public Integer call() {
		ConsoleProgress progress = new ConsoleProgress(System.err, json).cancelOnInterrupt();
		EvaluateOperation.Result result;
		try {
			result = new EvaluateOperation(dataset, outputDir).methods(methods).preset(preset).include(include).limit(limit)
				.grayView(grayView).colorSide(colorSide).maxDisparity(maxDisparity).seed(seed).cycle(!noCycle).contactSheets(!noSheets)
				.overwrite(overwrite).command("cyclecolor " + String.join(" ", spec.commandLine().getParseResult().originalArgs()))
				.run(progress);
		}
		finally {
			progress.done();
		}
		if (json) {
			Map<String, Object> summary = new java.util.LinkedHashMap<>();
			summary.put("command", "evaluate");
			summary.putAll(result.summary());
			JsonOutput.print(spec.commandLine().getOut(), summary);
			return ExitCode.OK;
		}
		PrintWriter err = spec.commandLine().getErr();
		var ev = result.evaluation();
		err.println(String.format(Locale.ROOT, "Evaluated %d method(s) on %d scene(s) of %s (%s).", ev.methods().size(),
			ev.scenes().size(), ev.dataset(), result.degradation()));
		for (MethodSummary s : ev.summaries()) err.println("  " + line(s));
		if (ev.skipped() > 0) err.println("Skipped " + ev.skipped() + " broken item(s):" + DatasetProblem.list(ev.problems()));
		err.println("Report: " + result.report().toAbsolutePath().normalize());
		err.flush();
		return ExitCode.OK;
	}

	/** One method's means in a line: first-time Cb/Cr PSNR and SSIM, second-time Cb/Cr SSIM, failures. */
	private static String line(MethodSummary s) {
		StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-16s", s.method()));
		if (s.all().n() > 0) {
			sb.append(String.format(Locale.ROOT, " Cb/Cr PSNR %6.2f dB, SSIM %.4f;", s.all().get("cbcr_psnr"),
				s.all().get("cbcr_ssim")));
		}
		if (s.cycle().n() > 0) sb.append(String.format(Locale.ROOT, " second time Cb/Cr SSIM %.4f;", s.cycle().get("cbcr_ssim")));
		sb.append(String.format(Locale.ROOT, " %d ok", s.ok()));
		if (s.failed() > 0) sb.append(", ").append(s.failed()).append(" failed");
		if (s.notApplicable() > 0) sb.append(", ").append(s.notApplicable()).append(" not applicable");
		return sb.toString();
	}
}
