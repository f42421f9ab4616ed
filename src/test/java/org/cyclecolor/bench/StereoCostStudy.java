package org.cyclecolor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cyclecolor.Progress;
import org.cyclecolor.baseline.StereoLevinColorizer;
import org.cyclecolor.baseline.StereoScene;
import org.cyclecolor.baseline.ChromaPsnr;
import org.cyclecolor.baseline.UnwarpedColorizer;
import org.cyclecolor.baseline.WelshColorizer;
import org.cyclecolor.baseline.levin.LevinPropagation;
import org.cyclecolor.baseline.stereo.MatchingCost;
import org.cyclecolor.baseline.stereo.MonoColorStereo;
import org.cyclecolor.baseline.stereo.StereoMatch;
import org.cyclecolor.baseline.stereo.StereoMatcher;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.method.ColorizationInput;
import org.cyclecolor.method.ColorizationResult;
import org.cyclecolor.testutil.SharedData;

/**
 * Which matching cost (and which SGM penalties) suits mono–colour stereo? Runs the stereo
 * baseline on the Middlebury scenes with ground-truth disparity, left view as mono, under three
 * conditions: "ideal" (BT.601 luminance, clean reference), "response" (a simulated mono camera's
 * spectral weights, gain and gamma, no noise) and "camera" (that response plus mono noise σ 0.01
 * and colour noise σ 0.03), and prints per scene and cost:
 * the share of pixels whose disparity is off by more than 1 (all pixels with ground truth, and
 * those that passed the left–right check), the share that passed, and the Cb/Cr PSNR against the
 * left view's true colour (a left border of max-disparity columns excluded), beside that of the
 * unwarped and Welsh baselines.
 *
 * <pre>
 *   scripts/bench StereoCostStudy                           # the three costs, default penalties
 *   scripts/bench StereoCostStudy census 4,7,10 64,86,128   # a penalty sweep for one cost
 *   JAVA_OPTS="-Xmx6g -Drefinements=0" scripts/bench StereoCostStudy zncc 10 64   # without response fitting
 *   JAVA_OPTS="-Xmx6g -Dscenes=mb2003-teddy,mb2005-art" scripts/bench StereoCostStudy   # some scenes only
 * </pre>
 */
public final class StereoCostStudy {

	static final String[] SCENES = System.getProperty("scenes") != null ? System.getProperty("scenes").split(",") : new String[] { "mb2001-tsukuba", "mb2003-cones", "mb2003-teddy", "mb2005-art", "mb2005-books",
		"mb2005-dolls", "mb2005-laundry", "mb2005-moebius", "mb2005-reindeer-half" };

	/** Response refinements (-Drefinements=N, default MonoColorStereo's). */
	static final int REFINEMENTS = Integer.getInteger("refinements", MonoColorStereo.DEFAULT_REFINEMENTS);

	public static void main(String[] args) throws Exception {
		Path root = SharedData.root();
		if (root == null) {
			System.out.println("shared data not found (../shared/data, -Dcyclecolor.data or CYCLECOLOR_DATA)");
			return;
		}
		List<MatchingCost> costs = new ArrayList<>();
		int[] p1s = null, p2s = null;
		if (args.length == 0) costs.addAll(List.of(MatchingCost.values()));
		else {
			costs.add(MatchingCost.fromKey(args[0]));
			p1s = ints(args[1]);
			p2s = ints(args[2]);
		}
		System.out.println(Bench.machine());
		System.out.println("# mono-response refinements: " + REFINEMENTS);
		System.out.println("scene\tcondition\tcost\tP1\tP2\tbad1_all%\tkept%\tbad1_kept%\tCbCr_PSNR\tunwarped_PSNR\twelsh_PSNR");
		for (String name : SCENES) {
			Path dir = root.resolve("stereo").resolve(name);
			if (!Files.isDirectory(dir)) continue;
			StereoScene s = StereoScene.load(dir);
			int maxD = (int) (Math.ceil(s.maxTrueDisparity() / 8) * 8) + 8;
			for (String condition : new String[] { "ideal", "response", "camera" }) {
				FloatPlane gray = condition.equals("ideal") ? s.idealGray()
					: s.simulatedMonoCamera(1, condition.equals("camera") ? 2.55 : 0);
				RgbImage ref = condition.equals("camera") ? s.noisyReference(2) : s.right;
				ColorizationInput in = new ColorizationInput(gray, ref, ColorSide.RIGHT, maxD);
				YCbCrImage truth = YCbCr.toYCbCr(s.left, YCbCrRange.FULL);
				boolean[] scored = border(gray.width(), gray.height(), maxD);
				// Disparities and chroma are scored from column maxD on: the columns left of it have no match.
				ColorizationResult unwarped = new UnwarpedColorizer().colorize(in, Progress.NONE);
				double psnrUnwarped = ChromaPsnr.fromColumn(unwarped.image(), truth, maxD);
				ColorizationResult welsh = new WelshColorizer().colorize(in, Progress.NONE);
				double psnrWelsh = ChromaPsnr.fromColumn(welsh.image(), truth, maxD);
				for (MatchingCost cost : costs) {
					for (int p1 : p1s == null ? new int[] { cost.defaultP1() } : p1s) {
						for (int p2 : p2s == null ? new int[] { cost.defaultP2() } : p2s) {
							StereoLevinColorizer.Run run = new StereoLevinColorizer(
								new MonoColorStereo(new StereoMatcher(cost, p1, p2), REFINEMENTS), new LevinPropagation(),
								YCbCrRange.FULL).run(in, Progress.NONE);
							double[] bad = badPixels(run.match(), s.leftDisparity, scored);
							ColorizationResult r = run.result();
							double psnr = ChromaPsnr.fromColumn(r.image(), truth, maxD);
							System.out.printf(Locale.ROOT, "%s\t%s\t%s\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.2f\t%.2f\t%.2f%n", name,
								condition, cost.key(), p1, p2, bad[0], bad[1], bad[2], psnr, psnrUnwarped, psnrWelsh);
						}
					}
				}
			}
		}
	}

	/** Pixels scored: all but a left border of maxD columns (they have no match in the right view). */
	static boolean[] border(int w, int h, int maxD) {
		boolean[] m = new boolean[w * h];
		for (int y = 0; y < h; y++) for (int x = maxD; x < w; x++) m[y * w + x] = true;
		return m;
	}

	/** {bad1 over all pixels with ground truth, kept share, bad1 over kept pixels}, in percent. */
	static double[] badPixels(StereoMatch m, FloatPlane truth, boolean[] scored) {
		float[] d = m.disparity().data(), t = truth.data();
		boolean[] ok = m.consistent();
		int n = 0, bad = 0, kept = 0, keptBad = 0;
		for (int i = 0; i < d.length; i++) {
			if (!scored[i] || Float.isNaN(t[i])) continue;
			n++;
			boolean wrong = Math.abs(d[i] - t[i]) > 1;
			if (wrong) bad++;
			if (ok[i]) {
				kept++;
				if (wrong) keptBad++;
			}
		}
		return new double[] { 100.0 * bad / n, 100.0 * kept / n, 100.0 * keptBad / Math.max(1, kept) };
	}

	private static int[] ints(String csv) {
		String[] t = csv.split(",");
		int[] v = new int[t.length];
		for (int i = 0; i < t.length; i++) v[i] = Integer.parseInt(t[i].trim());
		return v;
	}
}
