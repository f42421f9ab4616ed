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
	 */
	COLORIZATION("colorization", List.of("target", "reference"), List.of("chroma", "luminance", "weights")),

	/**
	 * The refinement CNN: input {@code colorized} (N, 3, H, W), the first colorization (Y = the
	 * gray image, Cb and Cr from M); output {@code refined} (N, 2, H, W), the corrected [Cb, Cr].
	 */
	REFINEMENT("refinement", List.of("colorized"), List.of("refined")),

	/**
	 * The structure-similarity network of the structure loss: inputs {@code gray} (N, 1, H, W), the
	 * mono image's Y, and {@code warped_luminance} (N, 1, H, W), the W-weighted reference Y; output
	 * {@code structure_similarity} (N, 1, H, W), the learned SSIM-like map.
	 */
	STRUCTURE_SIMILARITY("structure-similarity", List.of("gray", "warped_luminance"), List.of("structure_similarity"));

	private final String key;
	private final List<String> inputs;
	private final List<String> outputs;

	NetworkKind(String key, List<String> inputs, List<String> outputs) {
		this.key = key;
		this.inputs = inputs;
		this.outputs = outputs;
	}

	/** Stable name used in files and metadata. */
	public String key() {
		return key;
	}

	/** Graph input names, in order. */
	public List<String> inputs() {
		return inputs;
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
