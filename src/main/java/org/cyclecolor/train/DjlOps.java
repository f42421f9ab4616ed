package org.cyclecolor.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.cyclecolor.model.Op;
import org.cyclecolor.model.Tensor;

/**
 * The IR operations that need more than one DJL call, each creating its arrays in one scope.
 * Every formula follows the contract stated on the matching {@link Op} record.
 */
final class DjlOps {

	private final NDManager scope;
	private final DataType type;

	DjlOps(NDManager scope, DataType type) {
		this.scope = scope;
		this.type = type;
	}

	/** A constant of the network's type in the scope. */
	private NDArray constant(float[] values, Shape shape) {
		NDArray a = scope.create(values, shape);
		return type == DataType.FLOAT32 ? a : own(a.toType(type, false));
	}

	/** Keeps an array made from parameters in the scope (so it is freed with the step). */
	private NDArray own(NDArray a) {
		a.attach(scope);
		return a;
	}

	/** Cross-correlation with zero padding padBefore/padAfter on each spatial axis. */
	NDArray conv(NDArray x, NDArray w, NDArray b, int rank, int stride, int padBefore, int padAfter) {
		if (w.getShape().size() == w.getShape().get(0) * w.getShape().get(1) && stride == 1 && padBefore == 0 && padAfter == 0) {
			return pointwise(x, w, b);
		}
		NDArray in = x;
		int pad = padBefore;
		if (padBefore != padAfter) {
			in = own(x.pad(padShape(rank, padBefore, padAfter), 0));
			pad = 0;
		}
		NDArray bias = b != null ? b : own(scope.zeros(new Shape(w.getShape().get(0)), type));
		long[] ones = new long[rank];
		Arrays.fill(ones, 1);
		long[] strides = new long[rank];
		Arrays.fill(strides, stride);
		long[] pads = new long[rank];
		Arrays.fill(pads, pad);
		return own(in.getNDArrayInternal().convolution(in, w, bias, new Shape(strides), new Shape(pads), new Shape(ones), 1)
			.singletonOrThrow());
	}

	/**
	 * A 1x1(x1) convolution as one matrix product over all positions: the same sums, but PyTorch's
	 * convolution kernels are slow on few channels and many positions (a 4 -> 8 channel 1x1x1
	 * convolution over a 96-candidate volume took 0.37 s forward, the product a tenth of that).
	 */
	private NDArray pointwise(NDArray x, NDArray w, NDArray b) {
		long[] s = x.getShape().getShape();
		long out = w.getShape().get(0), in = w.getShape().get(1);
		NDArray y = w.reshape(out, in).matMul(x.reshape(s[0], in, -1));
		if (b != null) y = y.add(b.reshape(out, 1));
		long[] shape = s.clone();
		shape[1] = out;
		return own(y.reshape(new Shape(shape)));
	}

	/**
	 * The transposed convolution in its polyphase form ({@link Op.Polyphase}), exactly as the ONNX
	 * exporter writes it: DJL's PyTorch engine has no transposed convolution, and this form
	 * multiplies no zeros. Gradients reach the stored kernel through the selection product.
	 */
	NDArray convTranspose(NDArray x, NDArray w, NDArray b, Op.ConvTranspose c) {
		Op.Polyphase poly = c.polyphase();
		int r = c.rank(), s = c.stride(), l = poly.taps();
		int phases = (int) Math.pow(s, r), kv = (int) Math.pow(c.kernel(), r), lv = (int) Math.pow(l, r);
		Tensor sel = poly.selection(r, c.kernel());
		NDArray selection = constant(sel.data(), new Shape(sel.dim(0), sel.dim(1)));
		NDArray flat = own(w.reshape((long) c.in() * c.out(), kv));
		NDArray split = own(flat.matMul(selection)).reshape(c.in(), c.out(), phases, lv);
		long[] kshape = new long[2 + r];
		kshape[0] = (long) phases * c.out();
		kshape[1] = c.in();
		Arrays.fill(kshape, 2, 2 + r, l);
		NDArray kernel = own(split.transpose(2, 1, 0, 3).reshape(new Shape(kshape)));
		NDArray bias = b == null ? null : own(b.tile(phases));
		NDArray y = conv(x, kernel, bias, r, 1, poly.padBefore(), poly.padAfter());
		long[] ys = y.getShape().getShape();
		long[] groups = new long[2 + r + r];
		groups[0] = ys[0];
		Arrays.fill(groups, 1, 1 + r, s);
		groups[1 + r] = c.out();
		System.arraycopy(ys, 2, groups, 2 + r, r);
		int[] perm = new int[2 * r + 2];
		perm[1] = r + 1;
		for (int i = 0; i < r; i++) {
			perm[2 + 2 * i] = r + 2 + i;
			perm[3 + 2 * i] = 1 + i;
		}
		long[] outShape = new long[2 + r];
		outShape[0] = ys[0];
		outShape[1] = c.out();
		for (int i = 0; i < r; i++) outShape[2 + i] = ys[2 + i] * s;
		return y.reshape(new Shape(groups)).transpose(perm).reshape(new Shape(outShape));
	}

	NDArray selectChannels(NDArray x, int[] indices) {
		List<NDArray> parts = new ArrayList<>();
		for (int i : indices) parts.add(x.get(":, " + i + ":" + (i + 1)));
		return parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), 1);
	}

	/** The authors' position channels for x's size, (N, 2, H, W). */
	NDArray geometry(NDArray x) {
		long n = x.getShape().get(0);
		int h = (int) x.getShape().get(2), w = (int) x.getShape().get(3);
		float[] g = new float[2 * h * w];
		for (int j = 0; j < h; j++) {
			float gy = Math.min(j, h - 1 - j) / (float) (h - 1);
			for (int i = 0; i < w; i++) {
				g[j * w + i] = gy;
				g[h * w + j * w + i] = Math.min(i, w - 1 - i) / (float) (w - 1);
			}
		}
		NDArray one = constant(g, new Shape(1, 2, h, w));
		return n == 1 ? one : one.repeat(0, n);
	}

	/** (N, C, D, H, W): candidate k is x shifted right by firstShift + k columns, zeros entering. */
	NDArray shift(NDArray x, int candidates, int firstShift) {
		long w = x.getShape().get(3);
		int pad = firstShift + candidates - 1;
		NDArray padded = pad == 0 ? x : own(x.pad(new Shape(pad, 0), 0));
		List<NDArray> slices = new ArrayList<>();
		for (int k = 0; k < candidates; k++) {
			long start = pad - firstShift - k;
			slices.add(padded.get(":, :, :, " + start + ":" + (start + w)));
		}
		return NDArrays.stack(new NDList(slices), 2);
	}

	/** (N, C, D, H, W) as (N, C*D, H, W), channel c * D + k. */
	NDArray candidatesAsChannels(NDArray x) {
		long[] s = x.getShape().getShape();
		return x.reshape(s[0], s[1] * s[2], s[3], s[4]);
	}

	/** (N, C*D, H, W) as (N, C, D, H, W). */
	NDArray channelsAsCandidates(NDArray x, int channels) {
		long[] s = x.getShape().getShape();
		return x.reshape(s[0], channels, s[1] / channels, s[2], s[3]);
	}

	/**
	 * Group-wise correlation of a with b shifted by each candidate, one candidate at a time: the
	 * products are views of b, so autograd keeps no shifted copy (a full-resolution volume of
	 * features would not fit a training step's memory).
	 */
	NDArray shiftedCorrelation(NDArray a, NDArray b, Op.ShiftedCorrelation c) {
		long[] s = a.getShape().getShape();
		long w = s[3];
		int pad = c.firstShift() + c.candidates() - 1;
		NDArray padded = pad == 0 ? b : own(b.pad(new Shape(pad, 0), 0));
		List<NDArray> slices = new ArrayList<>();
		for (int k = 0; k < c.candidates(); k++) {
			long start = pad - c.firstShift() - k;
			NDArray prod = a.mul(padded.get(":, :, :, " + start + ":" + (start + w)));
			slices.add(prod.reshape(s[0], c.groups(), s[1] / c.groups(), s[2], w).mean(new int[] { 2 }));
		}
		return NDArrays.stack(new NDList(slices), 2);
	}

	/** sum_k w_k * v shifted by firstShift + k, one candidate at a time (no shifted copies kept). */
	NDArray shiftedWeightedSum(NDArray weights, NDArray v, int firstShift) {
		long d = weights.getShape().get(1), w = v.getShape().get(3);
		int pad = (int) (firstShift + d - 1);
		NDArray padded = pad == 0 ? v : own(v.pad(new Shape(pad, 0), 0));
		// split, not a slice per candidate: a slice's backward fills a zero tensor of the whole weight
		// volume each time (96 of them per pass); split's backward is one concatenation
		NDList w1 = weights.split(d, 1);
		NDArray sum = null;
		for (int k = 0; k < d; k++) {
			long start = pad - firstShift - k;
			NDArray term = padded.get(":, :, :, " + start + ":" + (start + w)).mul(w1.get(k));
			sum = sum == null ? term : sum.add(term);
		}
		return sum;
	}

	/** c * exp(-(d_k - d)^2 / (2 sigma^2)) over the candidates, from the prior's [d, c] channels. */
	NDArray priorVolume(NDArray prior, Op.PriorVolume p) {
		NDArray d = prior.get(":, 0:1").expandDims(2);
		NDArray c = prior.get(":, 1:2").expandDims(2);
		NDArray k = constant(p.disparities(), new Shape(1, 1, p.candidates(), 1, 1));
		NDArray diff = k.sub(p.scale() == 1 ? d : Scalars.mul(d, p.scale()));
		return Scalars.mul(diff.mul(diff), -0.5 / (p.sigma() * p.sigma())).exp().mul(c);
	}

	/** -c * min((d_k - s d)^2 / (2 sigma^2), cap) over the candidates, from the prior's [d, c] channels. */
	NDArray priorPenalty(NDArray prior, Op.PriorPenalty p) {
		NDArray d = prior.get(":, 0:1").expandDims(2);
		NDArray c = prior.get(":, 1:2").expandDims(2);
		NDArray k = constant(p.disparities(), new Shape(1, 1, p.candidates(), 1, 1));
		NDArray diff = k.sub(p.scale() == 1 ? d : Scalars.mul(d, p.scale()));
		NDArray q = Scalars.mul(diff.mul(diff), 0.5 / (p.sigma() * p.sigma()));
		NDArray capped = q.minimum(constant(new float[] { (float) p.cap() }, new Shape()));
		return capped.mul(c).neg();
	}

	/** Linear x2 on every spatial axis, half-pixel centres, edges clamped ({@link Op.Upsample2}). */
	NDArray upsample2(NDArray x) {
		NDArray y = x;
		for (int axis = 2; axis < x.getShape().dimension(); axis++) y = upsample2(y, axis);
		return y;
	}

	private NDArray upsample2(NDArray x, int axis) {
		long n = x.getShape().get(axis);
		NDArray first = x.get(slice(x, axis, 0, 1)), last = x.get(slice(x, axis, n - 1, n));
		NDArray prev = n == 1 ? first : NDArrays.concat(new NDList(first, x.get(slice(x, axis, 0, n - 1))), axis);
		NDArray next = n == 1 ? last : NDArrays.concat(new NDList(x.get(slice(x, axis, 1, n)), last), axis);
		NDArray core = Scalars.mul(x, 0.75);
		NDArray even = core.add(Scalars.mul(prev, 0.25)), odd = core.add(Scalars.mul(next, 0.25));
		long[] s = x.getShape().getShape();
		long[] out = s.clone();
		out[axis] = 2 * n;
		return NDArrays.stack(new NDList(even, odd), axis + 1).reshape(new Shape(out));
	}

	/** An index string selecting [from, to) on one axis and everything on the others. */
	private static String slice(NDArray x, int axis, long from, long to) {
		StringBuilder sb = new StringBuilder();
		for (int a = 0; a < x.getShape().dimension(); a++) {
			if (a > 0) sb.append(", ");
			sb.append(a == axis ? from + ":" + to : ":");
		}
		return sb.toString();
	}

	/** sum_i (w_i + offset_i) x_i + b. */
	NDArray weightedAdd(List<NDArray> in, NDArray w, NDArray b, double[] offsets) {
		NDArray sum = null;
		for (int i = 0; i < in.size(); i++) {
			NDArray wi = w.get(i);
			NDArray coef = offsets[i] == 0 ? wi : wi.add(constant(new float[] { (float) offsets[i] }, new Shape()));
			NDArray term = in.get(i).mul(coef);
			sum = sum == null ? term : sum.add(term);
		}
		return sum.add(b);
	}

	/** Learned spatial propagation ({@link Op.Propagate}): edge-padded neighbours, softmax affinities, sigmoid gate. */
	NDArray propagate(NDArray x0, NDArray affinity, NDArray gate, Op.Propagate p) {
		NDList a = affinity.softmax(1).split(8, 1);
		NDArray g = gate.add(constant(new float[] { (float) p.gateOffset() }, new Shape())).getNDArrayInternal().sigmoid();
		NDArray keep = g.mul(x0);
		NDArray rest = g.neg().add(1f);
		long h = x0.getShape().get(2), w = x0.getShape().get(3);
		NDArray x = x0;
		for (int s : p.dilations()) {
			NDArray padded = edgePad(x, s);
			NDArray sum = null;
			for (int j = 0; j < 8; j++) {
				int dy = s * Op.Propagate.NEIGHBOURS[j][0], dx = s * Op.Propagate.NEIGHBOURS[j][1];
				NDArray nb = padded.get(":, :, " + (s + dy) + ":" + (s + dy + h) + ", " + (s + dx) + ":" + (s + dx + w));
				NDArray term = nb.mul(a.get(j));
				sum = sum == null ? term : sum.add(term);
			}
			x = keep.add(rest.mul(sum));
		}
		return x;
	}

	/** x with its border rows and columns repeated {@code s} times on every side. */
	private NDArray edgePad(NDArray x, int s) {
		long h = x.getShape().get(2), w = x.getShape().get(3);
		NDArray top = x.get(":, :, 0:1"), bottom = x.get(":, :, " + (h - 1) + ":" + h);
		NDArray rows = NDArrays.concat(new NDList(s == 1 ? top : top.repeat(2, s), x, s == 1 ? bottom : bottom.repeat(2, s)), 2);
		NDArray left = rows.get(":, :, :, 0:1"), right = rows.get(":, :, :, " + (w - 1) + ":" + w);
		return NDArrays.concat(new NDList(s == 1 ? left : left.repeat(3, s), rows, s == 1 ? right : right.repeat(3, s)), 3);
	}

	/** Mean of each f x f block. */
	NDArray averagePool(NDArray x, int f) {
		return own(x.getNDArrayInternal().avgPool(new Shape(f, f), new Shape(f, f), new Shape(0, 0), false, true));
	}

	/** (1, D, 1, W): the penalty where column x < firstShift + k. */
	NDArray maskPenalty(NDArray scores, int firstShift) {
		int d = (int) scores.getShape().get(1), w = (int) scores.getShape().get(3);
		float[] p = new float[d * w];
		for (int k = 0; k < d; k++) {
			for (int x = 0; x < w; x++) p[k * w + x] = x < firstShift + k ? Op.MaskCandidates.PENALTY : 0f;
		}
		return constant(p, new Shape(1, d, 1, w));
	}

	/** [l, c, s] with a normalised Gaussian window, as {@link Op.SsimComponents} defines. */
	NDArray ssim(NDArray a, NDArray b, Op.SsimComponents s) {
		float[] taps = s.taps();
		int k = taps.length, r = k / 2;
		long n = a.getShape().get(0);
		// The six maps filtered in one go, stacked along the batch axis: the window is the outer
		// product of the taps, so a row pass then a column pass (zero padding keeps it exact) costs
		// 2k instead of k^2 per pixel, and one-channel 2-D convolutions are slow in PyTorch.
		NDArray maps = NDArrays.concat(new NDList(scope.ones(a.getShape(), type), a, b, a.mul(a), b.mul(b), a.mul(b)), 0);
		NDArray rows = filter(maps, constant(taps, new Shape(1, 1, 1, k)), 0, r);
		NDArray f = filter(rows, constant(taps, new Shape(1, 1, k, 1)), r, 0);
		NDArray z = f.get("0:" + n);
		NDArray muA = f.get(n + ":" + 2 * n).div(z);
		NDArray muB = f.get(2 * n + ":" + 3 * n).div(z);
		NDArray eAA = f.get(3 * n + ":" + 4 * n).div(z);
		NDArray eBB = f.get(4 * n + ":" + 5 * n).div(z);
		NDArray eAB = f.get(5 * n + ":" + 6 * n).div(z);
		NDArray muAA = muA.mul(muA), muBB = muB.mul(muB), muAB = muA.mul(muB);
		float eps = (float) s.eps();
		NDArray varA = ai.djl.nn.Activation.relu(eAA.sub(muAA)).add(eps);
		NDArray varB = ai.djl.nn.Activation.relu(eBB.sub(muBB)).add(eps);
		NDArray cov = eAB.sub(muAB);
		NDArray sdAB = varA.mul(varB).sqrt();
		float c1 = (float) s.c1(), c2 = (float) s.c2(), c3 = (float) (s.c2() / 2);
		NDArray l = Scalars.mul(muAB, 2f).add(c1).div(muAA.add(muBB).add(c1));
		NDArray c = Scalars.mul(sdAB, 2f).add(c2).div(varA.add(varB).add(c2));
		NDArray st = cov.add(c3).div(sdAB.add(c3));
		return NDArrays.concat(new NDList(l, c, st), 1);
	}

	/** One-channel 2-D filtering of (M, 1, H, W) with zero padding padH rows and padW columns on each side. */
	private NDArray filter(NDArray x, NDArray w, int padH, int padW) {
		NDArray bias = scope.zeros(new Shape(1), type);
		return own(x.getNDArrayInternal().convolution(x, w, bias, new Shape(1, 1), new Shape(padH, padW), new Shape(1, 1), 1)
			.singletonOrThrow());
	}

	/** DJL/PyTorch pad order: last axis first, (before, after) pairs, for the spatial axes only. */
	private static Shape padShape(int rank, int before, int after) {
		long[] p = new long[2 * rank];
		for (int i = 0; i < rank; i++) {
			p[2 * i] = before;
			p[2 * i + 1] = after;
		}
		return new Shape(p);
	}
}
