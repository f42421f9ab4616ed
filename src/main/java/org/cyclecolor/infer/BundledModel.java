package org.cyclecolor.infer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.cyclecolor.UserException;

/**
 * The models shipped inside the plugin jar: the default model, used when the user names none, and
 * the paper-faithful {@code cyclecnn} network trained by this suite (the reproduction, for
 * comparison). Users name them by keyword where a model file is asked for ({@link #resolve}). Each
 * runs from a temporary copy, which users never see named: {@link ModelDescription} calls it by
 * its {@link Which#label()}.
 */
public final class BundledModel {

	/** The models in the jar. */
	public enum Which {
		/** What colorization uses unless told otherwise (docs/default-model.md). */
		DEFAULT("default", "/org/cyclecolor/models/default.onnx", "bundled default model"),
		/** The paper's network as this suite reproduces it (docs/network.md, "cyclecnn"). */
		CYCLECNN("cyclecnn", "/org/cyclecolor/models/cyclecnn.onnx", "bundled paper-faithful cyclecnn model");

		private final String key;
		private final String resource;
		private final String label;

		Which(String key, String resource, String label) {
			this.key = key;
			this.resource = resource;
			this.label = label;
		}

		/** The keyword users give instead of a file ("default", "cyclecnn"). */
		public String key() {
			return key;
		}

		/** Class-path resource. */
		public String resource() {
			return resource;
		}

		/** How the model is named everywhere, e.g. "bundled default model". */
		public String label() {
			return label;
		}
	}

	/** Where in the jar (class-path resource) the default model lives. */
	public static final String RESOURCE = Which.DEFAULT.resource();

	private static final Map<Which, Path> EXTRACTED = new EnumMap<>(Which.class);

	private BundledModel() {}

	/** The bundled model {@code file} was unpacked from, or null when it is no bundled model's copy. */
	public static synchronized Which which(Path file) {
		if (file == null) return null;
		Path f = file.toAbsolutePath().normalize();
		for (Map.Entry<Which, Path> e : EXTRACTED.entrySet()) if (e.getValue().toAbsolutePath().normalize().equals(f)) return e.getKey();
		return null;
	}

	/** True when {@code file} is where this process unpacked a bundled model: name it as that, not by the path. */
	public static boolean isExtracted(Path file) {
		return which(file) != null;
	}

	/** The default model as users see it named (for About, logs, results), or null when this build has none. */
	public static ModelDescription description() {
		return available() ? ModelDescription.of(OnnxModelFile.read(path())) : null;
	}

	/** True when this build carries a default model. */
	public static boolean available() {
		return available(Which.DEFAULT);
	}

	public static boolean available(Which which) {
		return BundledModel.class.getResource(which.resource()) != null;
	}

	/** The default model as a file. */
	public static Path path() {
		return path(Which.DEFAULT);
	}

	/**
	 * A bundled model as a file (copied out of the jar once per process, removed on exit).
	 *
	 * @throws UserException when this build does not carry it
	 */
	public static synchronized Path path(Which which) {
		Path done = EXTRACTED.get(which);
		if (done != null && Files.isRegularFile(done)) return done;
		try (InputStream in = BundledModel.class.getResourceAsStream(which.resource())) {
			if (in == null) {
				throw new UserException("No model was given and this version of Cycle Colorization ships no " + which.label()
					+ "; give a .onnx model file (Import Authors' Model... makes one from the authors' released weights).");
			}
			Path p = Files.createTempFile("cyclecolor-" + which.key() + "-", ".onnx");
			p.toFile().deleteOnExit();
			Files.copy(in, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			EXTRACTED.put(which, p);
			return p;
		}
		catch (IOException e) {
			throw new UserException("Could not unpack the " + which.label() + " (" + e.getMessage() + "); check the temporary folder's space.", e);
		}
	}

	/** The bundled model a keyword names ("default", "cyclecnn", any case), or null for anything else. */
	public static Which keyword(String spec) {
		if (spec == null) return null;
		String s = spec.trim().toLowerCase(Locale.ROOT);
		for (Which w : Which.values()) if (w.key().equals(s)) return w;
		return null;
	}

	/**
	 * A model as the user gave it: a bundled model's keyword ("default", "cyclecnn") — unless a file
	 * of that name exists, which wins — or a file path.
	 */
	public static Path resolve(String spec) {
		Which w = keyword(spec);
		if (w != null && !Files.exists(Path.of(spec))) return path(w);
		return Path.of(spec);
	}
}
