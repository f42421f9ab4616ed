package org.cyclecolor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import org.cyclecolor.Progress;
import org.cyclecolor.baseline.StereoLevinColorizer;
import org.cyclecolor.baseline.StereoScene;
import org.cyclecolor.baseline.SyntheticScenes;
import org.cyclecolor.baseline.UnwarpedColorizer;
import org.cyclecolor.baseline.WelshColorizer;
import org.cyclecolor.baseline.levin.SolveStats;
import org.cyclecolor.baseline.stereo.MonoColorStereo;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.method.ColorizationInput;
import org.cyclecolor.method.Colorizer;
import org.cyclecolor.testutil.SharedData;

/**
 * Time per 1024x780 image (the paper's test size, 780x1024 as rows x columns) for each baseline,
 * and the Levin solver's time and iterations. The pair is a Middlebury scene (default Teddy)
 * resampled to 1024x780, left view's luminance as the gray image, right view as the colour image
 * (colour camera on the right); without the shared data, a synthetic textured pair shifted by 40
 * pixels. One warm-up run, then medians of the timed runs.
 *
 * <pre>
 *   scripts/bench BaselineBenchmark [scene] [maxDisparity] [runs]     # defaults: mb2003-teddy 128 5
 * </pre>
 */
public final class BaselineBenchmark {

	static final int W = 1024, H = 780;

	public static void main(String[] args) throws Exception {
		String scene = args.length > 0 ? args[0] : "mb2003-teddy";
		int maxD = args.length > 1 ? Integer.parseInt(args[1]) : 128;
		int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
		ColorizationInput in = input(scene, maxD);
		System.out.println(Bench.machine());
		System.out.printf(Locale.ROOT, "# %dx%d, max disparity %d, %d timed runs after one warm-up; medians; stereo: zncc, %d"
			+ " matching passes%n", W, H, maxD, runs, MonoColorStereo.DEFAULT_REFINEMENTS + 1);

		for (Colorizer c : new Colorizer[] { new UnwarpedColorizer(), new WelshColorizer() }) {
			double[] t = new double[runs];
			c.colorize(in, Progress.NONE);
			for (int r = 0; r < runs; r++) {
				long t0 = System.nanoTime();
				c.colorize(in, Progress.NONE);
				t[r] = (System.nanoTime() - t0) * 1e-9;
			}
			System.out.printf(Locale.ROOT, "%-14s total %7.3f s%n", c.name(), Bench.median(t));
		}

		StereoLevinColorizer stereo = new StereoLevinColorizer();
		double[] total = new double[runs], match = new double[runs], setup = new double[runs], solve = new double[runs];
		double[] iterations = new double[runs], residual = new double[runs], unknown = new double[runs];
		double[] cpu = new double[runs];
		stereo.run(in, Progress.NONE);
		for (int r = 0; r < runs; r++) {
			long t0 = System.nanoTime();
			long c0 = Bench.processCpuNanos();
			StereoLevinColorizer.Run run = stereo.run(in, Progress.NONE);
			total[r] = (System.nanoTime() - t0) * 1e-9;
			cpu[r] = (Bench.processCpuNanos() - c0) * 1e-9;
			match[r] = run.matchSeconds();
			setup[r] = run.fill().setupSeconds();
			for (SolveStats s : run.fill().stats()) {
				solve[r] += s.seconds();
				iterations[r] += s.iterations();
				residual[r] = Math.max(residual[r], s.relativeResidual());
			}
			unknown[r] = run.fill().stats().get(0).unknowns();
		}
		System.out.printf(Locale.ROOT, "%-14s total %7.3f s  (stereo match %.3f s, Levin setup %.3f s, Levin solve %.3f s for Cb+Cr;"
			+ " process CPU time %.3f s)%n", stereo.name(), Bench.median(total), Bench.median(match), Bench.median(setup),
			Bench.median(solve), Bench.median(cpu));
		System.out.printf(Locale.ROOT,
			"Levin solver: %.0f unknowns (%.1f%% of the pixels), %.0f BiCGSTAB iterations for Cb+Cr, relative residual <= %.1e%n",
			Bench.median(unknown), 100 * Bench.median(unknown) / (W * H), Bench.median(iterations), Bench.median(residual));
		System.out.printf(Locale.ROOT, "# load average %.1f at the end%n",
			java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private static ColorizationInput input(String scene, int maxD) throws Exception {
		Path root = SharedData.root();
		Path dir = root == null ? null : root.resolve("stereo").resolve(scene);
		if (dir != null && Files.isDirectory(dir)) {
			StereoScene s = StereoScene.load(dir);
			System.out.printf(Locale.ROOT, "# scene %s %dx%d resampled to %dx%d (disparities x %.2f)%n", scene,
				s.left.width(), s.left.height(), W, H, (double) W / s.left.width());
			return new ColorizationInput(resize(s.idealGray()), resize(s.right), ColorSide.RIGHT, maxD);
		}
		System.out.println("# shared data not found: synthetic textured pair shifted by 40 pixels");
		RgbImage wide = SyntheticScenes.texturedColor(W + 40, H, 1);
		RgbImage mono = SyntheticScenes.columns(wide, 0, W);
		return new ColorizationInput(org.cyclecolor.image.YCbCr.luma(mono), SyntheticScenes.columns(wide, 40, W),
			ColorSide.RIGHT, maxD);
	}

	private static FloatPlane resize(FloatPlane p) {
		FloatProcessor fp = new FloatProcessor(p.width(), p.height(), p.data().clone());
		fp.setInterpolationMethod(ImageProcessor.BILINEAR);
		return FloatPlane.wrap((float[]) fp.resize(W, H).getPixels(), W, H);
	}

	private static RgbImage resize(RgbImage img) {
		return new RgbImage(resize(img.r()), resize(img.g()), resize(img.b()), img.maxValue());
	}
}
