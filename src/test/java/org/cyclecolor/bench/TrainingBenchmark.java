package org.cyclecolor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

import org.cyclecolor.backend.TestNetworks;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.model.Variant;
import org.cyclecolor.model.Variants;
import org.cyclecolor.train.Objective;
import org.cyclecolor.train.RmsProp;
import org.cyclecolor.train.StepRunner;
import org.cyclecolor.train.TrainingBatch;
import org.cyclecolor.train.TrainingConfig;
import org.cyclecolor.train.TrainingNetworks;

/**
 * Seconds per training step of the cycle objective (both passes of M, L_ss with the
 * structure-similarity network, L_cc, L_smooth, the refinement CNN, backward and the RMSProp
 * update) on a 256x512 and a 128x256 crop (H x W), and the process's peak resident memory.
 * <p>
 * {@code scripts/bench TrainingBenchmark [runs] [threads] [W H] [variant]} (defaults 5 and 2, both sizes, the
 * default model's variant):
 * median and fastest of the runs after two warm-up steps. Also the process CPU time per step
 * divided by the threads: the better estimate of an idle machine's wall time when others share the
 * CPU. A step whose loss is not finite is reported as failed, without a time: its backward pass
 * and update did not run. Then where the time goes (median ms per phase; the forward pass per
 * network and stage, timed node by node, CPU execution being synchronous) and the
 * multiply-accumulates of a step: forward from the model description, backward counted as twice
 * the forward of the trained networks (gradients of weights and of inputs) and once that of the
 * fixed structure-similarity network (gradients of its inputs only).
 */
public final class TrainingBenchmark {

	private TrainingBenchmark() {}

	public static void main(String[] args) throws IOException {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
		List<int[]> sizes = args.length > 2 ? List.of(new int[] { Integer.parseInt(args[2]), Integer.parseInt(args[3]) })
			: List.of(new int[] { 256, 128 }, new int[] { 512, 256 });
		System.setProperty("ai.djl.offline", "true");
		System.out.printf(Locale.ROOT, "TrainingBenchmark: %d cores, %d PyTorch threads, Java %s; median of %d steps after 2 warm-up"
			+ " steps; load %s%n", Runtime.getRuntime().availableProcessors(), threads, System.getProperty("java.version"), runs,
			loadAverage());
		Variant v = Variants.get(args.length > 4 ? args[4] : "cyclecnn");
		TrainingConfig config = TrainingConfig.paper();
		try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
			JniUtils.setNumThreads(threads);
			for (int[] s : sizes) {
				int w = s[0], h = s[1];
				TrainingBatch batch = batch(v, w, h);
				ModelBundle start = ModelBundle.initialized(v, 1, Provenance.empty());
				try (TrainingNetworks nets = new TrainingNetworks(start, Set.of(NetworkKind.COLORIZATION, NetworkKind.REFINEMENT),
					Set.of(NetworkKind.STRUCTURE_SIMILARITY), manager);
					RmsProp opt = new RmsProp(manager, nets.trainableParameters(), 1e-3f, null)) {
					StepRunner runner = new StepRunner(nets, new Objective(config.withCrop(w, h)), opt, manager);
					String failed = null;
					for (int i = 0; i < 2 && failed == null; i++) failed = failure(runner.step(batch), i);
					Map<String, long[]> stages = new LinkedHashMap<>(), nodes = new LinkedHashMap<>();
					if (failed == null) listen(nets, stages, nodes);
					double[] wall = new double[runs], forward = new double[runs], backward = new double[runs], update = new double[runs];
					long cpu0 = cpuNanos();
					Map<String, Double> last = null;
					for (int i = 0; i < runs && failed == null; i++) {
						long t0 = System.nanoTime();
						StepRunner.Result r = runner.step(batch);
						wall[i] = (System.nanoTime() - t0) / 1e9;
						failed = failure(r, i + 2);
						last = r.terms();
						forward[i] = r.phases().forward() / 1e6;
						backward[i] = r.phases().backward() / 1e6;
						update[i] = r.phases().update() / 1e6;
					}
					double cpu = (cpuNanos() - cpu0) / 1e9 / runs / threads;
					if (failed != null) {
						System.out.printf(Locale.ROOT, "%4dx%-4d    FAILED: %s; no time reported%n", w, h, failed);
						continue;
					}
					Macs macs = Macs.of(v, h, w);
					double median = median(wall);
					System.out.println("crop (WxH)   wall s (median, min)   cpu/threads s   peak RSS GB   GMAC/step   GMAC/s (wall, cpu)");
					System.out.printf(Locale.ROOT, "%4dx%-4d    %6.2f  %6.2f          %6.2f          %5.2f       %6.1f      %5.1f  %5.1f%n", w, h,
						median, min(wall), cpu, peakRssGb(), macs.step() / 1e9, macs.step() / 1e9 / median, macs.step() / 1e9 / cpu);
					System.out.println("  losses of the last step: " + last);
					System.out.printf(Locale.ROOT, "  phases (median ms): forward %.0f (passes and losses), backward %.0f, update %.0f%n",
						median(forward), median(backward), median(update));
					System.out.println("  forward by network and stage (mean ms per step; forward GMAC; GMAC/s):");
					long total = 0;
					for (Map.Entry<String, long[]> e : stages.entrySet()) {
						double ms = e.getValue()[0] / 1e6 / runs;
						total += e.getValue()[0];
						long m = macs.forward().getOrDefault(e.getKey(), 0L);
						System.out.printf(Locale.ROOT, "    %-34s %7.1f   %7.2f   %s%n", e.getKey(), ms, m / 1e9,
							m == 0 ? "" : String.format(Locale.ROOT, "%5.1f", m / 1e6 / ms));
					}
					System.out.printf(Locale.ROOT, "    %-34s %7.1f%n", "losses and glue (rest of forward)", mean(forward) - total / 1e6 / runs);
					System.out.println("  slowest nodes (mean ms per step, both passes of M summed):");
					nodes.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(12)
						.forEach(e -> System.out.printf(Locale.ROOT, "    %-44s %7.1f%n", e.getKey(), e.getValue()[0] / 1e6 / runs));
				}
			}
		}
	}

	/** Null for a finite step, else what was not finite. */
	private static String failure(StepRunner.Result r, int step) {
		return r.finite() ? null : "step " + (step + 1) + ": the " + r.nonFinite() + " loss is " + r.terms().get(r.nonFinite());
	}

	/** Sums each node's time into its network and stage ("colorization tower", ...) and into its own entry. */
	private static void listen(TrainingNetworks nets, Map<String, long[]> stages, Map<String, long[]> nodes) {
		for (NetworkKind k : NetworkKind.values()) {
			if (!nets.has(k)) continue;
			nets.get(k).setNodeListener((node, out, nanos) -> {
				stages.computeIfAbsent(k.key() + " " + Macs.stage(node.name()), x -> new long[1])[0] += nanos;
				nodes.computeIfAbsent(k.key() + " " + node.name(), x -> new long[1])[0] += nanos;
			});
		}
	}

	/** Multiply-accumulates of one step at a crop. */
	record Macs(Map<String, Long> forward, long step) {

		static Macs of(Variant v, int h, int w) {
			Map<String, Long> f = new LinkedHashMap<>();
			long step = 0;
			for (NetworkKind k : List.of(NetworkKind.COLORIZATION, NetworkKind.STRUCTURE_SIMILARITY, NetworkKind.REFINEMENT)) {
				// M runs twice (both passes); the others once
				int times = k == NetworkKind.COLORIZATION ? 2 : 1;
				int backward = k == NetworkKind.STRUCTURE_SIMILARITY ? 1 : 2;
				for (Map.Entry<String, Long> e : v.graph(k).macsByStage(h, w).entrySet()) {
					long m = times * e.getValue();
					f.merge(k.key() + " " + e.getKey(), m, Long::sum);
					step += m * (1 + backward);
				}
			}
			return new Macs(f, step);
		}

		static String stage(String node) {
			return node.contains(".") ? node.substring(0, node.indexOf('.')) : node;
		}
	}

	private static double median(double[] a) {
		double[] s = a.clone();
		Arrays.sort(s);
		return s[s.length / 2];
	}

	private static double min(double[] a) {
		return Arrays.stream(a).min().orElse(Double.NaN);
	}

	private static double mean(double[] a) {
		return Arrays.stream(a).average().orElse(Double.NaN);
	}

	/** A textured pair with a 5-pixel shift, as the trainer sees it. */
	private static TrainingBatch batch(Variant v, int w, int h) {
		Tensor[] pair = TestNetworks.pair(h, w, 5, 3);
		YCbCrImage target = ycc(pair[0], w, h), reference = ycc(pair[1], w, h);
		RgbImage color = YCbCr.toRgb(reference);
		return TrainingBatch.of(v, target.y(), color, ColorSide.RIGHT, null);
	}

	private static YCbCrImage ycc(Tensor t, int w, int h) {
		FloatPlane[] p = new FloatPlane[3];
		for (int c = 0; c < 3; c++) p[c] = FloatPlane.wrap(Arrays.copyOfRange(t.data(), c * w * h, (c + 1) * w * h), w, h);
		return new YCbCrImage(p[0], p[1], p[2], YCbCrRange.FULL, 255);
	}

	static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	static String loadAverage() {
		try {
			return Files.readString(Paths.get("/proc/loadavg")).trim();
		}
		catch (IOException e) {
			return "unknown";
		}
	}

	/** VmHWM of this process: the peak resident set, native (PyTorch) memory included. */
	static double peakRssGb() throws IOException {
		for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
			if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
		}
		return Double.NaN;
	}
}
