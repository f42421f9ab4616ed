package org.cyclecolor.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.baseline.SgmWarpColorizer;
import org.cyclecolor.baseline.StereoLevinColorizer;
import org.cyclecolor.baseline.UnwarpedColorizer;
import org.cyclecolor.baseline.WelshColorizer;
import org.cyclecolor.infer.BundledModel;

/**
 * The methods an evaluation can run, by name: what {@code --methods} and the Fiji command accept.
 * <ul>
 * <li>{@code unwarped}, {@code welsh}, {@code stereo-levin}: the classical baselines
 * (docs/baselines.md), with their defaults;</li>
 * <li>{@code cyclecnn}: the network with the model bundled in the plugin (refused while the build
 * ships none);</li>
 * <li>{@code model:<file.onnx>}: the network with a model file (trained, exported or imported);</li>
 * <li>{@code authors:<weights.h5>}: the Cycle-CNN authors' released Keras weights, imported for
 * the run;</li>
 * <li>{@code authors-output}: the authors' own result files, where the dataset has them.</li>
 * </ul>
 */
public final class Methods {

	/** The bundled default model's method name. */
	public static final String DEFAULT_MODEL = BundledModel.Which.DEFAULT.key();
	/** The bundled paper-faithful model's method name. */
	public static final String CYCLECNN = BundledModel.Which.CYCLECNN.key();
	/** Prefix of a model file, and of the authors' weights file. */
	public static final String MODEL_PREFIX = "model:", AUTHORS_PREFIX = "authors:";
	/** The row name of the authors' released weights. */
	public static final String AUTHORS = "authors";

	/** The methods without a file, in the order of the help text. */
	private static final Map<String, Supplier<EvaluationMethod>> NAMED = new LinkedHashMap<>();

	static {
		NAMED.put(UnwarpedColorizer.NAME, () -> new ColorizerMethod(new UnwarpedColorizer()));
		NAMED.put(WelshColorizer.NAME, () -> new ColorizerMethod(new WelshColorizer()));
		NAMED.put(StereoLevinColorizer.NAME, () -> new ColorizerMethod(new StereoLevinColorizer()));
		NAMED.put(SgmWarpColorizer.NAME, () -> new ColorizerMethod(new SgmWarpColorizer()));
		NAMED.put(AuthorsOutputMethod.NAME, AuthorsOutputMethod::new);
	}

	/** What an evaluation runs when the user names nothing: the three baselines. */
	public static final List<String> DEFAULT = List.of(UnwarpedColorizer.NAME, WelshColorizer.NAME, StereoLevinColorizer.NAME);

	/** What a named method is made from. */
	public enum Kind {
		/** A baseline or the authors' result files (no file to give). */
		NAMED,
		/** The network with the bundled default model. */
		BUNDLED,
		/** The network with a .onnx model file. */
		MODEL,
		/** The network with the authors' released weights (.h5), imported for the run. */
		AUTHORS
	}

	/**
	 * One method of a list, checked.
	 *
	 * @param name the row's name in tables and plots ("stereo-levin", "model:dong.onnx", "authors")
	 * @param file the model or weights file, or null
	 */
	public record Spec(String name, Kind kind, Path file) {}

	private Methods() {}

	/** The names this build knows, with the forms that take a file, for help texts and messages. */
	public static List<String> names() {
		List<String> out = new ArrayList<>(NAMED.keySet());
		out.add(DEFAULT_MODEL);
		out.add(CYCLECNN);
		out.add(MODEL_PREFIX + "<file.onnx>");
		out.add(AUTHORS_PREFIX + "<weights.h5>");
		return out;
	}

	/**
	 * Splits a comma-separated list of methods (spaces around the commas allowed) and checks each
	 * one before any work: unknown names, repetitions, missing files and a default model this build
	 * does not ship are refused with one sentence.
	 */
	public static List<Spec> parse(String list) {
		String known = String.join(", ", names());
		if (list == null || list.isBlank()) throw new UserException("No method was named; give a comma-separated list of " + known + ".");
		List<Spec> out = new ArrayList<>();
		for (String part : list.split(",")) {
			String item = part.trim();
			if (item.isEmpty()) continue;
			Spec spec = spec(item, known);
			if (out.stream().anyMatch(s -> s.name().equals(spec.name()))) {
				throw new UserException("The method '" + spec.name() + "' is named twice; name each method once.");
			}
			out.add(spec);
		}
		if (out.isEmpty()) throw new UserException("No method was named; give a comma-separated list of " + known + ".");
		return List.copyOf(out);
	}

	private static Spec spec(String item, String known) {
		String lower = item.toLowerCase(Locale.ROOT);
		if (NAMED.containsKey(lower)) return new Spec(lower, Kind.NAMED, null);
		BundledModel.Which bundled = BundledModel.keyword(lower);
		if (bundled != null) {
			if (!BundledModel.available(bundled)) {
				throw new UserException("The method " + lower + " runs the " + bundled.label() + ", and this version ships none; "
					+ "evaluate a model file instead (model:<file.onnx>, or authors:<s0.h5> for the authors' released weights).");
			}
			return new Spec(bundled.key(), Kind.BUNDLED, null);
		}
		if (lower.startsWith(MODEL_PREFIX)) {
			Path file = existing(item.substring(MODEL_PREFIX.length()).trim(), ".onnx", "model file", item);
			return new Spec(MODEL_PREFIX + file.getFileName(), Kind.MODEL, file);
		}
		if (lower.startsWith(AUTHORS_PREFIX)) {
			Path file = existing(item.substring(AUTHORS_PREFIX.length()).trim(), null, "authors' weights file", item);
			return new Spec(AUTHORS, Kind.AUTHORS, file);
		}
		if (lower.equals(AUTHORS) || lower.equals("model")) {
			throw new UserException("The method " + lower + " needs a file: write " + lower + ":<"
				+ (lower.equals(AUTHORS) ? "path to the released s0.h5" : "path to a .onnx model") + ">.");
		}
		throw new UserException("Unknown method '" + item + "'; choose from " + known + " (comma-separated).");
	}

	private static Path existing(String path, String extension, String what, String item) {
		if (path.isEmpty()) throw new UserException("The method '" + item + "' names no " + what + "; write the path after the colon.");
		Path file = Path.of(path);
		if (!Files.isRegularFile(file)) {
			throw new UserException("The " + what + " " + file + " (method '" + item + "') does not exist; check the path.");
		}
		if (extension != null && !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension)) {
			throw new UserException("The " + what + " " + file.getFileName() + " (method '" + item + "') is not a " + extension
				+ " file; give a model exported or imported by this suite.");
		}
		return file;
	}

	/**
	 * The methods of a parsed list, in its order (network models opened, the authors' weights
	 * imported); close them when done. When one cannot be made, those already made are closed.
	 */
	public static List<EvaluationMethod> create(List<Spec> specs, Progress progress) {
		List<EvaluationMethod> out = new ArrayList<>();
		try {
			for (int i = 0; i < specs.size(); i++) {
				progress.checkCancelled();
				Spec s = specs.get(i);
				Progress p = progress.sub((double) i / specs.size(), (double) (i + 1) / specs.size());
				switch (s.kind()) {
					case NAMED: out.add(NAMED.get(s.name()).get()); break;
					case BUNDLED: out.add(NetworkMethods.model(s.name(), BundledModel.path(BundledModel.keyword(s.name())), p)); break;
					case MODEL: out.add(NetworkMethods.model(s.name(), s.file(), p)); break;
					case AUTHORS: out.add(NetworkMethods.authors(s.name(), s.file(), p)); break;
					default: throw new IllegalStateException(s.kind().toString());
				}
			}
		}
		catch (RuntimeException e) {
			for (EvaluationMethod m : out) m.close();
			throw e;
		}
		return out;
	}
}
