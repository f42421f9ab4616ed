package org.cyclecolor.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.cyclecolor.Progress;
import org.cyclecolor.baseline.levin.LevinPropagation;
import org.cyclecolor.baseline.levin.SolveStats;
import org.cyclecolor.image.FloatPlane;

/**
 * The Levin propagation solver alone on 1024x780 problems (one chroma channel each): a textured
 * guide, and unknown pixels either in occlusion-like vertical bands (about a third of the image,
 * as the stereo baseline leaves them) or everywhere but 2 % scattered known pixels (sparse hints).
 * Medians of the timed runs after one warm-up: setup (weights, operator, multigrid hierarchy),
 * solve, BiCGSTAB iterations, relative residual.
 *
 * <pre>
 *   scripts/bench LevinBenchmark [runs]      # default 5
 * </pre>
 */
public final class LevinBenchmark {

	static final int W = 1024, H = 780;

	public static void main(String[] args) {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
		System.out.println(Bench.machine());
		FloatPlane guide = texture(new Random(11));
		FloatPlane values = new FloatPlane(W, H);
		for (int y = 0; y < H; y++) {
			for (int x = 0; x < W; x++) values.set(x, y, 128 + 60 * (float) (Math.sin(x * 0.01) * Math.cos(y * 0.013)));
		}
		for (String pattern : new String[] { "bands", "scattered-2%" }) {
			boolean[] known = pattern.equals("bands") ? bands(new Random(1)) : scattered(new Random(2), 0.02);
			double[] setup = new double[runs], solve = new double[runs], it = new double[runs], res = new double[runs];
			LevinPropagation levin = new LevinPropagation();
			levin.propagate(guide, known, List.of(values), Progress.NONE);
			int unknown = 0;
			for (boolean k : known) if (!k) unknown++;
			int levels = 0;
			for (int r = 0; r < runs; r++) {
				LevinPropagation.Result result = levin.propagate(guide, known, List.of(values), Progress.NONE);
				SolveStats s = result.stats().get(0);
				setup[r] = result.setupSeconds();
				solve[r] = s.seconds();
				it[r] = s.iterations();
				res[r] = s.relativeResidual();
				levels = result.levels();
			}
			System.out.printf(Locale.ROOT,
				"%-13s %7d unknowns (%4.1f%%), %d levels: setup %.3f s, solve %.3f s, %.0f iterations, residual %.1e%n",
				pattern, unknown, 100.0 * unknown / (W * H), levels, Bench.median(setup), Bench.median(solve),
				Bench.median(it), Bench.median(res));
		}
		System.out.printf(Locale.ROOT, "# load average %.1f at the end%n",
			java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/** Smooth waves plus noise, 0..255. */
	private static FloatPlane texture(Random rnd) {
		FloatPlane p = new FloatPlane(W, H);
		double[] fx = new double[6], fy = new double[6], ph = new double[6];
		for (int k = 0; k < 6; k++) {
			fx[k] = 0.02 + 0.2 * rnd.nextDouble();
			fy[k] = 0.02 + 0.2 * rnd.nextDouble();
			ph[k] = 6.3 * rnd.nextDouble();
		}
		for (int y = 0; y < H; y++) {
			for (int x = 0; x < W; x++) {
				double v = 0;
				for (int k = 0; k < 6; k++) v += Math.sin(fx[k] * x + fy[k] * y + ph[k]);
				p.set(x, y, (float) (128 + 20 * v + 3 * rnd.nextGaussian()));
			}
		}
		return p;
	}

	/** Known everywhere except 120 random vertical bands (3–42 px wide) and 5 % scattered pixels. */
	private static boolean[] bands(Random rnd) {
		boolean[] known = new boolean[W * H];
		Arrays.fill(known, true);
		for (int k = 0; k < 120; k++) {
			int x0 = rnd.nextInt(W), y0 = rnd.nextInt(H), bw = 3 + rnd.nextInt(40), bh = 20 + rnd.nextInt(200);
			for (int y = y0; y < Math.min(H, y0 + bh); y++) {
				for (int x = x0; x < Math.min(W, x0 + bw); x++) known[y * W + x] = false;
			}
		}
		for (int i = 0; i < known.length; i++) if (rnd.nextDouble() < 0.05) known[i] = false;
		return known;
	}

	private static boolean[] scattered(Random rnd, double fraction) {
		boolean[] known = new boolean[W * H];
		for (int i = 0; i < known.length; i++) known[i] = rnd.nextDouble() < fraction;
		return known;
	}
}
