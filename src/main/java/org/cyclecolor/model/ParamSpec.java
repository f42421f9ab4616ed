package org.cyclecolor.model;

import java.util.Arrays;

/**
 * One named parameter a network declares: its shape (ONNX/PyTorch layout), its role, and the
 * fan-in used to initialise it.
 *
 * @param name e.g. {@code "tower.b3.conv1.weight"}
 * @param shape e.g. (out, in, kh, kw) for a 2-D convolution kernel
 * @param role what the values mean; decides trainability and initialisation
 * @param fanIn inputs feeding one output value (for He initialisation of kernels; 0 otherwise)
 */
public record ParamSpec(String name, int[] shape, Role role, int fanIn) {

	/** What a parameter is. */
	public enum Role {
		/** Convolution kernel. */
		KERNEL(true),
		/** Convolution bias. */
		BIAS(true),
		/**
		 * A learned coefficient that starts at 0, so that an untrained layer adds nothing to what it
		 * was given (the guided network's weighted sum starts as the prior alone).
		 */
		COEFFICIENT(true),
		/** BatchNorm scale (gamma). */
		BN_SCALE(true),
		/** BatchNorm shift (beta). */
		BN_SHIFT(true),
		/** BatchNorm running mean: updated by training statistics, not by gradients. */
		BN_MEAN(false),
		/** BatchNorm running variance: updated by training statistics, not by gradients. */
		BN_VAR(false);

		private final boolean trainable;

		Role(boolean trainable) {
			this.trainable = trainable;
		}

		/** True when the optimizer updates it from gradients. */
		public boolean trainable() {
			return trainable;
		}
	}

	public ParamSpec {
		shape = shape.clone();
	}

	@Override
	public int[] shape() {
		return shape.clone();
	}

	public boolean trainable() {
		return role.trainable();
	}

	/** Number of values. */
	public long size() {
		return Tensor.size(shape);
	}

	/** Same name, shape and role (records compare arrays by identity, hence this). */
	public boolean sameAs(ParamSpec other) {
		return name.equals(other.name) && Arrays.equals(shape, other.shape) && role == other.role;
	}

	@Override
	public String toString() {
		return name + Tensor.shapeString(shape);
	}
}
