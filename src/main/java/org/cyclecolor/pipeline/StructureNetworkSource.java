package org.cyclecolor.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.cyclecolor.UserException;
import org.cyclecolor.infer.BundledModel;
import org.cyclecolor.infer.OnnxModelFile;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Weights;
import org.cyclecolor.train.Checkpoint;

/**
 * Which pre-trained structure-similarity network the learned structure loss uses: the one the
 * user names ({@code --ssm}, a model or a pretrain-ssm checkpoint), else the starting model's own,
 * else the one shipped inside the default model. Only a network that a pretrain-ssm run trained
 * counts ({@code ssm_steps} in its provenance): fresh weights measure nothing.
 */
public final class StructureNetworkSource {

	/** The shipped default model, when this build carries one. */
	public static final Supplier<Optional<ModelBundle>> BUNDLED = () -> BundledModel.available()
		? Optional.of(OnnxModelFile.read(BundledModel.path()).bundle()) : Optional.empty();

	private StructureNetworkSource() {}

	/**
	 * A chosen network.
	 *
	 * @param weights the structure-similarity network's weights
	 * @param provenance its pre-training's record (the {@code ssm_*} entries of the model it came from)
	 * @param description where it comes from, for the log and the trained model's metadata
	 */
	public record Choice(Weights weights, Map<String, String> provenance, String description) {

		/** Pre-training steps, as recorded. */
		public String steps() {
			return provenance.getOrDefault("ssm_steps", "?");
		}

		/** One line for the log: which network, and how long it was pre-trained. */
		public String logLine() {
			return "Learned structure loss: " + description + " (pre-trained " + steps() + " steps"
				+ (provenance.containsKey("ssm_wall_time") ? ", " + provenance.get("ssm_wall_time") : "") + ").";
		}

		/** The model with this network in place and its pre-training's record instead of any earlier one. */
		public ModelBundle applyTo(ModelBundle model) {
			Map<String, String> p = new LinkedHashMap<>();
			for (Map.Entry<String, String> e : model.provenance().entries().entrySet()) {
				if (!e.getKey().startsWith("ssm_")) p.put(e.getKey(), e.getValue());
			}
			p.putAll(provenance);
			return model.with(NetworkKind.STRUCTURE_SIMILARITY, weights).withProvenance(Provenance.of(p));
		}
	}

	/**
	 * Chooses the network, in the order named above.
	 *
	 * @param given the user's model (.onnx) or checkpoint (.ckpt), or null
	 * @param start the starting model
	 * @param startIsDefault whether the starting model is the shipped default model (for the log)
	 * @param bundled the shipped default model, if any ({@link #BUNDLED}); asked only when needed
	 * @return empty when there is no pre-trained network anywhere
	 * @throws UserException when the given file holds no pre-trained network for the starting model's variant
	 */
	public static Optional<Choice> choose(Path given, ModelBundle start, boolean startIsDefault,
		Supplier<Optional<ModelBundle>> bundled)
	{
		String variant = start.variant().name();
		if (given != null) {
			ModelBundle s = read(given);
			if (!pretrained(s) || !fits(s, start)) {
				throw new UserException("The file " + given.getFileName() + " holds no pre-trained " + variant
					+ " structure-similarity network; give a model or checkpoint written by pretrain-ssm for this variant.");
			}
			return Optional.of(choice(s, "the structure-similarity network of " + given.getFileName() + " (--ssm)"));
		}
		if (pretrained(start)) {
			return Optional.of(choice(start, startIsDefault ? "the default model's structure-similarity network"
				: "the starting model's structure-similarity network"));
		}
		Optional<ModelBundle> b = bundled.get();
		if (b.isPresent() && pretrained(b.get()) && fits(b.get(), start)) {
			return Optional.of(choice(b.get(), "the default model's structure-similarity network (the starting model has none)"));
		}
		return Optional.empty();
	}

	/** The sentence when no network can be had. */
	public static UserException missing() {
		return new UserException("The learned structure loss needs a pre-trained structure-similarity network and neither the "
			+ "starting model nor the shipped default model has one; run pretrain-ssm and pass its model (--ssm), or choose "
			+ "--structure-loss ssim.");
	}

	/**
	 * Whether {@code source}'s structure-similarity network can serve {@code target}'s variant: the
	 * same variant, or one whose structure-similarity network is the same graph (cyclecnn's is
	 * shared by cyclecnn-guided and cyclecnn-lite).
	 */
	public static boolean fits(ModelBundle source, ModelBundle target) {
		if (source.variant().name().equals(target.variant().name())) return true;
		if (!target.variant().has(NetworkKind.STRUCTURE_SIMILARITY)) return false;
		return source.weights(NetworkKind.STRUCTURE_SIMILARITY).problems(target.variant().graph(NetworkKind.STRUCTURE_SIMILARITY)).isEmpty();
	}

	/** Whether the model holds a structure-similarity network that pretrain-ssm trained. */
	public static boolean pretrained(ModelBundle b) {
		return b.has(NetworkKind.STRUCTURE_SIMILARITY) && b.provenance().get("ssm_steps") != null;
	}

	/** A model (.onnx) or a checkpoint (any other name) as a bundle. */
	static ModelBundle read(Path p) {
		org.cyclecolor.infer.BundledModel.Which bundled = org.cyclecolor.infer.BundledModel.keyword(p.toString());
		if (bundled != null && !Files.exists(p)) return OnnxModelFile.read(org.cyclecolor.infer.BundledModel.path(bundled)).bundle();
		if (!Files.isRegularFile(p)) {
			throw new UserException("The structure-similarity model " + p + " does not exist; check the path (a .onnx model or .ckpt "
				+ "checkpoint written by pretrain-ssm).");
		}
		if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) return OnnxModelFile.read(p).bundle();
		return Checkpoint.read(p).model();
	}

	private static Choice choice(ModelBundle source, String description) {
		Map<String, String> p = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : source.provenance().entries().entrySet()) {
			if (e.getKey().startsWith("ssm_")) p.put(e.getKey(), e.getValue());
		}
		return new Choice(source.weights(NetworkKind.STRUCTURE_SIMILARITY), p, description);
	}
}
