package org.cyclecolor.infer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cyclecolor.model.ModelMetadata;
import org.cyclecolor.model.Provenance;

/**
 * A model as the user sees it named, the same in JSON summaries, macro results, image info, logs
 * and About: a model shipped in the jar by its label, e.g. {@value #BUNDLED} (never the temporary
 * file it is unpacked to), any other by its file's absolute path; with its variant, the software version that
 * wrote it and a one-line summary of how its weights were made (from the provenance metadata).
 *
 * @param name a bundled model's label ({@value #BUNDLED}, ...), or the model file's absolute path
 * @param bundled whether it is a model shipped in the jar
 * @param variant the architecture variant ({@code cyclecnn}, {@code authors-aaai20}, ...)
 * @param version the software that wrote the file, and when (e.g. "Cycle Colorization 0.1.0, 2026-11-26")
 * @param training where the weights come from: trainer and mode, steps, wall time, start, data
 */
public record ModelDescription(String name, boolean bundled, String variant, String version, String training) {

	/** How the model shipped in the jar is named everywhere. */
	public static final String BUNDLED = "bundled default model";

	/** The step an export stopped at, as {@code CheckpointExport} records it ("... at step 1606 (target 5000)"). */
	private static final Pattern EXPORTED_AT = Pattern.compile("at step (\\d+) \\(target (\\d+)\\)");

	public static ModelDescription of(OnnxModelFile file) {
		BundledModel.Which which = BundledModel.which(file.path());
		boolean bundled = which != null;
		String name = bundled ? which.label() : file.path().toAbsolutePath().toString();
		return new ModelDescription(name, bundled, file.variant().name(), version(file.metadata()), training(file.bundle().provenance()));
	}

	/** The name for sentences: "the bundled default model", or "the model " and the file's name. */
	public String shortName() {
		return "the " + (bundled ? name : "model " + Path.of(name).getFileName());
	}

	/** One line for logs ("Model: ..."): name, variant, version and training. */
	public String label() {
		return name + details();
	}

	/** {@link #label} for sentences: "the bundled default model (...)" or "the model /path/to/file.onnx (...)". */
	public String inSentence() {
		return "the " + (bundled ? name : "model " + name) + details();
	}

	private String details() {
		return " (" + variant + ", " + version + "; " + training + ")";
	}

	/** The keys every summary that names a model carries: model, variant, model_version, model_training. */
	public Map<String, Object> summary() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("model", name);
		m.put("variant", variant);
		m.put("model_version", version);
		m.put("model_training", training);
		return m;
	}

	private static String version(Map<String, String> metadata) {
		String software = metadata.get(ModelMetadata.PREFIX + "software");
		String created = metadata.get(ModelMetadata.PREFIX + "created");
		if (software == null) software = "unknown software";
		// the day is enough to tell versions of a model apart; the full instant stays in the file
		return created == null ? software : software + ", " + (created.length() >= 10 ? created.substring(0, 10) : created);
	}

	/** One line from the provenance: origin, then steps, wall time, starting point and data where recorded. */
	static String training(Provenance p) {
		List<String> facts = new ArrayList<>();
		String steps = steps(p);
		if (steps != null) facts.add(steps);
		if (p.get("training_wall_time") != null) facts.add(p.get("training_wall_time") + " of training");
		String earlier = earlierStages(p);
		if (earlier != null) facts.add(earlier);
		if (p.get("started_from") != null) facts.add("started from " + p.get("started_from"));
		if (p.get("training_data") != null) facts.add("data: " + p.get("training_data"));
		String origin = p.get("weights");
		if (origin == null && facts.isEmpty()) return "no training record in the file";
		if (origin == null) origin = "training recorded";
		return facts.isEmpty() ? origin : origin + ": " + String.join(", ", facts);
	}

	/**
	 * "after 8219 steps (4259 s) of 1 earlier stage": the stages a model was trained in before its
	 * last one (recorded as earlier_training_*, earlier_earlier_training_*, ...); null when none.
	 */
	private static String earlierStages(Provenance p) {
		long steps = 0, seconds = 0;
		int stages = 0;
		for (String prefix = "earlier_"; p.get(prefix + "training_steps") != null; prefix = "earlier_" + prefix) {
			stages++;
			steps += leadingNumber(p.get(prefix + "training_steps"));
			seconds += leadingNumber(p.get(prefix + "training_wall_time"));
		}
		if (stages == 0) return null;
		return "after " + steps + " steps (" + seconds + " s) of " + stages + " earlier stage" + (stages == 1 ? "" : "s");
	}

	private static long leadingNumber(String s) {
		if (s == null) return 0;
		Matcher m = LEADING_NUMBER.matcher(s.trim());
		return m.lookingAt() ? Long.parseLong(m.group()) : 0;
	}

	private static final Pattern LEADING_NUMBER = Pattern.compile("\\d+");

	/**
	 * "step S of T". A checkpoint export records the step reached in {@code exported_from}; older
	 * files keep the target in {@code training_steps}, newer ones the step reached, the target in
	 * {@code training_target_steps}.
	 */
	private static String steps(Provenance p) {
		String exported = p.get("exported_from");
		if (exported != null) {
			Matcher m = EXPORTED_AT.matcher(exported);
			if (m.find()) return "step " + m.group(1) + " of " + m.group(2);
		}
		String reached = p.get("training_steps");
		if (reached == null) return null;
		String target = p.get("training_target_steps");
		return target == null ? reached + " steps" : "step " + reached + " of " + target;
	}
}
