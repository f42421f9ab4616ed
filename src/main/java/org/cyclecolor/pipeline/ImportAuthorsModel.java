package org.cyclecolor.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cyclecolor.Progress;
import org.cyclecolor.infer.AuthorsModelImporter;
import org.cyclecolor.infer.ModelTarget;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;

/**
 * The "Import Authors' Model" operation: the Cycle-CNN authors' Keras weights file to an ONNX model
 * of variant {@code authors-aaai20}, for the command line and Fiji alike.
 */
public final class ImportAuthorsModel {

	private final Path weights;
	private final Path output;
	private boolean overwrite;

	public ImportAuthorsModel(Path weights, Path output) {
		this.weights = weights;
		this.output = output;
	}

	/** Replace an existing output file. */
	public ImportAuthorsModel overwrite(boolean overwrite) {
		this.overwrite = overwrite;
		return this;
	}

	/** Imports, writes and checks the model; returns the summary (paths, variant, counts, seconds). */
	public Map<String, Object> run(Progress progress) {
		ModelTarget.check(output, overwrite, "authors.onnx", weights);
		long t0 = System.nanoTime();
		AuthorsModelImporter.Result r = AuthorsModelImporter.importTo(weights, output, overwrite, progress);
		ModelBundle b = r.bundle();
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("model", output.toAbsolutePath().toString());
		s.put("weights", weights.toAbsolutePath().toString());
		s.put("variant", b.variant().name());
		s.put("networks", b.networks().stream().map(NetworkKind::key).toList());
		s.put("parameters", r.parameters());
		s.put("candidates", b.variant().candidates());
		s.put("color_range", b.variant().colorRange().key());
		s.put("upside_down", b.variant().upsideDown());
		s.put("source_sha256", r.sourceSha256());
		s.put("seconds", (System.nanoTime() - t0) / 1e9);
		return s;
	}
}
