package org.cyclecolor.infer;

import java.util.Locale;

/** Where ONNX Runtime runs the networks. */
public enum Device {

	/** The CUDA execution provider when an NVIDIA GPU and CUDA 12 are usable, else the CPU. */
	AUTO,
	/** The CPU execution provider. */
	CPU,
	/** The CUDA execution provider, or an error saying why it is not available. */
	CUDA;

	/** "auto", "cpu" or "cuda". */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Device fromKey(String key) {
		for (Device d : values()) {
			if (d.key().equalsIgnoreCase(key.trim())) return d;
		}
		throw new IllegalArgumentException("Unknown device '" + key + "': use auto, cpu or cuda.");
	}
}
