package org.cyclecolor.infer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.cyclecolor.UserException;
import org.cyclecolor.image.ImageFiles;

/**
 * Where a model file is written, the same for import, checkpoint export and training: the name is
 * checked before any work ({@link #check}: an .onnx name, not one of the operation's input files,
 * not an existing file unless overwriting was asked for), and the file is made under a hidden
 * temporary name in the same folder, then renamed into place ({@link #write}, through
 * {@link ImageFiles#writeAtomically}), so that a failure never leaves a half-written model nor
 * destroys the one that was there.
 */
public final class ModelTarget {

	private ModelTarget() {}

	/**
	 * Refuses an output model that could not or should not be written, before any work.
	 *
	 * @param example a good name for the message, e.g. {@code authors.onnx}
	 * @param inputs the operation's input files (null entries are skipped): the output is none of them
	 */
	public static void check(Path output, boolean overwrite, String example, Path... inputs) {
		if (output == null) throw new UserException("No output model was given; name the .onnx file to write (e.g. " + example + ").");
		if (!output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
			throw new UserException("The output " + output.getFileName() + " must end with .onnx; choose a name like " + example + ".");
		}
		for (Path input : inputs) {
			if (input != null && ImageFiles.isSameFile(input, output)) {
				throw new UserException("The output " + output + " is the input " + input.getFileName()
					+ " itself; write the model to another file.");
			}
		}
		refuseExisting(output, overwrite);
	}

	/** Writes the model through a temporary file in the output's folder (created when missing), then renames it. */
	public static void write(Path output, boolean overwrite, ImageFiles.Content content) {
		refuseExisting(output, overwrite);
		ImageFiles.writeAtomically(output, overwrite, content);
	}

	private static void refuseExisting(Path output, boolean overwrite) {
		if (Files.exists(output) && !overwrite) {
			throw new UserException("The model " + output + " already exists; choose another name or allow overwriting "
				+ "(--overwrite on the command line, overwrite in macros).");
		}
	}
}
