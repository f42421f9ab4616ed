package org.cyclecolor.baseline.levin;

import org.cyclecolor.Progress;

/**
 * BiCGSTAB (van der Vorst 1992) with right preconditioning by a multigrid V-cycle, for the
 * non-symmetric Levin system. Right preconditioning keeps the tracked residual the true one of
 * A x = b, so the stopping test means what it says.
 */
final class BiCgStab {

	private final GridOperator a;
	private final AggregationMultigrid preconditioner;
	private final double tolerance;
	private final int maxIterations;

	BiCgStab(GridOperator a, AggregationMultigrid preconditioner, double tolerance, int maxIterations) {
		this.a = a;
		this.preconditioner = preconditioner;
		this.tolerance = tolerance;
		this.maxIterations = maxIterations;
	}

	/** Solves A x = b, starting from the given x, until ‖b − A x‖₂ ≤ tolerance · ‖b‖₂. */
	SolveStats solve(double[] b, double[] x, Progress progress) {
		long t0 = System.nanoTime();
		double bNorm = norm(b);
		if (bNorm == 0) {
			java.util.Arrays.fill(x, 0);
			return new SolveStats(a.activeCount(), 0, 0, seconds(t0), true);
		}
		double target = tolerance * bNorm;
		double[] r = a.newVector(), rHat = a.newVector(), p = a.newVector(), v = a.newVector();
		double[] pHat = a.newVector(), s = a.newVector(), sHat = a.newVector(), t = a.newVector();
		a.residual(b, x, r);
		System.arraycopy(r, 0, rHat, 0, r.length);
		double rho = 1, alpha = 1, omega = 1;
		double rNorm = norm(r);
		int it = 0;
		while (rNorm > target && it < maxIterations) {
			progress.checkCancelled();
			double rhoNew = dot(rHat, r);
			if (Math.abs(rhoNew) < 1e-30 * rNorm * rNorm) {
				// The shadow residual went orthogonal: restart from the current residual.
				System.arraycopy(r, 0, rHat, 0, r.length);
				java.util.Arrays.fill(p, 0);
				java.util.Arrays.fill(v, 0);
				rho = alpha = omega = 1;
				rhoNew = dot(rHat, r);
			}
			double beta = (rhoNew / rho) * (alpha / omega);
			for (int i = 0; i < p.length; i++) p[i] = r[i] + beta * (p[i] - omega * v[i]);
			preconditioner.apply(p, pHat);
			a.apply(pHat, v);
			alpha = rhoNew / dot(rHat, v);
			for (int i = 0; i < s.length; i++) s[i] = r[i] - alpha * v[i];
			it++;
			if (norm(s) <= target) {
				axpy(alpha, pHat, x);
				break;
			}
			preconditioner.apply(s, sHat);
			a.apply(sHat, t);
			double tt = dot(t, t);
			omega = tt == 0 ? 0 : dot(t, s) / tt;
			for (int i = 0; i < x.length; i++) x[i] += alpha * pHat[i] + omega * sHat[i];
			for (int i = 0; i < r.length; i++) r[i] = s[i] - omega * t[i];
			rNorm = norm(r);
			rho = rhoNew;
			if (omega == 0) break; // stagnation; report what was reached
		}
		a.residual(b, x, r);
		double rel = norm(r) / bNorm;
		return new SolveStats(a.activeCount(), it, rel, seconds(t0), rel <= tolerance);
	}

	private static double seconds(long t0) {
		return (System.nanoTime() - t0) * 1e-9;
	}

	private static double norm(double[] u) {
		return Math.sqrt(dot(u, u));
	}

	private static double dot(double[] u, double[] v) {
		double s = 0;
		for (int i = 0; i < u.length; i++) s += u[i] * v[i];
		return s;
	}

	private static void axpy(double alpha, double[] x, double[] y) {
		for (int i = 0; i < y.length; i++) y[i] += alpha * x[i];
	}
}
