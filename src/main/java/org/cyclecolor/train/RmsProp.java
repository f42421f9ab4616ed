package org.cyclecolor.train;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.cyclecolor.model.Tensor;

/**
 * RMSProp as Keras (which the paper's TensorFlow code used) defines it:
 * {@code a = rho a + (1 - rho) g^2; p = p - lr g / (sqrt(a) + eps)}, rho 0.9, eps 1e-8 (the
 * AAAI-19 authors' settings), a constant learning rate. One accumulator per parameter; they are
 * part of a checkpoint, so a resumed run continues exactly.
 */
public final class RmsProp implements AutoCloseable {

	public static final float RHO = 0.9f;
	public static final float EPS = 1e-8f;

	private final NDManager manager;
	private final float learningRate;
	private final Map<String, NDArray> accumulators = new LinkedHashMap<>();

	/**
	 * @param parameters the arrays to update, by a name unique among them
	 * @param saved accumulators from a checkpoint by the same names, or null to start at zero
	 */
	public RmsProp(NDManager parent, Map<String, NDArray> parameters, float learningRate, Map<String, Tensor> saved) {
		if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
			throw new IllegalArgumentException("The learning rate must be positive, got " + learningRate + ".");
		}
		this.manager = parent.newSubManager();
		this.learningRate = learningRate;
		for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
			NDArray p = e.getValue();
			NDArray a;
			if (saved != null && saved.containsKey(e.getKey())) {
				a = DjlNetwork.toNDArray(manager, saved.get(e.getKey()), p.getDataType());
				if (!a.getShape().equals(p.getShape())) {
					throw new IllegalArgumentException("Saved optimizer state of " + e.getKey() + " has shape " + a.getShape()
						+ ", the parameter " + p.getShape() + ".");
				}
			}
			else {
				a = manager.zeros(p.getShape(), p.getDataType());
			}
			accumulators.put(e.getKey(), a);
		}
	}

	public float learningRate() {
		return learningRate;
	}

	/**
	 * Updates every parameter in place from its gradient (call outside gradient recording).
	 *
	 * @param parameters the same names as at construction
	 * @param scope owns the temporary arrays
	 */
	public void update(Map<String, NDArray> parameters, NDManager scope) {
		for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
			NDArray p = e.getValue();
			NDArray g = p.getGradient();
			g.attach(scope);
			NDArray a = accumulators.get(e.getKey());
			a.muli(RHO).addi(g.square().muli(1 - RHO));
			NDArray rms = a.sqrt();
			rms.attach(scope); // made in the accumulators' manager, which lives as long as the run
			p.subi(g.div(rms.addi(EPS)).muli(learningRate));
		}
	}

	/** The accumulators as tensors (for a checkpoint). */
	public Map<String, Tensor> state() {
		Map<String, Tensor> out = new LinkedHashMap<>();
		for (Map.Entry<String, NDArray> e : accumulators.entrySet()) out.put(e.getKey(), DjlNetwork.toTensor(e.getValue()));
		return out;
	}

	@Override
	public void close() {
		manager.close();
	}
}
