package org.cyclecolor.baseline.levin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A multigrid V-cycle used as a preconditioner: piecewise-constant aggregation of 2x2 blocks with
 * Galerkin coarse operators, one forward Gauss–Seidel sweep before and one backward sweep after
 * each coarse correction, and an exact dense solve on the coarsest level.
 * <p>
 * Plain aggregation under-corrects smooth errors (the coarse operator is too stiff for the
 * piecewise-constant interpolant); scaling the coarse correction recovers much of that, and the
 * Krylov solver around the cycle absorbs the rest.
 */
final class AggregationMultigrid {

	/** Coarsen until at most this many unknowns remain, then solve exactly. */
	static final int COARSEST_UNKNOWNS = 400;

	private final GridOperator[] levels;
	private final DenseLu coarsest;
	private final double coarseScale;
	private final double[][] rhs;
	private final double[][] sol;
	private final double[][] res;
	private final int[][] parents;

	AggregationMultigrid(GridOperator fine, double coarseScale) {
		if (!(coarseScale > 0 && coarseScale < 2)) {
			throw new IllegalArgumentException("Coarse correction scale must be in (0, 2), got " + coarseScale + ".");
		}
		List<GridOperator> list = new ArrayList<>();
		list.add(fine);
		GridOperator last = fine;
		while (last.activeCount() > COARSEST_UNKNOWNS && (last.width > 1 || last.height > 1)) {
			last = last.coarsen();
			list.add(last);
		}
		this.levels = list.toArray(new GridOperator[0]);
		this.coarsest = new DenseLu(last);
		this.coarseScale = coarseScale;
		int n = levels.length;
		rhs = new double[n][];
		sol = new double[n][];
		res = new double[n][];
		parents = new int[n][];
		for (int l = 0; l < n; l++) {
			if (l + 1 < n) parents[l] = levels[l].parents(levels[l + 1]);
			rhs[l] = levels[l].newVector();
			sol[l] = levels[l].newVector();
			res[l] = levels[l].newVector();
		}
	}

	int levelCount() {
		return levels.length;
	}

	/** z = M⁻¹ r, one V-cycle from a zero start. */
	void apply(double[] r, double[] z) {
		vCycle(0, r, z);
	}

	private void vCycle(int l, double[] b, double[] x) {
		GridOperator a = levels[l];
		if (l == levels.length - 1) {
			coarsest.solve(b, x);
			return;
		}
		Arrays.fill(x, 0);
		a.gaussSeidelForward(b, x);
		a.residual(b, x, res[l]);
		a.restrict(res[l], parents[l], rhs[l + 1]);
		vCycle(l + 1, rhs[l + 1], sol[l + 1]);
		a.prolongAdd(sol[l + 1], parents[l], coarseScale, x);
		a.gaussSeidelBackward(b, x);
	}
}
