package org.cyclecolor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.gson.Gson;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.cyclecolor.Progress;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.infer.AuthorsModelImporter;
import org.cyclecolor.infer.InferenceEngine;
import org.cyclecolor.infer.TestModels;
import org.cyclecolor.infer.TileGrid;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Variant;
import org.cyclecolor.pipeline.ColorizeOperation;
import org.cyclecolor.pipeline.ColorizeResult;
import org.cyclecolor.synth.SampleGenerator;
import org.cyclecolor.synth.SamplePair;
import org.cyclecolor.testutil.SharedData;

/**
 * Colorize end to end, as the command line and Fiji run it (pair in memory as ImageJ images, side,
 * disparity and scale automatic unless stated; file reading and writing not included): time per
 * stage, the network's multiply-accumulates and the rate achieved, and the peak resident memory
 * of the process. Each case runs in a fresh JVM (-Xmx2g) so that its peak memory is its own; the
 * pairs are rendered scenes ({@link SampleGenerator}) with disparities proportional to the width
 * (0.18 of it, the 40 px of the 512 px sample at a larger scale), written once to
 * target/bench-inputs. Models: the bundled default model (the guided network, its matching prior
 * included), cyclecnn with calibrated random weights (timing does not depend on the weights; the
 * refinement included) and, when the shared data is there, the authors' released network (no
 * refinement).
 *
 * <pre>scripts/bench ColorizeBenchmark [runs] [--quick]</pre>
 */
public final class ColorizeBenchmark {

	private static final double DISPARITY_PER_WIDTH = 40.0 / 512;

	private ColorizeBenchmark() {}

	private record Case(String label, String model, int width, int height, int scale, int runs) {}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("case")) {
			runCase(args);
			return;
		}
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
		boolean quick = Arrays.asList(args).contains("--quick");
		System.out.println(Bench.machine());
		System.out.println("# each case in its own JVM (-Xmx2g); median of the runs after one warm-up run");
		Path cyclecnn = TestModels.cyclecnn();
		Path bundled = org.cyclecolor.infer.BundledModel.path();
		Path authors = null;
		if (SharedData.root() != null) {
			authors = Files.createTempFile("authors", ".onnx");
			Files.delete(authors);
			AuthorsModelImporter.importTo(SharedData.require("models/authors-cyclecnn-aaai20/s0.h5"), authors, false, Progress.NONE);
		}
		List<Case> cases = new ArrayList<>();
		cases.add(new Case("1024x780 default model", bundled.toString(), 1024, 780, 0, runs));
		cases.add(new Case("1024x780 cyclecnn", cyclecnn.toString(), 1024, 780, 0, runs));
		if (authors != null) cases.add(new Case("1024x780 authors", authors.toString(), 1024, 780, 0, runs));
		cases.add(new Case("12 MP, scale 1/4 (M tiled)", bundled.toString(), 4000, 3000, 4, quick ? 1 : 3));
		double[] mp = quick ? new double[] { 0.25, 1, 4 } : new double[] { 0.25, 0.5, 1, 2, 4, 8, 12 };
		for (double m : mp) {
			int w = (int) Math.round(Math.sqrt(m * 1e6 * 4 / 3)), h = (int) Math.round(w * 0.75);
			cases.add(new Case(String.format(Locale.ROOT, "%.2f MP", m), bundled.toString(), w, h, 0, quick ? 1 : 3));
		}
		List<Map<String, Object>> results = new ArrayList<>();
		for (Case c : cases) {
			Path[] pair = inputs(c.width, c.height);
			List<String> cmd = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g", "-Djava.awt.headless=true",
				"-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), ColorizeBenchmark.class.getName(), "case", c.model,
				pair[0].toString(), pair[1].toString(), String.valueOf(c.scale), String.valueOf(c.runs));
			Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
			String out = new String(p.getInputStream().readAllBytes());
			p.waitFor();
			String line = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow(() -> new IllegalStateException(out));
			@SuppressWarnings("unchecked")
			Map<String, Object> r = new Gson().fromJson(line.substring(7), Map.class);
			r.put("label", c.label);
			results.add(r);
			print(r);
		}
		System.out.printf(Locale.ROOT, "load average at the end: %s%n", Bench.loadAverage());
	}

	@SuppressWarnings("unchecked")
	private static void print(Map<String, Object> r) {
		Map<String, Object> st = (Map<String, Object>) r.get("stages_ms");
		String stages = st.entrySet().stream().map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.0f", (Double) e.getValue()))
			.collect(Collectors.joining(", "));
		System.out.printf(Locale.ROOT, "%-28s %s %dx%d scale 1/%.0f (%s M tiles, %s refinement tiles): total %.2f s (min %.2f), "
			+ "%.2f s/MP; M %.2f GMAC (%.2f with tile margins) at %.1f GMAC/s, refinement %.2f GMAC at %.1f GMAC/s; cpu/cores %.2f s; "
			+ "peak RSS %.0f MB%n   stages (median ms): %s%n", r.get("label"), r.get("variant"), ((Double) r.get("width")).intValue(),
			((Double) r.get("height")).intValue(), r.get("scale"), fmt(r.get("network_tiles")), fmt(r.get("refinement_tiles")),
			(Double) r.get("total_s"), (Double) r.get("min_s"), (Double) r.get("s_per_mp"), (Double) r.get("m_gmac"),
			(Double) r.get("m_gmac_tiled"), (Double) r.get("m_gmac_per_s"), (Double) r.get("refine_gmac"), (Double) r.get("refine_gmac_per_s"),
			(Double) r.get("cpu_per_core_s"), (Double) r.get("peak_rss_mb"), stages);
	}

	private static String fmt(Object v) {
		return String.valueOf(((Double) v).intValue());
	}

	/** The rendered pair of this size, written once. */
	private static Path[] inputs(int w, int h) throws IOException {
		Path dir = Paths.get("target", "bench-inputs");
		Files.createDirectories(dir);
		Path mono = dir.resolve(w + "x" + h + "-mono.tif"), color = dir.resolve(w + "x" + h + "-color.tif");
		if (!Files.exists(mono) || !Files.exists(color)) {
			SamplePair s = SampleGenerator.generate(new SampleGenerator.Settings(w, h, Math.max(2, w * DISPARITY_PER_WIDTH), 1), Progress.NONE);
			byte[] b = new byte[w * h];
			for (int i = 0; i < b.length; i++) b[i] = (byte) ImagePlusAdapter.to8bit(s.mono().data()[i]);
			ImageFiles.write(new ImagePlus("mono", new ByteProcessor(w, h, b)), mono, true);
			ImageFiles.write(ImagePlusAdapter.toImagePlus("color", s.color()), color, true);
		}
		return new Path[] { mono, color };
	}

	/** In the child JVM: model, mono, colour, scale (0 = automatic), runs. */
	private static void runCase(String[] a) throws Exception {
		Path model = Paths.get(a[1]);
		ImagePlus mono = ImageFiles.read(Paths.get(a[2])), color = ImageFiles.read(Paths.get(a[3]));
		int scale = Integer.parseInt(a[4]), runs = Integer.parseInt(a[5]);
		ColorizeResult[] last = new ColorizeResult[1]; // only the last result is kept: a 12 MP one is large
		Bench.Timed<Map<String, Double>> t = Bench.time(runs, () -> {
			last[0] = new ColorizeOperation(mono, color).model(model).scale(scale).run(Progress.NONE);
			@SuppressWarnings("unchecked")
			Map<String, Object> ms = (Map<String, Object>) last[0].summary().get("timings_ms");
			Map<String, Double> m = new LinkedHashMap<>();
			ms.forEach((k, v) -> m.put(k, ((Number) v).doubleValue()));
			return m;
		});
		List<Map<String, Double>> stages = t.results();
		double cpu = t.cpuPerRunAndThread(Runtime.getRuntime().availableProcessors());
		Map<String, Double> median = new LinkedHashMap<>();
		for (String k : stages.get(0).keySet()) {
			if (k.equals("open_model") || k.equals("total")) continue;
			median.put(k, Bench.median(stages.stream().mapToDouble(m -> m.getOrDefault(k, 0.0)).toArray()));
		}
		InferenceEngine.Pass p = last[0].output().pass();
		Variant v = org.cyclecolor.infer.OnnxModelFile.read(model).variant();
		int ww = (mono.getWidth() + p.factor() - 1) / p.factor(), wh = (mono.getHeight() + p.factor() - 1) / p.factor();
		int mult = v.sizeMultiple();
		double mMacs = v.graph(NetworkKind.COLORIZATION).macs(roundUp(wh, mult), roundUp(ww, mult)) / 1e9;
		double mTiled = tiledMacs(v, NetworkKind.COLORIZATION, p.networkTiles());
		double refine = p.refined() ? v.graph(NetworkKind.REFINEMENT).macs(mono.getHeight(), mono.getWidth()) / 1e9 : 0;
		double refineTiled = p.refined() ? tiledMacs(v, NetworkKind.REFINEMENT, p.refinementTiles()) : 0;
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("variant", v.name());
		out.put("width", mono.getWidth());
		out.put("height", mono.getHeight());
		out.put("scale", p.factor());
		out.put("network_tiles", p.networkTiles().tiles().size());
		out.put("refinement_tiles", p.refinementTiles() == null ? 0 : p.refinementTiles().tiles().size());
		double total = t.median();
		out.put("total_s", total);
		out.put("min_s", t.min());
		out.put("s_per_mp", total / (mono.getWidth() * (double) mono.getHeight() / 1e6));
		out.put("cpu_per_core_s", cpu);
		out.put("m_gmac", mMacs);
		out.put("m_gmac_tiled", mTiled);
		out.put("m_gmac_per_s", mTiled / (median.get("network") / 1e3));
		out.put("refine_gmac", refine);
		out.put("refine_gmac_per_s", p.refined() ? refineTiled / (median.get("refine") / 1e3) : 0);
		out.put("peak_rss_mb", Bench.peakRssMb());
		out.put("stages_ms", median);
		System.out.println("RESULT " + new Gson().toJson(out));
	}

	private static double tiledMacs(Variant v, NetworkKind kind, TileGrid grid) {
		double s = 0;
		for (TileGrid.Tile t : grid.tiles()) s += v.graph(kind).macs(t.height(), t.width());
		return s / 1e9;
	}

	private static int roundUp(int x, int m) {
		return (x + m - 1) / m * m;
	}
}
