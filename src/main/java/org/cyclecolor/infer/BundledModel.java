package org.cyclecolor.infer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.cyclecolor.UserException;

/**
 * The model shipped inside the plugin jar, used when the user names none. The suite is built
 * to carry a trained {@code cyclecnn} model at {@link #RESOURCE}; until one is added there, the
 * commands ask for a model file instead. It runs from a temporary copy, which users never see
 * named: {@link ModelDescription} calls it the bundled default model.
 */
public final class BundledModel {

	/** Where in the jar (class-path resource) the default model lives. */
	public static final String RESOURCE = "/org/cyclecolor/models/default.onnx";

	private static Path extracted;

	private BundledModel() {}

	/** True when {@code file} is where this process unpacked the default model: name it as the bundled model, not by that path. */
	public static synchronized boolean isExtracted(Path file) {
		return extracted != null && file != null && extracted.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
	}

	/** The default model as users see it named (for About, logs, results), or null when this build has none. */
	public static ModelDescription description() {
		return available() ? ModelDescription.of(OnnxModelFile.read(path())) : null;
	}

	/** True when this build carries a default model. */
	public static boolean available() {
		return BundledModel.class.getResource(RESOURCE) != null;
	}

	/**
	 * The default model as a file (copied out of the jar once per process, removed on exit).
	 *
	 * @throws UserException when this build has none
	 */
	public static synchronized Path path() {
		if (extracted != null && Files.isRegularFile(extracted)) return extracted;
		try (InputStream in = BundledModel.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new UserException("No model was given and this version of Cycle Colorization ships no default model yet; "
					+ "give a .onnx model file (Import Authors' Model... makes one from the authors' released weights).");
			}
			Path p = Files.createTempFile("cyclecolor-default-", ".onnx");
			p.toFile().deleteOnExit();
			Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
			extracted = p;
			return p;
		}
		catch (IOException e) {
			throw new UserException("Could not unpack the bundled model (" + e.getMessage() + "); check the temporary folder's space.", e);
		}
	}
}
