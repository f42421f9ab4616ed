package org.cyclecolor.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.metrics.ChannelSsim;
import org.cyclecolor.metrics.ChannelSsimResult;
import org.cyclecolor.metrics.Ssim;
import org.cyclecolor.metrics.SsimMode;

/**
 * SSIM map + mean on an RGB pair (per-channel mode, three channels): median wall time, and the
 * mean CPU time of the whole process per run (the OS counts CPU time in 10 ms steps, so it is
 * measured over all repeats together).
 * <p>
 * {@code scripts/bench SsimBenchmark [repeats]}: first the 1024x780 pair, then sizes from
 * 0.25 to 12 MP (4:3). Also the luminance mode (one channel) at 1024x780 and the map with l, c, s.
 * Prints the machine (cores, JVM, load average before and after). When other work shares the CPU
 * the wall time grows; CPU time divided by the cores is then the better estimate of the wall
 * time on an idle machine ("cpu/cores").
 */
public final class SsimBenchmark {

	private SsimBenchmark() {}

	public static void main(String[] args) {
		int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 15;
		System.out.printf(Locale.ROOT, "SsimBenchmark: %d cores, Java %s, %s; median of %d runs after warm-up; load %s%n",
			CORES, System.getProperty("java.version"), System.getProperty("os.arch"), repeats, Bench.loadAverage());
		Ssim ssim = new Ssim(255);

		RgbImage[] pair = pair(1024, 780);
		report("1024x780 RGB, per-channel (R, G, B)", pair, SsimMode.RGB, ssim, repeats);
		report("1024x780 RGB, luminance (Y)", pair, SsimMode.LUMINANCE, ssim, repeats);
		report("1024x780 RGB, per-channel + l, c, s maps", pair, SsimMode.RGB, ssim.withComponents(true), repeats);

		System.out.println("scaling, RGB per-channel:");
		System.out.println("    MP     size       wall ms  wall ms/MP   cpu ms  cpu/cores ms/MP");
		for (double mp : new double[] { 0.25, 0.5, 1, 2, 4, 8, 12 }) {
			int w = (int) Math.round(Math.sqrt(mp * 1e6 * 4 / 3));
			int h = (int) Math.round(mp * 1e6 / w);
			RgbImage[] p = pair(w, h);
			double[] ms = median(p, SsimMode.RGB, ssim, mp >= 4 ? Math.max(3, repeats / 3) : repeats);
			double size = w * (double) h / 1e6;
			System.out.printf(Locale.ROOT, "  %5.2f  %5dx%-5d %8.1f  %8.1f  %8.1f  %8.1f%n", size, w, h, ms[0],
				ms[0] / size, ms[1], ms[1] / CORES / size);
		}
		System.out.println("load average at the end: " + Bench.loadAverage());
	}

	private static final int CORES = Runtime.getRuntime().availableProcessors();

	private static void report(String what, RgbImage[] pair, SsimMode mode, Ssim ssim, int repeats) {
		double mp = pair[0].width() * (double) pair[0].height() / 1e6;
		double[] ms = median(pair, mode, ssim, repeats);
		System.out.printf(Locale.ROOT, "%-42s wall %6.1f ms = %5.1f ms/MP; cpu %6.1f ms, cpu/cores %5.1f ms/MP%n", what,
			ms[0], ms[0] / mp, ms[1], ms[1] / CORES / mp);
	}

	/** Median wall and mean process CPU milliseconds of one run. */
	private static double[] median(RgbImage[] pair, SsimMode mode, Ssim ssim, int repeats) {
		// Warm-up until the JIT has compiled the loops: at least 5 runs and one second.
		long until = System.nanoTime() + 1_000_000_000L;
		for (int i = 0; i < 5 || System.nanoTime() < until; i++) run(pair, mode, ssim);
		com.sun.management.OperatingSystemMXBean os =
			(com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		double[] wall = new double[repeats];
		long c0 = os.getProcessCpuTime();
		for (int i = 0; i < repeats; i++) {
			long t0 = System.nanoTime();
			run(pair, mode, ssim);
			wall[i] = (System.nanoTime() - t0) / 1e6;
		}
		double cpu = (os.getProcessCpuTime() - c0) / 1e6 / repeats;
		Arrays.sort(wall);
		return new double[] { wall[repeats / 2], cpu };
	}

	private static double sink;

	private static void run(RgbImage[] pair, SsimMode mode, Ssim ssim) {
		ChannelSsimResult r = ChannelSsim.compare(pair[0], pair[1], mode, ssim, Progress.NONE);
		sink += r.mean() + r.map().get(0, 0);
	}

	/** A textured image and a noisy copy; content does not change the work done. */
	private static RgbImage[] pair(int w, int h) {
		Random rnd = new Random(42);
		FloatPlane[] a = new FloatPlane[3], b = new FloatPlane[3];
		for (int c = 0; c < 3; c++) {
			a[c] = new FloatPlane(w, h);
			b[c] = new FloatPlane(w, h);
			float[] da = a[c].data(), db = b[c].data();
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					float v = (float) (128 + 80 * Math.sin(x * 0.05 + c) * Math.cos(y * 0.03));
					da[y * w + x] = Math.round(v);
					db[y * w + x] = Math.max(0, Math.min(255, Math.round(v + 12 * (float) rnd.nextGaussian())));
				}
			}
		}
		return new RgbImage[] { new RgbImage(a[0], a[1], a[2], 255), new RgbImage(b[0], b[1], b[2], 255) };
	}
}
