package org.cyclecolor.infer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import ai.onnx.proto.OnnxMl.ModelProto;

import com.google.protobuf.CodedInputStream;

import org.cyclecolor.UserException;

/**
 * The model shipped inside the plugin jar: the {@code cyclecnn} networks trained by this suite's
 * trainer (how, on what and for how long is in its metadata and in docs/default-model.md). It is
 * what colorization uses when no model is chosen and what training fine-tunes by default.
 */
public final class DefaultModel {

	/** The class-path resource holding the model. */
	public static final String RESOURCE = "/org/cyclecolor/models/default.onnx";
	/** The name it goes by in messages and metadata. */
	public static final String NAME = "default.onnx";

	private DefaultModel() {}

	/** True when the jar carries the model. */
	public static boolean available() {
		return DefaultModel.class.getResource(RESOURCE) != null;
	}

	/** Reads and checks the shipped model. */
	public static OnnxModelFile read() {
		try (InputStream in = DefaultModel.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new UserException("This version of Cycle Colorization carries no default model (" + NAME + "); choose a model "
					+ "file, or train from scratch (init scratch).");
			}
			CodedInputStream coded = CodedInputStream.newInstance(in);
			coded.setSizeLimit(Integer.MAX_VALUE);
			return OnnxModelFile.fromProto(Path.of(NAME), ModelProto.parseFrom(coded));
		}
		catch (IOException e) {
			throw new UserException("The default model could not be read from the plugin jar (" + e.getMessage()
				+ "); reinstall Cycle Colorization.", e);
		}
	}
}
