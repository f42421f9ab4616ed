package org.cyclecolor.baseline.levin;

/**
 * How one sparse solve went.
 *
 * @param unknowns number of unknown pixels
 * @param iterations BiCGSTAB iterations taken (each applies the multigrid preconditioner twice)
 * @param relativeResidual final ‖b − A x‖₂ / ‖b‖₂ (0 when b = 0)
 * @param seconds wall time of the solve (without building the operator)
 * @param converged whether the residual reached the tolerance within the iteration limit
 */
public record SolveStats(int unknowns, int iterations, double relativeResidual, double seconds, boolean converged) {

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "%d unknowns, %d iterations, residual %.2e, %.3f s%s", unknowns,
			iterations, relativeResidual, seconds, converged ? "" : " (not converged)");
	}
}
