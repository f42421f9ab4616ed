package org.cyclecolor.eval;

import java.util.ArrayList;
import java.util.List;

import org.cyclecolor.metrics.Lcc;

/**
 * One method over a dataset: how often it ran, its mean scores per region (over the scenes that have
 * them), its mean time, and the paper's Table 3 figure — the linear correlation coefficient between
 * the first-time SSIM (against the ground truth) and the second-time SSIM (against the colour image)
 * across scenes.
 *
 * @param method the method's name
 * @param scenes records of this method (one per scene)
 * @param ok, failed, notApplicable how the records ended
 * @param seconds mean wall time of a first colorization (NaN when none ran)
 * @param secondsPerMegapixel mean of each first colorization's time divided by its megapixels
 * @param all, visible, occluded, cycle mean scores; {@link Mean#n()} scenes each (0 when none)
 * @param lccRgbSsim LCC of first- and second-time RGB SSIM, NaN with fewer than {@value #LCC_MIN_SCENES} scenes
 * @param lccCbcrSsim the same on Cb/Cr SSIM
 */
public record MethodSummary(String method, int scenes, int ok, int failed, int notApplicable, double seconds,
	double secondsPerMegapixel, Mean all, Mean visible, Mean occluded, Mean cycle, int lccScenes, double lccRgbSsim,
	double lccCbcrSsim)
{

	/** Fewer scenes than this give no LCC (with two, it is always ±1). */
	public static final int LCC_MIN_SCENES = 3;

	/**
	 * Mean scores over {@code n} scenes.
	 *
	 * @param values in the order of {@link Scores#NAMES}; NaN when n = 0
	 */
	public record Mean(int n, double[] values) {

		static Mean of(List<Scores> scores) {
			double[] v = new double[Scores.NAMES.length];
			for (Scores s : scores) {
				double[] x = s.values();
				for (int k = 0; k < v.length; k++) v[k] += x[k];
			}
			for (int k = 0; k < v.length; k++) v[k] = scores.isEmpty() ? Double.NaN : v[k] / scores.size();
			return new Mean(scores.size(), v);
		}

		/** The mean of one value by its column name (see {@link Scores#NAMES}). */
		public double get(String name) {
			for (int k = 0; k < Scores.NAMES.length; k++) {
				if (Scores.NAMES[k].equals(name)) return values[k];
			}
			throw new IllegalArgumentException("No score '" + name + "'.");
		}
	}

	/** Summarises the records of one method. */
	public static MethodSummary of(String method, List<SceneRecord> records) {
		int ok = 0, failed = 0, na = 0;
		double sec = 0, perMp = 0;
		int timed = 0;
		List<Scores> all = new ArrayList<>(), visible = new ArrayList<>(), occluded = new ArrayList<>(), cycle = new ArrayList<>();
		List<double[]> pairs = new ArrayList<>();
		for (SceneRecord r : records) {
			switch (r.status()) {
				case OK: ok++; break;
				case FAILED: failed++; break;
				default: na++;
			}
			if (!r.ok()) continue;
			if (Double.isFinite(r.seconds())) {
				sec += r.seconds();
				perMp += r.seconds() / (r.width() * (double) r.height() / 1e6);
				timed++;
			}
			if (r.all() != null) all.add(r.all());
			if (r.visible() != null) visible.add(r.visible());
			if (r.occluded() != null) occluded.add(r.occluded());
			if (r.cycle() != null) cycle.add(r.cycle());
			if (r.all() != null && r.cycle() != null) {
				pairs.add(new double[] { r.all().rgbSsim(), r.cycle().rgbSsim(), r.all().cbcrSsim(), r.cycle().cbcrSsim() });
			}
		}
		double lccRgb = Double.NaN, lccCbcr = Double.NaN;
		if (pairs.size() >= LCC_MIN_SCENES) {
			lccRgb = Lcc.of(column(pairs, 0), column(pairs, 1));
			lccCbcr = Lcc.of(column(pairs, 2), column(pairs, 3));
		}
		return new MethodSummary(method, records.size(), ok, failed, na, timed == 0 ? Double.NaN : sec / timed,
			timed == 0 ? Double.NaN : perMp / timed, Mean.of(all), Mean.of(visible), Mean.of(occluded), Mean.of(cycle),
			pairs.size(), lccRgb, lccCbcr);
	}

	private static double[] column(List<double[]> rows, int k) {
		double[] out = new double[rows.size()];
		for (int i = 0; i < out.length; i++) out[i] = rows.get(i)[k];
		return out;
	}

	/** The first- and second-time SSIM pairs behind the LCC, for the scatter plot: {first, second} per scene. */
	public static double[][] ssimPairs(List<SceneRecord> records, boolean cbcr) {
		List<double[]> out = new ArrayList<>();
		for (SceneRecord r : records) {
			if (!r.ok() || r.all() == null || r.cycle() == null) continue;
			out.add(cbcr ? new double[] { r.all().cbcrSsim(), r.cycle().cbcrSsim() }
				: new double[] { r.all().rgbSsim(), r.cycle().rgbSsim() });
		}
		return out.toArray(new double[0][]);
	}
}
