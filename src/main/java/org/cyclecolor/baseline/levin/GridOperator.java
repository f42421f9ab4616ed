package org.cyclecolor.baseline.levin;

import java.util.Arrays;

/**
 * A sparse operator on a grid where each node couples to its 8 neighbours: {@code (A x)_i =
 * diag_i x_i − Σ_k w_k(i) x[i + offset_k]}, restricted to the "active" (unknown) nodes. Couplings
 * to inactive nodes are not stored (they are Dirichlet boundaries whose values belong to the
 * right-hand side). The weights need not be symmetric.
 * <p>
 * Vectors are padded by one node on every side, so neighbour access needs no bounds checks;
 * padding and inactive nodes hold zero. The 8 weights of a node are stored together (and in
 * single precision) because the solver is limited by memory traffic, not arithmetic.
 */
final class GridOperator {

	/** Neighbour directions: E, W, S, N, SE, NW, SW, NE. */
	static final int[] DX = { 1, -1, 0, 0, 1, -1, -1, 1 };
	static final int[] DY = { 0, 0, 1, -1, 1, -1, 1, -1 };

	final int width;
	final int height;
	final int stride;
	/** Padded index of each active node, in scan order. */
	final int[] nodes;
	/** Per active node (same order as {@link #nodes}): diagonal and 8 weights. */
	final double[] diag;
	final float[] w;
	final boolean[] active;
	private final int[] offset = new int[8];

	/**
	 * @param weights per padded node, 8 consecutive weights (read only at active nodes)
	 * @param paddedDiag per padded node
	 */
	GridOperator(int width, int height, double[] paddedDiag, float[] weights, boolean[] active) {
		this.width = width;
		this.height = height;
		this.stride = width + 2;
		this.active = active;
		for (int k = 0; k < 8; k++) offset[k] = DY[k] * stride + DX[k];
		int n = 0;
		for (boolean a : active) if (a) n++;
		nodes = new int[n];
		diag = new double[n];
		w = new float[8 * n];
		int j = 0;
		for (int i = 0; i < active.length; i++) {
			if (!active[i]) continue;
			nodes[j] = i;
			diag[j] = paddedDiag[i];
			System.arraycopy(weights, 8 * i, w, 8 * j, 8);
			j++;
		}
	}

	static int paddedSize(int width, int height) {
		return (width + 2) * (height + 2);
	}

	int activeCount() {
		return nodes.length;
	}

	/** A new padded array for vectors on this grid. */
	double[] newVector() {
		return new double[paddedSize(width, height)];
	}

	/** Offset of the neighbour in direction k, in padded indices. */
	int offset(int k) {
		return offset[k];
	}

	/** Σ_k w_k x[i + offset_k] for the j-th active node, at padded index i. */
	private double neighbourSum(int j, int i, double[] x) {
		float[] c = w;
		int[] o = offset;
		int b = 8 * j;
		return c[b] * x[i + o[0]] + c[b + 1] * x[i + o[1]] + c[b + 2] * x[i + o[2]] + c[b + 3] * x[i + o[3]]
			+ c[b + 4] * x[i + o[4]] + c[b + 5] * x[i + o[5]] + c[b + 6] * x[i + o[6]] + c[b + 7] * x[i + o[7]];
	}

	/** out = A x on active nodes (other entries of out are left as they are: zero). */
	void apply(double[] x, double[] out) {
		for (int j = 0; j < nodes.length; j++) {
			int i = nodes[j];
			out[i] = diag[j] * x[i] - neighbourSum(j, i, x);
		}
	}

	/** out = b − A x on active nodes. */
	void residual(double[] b, double[] x, double[] out) {
		for (int j = 0; j < nodes.length; j++) {
			int i = nodes[j];
			out[i] = b[i] - diag[j] * x[i] + neighbourSum(j, i, x);
		}
	}

	/** One Gauss–Seidel sweep on A x = b in scan order. */
	void gaussSeidelForward(double[] b, double[] x) {
		for (int j = 0; j < nodes.length; j++) {
			int i = nodes[j];
			x[i] = (b[i] + neighbourSum(j, i, x)) / diag[j];
		}
	}

	/** One Gauss–Seidel sweep in reverse scan order. */
	void gaussSeidelBackward(double[] b, double[] x) {
		for (int j = nodes.length - 1; j >= 0; j--) {
			int i = nodes[j];
			x[i] = (b[i] + neighbourSum(j, i, x)) / diag[j];
		}
	}

	/** The padded index of the coarse (2x2 block) node that holds padded fine index i. */
	int parent(int i, int coarseStride) {
		int x = i % stride - 1, y = i / stride - 1;
		return (y / 2 + 1) * coarseStride + x / 2 + 1;
	}

	/**
	 * The Galerkin coarse operator {@code Pᵀ A P} for piecewise-constant aggregation of 2x2 blocks:
	 * a coarse node is active when any of its children is; couplings inside a block move to the
	 * diagonal, couplings between blocks add up. The result couples 8-neighbours again, and keeps
	 * the M-matrix structure (positive diagonal, non-positive off-diagonals, row sums ≥ 0).
	 */
	GridOperator coarsen() {
		int cw = (width + 1) / 2, ch = (height + 1) / 2;
		int n = paddedSize(cw, ch);
		int cs = cw + 2;
		double[] cDiag = new double[n];
		float[] cW = new float[8 * n];
		boolean[] cActive = new boolean[n];
		for (int j = 0; j < nodes.length; j++) {
			int i = nodes[j];
			int x = i % stride - 1, y = i / stride - 1;
			int cx = x / 2, cy = y / 2;
			int ci = (cy + 1) * cs + cx + 1;
			cActive[ci] = true;
			cDiag[ci] += diag[j];
			for (int k = 0; k < 8; k++) {
				float v = w[8 * j + k];
				if (v == 0) continue; // also every coupling to an inactive node or the padding
				int dcx = Math.floorDiv(x + DX[k], 2) - cx, dcy = Math.floorDiv(y + DY[k], 2) - cy;
				if (dcx == 0 && dcy == 0) cDiag[ci] -= v;
				else cW[8 * ci + direction(dcx, dcy)] += v;
			}
		}
		return new GridOperator(cw, ch, cDiag, cW, cActive);
	}

	/** The direction index of neighbour offset (dx, dy). */
	static int direction(int dx, int dy) {
		for (int k = 0; k < 8; k++) if (DX[k] == dx && DY[k] == dy) return k;
		throw new IllegalArgumentException("(" + dx + "," + dy + ") is not a neighbour offset.");
	}

	/** Parents of the active nodes on the next coarser grid, for restriction and prolongation. */
	int[] parents(GridOperator coarse) {
		int[] p = new int[nodes.length];
		for (int j = 0; j < nodes.length; j++) p[j] = parent(nodes[j], coarse.stride);
		return p;
	}

	/** r_c = Pᵀ r: sums of the active children of each 2x2 block. */
	void restrict(double[] fine, int[] parents, double[] out) {
		Arrays.fill(out, 0);
		for (int j = 0; j < nodes.length; j++) out[parents[j]] += fine[nodes[j]];
	}

	/** x += scale · P x_c: each active node takes its block's coarse value. */
	void prolongAdd(double[] coarseValues, int[] parents, double scale, double[] x) {
		for (int j = 0; j < nodes.length; j++) x[nodes[j]] += scale * coarseValues[parents[j]];
	}
}
