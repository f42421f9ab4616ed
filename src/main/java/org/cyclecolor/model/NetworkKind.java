package org.cyclecolor.model;

import java.util.List;

/**
 * The three networks of the method, with the tensor interface every variant honours. All image
 * tensors are YCbCr or luminance in 0..255 units, batch-first, channels [Y, Cb, Cr]; the model's
 * colour range (full or studio) is in its metadata. The names are the graph inputs and outputs of
 * an exported ONNX model, and they are unique across the three networks so that one model file
 * can hold all of them.
 */
public enum NetworkKind {

	/**
	 * The colorization network M. Inputs {@code target} (N, 3, H, W) — the image to colorize, its
	 * chroma ignored by every variant that sees only luminance — and {@code reference} (N, 3, H, W),
	 * the colour image. Outputs {@code chroma} (N, 2, H, W) = sum_k W_k * reference [Cb, Cr] at
	 * candidate k; {@code luminance} (N, 1, H, W) = sum_k W_k * reference Y at candidate k; and
	 * {@code weights} (N, D, H, W), the weight volume W (softmax over the D candidates). In the
	 * network's own frame candidate k of column x is reference column {@code x - firstShift - k}.
	 * Variants guided by a matching prior also take {@code prior} (N, 2, H, W): a disparity (pixels
	 * of the network's input, ≥ 0, in its frame) and its confidence (0..1) for every target pixel.
	 */
	COLORIZATION("colorization", List.of("target", "reference"), List.of("prior"), List.of("chroma", "luminance", "weights")),

	/**
	 * The refinement CNN: input {@code colorized} (N, 3, H, W), the first colorization (Y = the
	 * gray image, Cb and Cr from M); output {@code refined} (N, 2, H, W), the corrected [Cb, Cr].
	 */
	REFINEMENT("refinement", List.of("colorized"), List.of(), List.of("refined")),

	/**
	 * The structure-similarity network of the structure loss: inputs {@code gray} (N, 1, H, W), the
	 * mono image's Y, and {@code warped_luminance} (N, 1, H, W), the W-weighted reference Y; output
	 * {@code structure_similarity} (N, 1, H, W), the learned SSIM-like map.
	 */
	STRUCTURE_SIMILARITY("structure-similarity", List.of("gray", "warped_luminance"), List.of(), List.of("structure_similarity"));

	/** The optional input of guided colorization networks: disparity and confidence of a matching prior. */
	public static final String PRIOR = "prior";

	private final String key;
	private final List<String> inputs;
	private final List<String> optionalInputs;
	private final List<String> outputs;

	NetworkKind(String key, List<String> inputs, List<String> optionalInputs, List<String> outputs) {
		this.key = key;
		this.inputs = inputs;
		this.optionalInputs = optionalInputs;
		this.outputs = outputs;
	}

	/** Stable name used in files and metadata. */
	public String key() {
		return key;
	}

	/** The graph inputs every variant has, in order. */
	public List<String> inputs() {
		return inputs;
	}

	/** Inputs a variant may add after {@link #inputs()}, in this order. */
	public List<String> optionalInputs() {
		return optionalInputs;
	}

	/** True when {@code names} are the required inputs followed by some of the optional ones, in order. */
	public boolean acceptsInputs(List<String> names) {
		if (names.size() < inputs.size() || !names.subList(0, inputs.size()).equals(inputs)) return false;
		int next = 0;
		for (String extra : names.subList(inputs.size(), names.size())) {
			int at = optionalInputs.indexOf(extra);
			if (at < next) return false;
			next = at + 1;
		}
		return true;
	}

	/** Every input a graph of this kind may have. */
	public boolean isInput(String name) {
		return inputs.contains(name) || optionalInputs.contains(name);
	}

	/** Graph output names, in order. */
	public List<String> outputs() {
		return outputs;
	}

	public static NetworkKind fromKey(String key) {
		for (NetworkKind k : values()) {
			if (k.key.equals(key)) return k;
		}
		throw new IllegalArgumentException("Unknown network '" + key + "'.");
	}
}
