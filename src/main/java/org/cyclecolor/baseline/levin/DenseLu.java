package org.cyclecolor.baseline.levin;

import java.util.Arrays;

/**
 * Exact solve of a small {@link GridOperator} (the coarsest multigrid level): dense LU
 * factorisation with partial pivoting of its active part, computed once.
 */
final class DenseLu {

	private final int n;
	private final int[] nodes;
	private final double[] lu;
	private final int[] pivot;

	DenseLu(GridOperator a) {
		n = a.activeCount();
		nodes = a.nodes.clone();
		int[] position = new int[a.active.length];
		for (int r = 0; r < n; r++) position[nodes[r]] = r;
		lu = new double[n * n];
		for (int r = 0; r < n; r++) {
			lu[r * n + r] = a.diag[r];
			for (int k = 0; k < 8; k++) {
				double v = a.w[8 * r + k];
				if (v != 0) lu[r * n + position[nodes[r] + a.offset(k)]] -= v;
			}
		}
		pivot = new int[n];
		factor();
	}

	private void factor() {
		for (int col = 0; col < n; col++) {
			int p = col;
			for (int r = col + 1; r < n; r++) if (Math.abs(lu[r * n + col]) > Math.abs(lu[p * n + col])) p = r;
			pivot[col] = p;
			if (p != col) {
				for (int k = 0; k < n; k++) {
					double t = lu[col * n + k];
					lu[col * n + k] = lu[p * n + k];
					lu[p * n + k] = t;
				}
			}
			double d = lu[col * n + col];
			if (d == 0) throw new IllegalStateException("Coarse Levin system is singular.");
			for (int r = col + 1; r < n; r++) {
				double f = lu[r * n + col] / d;
				lu[r * n + col] = f;
				if (f == 0) continue;
				for (int k = col + 1; k < n; k++) lu[r * n + k] -= f * lu[col * n + k];
			}
		}
	}

	/** x = A⁻¹ b on the active nodes (padded vectors; x is zero elsewhere). */
	void solve(double[] b, double[] x) {
		double[] t = new double[n];
		for (int i = 0; i < n; i++) t[i] = b[nodes[i]];
		for (int col = 0; col < n; col++) {
			int p = pivot[col];
			if (p != col) {
				double s = t[col];
				t[col] = t[p];
				t[p] = s;
			}
			for (int r = col + 1; r < n; r++) t[r] -= lu[r * n + col] * t[col];
		}
		for (int r = n - 1; r >= 0; r--) {
			double s = t[r];
			for (int k = r + 1; k < n; k++) s -= lu[r * n + k] * t[k];
			t[r] = s / lu[r * n + r];
		}
		Arrays.fill(x, 0);
		for (int i = 0; i < n; i++) x[nodes[i]] = t[i];
	}
}
