package org.cyclecolor.backend;

import org.cyclecolor.model.Tensor;

/**
 * Direct-loop implementations of the IR operations, written from their stated definitions in
 * double precision: the independent answer both back-ends are checked against. Batch size 1.
 */
final class Reference {

	private Reference() {}

	/** Cross-correlation of x (1, C, sp...) with w (O, C, k...), stride s, zero pads pb/pa. */
	static Tensor conv(Tensor x, Tensor w, Tensor b, int stride, int pb, int pa) {
		int rank = x.rank() - 2;
		int c = x.dim(1), o = w.dim(0), k = w.dim(2);
		int[] in = spatial(x);
		int[] out = new int[rank];
		for (int i = 0; i < rank; i++) out[i] = (in[i] + pb + pa - k) / stride + 1;
		Tensor y = Tensor.zeros(shape(o, out));
		int outCount = count(out), kCount = (int) Math.pow(k, rank);
		for (int oc = 0; oc < o; oc++) {
			for (int p = 0; p < outCount; p++) {
				int[] op = unflat(p, out);
				double sum = b == null ? 0 : b.data()[oc];
				for (int ic = 0; ic < c; ic++) {
					for (int t = 0; t < kCount; t++) {
						int[] tp = unflat(t, fill(rank, k));
						int[] ip = new int[rank];
						boolean inside = true;
						for (int a = 0; a < rank; a++) {
							ip[a] = op[a] * stride + tp[a] - pb;
							if (ip[a] < 0 || ip[a] >= in[a]) inside = false;
						}
						if (!inside) continue;
						sum += (double) x.data()[ic * count(in) + flat(ip, in)] * w.data()[(oc * c + ic) * kCount + t];
					}
				}
				y.data()[oc * outCount + p] = (float) sum;
			}
		}
		return y;
	}

	/** The definition: out[s*i + t - pb] += x[i] * w[t] per axis, w (C, O, k...), output size s*n. */
	static Tensor convTranspose(Tensor x, Tensor w, Tensor b, int stride, int pb) {
		int rank = x.rank() - 2;
		int c = x.dim(1), o = w.dim(1), k = w.dim(2);
		int[] in = spatial(x);
		int[] out = new int[rank];
		for (int i = 0; i < rank; i++) out[i] = in[i] * stride;
		double[] acc = new double[o * count(out)];
		int inCount = count(in), kCount = (int) Math.pow(k, rank), outCount = count(out);
		for (int ic = 0; ic < c; ic++) {
			for (int p = 0; p < inCount; p++) {
				int[] ip = unflat(p, in);
				double xv = x.data()[ic * inCount + p];
				for (int t = 0; t < kCount; t++) {
					int[] tp = unflat(t, fill(rank, k));
					int[] opos = new int[rank];
					boolean inside = true;
					for (int a = 0; a < rank; a++) {
						opos[a] = stride * ip[a] + tp[a] - pb;
						if (opos[a] < 0 || opos[a] >= out[a]) inside = false;
					}
					if (!inside) continue;
					for (int oc = 0; oc < o; oc++) {
						acc[oc * outCount + flat(opos, out)] += xv * w.data()[(ic * o + oc) * kCount + t];
					}
				}
			}
		}
		Tensor y = Tensor.zeros(shape(o, out));
		for (int oc = 0; oc < o; oc++) {
			for (int p = 0; p < outCount; p++) y.data()[oc * outCount + p] = (float) (acc[oc * outCount + p] + (b == null ? 0 : b.data()[oc]));
		}
		return y;
	}

	/** (1, C, H, W) -> (1, C, D, H, W), candidate k = x shifted right by first + k, zeros entering. */
	static Tensor shift(Tensor x, int d, int first) {
		int c = x.dim(1), h = x.dim(2), w = x.dim(3);
		Tensor y = Tensor.zeros(1, c, d, h, w);
		for (int ch = 0; ch < c; ch++) for (int k = 0; k < d; k++) for (int r = 0; r < h; r++) for (int col = 0; col < w; col++) {
			int src = col - first - k;
			if (src >= 0) y.data()[(((ch * d) + k) * h + r) * w + col] = x.data()[(ch * h + r) * w + src];
		}
		return y;
	}

	/** Softmax over channels of (1, D, H, W) after excluding columns x < first + k (when masked). */
	static Tensor maskedSoftmax(Tensor s, int first, boolean masked) {
		int d = s.dim(1), h = s.dim(2), w = s.dim(3);
		Tensor y = Tensor.zeros(1, d, h, w);
		for (int r = 0; r < h; r++) for (int col = 0; col < w; col++) {
			double max = Double.NEGATIVE_INFINITY;
			for (int k = 0; k < d; k++) {
				if (masked && col < first + k) continue;
				max = Math.max(max, s.data()[(k * h + r) * w + col]);
			}
			double sum = 0;
			double[] e = new double[d];
			for (int k = 0; k < d; k++) {
				if (masked && col < first + k) continue;
				e[k] = Math.exp(s.data()[(k * h + r) * w + col] - max);
				sum += e[k];
			}
			for (int k = 0; k < d; k++) y.data()[(k * h + r) * w + col] = (float) (e[k] / sum);
		}
		return y;
	}

	/** sum_k w[k] * v[c, k] for w (1, D, H, W), v (1, C, D, H, W). */
	static Tensor weightedSum(Tensor wt, Tensor v) {
		int c = v.dim(1), d = v.dim(2), h = v.dim(3), w = v.dim(4);
		Tensor y = Tensor.zeros(1, c, h, w);
		for (int ch = 0; ch < c; ch++) for (int r = 0; r < h; r++) for (int col = 0; col < w; col++) {
			double s = 0;
			for (int k = 0; k < d; k++) s += (double) wt.data()[(k * h + r) * w + col] * v.data()[((ch * d + k) * h + r) * w + col];
			y.data()[(ch * h + r) * w + col] = (float) s;
		}
		return y;
	}

	private static int[] spatial(Tensor x) {
		int[] s = new int[x.rank() - 2];
		for (int i = 0; i < s.length; i++) s[i] = x.dim(2 + i);
		return s;
	}

	private static int[] shape(int c, int[] sp) {
		int[] s = new int[sp.length + 2];
		s[0] = 1;
		s[1] = c;
		System.arraycopy(sp, 0, s, 2, sp.length);
		return s;
	}

	private static int[] fill(int n, int v) {
		int[] a = new int[n];
		java.util.Arrays.fill(a, v);
		return a;
	}

	private static int count(int[] s) {
		int n = 1;
		for (int v : s) n *= v;
		return n;
	}

	private static int flat(int[] p, int[] s) {
		int i = 0;
		for (int a = 0; a < s.length; a++) i = i * s[a] + p[a];
		return i;
	}

	private static int[] unflat(int i, int[] s) {
		int[] p = new int[s.length];
		for (int a = s.length - 1; a >= 0; a--) {
			p[a] = i % s[a];
			i /= s[a];
		}
		return p;
	}
}
