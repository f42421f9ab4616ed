package org.cyclecolor.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cyclecolor.model.ParamSpec.Role;

/**
 * The operations a network description is made of: the whole vocabulary of the layer-graph IR.
 * <p>
 * Values are batches of maps (N, C, H, W) or of volumes over candidates (N, C, D, H, W); the
 * batch axis is implicit. Each operation knows how many inputs it takes, which parameters it owns
 * (named under the node's parameter prefix), the shape it produces and its multiply-accumulate
 * count. The back-ends ({@code infer.OnnxExporter}, {@code train.DjlNetwork}) give each record
 * its meaning in their runtime; the semantics stated here are the contract both honour.
 */
public sealed interface Op {

	/** Number of inputs. */
	int arity();

	/** The output shape for these input shapes; throws IllegalArgumentException when they do not fit. */
	Dims output(List<Dims> inputs);

	/** Parameters this operation owns, named under {@code prefix} (empty for most). */
	default List<ParamSpec> params(String prefix) {
		return List.of();
	}

	/** Multiply-accumulates per batch item. */
	default long macs(List<Dims> inputs, Dims output) {
		return 0;
	}

	/** The parameter name of a convolution kernel (also the key back-ends and importers use). */
	static String weightName(String prefix) {
		return prefix + ".weight";
	}

	static String biasName(String prefix) {
		return prefix + ".bias";
	}

	static String gammaName(String prefix) {
		return prefix + ".gamma";
	}

	static String betaName(String prefix) {
		return prefix + ".beta";
	}

	static String meanName(String prefix) {
		return prefix + ".running_mean";
	}

	static String varName(String prefix) {
		return prefix + ".running_var";
	}

	/**
	 * Cross-correlation over the 2 (maps) or 3 (volumes) spatial axes with a cubic kernel, zero
	 * padding {@code padBefore}/{@code padAfter} on every spatial axis, and a stride. Kernel layout
	 * (out, in, k, k[, k]). TensorFlow's "same" padding is (k-1)/2 on both sides at stride 1 and
	 * 0 before / 1 after for k = 3, stride 2 on even sizes.
	 */
	record Conv(int rank, int in, int out, int kernel, int stride, int padBefore, int padAfter, boolean bias)
		implements Op {

		/** Stride 1, "same" padding, with bias. */
		public static Conv same(int rank, int in, int out, int kernel) {
			return new Conv(rank, in, out, kernel, 1, (kernel - 1) / 2, kernel / 2, true);
		}

		public Conv {
			if (rank != 2 && rank != 3) throw new IllegalArgumentException("Convolutions are 2-D or 3-D, got " + rank + "-D.");
			if (in <= 0 || out <= 0 || kernel <= 0 || stride <= 0 || padBefore < 0 || padAfter < 0) {
				throw new IllegalArgumentException("Invalid convolution " + in + "->" + out + " k" + kernel + " s" + stride);
			}
		}

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims x = inputs.get(0);
			requireRank(x, rank, "Conv");
			requireChannels(x, in, "Conv");
			int[] s = x.spatial();
			int[] o = new int[s.length];
			for (int i = 0; i < s.length; i++) {
				int span = s[i] + padBefore + padAfter - kernel;
				if (span < 0 || span % stride != 0) {
					throw new IllegalArgumentException("Conv stride " + stride + " with padding " + padBefore + "/" + padAfter
						+ " does not tile a size of " + s[i] + "; sizes must be multiples of the network's size multiple.");
				}
				o[i] = span / stride + 1;
			}
			return rank == 3 ? Dims.volume(out, o[0], o[1], o[2]) : Dims.map(out, o[0], o[1]);
		}

		@Override
		public List<ParamSpec> params(String prefix) {
			int fanIn = in * pow(kernel, rank);
			List<ParamSpec> p = new ArrayList<>();
			p.add(new ParamSpec(weightName(prefix), kernelShape(out, in, kernel, rank), Role.KERNEL, fanIn));
			if (bias) p.add(new ParamSpec(biasName(prefix), new int[] { out }, Role.BIAS, 0));
			return p;
		}

		@Override
		public long macs(List<Dims> inputs, Dims output) {
			return output.positions() * out * in * pow(kernel, rank);
		}
	}

	/**
	 * Transposed convolution, the exact adjoint of a {@link Conv} with the same stride and
	 * padding: {@code out[stride*i + t - padBefore] += x[i] * w[t]} on every spatial axis, output
	 * size {@code (n-1)*stride + kernel - padBefore - padAfter} (2n for k = 3, stride 2, pads 0/1).
	 * Kernel layout (in, out, k, k[, k]) as in ONNX and PyTorch; then the bias is added.
	 */
	record ConvTranspose(int rank, int in, int out, int kernel, int stride, int padBefore, int padAfter, boolean bias)
		implements Op {

		public ConvTranspose {
			if (rank != 2 && rank != 3) throw new IllegalArgumentException("Convolutions are 2-D or 3-D, got " + rank + "-D.");
			if (in <= 0 || out <= 0 || kernel <= 0 || stride <= 0 || padBefore < 0 || padAfter < 0) {
				throw new IllegalArgumentException("Invalid transposed convolution " + in + "->" + out + " k" + kernel);
			}
			if (kernel - padBefore - padAfter != stride) {
				throw new IllegalArgumentException("Only transposed convolutions with output size stride * n are supported "
					+ "(kernel - padBefore - padAfter = stride), got k" + kernel + " s" + stride + " pads " + padBefore + "/" + padAfter);
			}
		}

		/** The polyphase form both back-ends compute this operation with. */
		public Polyphase polyphase() {
			return Polyphase.of(kernel, stride, padBefore);
		}

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims x = inputs.get(0);
			requireRank(x, rank, "ConvTranspose");
			requireChannels(x, in, "ConvTranspose");
			int[] s = x.spatial();
			int[] o = new int[s.length];
			for (int i = 0; i < s.length; i++) o[i] = (s[i] - 1) * stride + kernel - padBefore - padAfter;
			return rank == 3 ? Dims.volume(out, o[0], o[1], o[2]) : Dims.map(out, o[0], o[1]);
		}

		@Override
		public List<ParamSpec> params(String prefix) {
			int fanIn = Math.max(1, in * pow(kernel, rank) / pow(stride, rank));
			List<ParamSpec> p = new ArrayList<>();
			p.add(new ParamSpec(weightName(prefix), kernelShape(in, out, kernel, rank), Role.KERNEL, fanIn));
			if (bias) p.add(new ParamSpec(biasName(prefix), new int[] { out }, Role.BIAS, 0));
			return p;
		}

		@Override
		public long macs(List<Dims> inputs, Dims output) {
			return inputs.get(0).positions() * in * out * pow(kernel, rank);
		}
	}

	/**
	 * Batch normalisation per channel: {@code gamma (x - mean) / sqrt(var + eps) + beta}, with the
	 * running statistics at inference and the batch's statistics in training.
	 */
	record BatchNorm(int channels, double eps) implements Op {

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			requireChannels(inputs.get(0), channels, "BatchNorm");
			return inputs.get(0);
		}

		@Override
		public List<ParamSpec> params(String prefix) {
			int[] s = { channels };
			return List.of(new ParamSpec(gammaName(prefix), s, Role.BN_SCALE, 0),
				new ParamSpec(betaName(prefix), s, Role.BN_SHIFT, 0), new ParamSpec(meanName(prefix), s, Role.BN_MEAN, 0),
				new ParamSpec(varName(prefix), s, Role.BN_VAR, 0));
		}
	}

	/** max(x, 0). */
	record Relu() implements Op {

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			return inputs.get(0);
		}
	}

	/**
	 * Element-wise {@code scale * x + shift} (scale 1 is skipped, so that centring by a shift is
	 * exact): input normalisation, and centring colours on 128 around a weighted average so that
	 * float32 sums carry smaller magnitudes.
	 */
	record Affine(double scale, double shift) implements Op {

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			return inputs.get(0);
		}
	}

	/**
	 * A learned scale per channel, starting at 0 ({@link Role#COEFFICIENT}): {@code out[c] = gamma[c]
	 * * x[c]} (LayerScale, Touvron et al. 2021). On a residual branch it makes the untrained block
	 * the identity: the refinement's correction starts at nothing.
	 */
	record LayerScale(int channels) implements Op {

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			requireChannels(inputs.get(0), channels, "LayerScale");
			return inputs.get(0);
		}

		@Override
		public List<ParamSpec> params(String prefix) {
			return List.of(new ParamSpec(gammaName(prefix), new int[] { channels }, Role.COEFFICIENT, 0));
		}

		@Override
		public long macs(List<Dims> inputs, Dims output) {
			return output.elements();
		}
	}

	/**
	 * Element-wise sum of two values of one shape; a volume of depth 1 (from {@link AsVolume})
	 * broadcasts along the candidates of the other.
	 */
	record Add() implements Op {

		@Override
		public int arity() {
			return 2;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims a = inputs.get(0), b = inputs.get(1);
			if (a.equals(b)) return a;
			boolean sameElse = a.channels() == b.channels() && a.height() == b.height() && a.width() == b.width()
				&& a.isVolume() && b.isVolume();
			if (sameElse && (a.depth() == 1 || b.depth() == 1)) return a.depth() == 1 ? b : a;
			throw new IllegalArgumentException("Add needs equal shapes (or a depth-1 volume), got " + a + " and " + b + ".");
		}
	}

	/** Concatenation along the channel axis. */
	record Concat(int inputs) implements Op {

		@Override
		public int arity() {
			return inputs;
		}

		@Override
		public Dims output(List<Dims> in) {
			Dims first = in.get(0);
			int c = 0;
			for (Dims d : in) {
				if (d.depth() != first.depth() || d.height() != first.height() || d.width() != first.width()) {
					throw new IllegalArgumentException("Concat needs equal spatial sizes, got " + in + ".");
				}
				c += d.channels();
			}
			return first.withChannels(c);
		}
	}

	/** The listed channels of a map, in the listed order (e.g. YCbCr to the authors' [Cr, Cb, Y]). */
	record SelectChannels(int... indices) implements Op {

		public SelectChannels {
			if (indices.length == 0) throw new IllegalArgumentException("Select at least one channel.");
			indices = indices.clone();
		}

		@Override
		public int[] indices() {
			return indices.clone();
		}

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims x = inputs.get(0);
			requireRank(x, 2, "SelectChannels");
			for (int i : indices) {
				if (i < 0 || i >= x.channels()) throw new IllegalArgumentException("No channel " + i + " in " + x + ".");
			}
			return x.withChannels(indices.length);
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof SelectChannels s && Arrays.equals(indices, s.indices);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(indices);
		}

		@Override
		public String toString() {
			return "SelectChannels" + Arrays.toString(indices);
		}
	}

	/**
	 * The authors' two position channels for a map of size H x W (its values are ignored):
	 * {@code g_y = min(j, H-1-j) / (H-1)} and {@code g_x = min(i, W-1-i) / (W-1)} (true
	 * division; 0 at the borders, 0.5 in the centre).
	 */
	record GeometryChannels() implements Op {

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims x = inputs.get(0);
			requireRank(x, 2, "GeometryChannels");
			if (x.height() < 2 || x.width() < 2) throw new IllegalArgumentException("Geometry channels need at least 2x2 pixels.");
			return Dims.map(2, x.height(), x.width());
		}
	}

	/**
	 * The candidate volume of a map: {@code out[c, k, y, x] = in[c, y, x - firstShift - k]} for
	 * k = 0..candidates-1, zero where that column is outside the image.
	 */
	record ShiftCandidates(int candidates, int firstShift) implements Op {

		public ShiftCandidates {
			if (candidates <= 0 || firstShift < 0) throw new IllegalArgumentException("Invalid candidate range.");
		}

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims x = inputs.get(0);
			requireRank(x, 2, "ShiftCandidates");
			return Dims.volume(x.channels(), candidates, x.height(), x.width());
		}
	}

	/** The map repeated for every candidate: {@code out[c, k, y, x] = in[c, y, x]}. */
	record RepeatCandidates(int candidates) implements Op {

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims x = inputs.get(0);
			requireRank(x, 2, "RepeatCandidates");
			return Dims.volume(x.channels(), candidates, x.height(), x.width());
		}
	}

	/** A map as a volume of depth 1 (N, C, 1, H, W), which {@link Add} broadcasts over candidates. */
	record AsVolume() implements Op {

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims x = inputs.get(0);
			requireRank(x, 2, "AsVolume");
			return Dims.volume(x.channels(), 1, x.height(), x.width());
		}
	}

	/**
	 * A volume (N, C, D, H, W) as a map with one channel per channel and candidate (N, C*D, H, W),
	 * channel {@code c * D + k}: scores of a one-channel volume become one channel per candidate, and
	 * a correlation volume becomes the input of 2-D layers ("disparity as channels").
	 */
	record CandidatesAsChannels() implements Op {

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims x = inputs.get(0);
			requireRank(x, 3, "CandidatesAsChannels");
			return Dims.map(x.channels() * x.depth(), x.height(), x.width());
		}
	}

	/**
	 * The inverse of {@link CandidatesAsChannels}: a map (N, C*D, H, W) as a volume (N, C, D, H, W)
	 * with {@code channels} = C (the map's channel count must be a multiple of it).
	 */
	record ChannelsAsCandidates(int channels) implements Op {

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims x = inputs.get(0);
			requireRank(x, 2, "ChannelsAsCandidates");
			if (channels <= 0 || x.channels() % channels != 0) {
				throw new IllegalArgumentException("ChannelsAsCandidates: " + x + " does not split into " + channels + " channels.");
			}
			return Dims.volume(channels, x.channels() / channels, x.height(), x.width());
		}
	}

	/**
	 * Group-wise correlation (Guo et al., GwcNet, CVPR 2019) of two maps a and b (N, C, H, W) over
	 * candidate shifts: {@code out[g, k, y, x] = mean over c in group g of a[c, y, x] *
	 * b[c, y, x - firstShift - k]} (0 where that column is outside), the C channels split into
	 * {@code groups} consecutive groups. Output (N, groups, D, H, W). Far cheaper than a
	 * concatenation volume followed by 3-D layers; one op so that a back-end need not hold the
	 * shifted copies of b (the trainer's memory at full resolution).
	 */
	record ShiftedCorrelation(int candidates, int firstShift, int groups) implements Op {

		public ShiftedCorrelation {
			if (candidates <= 0 || firstShift < 0 || groups <= 0) throw new IllegalArgumentException("Invalid correlation.");
		}

		@Override
		public int arity() {
			return 2;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims a = inputs.get(0), b = inputs.get(1);
			requireRank(a, 2, "ShiftedCorrelation");
			if (!a.equals(b)) throw new IllegalArgumentException("ShiftedCorrelation needs two maps of one shape, got " + a + ", " + b + ".");
			if (a.channels() % groups != 0) {
				throw new IllegalArgumentException("ShiftedCorrelation: " + a.channels() + " channels do not split into " + groups + " groups.");
			}
			return Dims.volume(groups, candidates, a.height(), a.width());
		}

		@Override
		public long macs(List<Dims> inputs, Dims output) {
			return (long) inputs.get(0).channels() * candidates * inputs.get(0).height() * inputs.get(0).width();
		}
	}

	/**
	 * The weighted sum over shifted candidates of a map: from weights w (N, D, H, W) and a map v
	 * (N, C, H, W), {@code out[c, y, x] = sum_k w[k, y, x] * v[c, y, x - firstShift - k]} (0 where that
	 * column is outside). The same as {@link WeightedSum} of a {@link ShiftCandidates} volume, in
	 * one op so that a back-end need not hold the shifted copies.
	 */
	record ShiftedWeightedSum(int candidates, int firstShift) implements Op {

		public ShiftedWeightedSum {
			if (candidates <= 0 || firstShift < 0) throw new IllegalArgumentException("Invalid candidate range.");
		}

		@Override
		public int arity() {
			return 2;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims w = inputs.get(0), v = inputs.get(1);
			requireRank(w, 2, "ShiftedWeightedSum weights");
			requireRank(v, 2, "ShiftedWeightedSum map");
			if (w.channels() != candidates || w.height() != v.height() || w.width() != v.width()) {
				throw new IllegalArgumentException("ShiftedWeightedSum: weights " + w + " do not match map " + v + ".");
			}
			return v;
		}

		@Override
		public long macs(List<Dims> inputs, Dims output) {
			return (long) candidates * output.elements();
		}
	}

	/**
	 * A learned weighted sum of one-channel values of one shape: {@code out = sum_i (w_i + offset_i)
	 * * x_i + b}, parameters {@code weight} (n) and {@code bias} (1). The fixed offsets say how much
	 * of each input the sum holds before training (e.g. the prior's weight 1); the learned weights
	 * start at 0 ({@link Role#COEFFICIENT}). Cheaper than concatenating the inputs for a 1x1x1
	 * convolution: no copy.
	 */
	record WeightedAdd(double[] offsets) implements Op {

		public WeightedAdd {
			if (offsets.length < 1) throw new IllegalArgumentException("WeightedAdd needs at least one input.");
			offsets = offsets.clone();
		}

		@Override
		public double[] offsets() {
			return offsets.clone();
		}

		@Override
		public int arity() {
			return offsets.length;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims first = inputs.get(0);
			for (Dims d : inputs) {
				if (!d.equals(first) || d.channels() != 1) {
					throw new IllegalArgumentException("WeightedAdd needs one-channel values of one shape, got " + inputs + ".");
				}
			}
			return first;
		}

		@Override
		public List<ParamSpec> params(String prefix) {
			// the learned part starts at 0: untrained, the sum is the offsets' alone
			return List.of(new ParamSpec(weightName(prefix), new int[] { offsets.length }, Role.COEFFICIENT, 0),
				new ParamSpec(biasName(prefix), new int[] { 1 }, Role.BIAS, 0));
		}

		@Override
		public long macs(List<Dims> inputs, Dims output) {
			return offsets.length * output.elements();
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof WeightedAdd w && Arrays.equals(offsets, w.offsets);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(offsets);
		}

		@Override
		public String toString() {
			return "WeightedAdd" + Arrays.toString(offsets);
		}
	}

	/**
	 * The matching prior as a volume over candidates (after Poggi et al., "Guided Stereo Matching",
	 * CVPR 2019): from a map (N, 2, H, W) holding a disparity d and a confidence c (0..1),
	 * {@code out[0, k, y, x] = c * exp(-(firstShift + k - scale * d)^2 / (2 sigma^2))}, (N, 1, D, H, W):
	 * a bump at the prior's disparity, as tall as it is trusted. {@code scale} converts d into
	 * candidate units (1 when candidates are pixels of the map, 1/4 for candidates 4 pixels apart).
	 */
	record PriorVolume(int candidates, int firstShift, double sigma, double scale) implements Op {

		public PriorVolume {
			if (candidates <= 0 || firstShift < 0 || !(sigma > 0) || !(scale > 0)) throw new IllegalArgumentException("Invalid prior volume.");
		}

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims x = inputs.get(0);
			requireRank(x, 2, "PriorVolume");
			requireChannels(x, 2, "PriorVolume");
			return Dims.volume(1, candidates, x.height(), x.width());
		}

		/** The disparity each candidate stands for. */
		public float[] disparities() {
			return candidateDisparities(candidates, firstShift);
		}
	}

	/**
	 * The matching prior as a penalty on the scores: a truncated log-Gaussian. From a map
	 * (N, 2, H, W) holding a disparity d and a confidence c (0..1), {@code out[0, k, y, x] = -c *
	 * min((firstShift + k - scale * d)^2 / (2 sigma^2), cap)}, (N, 1, D, H, W). Added to the scores
	 * before the softmax it multiplies the weights by a Gaussian around d (sub-pixel disparities
	 * come out as the weights' centroid) and every candidate farther than about
	 * {@code sigma * sqrt(2 cap)} by {@code e^-cap} — so a confident prior wins over an untrained
	 * network, while a learned score can still overrule it where it is wrong (Poggi et al.'s
	 * "Gaussian modulation", CVPR 2019, applied to the weights).
	 */
	record PriorPenalty(int candidates, int firstShift, double sigma, double scale, double cap) implements Op {

		public PriorPenalty {
			if (candidates <= 0 || firstShift < 0 || !(sigma > 0) || !(scale > 0) || !(cap > 0)) {
				throw new IllegalArgumentException("Invalid prior penalty.");
			}
		}

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims x = inputs.get(0);
			requireRank(x, 2, "PriorPenalty");
			requireChannels(x, 2, "PriorPenalty");
			return Dims.volume(1, candidates, x.height(), x.width());
		}

		/** The disparity each candidate stands for. */
		public float[] disparities() {
			return candidateDisparities(candidates, firstShift);
		}
	}

	/**
	 * Linear interpolation to twice the size on every spatial axis (both image axes of a map; the
	 * candidate axis too for a volume), each value centred on its block of two (half-pixel
	 * centres): {@code out[2i] = 0.75 x[i] + 0.25 x[i-1]}, {@code out[2i+1] = 0.75 x[i] + 0.25 x[i+1]},
	 * indices clamped to the edges. Fixed weights: no parameters, no checkerboard.
	 */
	record Upsample2() implements Op {

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims x = inputs.get(0);
			return x.isVolume() ? Dims.volume(x.channels(), 2 * x.depth(), 2 * x.height(), 2 * x.width())
				: Dims.map(x.channels(), 2 * x.height(), 2 * x.width());
		}

		@Override
		public long macs(List<Dims> inputs, Dims output) {
			return 2 * output.elements();
		}
	}

	/** The largest value over the channels of a map, (N, 1, H, W): a weight volume's confidence. */
	record MaxChannels() implements Op {

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			requireRank(inputs.get(0), 2, "MaxChannels");
			return inputs.get(0).withChannels(1);
		}
	}

	/**
	 * Learned spatial propagation (after Cheng et al.'s convolutional spatial propagation network,
	 * ECCV 2018; in spirit Levin et al.'s colorization by optimisation): from a map x0 (N, C, H, W),
	 * affinity scores (N, 8, H, W) and a gate score (N, 1, H, W), repeat {@code iterations} times
	 * {@code x <- g * x0 + (1 - g) * sum_j a_j * x(neighbour j)}, where a = softmax over the 8
	 * neighbours' scores (a convex combination: nothing can grow), {@code g = sigmoid(gate +
	 * gateOffset)} (how much of its own value a pixel keeps), and a neighbour beyond the border is the
	 * border pixel. Neighbours in the order (-1,-1), (-1,0), (-1,1), (0,-1), (0,1), (1,-1), (1,0), (1,1)
	 * as (dy, dx), taken {@code dilations[t]} pixels away at iteration t (the border pixel beyond the
	 * image). Pixels with a gate near 1 anchor the result; the others take their neighbours' values
	 * along the paths the affinities open, up to the sum of the dilations away (the guided network
	 * uses 16 steps of 1 px: longer steps carried colour across thin structures).
	 */
	record Propagate(int[] dilations, double gateOffset) implements Op {

		/** (dy, dx) of the 8 neighbours, in channel order. */
		public static final int[][] NEIGHBOURS = { { -1, -1 }, { -1, 0 }, { -1, 1 }, { 0, -1 }, { 0, 1 }, { 1, -1 }, { 1, 0 }, { 1, 1 } };

		public Propagate {
			if (dilations.length < 1) throw new IllegalArgumentException("Propagation needs at least one iteration.");
			for (int d : dilations) if (d < 1) throw new IllegalArgumentException("Dilations are at least 1, got " + d + ".");
			dilations = dilations.clone();
		}

		@Override
		public int[] dilations() {
			return dilations.clone();
		}

		public int iterations() {
			return dilations.length;
		}

		/** How far colour can travel: the sum of the dilations. */
		public int reach() {
			int r = 0;
			for (int d : dilations) r += d;
			return r;
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Propagate p && Arrays.equals(dilations, p.dilations) && gateOffset == p.gateOffset;
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(dilations) * 31 + Double.hashCode(gateOffset);
		}

		@Override
		public String toString() {
			return "Propagate" + Arrays.toString(dilations) + "(gate offset " + gateOffset + ")";
		}

		@Override
		public int arity() {
			return 3;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims x = inputs.get(0), a = inputs.get(1), g = inputs.get(2);
			requireRank(x, 2, "Propagate");
			requireChannels(a, 8, "Propagate affinities");
			requireChannels(g, 1, "Propagate gate");
			if (a.height() != x.height() || a.width() != x.width() || g.height() != x.height() || g.width() != x.width()) {
				throw new IllegalArgumentException("Propagate needs maps of one size, got " + inputs + ".");
			}
			return x;
		}

		@Override
		public long macs(List<Dims> inputs, Dims output) {
			return (long) dilations.length * 10 * output.elements();
		}
	}

	/** The mean of each {@code factor} x {@code factor} block of a map (sizes must be multiples of the factor). */
	record AveragePool(int factor) implements Op {

		public AveragePool {
			if (factor < 2) throw new IllegalArgumentException("Pooling needs a factor of at least 2.");
		}

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims x = inputs.get(0);
			requireRank(x, 2, "AveragePool");
			if (x.height() % factor != 0 || x.width() % factor != 0) {
				throw new IllegalArgumentException("AveragePool by " + factor + " needs sizes that are multiples of it, got " + x
					+ "; sizes must be multiples of the network's size multiple.");
			}
			return Dims.map(x.channels(), x.height() / factor, x.width() / factor);
		}

		@Override
		public long macs(List<Dims> inputs, Dims output) {
			return inputs.get(0).elements();
		}
	}

	/**
	 * Excludes out-of-image candidates from a softmax over candidates: adds {@link #PENALTY} to
	 * score channel k at columns x where {@code x - firstShift - k < 0}. The penalty is finite so
	 * that a column without any valid candidate still gets finite weights.
	 */
	record MaskCandidates(int firstShift) implements Op {

		/** Added to excluded scores; exp(PENALTY) is exactly 0 in float arithmetic. */
		public static final float PENALTY = -1e9f;

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			requireRank(inputs.get(0), 2, "MaskCandidates");
			return inputs.get(0);
		}
	}

	/** Softmax over the channel axis of a map (the candidates): the weight volume W. */
	record SoftmaxChannels() implements Op {

		@Override
		public int arity() {
			return 1;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			requireRank(inputs.get(0), 2, "SoftmaxChannels");
			return inputs.get(0);
		}
	}

	/**
	 * {@code out[c, y, x] = sum_k w[k, y, x] * v[c, k, y, x]}: inputs the weights (N, D, H, W) and
	 * a candidate volume (N, C, D, H, W).
	 */
	record WeightedSum() implements Op {

		@Override
		public int arity() {
			return 2;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims w = inputs.get(0), v = inputs.get(1);
			requireRank(w, 2, "WeightedSum weights");
			requireRank(v, 3, "WeightedSum volume");
			if (w.channels() != v.depth() || w.height() != v.height() || w.width() != v.width()) {
				throw new IllegalArgumentException("WeightedSum: weights " + w + " do not match volume " + v + ".");
			}
			return Dims.map(v.channels(), v.height(), v.width());
		}

		@Override
		public long macs(List<Dims> inputs, Dims output) {
			return inputs.get(1).elements();
		}
	}

	/**
	 * SSIM's luminance, contrast and structure maps (Wang et al. 2004) between two one-channel maps
	 * a and b, as channels [l, c, s]. Local statistics use a normalised Gaussian window (size
	 * {@code window}, {@code sigma}) and, near the border, only the pixels inside the image:
	 * {@code mu = (G * a) / (G * 1)} with zero padding; {@code var = G*a^2 / G*1 - mu^2},
	 * {@code cov = G*ab / G*1 - mu_a mu_b}. With {@code sd = sqrt(max(var, 0) + eps)}:
	 * {@code l = (2 mu_a mu_b + c1) / (mu_a^2 + mu_b^2 + c1)}, {@code c = (2 sd_a sd_b + c2) /
	 * (sd_a^2 + sd_b^2 + c2)}, {@code s = (cov + c2/2) / (sd_a sd_b + c2/2)}. The small
	 * {@code eps} keeps gradients finite on flat patches.
	 */
	record SsimComponents(int window, double sigma, double c1, double c2, double eps) implements Op {

		/** SSIM's usual constants for 0..255 data: 11x11 window, sigma 1.5, K1 = 0.01, K2 = 0.03. */
		public static SsimComponents standard() {
			return new SsimComponents(11, 1.5, Math.pow(0.01 * 255, 2), Math.pow(0.03 * 255, 2), 1e-4);
		}

		@Override
		public int arity() {
			return 2;
		}

		@Override
		public Dims output(List<Dims> inputs) {
			Dims a = inputs.get(0), b = inputs.get(1);
			requireRank(a, 2, "SsimComponents");
			requireChannels(a, 1, "SsimComponents");
			if (!a.equals(b)) throw new IllegalArgumentException("SsimComponents needs two maps of one shape, got " + a + ", " + b);
			return Dims.map(3, a.height(), a.width());
		}

		@Override
		public long macs(List<Dims> inputs, Dims output) {
			// five filtered maps (a, b, a^2, b^2, ab) plus the normaliser
			return 6L * window * window * output.height() * output.width();
		}

		/** The normalised 1-D Gaussian taps (the 2-D window is their outer product). */
		public float[] taps() {
			float[] g = new float[window];
			double sum = 0;
			int r = window / 2;
			for (int i = 0; i < window; i++) sum += Math.exp(-0.5 * (i - r) * (i - r) / (sigma * sigma));
			for (int i = 0; i < window; i++) g[i] = (float) (Math.exp(-0.5 * (i - r) * (i - r) / (sigma * sigma)) / sum);
			return g;
		}
	}

	/**
	 * A stride-s transposed convolution whose output is s times its input, written as s^rank
	 * ordinary stride-1 convolutions ("phases") whose outputs interleave: output index
	 * {@code s*j + r} on an axis is phase r's value at j. Along one axis phase r computes
	 * {@code out_r[j] = sum_u xpad[j + u] * w[tap[r][u]]} with x zero-padded by {@code padBefore}
	 * and {@code padAfter}, over {@code taps} positions; {@code tap[r][u] = -1} means no kernel tap
	 * (a zero). Exact: the same products and sums as the definition, without the zeros that
	 * zero-insertion would multiply. Both back-ends build one convolution with s^rank * out
	 * channels from these tables and interleave its channel groups.
	 *
	 * @param tap per phase r and position u, the kernel index or -1
	 */
	record Polyphase(int stride, int taps, int padBefore, int padAfter, int[][] tap) {

		/** The tables for a kernel of size k, a stride s and the transposed convolution's padBefore. */
		public static Polyphase of(int kernel, int stride, int padBefore) {
			// out[s*i + t - pb] += x[i] w[t]: output s*j + r reads x[j + (r + pb - t) / s] for t = r + pb (mod s).
			int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
			for (int r = 0; r < stride; r++) {
				for (int t = 0; t < kernel; t++) {
					if (Math.floorMod(r + padBefore - t, stride) != 0) continue;
					int off = Math.floorDiv(r + padBefore - t, stride);
					min = Math.min(min, off);
					max = Math.max(max, off);
				}
			}
			int taps = max - min + 1;
			int[][] tap = new int[stride][taps];
			for (int[] row : tap) Arrays.fill(row, -1);
			for (int r = 0; r < stride; r++) {
				for (int t = 0; t < kernel; t++) {
					if (Math.floorMod(r + padBefore - t, stride) != 0) continue;
					tap[r][Math.floorDiv(r + padBefore - t, stride) - min] = t;
				}
			}
			return new Polyphase(stride, taps, -min, max, tap);
		}

		@Override
		public int[][] tap() {
			int[][] c = new int[tap.length][];
			for (int i = 0; i < tap.length; i++) c[i] = tap[i].clone();
			return c;
		}

		/**
		 * The 0/1 matrix that maps a transposed-convolution kernel to the combined convolution's:
		 * rows are the flattened kernel taps (k^rank, first spatial axis slowest), columns are
		 * (phase, position) with {@code phase = (r_0 * s + r_1) * s + r_2} and the positions
		 * flattened likewise. With w reshaped to (in * out, k^rank), {@code w x S} reshaped to
		 * (in, out, s^rank, taps^rank), moved to (s^rank, out, in, taps^rank) and reshaped gives
		 * the kernel (s^rank * out, in, taps, ...), channel {@code phase * out + o}.
		 */
		public Tensor selection(int rank, int kernel) {
			int kv = pow(kernel, rank), phases = pow(stride, rank), tv = pow(taps, rank);
			Tensor sel = Tensor.zeros(kv, phases * tv);
			float[] d = sel.data();
			for (int p = 0; p < phases; p++) {
				for (int u = 0; u < tv; u++) {
					int t = 0;
					boolean zero = false;
					for (int a = rank - 1, pp = p, uu = u, scale = 1; a >= 0; a--) {
						int tt = tap[pp % stride][uu % taps];
						pp /= stride;
						uu /= taps;
						if (tt < 0) zero = true;
						t += Math.max(tt, 0) * scale;
						scale *= kernel;
					}
					if (!zero) d[t * phases * tv + p * tv + u] = 1f;
				}
			}
			return sel;
		}
	}

	private static int[] kernelShape(int a, int b, int k, int rank) {
		return rank == 3 ? new int[] { a, b, k, k, k } : new int[] { a, b, k, k };
	}

	private static int pow(int b, int e) {
		int r = 1;
		for (int i = 0; i < e; i++) r *= b;
		return r;
	}

	private static void requireRank(Dims x, int rank, String op) {
		if (x.spatialRank() != rank) {
			throw new IllegalArgumentException(op + " expects a " + (rank == 3 ? "volume" : "map") + ", got " + x + ".");
		}
	}

	private static void requireChannels(Dims x, int channels, String op) {
		if (x.channels() != channels) {
			throw new IllegalArgumentException(op + " expects " + channels + " channels, got " + x + ".");
		}
	}

	/** The disparity each of {@code candidates} candidates stands for, the first at {@code firstShift}. */
	private static float[] candidateDisparities(int candidates, int firstShift) {
		float[] d = new float[candidates];
		for (int k = 0; k < candidates; k++) d[k] = firstShift + k;
		return d;
	}
}
