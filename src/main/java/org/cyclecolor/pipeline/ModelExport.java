package org.cyclecolor.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.infer.ColorizationModel;
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
 * is written to a temporary name in the target folder, read back, and its colorization (and
 * refinement) network run by ONNX Runtime on a training example; DJL runs the same weights on the
 * same input in float32 and float64. ONNX Runtime must agree with the float64 result within
 * {@value #TOLERANCE} (0..255 units) or within twice the trainer's own float32 error, whichever is
 * larger (as in the parity test, docs/network.md "Parity and float32": where softmax candidates
 * compete float32 alone strays by 1e-4..1e-3, while a semantic difference shows as whole levels).
 * Only then is the file renamed to its final name; an existing model is replaced only when asked.
 */
public final class ModelExport {

	/** Agreement always accepted, 0..255 units: 1/250 of an 8-bit step. */
	public static final double TOLERANCE = 1e-3;

	private ModelExport() {}

	/**
	 * The measured agreement on the written model (max |difference|, 0..255 units; NaN for a
	 * network the model does not have).
	 *
	 * @param ortVsDjl ONNX Runtime against the trainer (both float32), chroma of M
	 * @param ortVsFloat64 ONNX Runtime against DJL in float64, chroma of M
	 * @param djlVsFloat64 the trainer's own float32 error, chroma of M
	 * @param refinedOrtVsFloat64, refinedDjlVsFloat64 the same for the refinement's output
	 */
	public record Parity(double ortVsDjl, double ortVsFloat64, double djlVsFloat64, double refinedOrtVsFloat64,
		double refinedDjlVsFloat64)
	{
		public boolean acceptable() {
			return ok(ortVsFloat64, djlVsFloat64) && (Double.isNaN(refinedOrtVsFloat64) || ok(refinedOrtVsFloat64, refinedDjlVsFloat64));
		}

		private static boolean ok(double ort, double djl) {
			return ort <= Math.max(TOLERANCE, 2 * djl);
		}

		public String describe() {
			return String.format(Locale.ROOT, "ONNX Runtime vs trainer %.2g; vs float64: ONNX Runtime %.2g, trainer %.2g%s", ortVsDjl,
				ortVsFloat64, djlVsFloat64, Double.isNaN(refinedOrtVsFloat64) ? "" : String.format(Locale.ROOT,
					"; refinement vs float64: ONNX Runtime %.2g, trainer %.2g", refinedOrtVsFloat64, refinedDjlVsFloat64));
		}
	}

	/**
	 * @param example an input to compare the runtimes on (e.g. the first training crop)
	 * @param threads threads for both runtimes, 0 = one per core
	 */
	public static Parity write(ModelBundle bundle, Path output, boolean overwrite, TrainingBatch example, int threads,
		Progress progress)
	{
		if (Files.exists(output) && !overwrite) {
			throw new UserException("The model " + output + " already exists; choose another name or allow overwriting.");
		}
		Path dir = output.toAbsolutePath().getParent();
		Path tmp = dir.resolve("." + output.getFileName() + ".export-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".onnx");
		try {
			OnnxExporter.write(bundle, tmp, true);
			Parity parity = compare(bundle, OnnxModelFile.read(tmp), example, threads);
			if (!parity.acceptable()) {
				throw new IllegalStateException("ONNX Runtime does not compute what the trainer computed on the exported model ("
					+ parity.describe() + "); the model was not written (the checkpoint keeps the weights).");
			}
			ModelBundle stamped = bundle.withProvenance(bundle.provenance().with("parity", parity.describe() + String.format(Locale.ROOT,
				" (max |chroma difference|, 0..255, on a %dx%d training crop)", example.width(), example.height())));
			OnnxExporter.write(stamped, tmp, true);
			Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			progress.log("Wrote " + output + "; " + parity.describe() + " (0..255 chroma).");
			return parity;
		}
		catch (IOException e) {
			throw new UserException("Could not write the model " + output + " (" + e.getMessage()
				+ "); check that the folder is writable and the disk has space.", e);
		}
		finally {
			try {
				Files.deleteIfExists(tmp);
			}
			catch (IOException ignored) {
				// a hidden temporary file left behind is harmless
			}
		}
	}

	/** Runs the file's networks on ONNX Runtime and the bundle's on DJL (float32 and float64), inference mode. */
	public static Parity compare(ModelBundle bundle, OnnxModelFile file, TrainingBatch example, int threads) {
		try (NDManager m = DjlRuntime.start(threads); NDManager s = m.newSubManager();
			ColorizationModel ort = ColorizationModel.open(file, RuntimeOptions.cpu(threads), Progress.NONE)) {
			NDArray gray = example.grayY(s), color = example.color(s);
			NDArray target = NDArrays.concat(new NDList(gray, s.full(gray.getShape(), 128f), s.full(gray.getShape(), 128f)), 1);
			Map<String, NDArray> in = Map.of("target", target, "reference", color);
			Tensor c32 = run(bundle, NetworkKind.COLORIZATION, m, s, in, DataType.FLOAT32, "chroma");
			Tensor c64 = run(bundle, NetworkKind.COLORIZATION, m, s, in, DataType.FLOAT64, "chroma");
			Tensor cOrt = ort.runNative(NetworkKind.COLORIZATION, Map.of("target", DjlNetwork.toTensor(target), "reference",
				DjlNetwork.toTensor(color))).get("chroma");
			double refOrt = Double.NaN, refDjl = Double.NaN;
			if (bundle.has(NetworkKind.REFINEMENT)) {
				// One input for every runtime (the first colorization), so that only the refinement's own error shows.
				NDArray colorized = NDArrays.concat(new NDList(gray, DjlNetwork.toNDArray(s, c64)), 1);
				Map<String, NDArray> rin = Map.of("colorized", colorized);
				Tensor r32 = run(bundle, NetworkKind.REFINEMENT, m, s, rin, DataType.FLOAT32, "refined");
				Tensor r64 = run(bundle, NetworkKind.REFINEMENT, m, s, rin, DataType.FLOAT64, "refined");
				Tensor rOrt = ort.runNative(NetworkKind.REFINEMENT, Map.of("colorized", DjlNetwork.toTensor(colorized))).get("refined");
				refOrt = rOrt.maxAbsDifference(r64);
				refDjl = r32.maxAbsDifference(r64);
			}
			return new Parity(cOrt.maxAbsDifference(c32), cOrt.maxAbsDifference(c64), c32.maxAbsDifference(c64), refOrt, refDjl);
		}
	}

	/** One network of the bundle on DJL in inference mode, in the given type; one output as a float tensor. */
	private static Tensor run(ModelBundle b, NetworkKind kind, NDManager m, NDManager s, Map<String, NDArray> inputs, DataType type,
		String output)
	{
		try (DjlNetwork net = new DjlNetwork(b.variant().graph(kind), b.weights(kind), m, DjlNetwork.DEFAULT_BN_MOMENTUM, type)) {
			Map<String, NDArray> typed = new java.util.LinkedHashMap<>();
			for (Map.Entry<String, NDArray> e : inputs.entrySet()) typed.put(e.getKey(), e.getValue().toType(type, false));
			return DjlNetwork.toTensor(net.forward(s, typed, false).get(output));
		}
	}
}
