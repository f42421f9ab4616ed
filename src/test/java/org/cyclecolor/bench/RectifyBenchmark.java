package org.cyclecolor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.rectify.FeatureType;
import org.cyclecolor.rectify.PairRectifier;
import org.cyclecolor.rectify.RectifyOptions;
import org.cyclecolor.rectify.SyntheticRig;
import org.cyclecolor.testutil.SharedData;

/**
 * Time and peak heap to rectify a rendered mono/colour pair (colour camera turned 1.5/1/2 degrees,
 * principal point 8 px lower, gain 1.2 and gamma 0.8 on the mono view) at 1024x780 and at 12 MP
 * (4000x3000), end to end (keypoints, geometry, bicubic resampling of both images, full frame);
 * then a comparison of the detectors on the same pair and on real pairs from the shared data.
 * <pre>
 *   scripts/bench RectifyBenchmark            # 1024x780 x7, 12 MP x3, detector table
 *   scripts/bench RectifyBenchmark quick      # 1024x780 x3 only
 * </pre>
 */
public final class RectifyBenchmark {

	public static void main(String[] args) {
		boolean quick = args.length > 0 && args[0].equals("quick");
		System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, max heap %d MB, load average %.1f (shared machine: "
			+ "numbers are noisy)%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
			Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		Pair small = render(1024, 780);
		time("1024x780", small, quick ? 3 : 7, new RectifyOptions());
		if (quick) {
			System.exit(0);
		}
		detectors("rendered 1024x780 (gain 1.2, gamma 0.8, noise 2)", small);
		Path data = SharedData.root();
		if (data != null) {
			for (String scene : new String[] { "unrectified/syntim-sport", "unrectified/syntim-batinria", "stereo/mb2003-teddy",
				"stereo/mbeval3q-playtablep" }) {
				Path d = data.resolve(scene);
				if (!Files.isDirectory(d)) continue;
				RgbImage l = ImagePlusAdapter.toRgb(ImageFiles.read(d.resolve("left.png")), Double.NaN);
				RgbImage r = ImagePlusAdapter.toRgb(ImageFiles.read(d.resolve("right.png")), Double.NaN);
				detectors(scene + " (left luminance as mono)", new Pair(YCbCr.luma(l), r));
			}
		}
		Pair large = render(4000, 3000);
		time("4000x3000 (12 MP)", large, 3, new RectifyOptions());
		System.exit(0);
	}

	private static final class Pair {
		final FloatPlane gray;
		final RgbImage color;

		Pair(FloatPlane gray, RgbImage color) {
			this.gray = gray;
			this.color = color;
		}
	}

	private static Pair render(int w, int h) {
		long t0 = System.nanoTime();
		double f = 0.9 * w;
		SyntheticRig rig = SyntheticRig.scene(31);
		SyntheticRig.Camera mono = new SyntheticRig.Camera(f, (w - 1) / 2.0, (h - 1) / 2.0, w, h, SyntheticRig.turn(0, 0, 0),
			new double[] { 0, 0, 0 });
		SyntheticRig.Camera color = new SyntheticRig.Camera(f, (w - 1) / 2.0, (h - 1) / 2.0 + 8 * w / 1024.0, w, h,
			SyntheticRig.turn(1.5, 1, 2), new double[] { 0.3, 0, 0 });
		Pair p = new Pair(SyntheticRig.mono(rig.render(mono), 1.2, 0.8, 2, 1), rig.render(color));
		System.out.printf(Locale.ROOT, "rendered %dx%d pair in %.1f s%n", w, h, (System.nanoTime() - t0) / 1e9);
		return p;
	}

	private static void time(String name, Pair p, int runs, RectifyOptions o) {
		PairRectifier.rectify(p.gray, p.color, o, Progress.NONE); // warm-up
		double[] t = new double[runs], cpu = new double[runs];
		long peak = 0;
		for (int i = 0; i < runs; i++) {
			System.gc();
			resetPeaks();
			long c0 = processCpu();
			long t0 = System.nanoTime();
			PairRectifier.Output out = PairRectifier.rectify(p.gray, p.color, o, Progress.NONE);
			t[i] = (System.nanoTime() - t0) / 1e9;
			cpu[i] = (processCpu() - c0) / 1e9;
			peak = Math.max(peak, peakHeap());
			if (i == 0) {
				System.out.printf(Locale.ROOT, "  %s: %s, %d/%d inliers, vertical median %.3f px, p95 %.3f px%n", name,
					out.report.model, out.report.inliers, out.report.matches, out.report.verticalMedian, out.report.vertical95);
			}
		}
		Arrays.sort(t);
		Arrays.sort(cpu);
		System.out.printf(Locale.ROOT, "%s: median %.2f s wall (min %.2f, max %.2f, %d runs), median %.2f s of CPU "
			+ "(all threads, GC included), peak heap %d MB (inputs %d MB)%n", name, t[runs / 2], t[0], t[runs - 1], runs,
			cpu[runs / 2], peak >> 20, inputBytes(p) >> 20);
	}

	private static void detectors(String name, Pair p) {
		System.out.println("detectors on " + name + ":");
		for (FeatureType f : FeatureType.values()) {
			for (boolean eq : new boolean[] { true, false }) {
				RectifyOptions o = new RectifyOptions();
				o.features = f;
				o.equalize = eq;
				double[] t = new double[3];
				String line = "";
				for (int i = 0; i < t.length; i++) {
					long t0 = System.nanoTime();
					try {
						PairRectifier.Output out = PairRectifier.rectify(p.gray, p.color, o, Progress.NONE);
						line = String.format(Locale.ROOT, "%5d matches %5d inliers (%3.0f%%)  vertical median %.3f p95 %.3f px",
							out.report.matches, out.report.inliers, 100 * out.report.inlierRatio, out.report.verticalMedian,
							out.report.vertical95);
					}
					catch (RuntimeException e) {
						line = "failed: " + e.getMessage();
					}
					t[i] = (System.nanoTime() - t0) / 1e9;
				}
				Arrays.sort(t);
				System.out.printf(Locale.ROOT, "  %-9s equalize=%-5s %5.2f s  %s%n", f.key(), eq, t[1], line);
			}
		}
	}

	/** CPU time of the whole JVM (every thread), nanoseconds. */
	private static long processCpu() {
		java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		return os instanceof com.sun.management.OperatingSystemMXBean
			? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
			if (b.getType() == MemoryType.HEAP) b.resetPeakUsage();
		}
	}

	private static long peakHeap() {
		long s = 0;
		for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
			if (b.getType() == MemoryType.HEAP) s += b.getPeakUsage().getUsed();
		}
		return s;
	}

	private static long inputBytes(Pair p) {
		return 4L * p.gray.size() * 4;
	}
}
