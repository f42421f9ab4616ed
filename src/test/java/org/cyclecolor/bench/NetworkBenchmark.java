package org.cyclecolor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.cyclecolor.Progress;
import org.cyclecolor.infer.ColorizationModel;
import org.cyclecolor.infer.OnnxExporter;
import org.cyclecolor.infer.RuntimeOptions;
import org.cyclecolor.model.Graph;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.model.Variant;
import org.cyclecolor.model.Variants;

/**
 * Cost of one forward pass of each network on ONNX Runtime (CPU): multiply-accumulates from the
 * description, median wall time, process CPU time, GMAC/s, and peak memory.
 * <p>
 * {@code scripts/bench NetworkBenchmark [runs] [threads]} (defaults 5 and 2). Sizes: the authors'
 * 256x172 samples; 512x392 and 256x196, the working sizes for a 1024x780 pair (half and quarter
 * scale, 48 candidates covering 96 and 192 full-resolution pixels); the refinement CNN at the
 * full 1024x780; the cheaper variants (cyclecnn-lite, cyclecnn-guided with its prior as an input) at
 * their working size for 1024x780, half scale. Weights are random (time does not depend on their values). When other work shares
 * the CPU the wall time grows; CPU time divided by the threads is then the better estimate of the
 * wall time on an idle machine.
 */
public final class NetworkBenchmark {

	private NetworkBenchmark() {}

	private record Case(String variant, NetworkKind kind, int width, int height) {}

	public static void main(String[] args) throws Exception {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
		System.out.printf(Locale.ROOT, "NetworkBenchmark: %d cores, %d ONNX Runtime threads, Java %s; median of %d runs after a warm-up; "
			+ "load %s%n", Runtime.getRuntime().availableProcessors(), threads, System.getProperty("java.version"), runs, Bench.loadAverage());
		List<Case> cases = List.of(new Case("cyclecnn", NetworkKind.COLORIZATION, 256, 172),
			new Case("authors-aaai20", NetworkKind.COLORIZATION, 256, 172), new Case("cyclecnn", NetworkKind.COLORIZATION, 256, 196),
			new Case("cyclecnn", NetworkKind.COLORIZATION, 512, 392), new Case("authors-aaai20", NetworkKind.COLORIZATION, 512, 392),
			new Case("cyclecnn", NetworkKind.REFINEMENT, 1024, 780), new Case("cyclecnn", NetworkKind.REFINEMENT, 512, 392),
			new Case("cyclecnn-lite", NetworkKind.COLORIZATION, 512, 392), new Case("cyclecnn-guided", NetworkKind.COLORIZATION, 512, 392),
			new Case("cyclecnn-guided", NetworkKind.COLORIZATION, 256, 196), new Case("cyclecnn-guided", NetworkKind.REFINEMENT, 1024, 780));
		Path dir = Files.createTempDirectory("network-benchmark");
		System.out.println("variant          network        size        GMAC   wall s (median, min)   cpu/threads s   GMAC/s (wall, cpu)");
		for (Case c : cases) {
			Variant v = Variants.get(c.variant());
			Path model = dir.resolve(c.variant() + ".onnx");
			if (!Files.exists(model)) OnnxExporter.write(ModelBundle.initialized(v, 1, Provenance.empty()), model, false);
			Graph g = v.graph(c.kind());
			double gmac = g.macs(c.height(), c.width()) / 1e9;
			try (ColorizationModel m = ColorizationModel.open(model, RuntimeOptions.cpu(threads), Progress.NONE)) {
				Map<String, Tensor> in = inputs(c);
				Bench.Timed<?> t = Bench.time(runs, () -> m.runNative(c.kind(), in));
				double median = t.median(), min = t.min(), cpu = t.cpuPerRunAndThread(threads);
				System.out.printf(Locale.ROOT, "%-16s %-14s %4dx%-4d %7.2f   %6.2f  %6.2f          %6.2f          %5.1f  %5.1f%n", c.variant(),
					c.kind().key(), c.width(), c.height(), gmac, median, min, cpu, gmac / median, gmac / cpu);
			}
		}
		System.out.println("MACs by stage (GMAC):");
		for (String name : List.of("cyclecnn", "authors-aaai20", "cyclecnn-lite", "cyclecnn-guided")) {
			for (int[] s : new int[][] { { 256, 172 }, { 512, 392 } }) {
				Map<String, Long> stages = Variants.get(name).graph(NetworkKind.COLORIZATION).macsByStage(s[1], s[0]);
				StringBuilder sb = new StringBuilder();
				for (Map.Entry<String, Long> e : stages.entrySet()) {
					if (e.getValue() > 0) sb.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(), e.getValue() / 1e9));
				}
				System.out.printf(Locale.ROOT, "  %-16s %4dx%-4d%s%n", name, s[0], s[1], sb);
			}
		}
		System.out.printf(Locale.ROOT, "peak resident memory %.0f MB; load average at the end: %s%n", Bench.peakRssMb(), Bench.loadAverage());
	}

	private static Map<String, Tensor> inputs(Case c) {
		Random r = new Random(1);
		List<String> names = c.kind().inputs();
		Map<String, Tensor> in = new java.util.LinkedHashMap<>();
		for (String n : names) {
			Tensor t = Tensor.zeros(1, 3, c.height(), c.width());
			for (int i = 0; i < t.size(); i++) t.data()[i] = 16 + 220 * r.nextFloat();
			in.put(n, t);
		}
		if (Variants.get(c.variant()).readsPrior() && c.kind() == NetworkKind.COLORIZATION) {
			in.put(NetworkKind.PRIOR, org.cyclecolor.backend.TestNetworks.prior(c.height(), c.width(), 20, 1));
		}
		return in;
	}
}
