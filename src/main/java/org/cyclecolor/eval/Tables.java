package org.cyclecolor.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cyclecolor.synth.DatasetProblem;

/**
 * An evaluation's numbers as text: CSV (one row per scene and method; one row per method) for
 * spreadsheets and scripts, and a Markdown report for people. Column names are stable (docs list
 * them); a value that does not exist is an empty cell, an infinite PSNR (identical images) "inf".
 */
public final class Tables {

	/** Prefixes of the score columns: first-time over all, visible and occluded pixels; second time. */
	static final String[] REGIONS = { "", "visible_", "occluded_", "cycle_" };
	private static final String[] REGION_KEYS = { Region.ALL, Region.VISIBLE, Region.OCCLUDED, "cycle" };

	/** The columns of {@link #scenesCsv}. */
	public static final List<String> SCENE_COLUMNS = sceneColumns();
	/** The columns of {@link #summaryCsv}. */
	public static final List<String> SUMMARY_COLUMNS = summaryColumns();

	private Tables() {}

	private static List<String> sceneColumns() {
		List<String> c = new ArrayList<>(List.of("scene", "method", "status", "message", "width", "height", "color_side",
			"max_disparity", "seconds", "cycle_seconds"));
		for (String p : REGIONS) {
			for (String s : Scores.NAMES) c.add(p + s);
			c.add(p + "pixels");
		}
		c.add("cycle_message");
		return List.copyOf(c);
	}

	private static List<String> summaryColumns() {
		List<String> c = new ArrayList<>(List.of("method", "scenes", "ok", "failed", "not_applicable", "seconds",
			"seconds_per_megapixel"));
		for (String p : REGIONS) {
			// How many scenes each mean covers: "truth_scenes" for the first-time scores over all pixels.
			c.add(p.isEmpty() ? "truth_scenes" : p + "scenes");
			for (String s : Scores.NAMES) c.add(p + s);
		}
		c.addAll(List.of("lcc_scenes", "lcc_rgb_ssim", "lcc_cbcr_ssim"));
		return List.copyOf(c);
	}

	/** One row per scene and method, columns {@link #SCENE_COLUMNS}. */
	public static String scenesCsv(EvaluationResult result) {
		StringBuilder sb = new StringBuilder(String.join(",", SCENE_COLUMNS)).append('\n');
		for (SceneRecord r : result.records()) {
			List<String> row = new ArrayList<>(List.of(csv(r.scene()), csv(r.method()), r.status().label(), csv(r.message()),
				Integer.toString(r.width()), Integer.toString(r.height()), r.colorSide(), Integer.toString(r.maxDisparity()),
				number(r.seconds(), 3), number(r.cycleSeconds(), 3)));
			for (String region : REGION_KEYS) {
				Scores s = r.scores(region);
				double[] v = s == null ? null : s.values();
				for (int k = 0; k < Scores.NAMES.length; k++) row.add(v == null ? "" : number(v[k], csvDigits(Scores.NAMES[k])));
				row.add(s == null ? "" : Integer.toString(s.pixels()));
			}
			row.add(csv(r.cycleMessage()));
			sb.append(String.join(",", row)).append('\n');
		}
		return sb.toString();
	}

	/** One row per method, columns {@link #SUMMARY_COLUMNS}. */
	public static String summaryCsv(EvaluationResult result) {
		StringBuilder sb = new StringBuilder(String.join(",", SUMMARY_COLUMNS)).append('\n');
		for (MethodSummary m : result.summaries()) {
			List<String> row = new ArrayList<>(List.of(csv(m.method()), Integer.toString(m.scenes()), Integer.toString(m.ok()),
				Integer.toString(m.failed()), Integer.toString(m.notApplicable()), number(m.seconds(), 3),
				number(m.secondsPerMegapixel(), 3)));
			for (MethodSummary.Mean mean : List.of(m.all(), m.visible(), m.occluded(), m.cycle())) {
				row.add(Integer.toString(mean.n()));
				for (int k = 0; k < Scores.NAMES.length; k++) row.add(number(mean.values()[k], csvDigits(Scores.NAMES[k])));
			}
			row.add(Integer.toString(m.lccScenes()));
			row.add(number(m.lccRgbSsim(), 6));
			row.add(number(m.lccCbcrSsim(), 6));
			sb.append(String.join(",", row)).append('\n');
		}
		return sb.toString();
	}

	/**
	 * What the report says about the run beyond the numbers.
	 *
	 * @param title the report's heading
	 * @param lines lines of description under it (dataset, preset, command...), Markdown
	 * @param figures figures to show: relative path and caption, in order
	 */
	public record ReportInfo(String title, List<String> lines, List<String[]> figures) {}

	/** The Markdown report: summary, visible/occluded pixels, per scene, problems, figures. */
	public static String markdown(EvaluationResult result, ReportInfo info) {
		StringBuilder sb = new StringBuilder("# ").append(info.title()).append("\n\n");
		for (String l : info.lines()) sb.append(l).append("  \n");
		sb.append('\n');
		sb.append(String.format(Locale.ROOT, "%d scene(s), %d method(s); %d broken item(s) skipped; %d scene(s) not selected.%n%n",
			result.scenes().size(), result.methods().size(), result.skipped(), result.leftOut()));
		sb.append("Scores leave out a border: 5 px at every edge (the SSIM window) and the largest disparity searched, "
			+ "in columns, on the side where matches leave the other image. PSNR and SSIM on R, G, B and on Cb, Cr "
			+ "(full-range BT.601; SSIM Gaussian 11x11, sigma 1.5), ΔE76 in CIELAB. First time: the colorized mono image "
			+ "against its true colour. Second time: the colour image's luminance colorized with the first result, "
			+ "against the colour image (the cycle).\n\n");

		boolean gt = result.hasGroundTruth(), cyc = result.hasCycle(), occ = result.hasOcclusion();
		sb.append("## Summary (means over scenes)\n\n");
		List<String> head = new ArrayList<>(List.of("method", "ok / failed / n.a."));
		if (gt) head.addAll(List.of("RGB PSNR", "RGB SSIM", "Cb/Cr PSNR", "Cb/Cr SSIM", "ΔE76"));
		if (cyc) head.addAll(List.of("2nd RGB SSIM", "2nd Cb/Cr SSIM"));
		if (gt && cyc) head.addAll(List.of("LCC RGB", "LCC Cb/Cr"));
		head.add("s / image");
		List<List<String>> rows = new ArrayList<>();
		for (MethodSummary m : result.summaries()) {
			List<String> row = new ArrayList<>(List.of(m.method(), m.ok() + " / " + m.failed() + " / " + m.notApplicable()));
			if (gt) row.addAll(values(m.all(), "rgb_psnr", "rgb_ssim", "cbcr_psnr", "cbcr_ssim", "delta_e"));
			if (cyc) row.addAll(values(m.cycle(), "rgb_ssim", "cbcr_ssim"));
			if (gt && cyc) row.addAll(List.of(number(m.lccRgbSsim(), 4), number(m.lccCbcrSsim(), 4)));
			row.add(number(m.seconds(), 2));
			rows.add(row);
		}
		table(sb, head, rows);

		if (occ) {
			sb.append("\n## Visible and occluded pixels (means over scenes with an occlusion mask)\n\n");
			List<List<String>> orows = new ArrayList<>();
			for (MethodSummary m : result.summaries()) {
				List<String> row = new ArrayList<>(List.of(m.method(), Integer.toString(m.visible().n())));
				row.addAll(values(m.visible(), "cbcr_psnr", "cbcr_ssim", "delta_e"));
				row.addAll(values(m.occluded(), "cbcr_psnr", "cbcr_ssim", "delta_e"));
				orows.add(row);
			}
			table(sb, List.of("method", "scenes", "visible Cb/Cr PSNR", "visible Cb/Cr SSIM", "visible ΔE76",
				"occluded Cb/Cr PSNR", "occluded Cb/Cr SSIM", "occluded ΔE76"), orows);
		}

		sb.append("\n## Per scene\n\n");
		List<String> shead = new ArrayList<>(List.of("scene", "method"));
		if (gt) shead.addAll(List.of("RGB PSNR", "RGB SSIM", "Cb/Cr PSNR", "Cb/Cr SSIM", "ΔE76"));
		if (cyc) shead.addAll(List.of("2nd RGB SSIM", "2nd Cb/Cr SSIM"));
		shead.add("s");
		List<List<String>> srows = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (SceneRecord r : result.records()) {
			List<String> row = new ArrayList<>(List.of(r.scene(), r.method()));
			if (!r.ok()) {
				int blank = shead.size() - 2;
				row.add(r.status().label() + (r.message().isEmpty() ? "" : " (see below)"));
				for (int k = 1; k < blank; k++) row.add("");
				if (!r.message().isEmpty()) notes.add(r.scene() + ", " + r.method() + ": " + r.status().label() + ": " + r.message());
				srows.add(row);
				continue;
			}
			if (gt) row.addAll(scores(r.all(), "rgb_psnr", "rgb_ssim", "cbcr_psnr", "cbcr_ssim", "delta_e"));
			if (cyc) row.addAll(scores(r.cycle(), "rgb_ssim", "cbcr_ssim"));
			row.add(number(r.seconds(), 2));
			if (r.cycle() == null && cyc && !r.cycleMessage().isEmpty()) {
				notes.add(r.scene() + ", " + r.method() + ": no second-time score: " + r.cycleMessage());
			}
			srows.add(row);
		}
		table(sb, shead, srows);
		if (!notes.isEmpty()) {
			sb.append('\n');
			for (String n : notes) sb.append("- ").append(escape(n)).append('\n');
		}

		if (!result.problems().isEmpty()) {
			sb.append("\n## Skipped items\n\n");
			for (DatasetProblem p : result.problems()) sb.append("- ").append(escape(p.toString())).append('\n');
		}
		if (!info.figures().isEmpty()) {
			sb.append("\n## Figures\n\n");
			for (String[] f : info.figures()) sb.append("![").append(f[1]).append("](").append(f[0]).append(")\n\n");
		}
		return sb.toString();
	}

	private static List<String> values(MethodSummary.Mean mean, String... names) {
		List<String> out = new ArrayList<>();
		for (String n : names) out.add(mean.n() == 0 ? "" : number(mean.get(n), digits(n)));
		return out;
	}

	private static List<String> scores(Scores s, String... names) {
		List<String> out = new ArrayList<>();
		for (String n : names) {
			if (s == null) {
				out.add("");
				continue;
			}
			double[] v = s.values();
			int k = List.of(Scores.NAMES).indexOf(n);
			out.add(number(v[k], digits(n)));
		}
		return out;
	}

	private static void table(StringBuilder sb, List<String> head, List<List<String>> rows) {
		sb.append("| ").append(String.join(" | ", head)).append(" |\n|");
		for (int i = 0; i < head.size(); i++) sb.append(i < 2 ? "---|" : "---:|");
		sb.append('\n');
		for (List<String> row : rows) {
			sb.append("| ");
			for (int i = 0; i < row.size(); i++) sb.append(i == 0 ? "" : " | ").append(escape(row.get(i)));
			sb.append(" |\n");
		}
	}

	/** Decimals in the report: 4 for SSIM, 2 for PSNR (dB) and ΔE76. */
	private static int digits(String name) {
		return name.endsWith("ssim") ? 4 : 2;
	}

	/** Decimals in CSV files: 6 for SSIM, 4 for PSNR and ΔE76. */
	private static int csvDigits(String name) {
		return name.endsWith("ssim") ? 6 : 4;
	}

	/** A number with fixed decimals; empty for NaN, "inf" / "-inf" for infinities. */
	static String number(double v, int decimals) {
		if (Double.isNaN(v)) return "";
		if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
		return String.format(Locale.ROOT, "%." + decimals + "f", v);
	}

	/** A CSV field, quoted when it holds a comma, quote or line break. */
	static String csv(String s) {
		if (s == null) return "";
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
		return '"' + s.replace("\"", "\"\"") + '"';
	}

	/** Text in a Markdown table cell or list item: no line breaks, pipes escaped. */
	private static String escape(String s) {
		return s.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
	}
}
