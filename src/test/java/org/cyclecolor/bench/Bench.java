package org.cyclecolor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Small helpers shared by the benchmark programs. */
final class Bench {

	private Bench() {}

	/** One line naming the machine the numbers come from. */
	static String machine() {
		Runtime rt = Runtime.getRuntime();
		String cpu = "unknown CPU";
		try {
			for (String line : java.nio.file.Files.readAllLines(java.nio.file.Paths.get("/proc/cpuinfo"))) {
				if (line.startsWith("model name")) {
					cpu = line.substring(line.indexOf(':') + 1).trim();
					break;
				}
			}
		}
		catch (java.io.IOException | RuntimeException e) {
			// not Linux: keep "unknown CPU"
		}
		double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return String.format(Locale.ROOT, "# %s, %d cores visible, Java %s, max heap %d MB, load average %.1f at start",
			cpu, rt.availableProcessors(), System.getProperty("java.version"), rt.maxMemory() >> 20, load);
	}

	/** CPU time of this process, all threads (0 when the JVM cannot tell). */
	static long processCpuNanos() {
		java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		return os instanceof com.sun.management.OperatingSystemMXBean
			? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
	}

	/** A computation to time; its result is kept (e.g. for the stage timings it reports). */
	interface Run<T> {
		T run() throws Exception;
	}

	/** The runs' wall times in seconds, their results, and the process CPU time they took in all (seconds, all threads). */
	record Timed<T>(double[] seconds, List<T> results, double cpuSeconds) {

		double median() {
			return Bench.median(seconds);
		}

		double min() {
			return Arrays.stream(seconds).min().orElse(Double.NaN);
		}

		/** CPU seconds per run and thread: the wall time to expect on an idle machine. */
		double cpuPerRunAndThread(int threads) {
			return cpuSeconds / seconds.length / threads;
		}
	}

	/** Runs {@code run} once to warm up (sessions, JIT, arena growth), then {@code runs} times, timed. */
	static <T> Timed<T> time(int runs, Run<T> run) throws Exception {
		run.run();
		double[] seconds = new double[runs];
		List<T> results = new ArrayList<>();
		long cpu0 = processCpuNanos();
		for (int i = 0; i < runs; i++) {
			long t0 = System.nanoTime();
			results.add(run.run());
			seconds[i] = (System.nanoTime() - t0) / 1e9;
		}
		return new Timed<>(seconds, results, (processCpuNanos() - cpu0) / 1e9);
	}

	/** Peak resident memory of this process in MB (NaN where /proc is not there). */
	static double peakRssMb() {
		try {
			for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
				if (line.startsWith("VmHWM:")) return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024;
			}
		}
		catch (IOException | RuntimeException e) {
			// not Linux
		}
		return Double.NaN;
	}

	/** The 1, 5 and 15 minute load averages ("unknown" where /proc is not there). */
	static String loadAverage() {
		try {
			String[] f = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
			return f[0] + " " + f[1] + " " + f[2];
		}
		catch (IOException | RuntimeException e) {
			return "unknown";
		}
	}

	static double median(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		int n = s.length;
		return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
	}
}
