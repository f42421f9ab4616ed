package org.cyclecolor.bench;

import java.util.Arrays;
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

	static double median(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		int n = s.length;
		return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
	}
}
