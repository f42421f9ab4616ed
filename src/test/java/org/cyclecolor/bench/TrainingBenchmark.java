package org.cyclecolor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
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
 * {@code scripts/bench TrainingBenchmark [runs] [threads]} (defaults 5 and 2): median and fastest
 * of the runs after two warm-up steps. Also the process CPU time per step divided by the threads:
 * the better estimate of an idle machine's wall time when others share the CPU.
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
		Variant v = Variants.get("cyclecnn");
		TrainingConfig config = TrainingConfig.paper();
		System.out.println("crop (WxH)   wall s (median, min)   cpu/threads s   peak RSS GB");
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
					for (int i = 0; i < 2; i++) runner.step(batch);
					double[] wall = new double[runs];
					long cpu0 = cpuNanos();
					Map<String, Double> last = null;
					for (int i = 0; i < runs; i++) {
						long t0 = System.nanoTime();
						last = runner.step(batch).terms();
						wall[i] = (System.nanoTime() - t0) / 1e9;
					}
					double cpu = (cpuNanos() - cpu0) / 1e9 / runs / threads;
					double[] sorted = wall.clone();
					Arrays.sort(sorted);
					System.out.printf(Locale.ROOT, "%4dx%-4d    %6.2f  %6.2f          %6.2f          %5.2f   %s%n", w, h, sorted[runs / 2],
						sorted[0], cpu, peakRssGb(), last);
				}
			}
		}
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
