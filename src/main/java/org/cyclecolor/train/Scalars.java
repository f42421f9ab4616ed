package org.cyclecolor.train;

import ai.djl.ndarray.NDArray;

/**
 * Multiplication and division by a number on arrays that record gradients.
 * <p>
 * DJL's {@code x.mul(number)} wraps the number in a tensor over a Java direct buffer, runs the op
 * and closes that tensor at once. PyTorch's autograd keeps the number's tensor for the backward
 * pass (the gradient of {@code x * c} is {@code grad * c}), but its memory belongs to the buffer,
 * which the garbage collector may free before {@code backward} runs: the gradient is then computed
 * from whatever reuses that memory. On 512x256 crops, where collections happen mid-step, this
 * turned training steps into exploding gradients and NaN losses. Here the number's tensor is kept
 * in the manager of {@code x} (the step's scope), alive until the scope closes after the update.
 */
final class Scalars {

	private Scalars() {}

	/** {@code x * value}, safe to back-propagate after a garbage collection. */
	static NDArray mul(NDArray x, double value) {
		return x.mul(of(x, value));
	}

	/** {@code x / value}, safe to back-propagate after a garbage collection. */
	static NDArray div(NDArray x, double value) {
		return x.div(of(x, value));
	}

	/** A 0-d array of x's type in x's manager (not closed: autograd may read it until the scope ends). */
	private static NDArray of(NDArray x, double value) {
		return x.getManager().create(value).toType(x.getDataType(), false);
	}
}
