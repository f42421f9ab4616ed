package org.cyclecolor.model;

import java.util.Set;

import org.cyclecolor.image.YCbCrRange;

/**
 * A cheaper colorization network M for training on a CPU, optionally guided by a classical matching
 * prior. It keeps what makes the method — a weight volume W over disparity candidates along the row
 * (softmax over candidates, out-of-image candidates masked), chroma and luminance as W-weighted
 * averages of the reference, the flips of the cycle's second pass — and changes how the scores are
 * computed (docs/study-network.md measures each choice):
 * <ul>
 * <li><b>Feature tower</b> shared by both views, on luminance: a 5x5 conv and a residual block at
 * full resolution (8 channels), a stride-2 level (16) and a stride-4 level (32, two residual
 * blocks). The full-resolution features, through one more 3x3 conv to 4 channels, are the fine matching features;
 * the stride-4 ones the coarse features.</li>
 * <li><b>Coarse scores</b> at ¼ resolution over D/4 candidates four pixels apart: group-wise
 * correlation (8 groups) of the coarse features, the prior's bump at ¼ scale, and the target's
 * coarse features, as channels of a 2-D hourglass (64 channels at ¼, 96 at ⅛; disparity as
 * channels instead of 3-D convolutions, which run slowly on a CPU).</li>
 * <li><b>Full-resolution scores</b>: the coarse scores interpolated linearly to all D candidates
 * and every pixel, the correlation of the fine features at every candidate, and the prior as a
 * truncated log-Gaussian penalty ({@link Op.PriorPenalty}), combined per voxel by a learned weighted
 * sum in which the prior starts with weight 1: an untrained network already follows the prior
 * where it is confident, and sub-pixel disparities come out as the weights' centroid.</li>
 * <li><b>Propagation</b> of the weighted averages (16 one-pixel steps at full working resolution,
 * {@link Op.Propagate}): affinities to the 8 neighbours and a gate from the target's full-resolution
 * features and W's largest weight, so that colour travels from where W is confident into
 * occlusions and ambiguous areas along the mono image's structure (as Levin's propagation does for
 * the classical baseline). Convex combinations: the result is still a weighted sum of reference
 * colours.</li>
 * <li><b>Prior</b> (the {@code prior} input, guided variant only): disparity and confidence from
 * semi-global matching; a Gaussian bump over the coarse candidates as an input of the coarse
 * network, a Gaussian modulation of the full-resolution weights (Poggi et al., "Guided Stereo
 * Matching", CVPR 2019).</li>
 * <li><b>Refinement</b>: the paper's refinement CNN with 4 residual blocks per ResNet instead of 8
 * (it runs at full resolution), without BatchNorm, its correction scaled by a factor that starts at
 * 0 ({@link #refinement()}). <b>Structure-similarity network</b>: as in {@link CycleCnn}.</li>
 * </ul>
 * Sizes must be multiples of 8 and D a multiple of 4. BatchNorm epsilon 1e-3, full-range YCbCr.
 */
public final class GuidedCycleCnn {

	/** With the matching prior. */
	public static final String NAME = "cyclecnn-guided";
	/** The same network without the prior (the ablation's reference). */
	public static final String LITE = "cyclecnn-lite";
	public static final int CANDIDATES = 96;
	/** Colorization shrinks images towards this width: twice the paper's, for sharper colour edges (docs/study-network.md). */
	public static final int WORKING_WIDTH = 512;
	/** Candidates of the coarse scores are this many pixels apart (and the coarse maps this much smaller). */
	public static final int COARSE = 4;
	/**
	 * The propagation's steps, in working pixels: 16 steps of one pixel. Steps of 8, 4, 2 and 1 px
	 * (twice) reach further but carried colour across thin structures: after 1000 training steps
	 * 37.54 dB Cb/Cr on the 15 Middlebury 2001-2005 scenes against 37.74 dB with single steps
	 * (mb2005-books 37.68 against 39.95), no better on occluded pixels (docs/study-network.md).
	 */
	static final int[] PROPAGATION_STEPS = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
	/** Added to the propagation's gate score: sigmoid(4) = 0.98 of its own value kept by an untrained pixel. */
	static final double PROPAGATION_GATE = 4;
	/**
	 * Channels of the full-resolution matching features: the correlation's cost grows with them at
	 * every pixel and candidate (8 made ONNX Runtime's fine stage 2x slower).
	 */
	static final int FINE_FEATURES = 4;
	/**
	 * Width of the prior's Gaussian on the full-resolution weights, in candidates: 0.5 makes the
	 * weights of a sub-pixel disparity between two candidates close to linear interpolation
	 * (0.67 / 0.30 at 0.3 px, against 0.7 / 0.3).
	 */
	public static final double PRIOR_SIGMA = 0.5;
	/** The prior's penalty stops growing at this many nats (weights e^-8 times smaller), about 2 px away. */
	public static final double PRIOR_CAP = 8;
	/** Width of the prior's bump among the coarse network's inputs, in coarse candidates. */
	public static final double COARSE_PRIOR_SIGMA = 1;
	static final int REFINE_BLOCKS = 4;
	static final double BN_EPS = CycleCnn.BN_EPS;

	private GuidedCycleCnn() {}

	public static Variant guided() {
		return new Variant(new Variant.Settings(NAME,
			"Cheaper Cycle-CNN weight volume (group-wise correlation, 2-D coarse aggregation, full-resolution scores) guided by semi-global matching.",
			CANDIDATES, 0, Variant.OutOfImage.MASKED, YCbCrRange.FULL, false, 8, WORKING_WIDTH,
			Set.of(NetworkKind.COLORIZATION, NetworkKind.REFINEMENT, NetworkKind.STRUCTURE_SIMILARITY)), (s, k) -> graph(s, k, true));
	}

	public static Variant lite() {
		return new Variant(new Variant.Settings(LITE,
			"Cheaper Cycle-CNN weight volume (group-wise correlation, 2-D coarse aggregation, full-resolution scores), no prior.",
			CANDIDATES, 0, Variant.OutOfImage.MASKED, YCbCrRange.FULL, false, 8, WORKING_WIDTH,
			Set.of(NetworkKind.COLORIZATION, NetworkKind.REFINEMENT, NetworkKind.STRUCTURE_SIMILARITY)), (s, k) -> graph(s, k, false));
	}

	static Graph graph(Variant.Settings s, NetworkKind kind, boolean prior) {
		switch (kind) {
			case COLORIZATION: return colorization(s, prior);
			case REFINEMENT: return refinement();
			default: return CycleCnn.structureSimilarity();
		}
	}

	private static Graph colorization(Variant.Settings s, boolean guided) {
		int d = s.candidates();
		if (d % COARSE != 0) throw new IllegalArgumentException("The candidates must be a multiple of " + COARSE + ", got " + d + ".");
		int dq = d / COARSE;
		GraphBuilder g = new GraphBuilder(NetworkKind.COLORIZATION, BN_EPS);
		String target = g.input("target", 3);
		String reference = g.input("reference", 3);
		String prior = guided ? g.input(NetworkKind.PRIOR, 2) : null;
		String tY = CycleCnn.normalized(g, "input.target.normalized", g.node("input.target", new Op.SelectChannels(0), target));
		String rY = CycleCnn.normalized(g, "input.reference.normalized", g.node("input.reference", new Op.SelectChannels(0), reference));
		String[] t = tower(g, "tower.target", tY);
		String[] r = tower(g, "tower.reference", rY);

		// Coarse scores: 1/4 resolution, candidates COARSE pixels apart, disparity as channels.
		String corr4 = g.node("coarse.correlation", new Op.ShiftedCorrelation(dq, 0, 8), t[1], r[1]);
		String in4;
		int c4 = 8 * dq + 32;
		if (guided) {
			String p4 = g.node("coarse.prior.pooled", new Op.AveragePool(COARSE), prior);
			String pv4 = g.node("coarse.prior", new Op.PriorVolume(dq, 0, COARSE_PRIOR_SIGMA, 1.0 / COARSE), p4);
			in4 = g.node("coarse.input", new Op.Concat(3), g.node("coarse.correlation.channels", new Op.CandidatesAsChannels(), corr4),
				g.node("coarse.prior.channels", new Op.CandidatesAsChannels(), pv4), t[1]);
			c4 += dq;
		}
		else {
			in4 = g.node("coarse.input", new Op.Concat(2), g.node("coarse.correlation.channels", new Op.CandidatesAsChannels(), corr4), t[1]);
		}
		String a0 = g.convBnRelu("coarse.a0", "coarse.a0", Op.Conv.same(2, c4, 64, 3), in4);
		String a1 = g.convBnRelu("coarse.a1", "coarse.a1", new Op.Conv(2, 64, 96, 3, 2, 0, 1, true), a0);
		String a2 = g.residualBlock("coarse.a2", "coarse.a2", 2, 96, a1);
		String a3 = g.convBnRelu("coarse.a3", "coarse.a3", Op.Conv.same(2, 96, 64, 3), g.node("coarse.a3.up", new Op.Upsample2(), a2));
		String a4 = g.residualBlock("coarse.a4", "coarse.a4", 2, 64, g.node("coarse.skip", new Op.Add(), a3, a0));
		String coarse = g.layer("coarse.scores", Op.Conv.same(2, 64, dq, 3), "coarse.scores", a4);
		String cv = g.node("coarse.scores.volume", new Op.ChannelsAsCandidates(1), coarse);
		String up = g.node("fine.coarse", new Op.Upsample2(), g.node("fine.coarse.half", new Op.Upsample2(), cv));

		// Full-resolution scores.
		String corr1 = g.node("fine.correlation", new Op.ShiftedCorrelation(d, 0, 1), t[0], r[0]);
		String scores;
		if (guided) {
			String pp = g.node("fine.prior", new Op.PriorPenalty(d, 0, PRIOR_SIGMA, 1, PRIOR_CAP), prior);
			scores = g.layer("fine.scores", new Op.WeightedAdd(new double[] { 0, 0, 1 }), "fine.scores", up, corr1, pp);
		}
		else {
			scores = g.layer("fine.scores", new Op.WeightedAdd(new double[] { 0, 0 }), "fine.scores", up, corr1);
		}

		String logits = g.node("weights.scores", new Op.CandidatesAsChannels(), scores);
		String masked = g.node("weights.masked", new Op.MaskCandidates(s.firstShift()), logits);
		String w = g.node("weights", new Op.SoftmaxChannels(), masked);
		String centred = g.node("average.centred", new Op.Affine(1, -128), reference);
		String weighted = g.node("average.sum", new Op.ShiftedWeightedSum(d, s.firstShift()), w, centred);
		String avg = g.node("average", new Op.Affine(1, 128), weighted);

		// Propagation of the weighted averages along the mono image's structure, anchored where W is
		// confident: convex combinations of weighted sums, so still weighted sums of the reference.
		String confidence = g.node("propagation.confidence", new Op.MaxChannels(), w);
		String pin = g.node("propagation.input", new Op.Concat(2), t[2], confidence);
		String ph = g.convRelu("propagation.hidden", "propagation.hidden", Op.Conv.same(2, 9, 16, 3), pin);
		String ps = g.layer("propagation.scores.scaled", new Op.LayerScale(9), "propagation.scale",
			g.layer("propagation.scores", Op.Conv.same(2, 16, 9, 3), "propagation.scores", ph));
		String affinity = g.node("propagation.affinity", new Op.SelectChannels(0, 1, 2, 3, 4, 5, 6, 7), ps);
		String gate = g.node("propagation.gate", new Op.SelectChannels(8), ps);
		String out = g.node("propagation", new Op.Propagate(PROPAGATION_STEPS, PROPAGATION_GATE), avg, affinity, gate);
		g.node("chroma", new Op.SelectChannels(1, 2), out);
		g.node("luminance", new Op.SelectChannels(0), out);
		return g.build("chroma", "luminance", "weights");
	}

	/**
	 * The shared tower: [fine matching features (4 channels, full resolution), coarse features (32,
	 * 1/4), full-resolution features (8 channels) for the propagation's affinities].
	 */
	private static String[] tower(GraphBuilder g, String name, String y) {
		String c1 = g.convBnRelu(name + ".c1", "tower.c1", Op.Conv.same(2, 1, 8, 5), y);
		String r1 = g.residualBlock(name + ".r1", "tower.r1", 2, 8, c1);
		String fine = g.layer(name + ".fine", Op.Conv.same(2, 8, FINE_FEATURES, 3), "tower.fine", r1);
		String c2 = g.convBnRelu(name + ".c2", "tower.c2", new Op.Conv(2, 8, 16, 3, 2, 0, 1, true), r1);
		String r2 = g.residualBlock(name + ".r2", "tower.r2", 2, 16, c2);
		String c3 = g.convBnRelu(name + ".c3", "tower.c3", new Op.Conv(2, 16, 32, 3, 2, 0, 1, true), r2);
		String r3 = g.residualBlock(name + ".r3b", "tower.r3b", 2, 32, g.residualBlock(name + ".r3a", "tower.r3a", 2, 32, c3));
		String coarse = g.layer(name + ".coarse", Op.Conv.same(2, 32, 32, 3), "tower.coarse", r3);
		return new String[] { fine, coarse, r1 };
	}

	/**
	 * The refinement CNN of Fig. 7 without BatchNorm and with its correction scaled by a learned
	 * factor that starts at 0: a ResNet on the gray image to one guidance channel, a ResNet on
	 * [Cb, Cr, guidance] to the residual colour map, {@code refined = chroma + gamma * residual}.
	 * With BatchNorm, trained on one crop at a time, it made whole-image results worse than the
	 * network's own (mb2005-dolls: 37.01 dB Cb/Cr before it, 35.69 after, at 1000 steps); an untrained
	 * one added random corrections. Without both, it starts as the identity and learns corrections only.
	 */
	private static Graph refinement() {
		GraphBuilder g = new GraphBuilder(NetworkKind.REFINEMENT, BN_EPS);
		String in = g.input("colorized", 3);
		String y = CycleCnn.normalized(g, "input.gray.normalized", g.node("input.gray", new Op.SelectChannels(0), in));
		String guide = plainResnet(g, "guide", y, 1, 1);
		String chroma = g.node("input.chroma", new Op.SelectChannels(1, 2), in);
		String x = g.node("residue.input", new Op.Concat(2), CycleCnn.normalized(g, "input.chroma.normalized", chroma), guide);
		String res = plainResnet(g, "residue", x, 3, 2);
		String scaled = g.layer("residue.scaled", new Op.LayerScale(2), "residue.scale", res);
		g.node("refined", new Op.Add(), chroma, scaled);
		return g.build("refined");
	}

	/** 5x5 conv + ReLU, {@link #REFINE_BLOCKS} plain residual blocks, a last 3x3 conv to {@code out} channels. */
	private static String plainResnet(GraphBuilder g, String name, String in, int cin, int out) {
		int n = CycleCnn.REFINE_FILTERS;
		String x = g.convRelu(name + ".c1", name + ".c1", Op.Conv.same(2, cin, n, 5), in);
		for (int b = 0; b < REFINE_BLOCKS; b++) x = g.plainResidualBlock(name + ".res" + b, name + ".res" + b, n, x);
		return g.layer(name + ".out", Op.Conv.same(2, n, out, 3), name + ".out", x);
	}
}
