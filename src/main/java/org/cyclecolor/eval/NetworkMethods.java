package org.cyclecolor.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.infer.AuthorsModelImporter;
import org.cyclecolor.infer.BundledModel;
import org.cyclecolor.infer.ChromaUpsampler;
import org.cyclecolor.infer.ColorizationModel;
import org.cyclecolor.infer.InferenceEngine;
import org.cyclecolor.infer.ModelDescription;
import org.cyclecolor.infer.NetworkColorizer;
import org.cyclecolor.infer.RuntimeOptions;

/**
 * The network as evaluation rows: a model file opened on ONNX Runtime (default device and
 * threads), run by a {@link NetworkColorizer} as the Colorize command runs it — automatic working
 * scale, the default chroma upsampler, refinement when the model has it — through both passes of
 * {@link ColorizerMethod}, so its cycle score is made exactly like the baselines'.
 */
final class NetworkMethods {

	private NetworkMethods() {}

	/** The network with the model at {@code file}; closing the method closes the model's sessions. */
	static EvaluationMethod model(String name, Path file, Progress progress) {
		return open(name, file, null, progress);
	}

	/**
	 * The authors' released weights ({@code s0.h5}), imported to a temporary model file for the
	 * run (removed when the method is closed).
	 */
	static EvaluationMethod authors(String name, Path weights, Progress progress) {
		Path dir;
		try {
			dir = Files.createTempDirectory("cyclecolor-eval-");
		}
		catch (IOException e) {
			throw new UserException("Could not make a temporary folder for the imported model (" + e.getMessage()
				+ "); check the temporary folder's space.", e);
		}
		Path onnx = dir.resolve("authors.onnx");
		try {
			progress.report(0, "importing " + weights.getFileName());
			AuthorsModelImporter.importTo(weights, onnx, false, progress.sub(0, 0.7));
			progress.log("Evaluate: imported the authors' weights " + weights + " for this run.");
			return open(name, onnx, dir, progress.sub(0.7, 1));
		}
		catch (RuntimeException e) {
			delete(dir);
			throw e;
		}
	}

	private static EvaluationMethod open(String name, Path file, Path temporary, Progress progress) {
		BundledModel.Which bundled = BundledModel.which(file);
		progress.report(0, "opening " + (bundled != null ? bundled.label() : file.getFileName()));
		ColorizationModel model = ColorizationModel.open(file, RuntimeOptions.defaults(), progress);
		progress.log("Evaluate: " + name + " runs " + ModelDescription.of(model.file()).inSentence() + ".");
		InferenceEngine engine = new InferenceEngine(model, ChromaUpsampler.DEFAULT, InferenceEngine.DEFAULT_MEMORY_BUDGET);
		AutoCloseable resources = () -> {
			model.close();
			if (temporary != null) delete(temporary);
		};
		return new ColorizerMethod(name, new NetworkColorizer(engine, true), resources);
	}

	private static void delete(Path dir) {
		try (var files = Files.list(dir)) {
			for (Path p : files.toList()) Files.deleteIfExists(p);
			Files.deleteIfExists(dir);
		}
		catch (IOException e) {
			dir.toFile().deleteOnExit(); // a leftover temporary file is not worth failing the run for
		}
	}
}
