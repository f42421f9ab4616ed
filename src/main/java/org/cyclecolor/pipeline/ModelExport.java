package org.cyclecolor.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import org.cyclecolor.Progress;
import org.cyclecolor.infer.ColorizationModel;
import org.cyclecolor.infer.ModelTarget;
import org.cyclecolor.infer.OnnxExporter;
import org.cyclecolor.infer.OnnxModelFile;
import org.cyclecolor.infer.RuntimeOptions;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.train.DjlNetwork;
import org.cyclecolor.train.DjlRuntime;
import org.cyclecolor.train.TrainingBatch;

/**
 * Writes a trained model as ONNX and proves that it computes what the trainer computed: the file
 * is written to a temporary name in the target folder, read back, and the networks the run
 * trained are run by ONNX Runtime on a training example; DJL runs the same weights on the same
 * input in float32 and in float64. ONNX Runtime must agree with the float64 result within
 * {@value #TOLERANCE} (0..255 units) or within twice the trainer's own float32 error, whichever is
 * larger (as the parity test does, docs/network.md "Parity and float32": where softmax candidates
 * compete float32 alone strays by 1e-4..1e-3, while a semantic difference shows as whole levels).
 * Only then is the file renamed to its final name ({@link ModelTarget}); an existing model is
 * replaced only when asked.
 */
public final class ModelExport {

	/** Agreement always accepted, 0..255 units: 1/250 of an 8-bit step. */
	public static final double TOLERANCE = 1e-3;

	private ModelExport() {}

	/**
	 * The agreement of one network's output (max |difference|).
	 *
	 * @param ortVsDjl ONNX Runtime against the trainer, both float32
	 * @param ortVsFloat64 ONNX Runtime against DJL in float64
	 * @param djlVsFloat64 the trainer's own float32 error
	 */
	public record Agreement(double ortVsDjl, double ortVsFloat64, double djlVsFloat64) {

		public boolean acceptable() {
			return ortVsFloat64 <= Math.max(TOLERANCE, 2 * djlVsFloat64);
		}
	}

	/** The agreement of every network checked, by network. */
	public record Parity(Map<NetworkKind, Agreement> networks) {

		public boolean acceptable() {
			return networks.values().stream().allMatch(Agreement::acceptable);
		}

		/** The ONNX Runtime vs trainer difference of the colorization network (or of the first one checked). */
		public double ortVsDjl() {
			Agreement a = networks.getOrDefault(NetworkKind.COLORIZATION, networks.values().iterator().next());
			return a.ortVsDjl();
		}

		public String describe() {
			StringBuilder sb = new StringBuilder();
			for (Map.Entry<NetworkKind, Agreement> e : networks.entrySet()) {
				Agreement a = e.getValue();
				sb.append(sb.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
					"%s: ONNX Runtime vs trainer %.2g, vs float64: ONNX Runtime %.2g, trainer %.2g", e.getKey().key(), a.ortVsDjl(),
					a.ortVsFloat64(), a.djlVsFloat64()));
			}
			return sb.toString();
		}
	}

	/**
	 * @param example an input to compare the runtimes on (a training crop): a colorization example
	 *        checks M and the refinement, a structure-similarity example that network
	 * @param threads threads for both runtimes, 0 = one per core
	 */
	public static Parity write(ModelBundle bundle, Path output, boolean overwrite, TrainingBatch example, int threads,
		Progress progress)
	{
		Parity[] checked = new Parity[1];
		ModelTarget.write(output, overwrite, tmp -> {
			OnnxExporter.write(bundle, tmp, true);
			Parity parity = compare(bundle, OnnxModelFile.read(tmp), example, threads);
			if (!parity.acceptable()) {
				throw new IllegalStateException("ONNX Runtime does not compute what the trainer computed on the exported model ("
					+ parity.describe() + "); the model was not written (the checkpoint keeps the weights).");
			}
			ModelBundle stamped = bundle.withProvenance(bundle.provenance().with("parity", parity.describe() + String.format(Locale.ROOT,
				" (max |difference| on a %dx%d training crop, 0..255 units for chroma)", example.width(), example.height())));
			OnnxExporter.write(stamped, tmp, true);
			checked[0] = parity;
		});
		progress.log("Wrote " + output + "; " + checked[0].describe() + ".");
		return checked[0];
	}

	/** Runs the file's networks on ONNX Runtime and the bundle's on DJL (float32 and float64), inference mode. */
	public static Parity compare(ModelBundle bundle, OnnxModelFile file, TrainingBatch example, int threads) {
		Map<NetworkKind, Agreement> out = new LinkedHashMap<>();
		try (NDManager m = DjlRuntime.start(threads); NDManager s = m.newSubManager();
			ColorizationModel ort = ColorizationModel.open(file, RuntimeOptions.cpu(threads), Progress.NONE)) {
			NDArray gray = example.grayY(s);
			if (example.isStructureExample()) {
				Map<String, NDArray> in = Map.of("gray", gray, "warped_luminance", example.warped(s));
				out.put(NetworkKind.STRUCTURE_SIMILARITY, agreement(bundle, NetworkKind.STRUCTURE_SIMILARITY, ort, m, s, in,
					"structure_similarity"));
				return new Parity(out);
			}
			NDArray target = NDArrays.concat(new NDList(gray, s.full(gray.getShape(), 128f), s.full(gray.getShape(), 128f)), 1);
			Map<String, NDArray> first = new LinkedHashMap<>(Map.of("target", target, "reference", example.color(s)));
			if (example.hasPrior()) first.put(NetworkKind.PRIOR, example.prior(s));
			out.put(NetworkKind.COLORIZATION, agreement(bundle, NetworkKind.COLORIZATION, ort, m, s, first, "chroma"));
			if (bundle.has(NetworkKind.REFINEMENT)) {
				// One input for every runtime (the float64 first colorization), so that only the refinement's own error shows.
				Tensor c64 = run(bundle, NetworkKind.COLORIZATION, m, s, first, DataType.FLOAT64, "chroma");
				NDArray colorized = NDArrays.concat(new NDList(gray, DjlNetwork.toNDArray(s, c64)), 1);
				out.put(NetworkKind.REFINEMENT, agreement(bundle, NetworkKind.REFINEMENT, ort, m, s, Map.of("colorized", colorized),
					"refined"));
			}
			return new Parity(out);
		}
	}

	private static Agreement agreement(ModelBundle b, NetworkKind kind, ColorizationModel ort, NDManager m, NDManager s,
		Map<String, NDArray> in, String output)
	{
		Tensor t32 = run(b, kind, m, s, in, DataType.FLOAT32, output);
		Tensor t64 = run(b, kind, m, s, in, DataType.FLOAT64, output);
		Map<String, Tensor> feeds = new LinkedHashMap<>();
		for (Map.Entry<String, NDArray> e : in.entrySet()) feeds.put(e.getKey(), DjlNetwork.toTensor(e.getValue()));
		Tensor o = ort.runNative(kind, feeds).get(output);
		return new Agreement(o.maxAbsDifference(t32), o.maxAbsDifference(t64), t32.maxAbsDifference(t64));
	}

	/** One network of the bundle on DJL in inference mode, in the given type; one output as a float tensor. */
	private static Tensor run(ModelBundle b, NetworkKind kind, NDManager m, NDManager s, Map<String, NDArray> inputs, DataType type,
		String output)
	{
		try (DjlNetwork net = new DjlNetwork(b.variant().graph(kind), b.weights(kind), m, DjlNetwork.DEFAULT_BN_MOMENTUM, type)) {
			Map<String, NDArray> typed = new LinkedHashMap<>();
			for (Map.Entry<String, NDArray> e : inputs.entrySet()) typed.put(e.getKey(), e.getValue().toType(type, false));
			return DjlNetwork.toTensor(net.forward(s, typed, false).get(output));
		}
	}
}
