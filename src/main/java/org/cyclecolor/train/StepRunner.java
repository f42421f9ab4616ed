package org.cyclecolor.train;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

/**
 * One optimisation step: forward through the objective inside a gradient collector, backward,
 * RMSProp update, gradients cleared; every array of the step lives in one scope that is closed at
 * the end. Non-finite losses are reported before anything is updated, so the weights stay as they
 * were (the last good state).
 */
public final class StepRunner {

	private final TrainingNetworks networks;
	private final Objective objective;
	private final RmsProp optimizer;
	private final NDManager manager;

	public StepRunner(TrainingNetworks networks, Objective objective, RmsProp optimizer, NDManager manager) {
		this.networks = networks;
		this.objective = objective;
		this.optimizer = optimizer;
		this.manager = manager;
	}

	/**
	 * The loss terms of one step (before the update), in the objective's order, and where its time
	 * went.
	 */
	public record Result(Map<String, Double> terms, String nonFinite, Phases phases) {

		public boolean finite() {
			return nonFinite == null;
		}
	}

	/** Wall time of the step's phases in nanoseconds: forward (passes and losses), backward, update. */
	public record Phases(long forward, long backward, long update) {}

	/**
	 * Runs one step. When a loss term is NaN or infinite, nothing is updated and the result names
	 * the term.
	 */
	public Result step(TrainingBatch batch) {
		try (NDManager scope = manager.newSubManager()) {
			Map<String, Double> values = new LinkedHashMap<>();
			String bad = null;
			long t0 = System.nanoTime(), t1, t2;
			try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
				Objective.Terms t = objective.compute(scope, networks, batch, true);
				for (Map.Entry<String, NDArray> e : t.terms().entrySet()) {
					double v = e.getValue().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
					values.put(e.getKey(), v);
					if (!Double.isFinite(v) && bad == null) bad = e.getKey();
				}
				if (bad != null) {
					// The total is non-finite because a term is: name the term, not the total.
					for (Map.Entry<String, Double> e : values.entrySet()) {
						if (!e.getKey().equals(Objective.TOTAL) && !Double.isFinite(e.getValue())) {
							bad = e.getKey();
							break;
						}
					}
					networks.zeroGradients();
					return new Result(values, bad, new Phases(System.nanoTime() - t0, 0, 0));
				}
				t1 = System.nanoTime();
				gc.backward(t.backward());
				t2 = System.nanoTime();
			}
			optimizer.update(networks.trainableParameters(), scope);
			networks.zeroGradients();
			return new Result(values, null, new Phases(t1 - t0, t2 - t1, System.nanoTime() - t2));
		}
	}
}
