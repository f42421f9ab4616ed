package org.cyclecolor.model;

import java.util.Set;

import org.cyclecolor.image.YCbCrRange;

/**
 * The Cycle-CNN paper's networks (Dong et al., AAAI 2020, "Network architecture", Figs. 5-7), for
 * training on the user's own pairs:
 * <ul>
 * <li><b>M</b>: a feature ResNet shared by the gray image and the reference's luminance — 18
 * convolutions, n = 16: a 5x5 conv, 8 residual blocks of two 3x3 convs, BN + ReLU after each,
 * and a last 3x3 conv without BN/ReLU (as in Dong et al. 2019); a volume over D candidates
 * {@code ref(x - k)}, k = 0..D-1, the same column included, out-of-image candidates masked; a 3-D
 * regulation network (below); softmax over candidates = W; chroma and luminance = W-weighted
 * averages of the reference.</li>
 * <li><b>3-D regulation</b> (the paper defers to Dong et al., who follow GC-Net; the layout and
 * its cost are our choice, measured in docs/network.md): the concatenation volume
 * [F_target(x), F_ref(x - k)] goes through a pointwise layer to 8 channels — computed as two 1x1
 * 2-D convolutions, one per view, added per candidate (identical to a 1x1x1 convolution over the
 * concatenated volume, without materialising it) — BN + ReLU; then GC-Net's encoder-decoder:
 * two stride-2 levels of two 3x3x3 convolutions (16, 32 channels), a transposed convolution back
 * to half resolution with an additive skip, and a last stride-2 transposed convolution to one
 * score per candidate at full resolution (no BN/ReLU: scores may be negative). Nothing else runs
 * 3x3x3 at full resolution, which is where the cost is.</li>
 * <li><b>Refinement CNN</b> (Fig. 7, after Dong et al.): a ResNet on the gray image to one
 * guidance channel; [Cb, Cr, guidance] into a second ResNet to the residual colour map (2
 * channels); result = chroma + residual. Same 18-layer ResNet form, last layer without BN/ReLU,
 * n = 8 (it runs at full resolution).</li>
 * <li><b>Structure-similarity network</b> (Fig. 5): two ResNets on the gray image and on the
 * W-weighted reference luminance, SSIM's l, c, s maps between them, all five concatenated into a
 * third ResNet that outputs the map.</li>
 * </ul>
 * BatchNorm epsilon 1e-3 (TensorFlow's default, which the paper's implementation used).
 */
public final class CycleCnn {

	public static final String NAME = "cyclecnn";
	public static final int CANDIDATES = 48;
	/** n of the feature ResNet of M (the paper's value). */
	public static final int FILTERS = 16;
	/** Channels of the volume and of the first U-Net level (16 and 32 on the coarser levels). */
	public static final int VOLUME_CHANNELS = 8;
	/** n of the refinement ResNets: it runs at full resolution, where cost matters (docs/network.md). */
	public static final int REFINE_FILTERS = 8;
	/** n of the structure-similarity ResNets (used in training only). */
	public static final int SSM_FILTERS = 8;
	public static final double BN_EPS = 1e-3;

	private CycleCnn() {}

	public static Variant variant() {
		return new Variant(new Variant.Settings(NAME,
			"The Cycle-CNN paper's network (n = 16 ResNet, masked candidates, 3-D U-Net, refinement; full-range YCbCr).",
			CANDIDATES, 0, Variant.OutOfImage.MASKED, YCbCrRange.FULL, false, 4, 256,
			Set.of(NetworkKind.COLORIZATION, NetworkKind.REFINEMENT, NetworkKind.STRUCTURE_SIMILARITY)), CycleCnn::graph);
	}

	static Graph graph(Variant.Settings s, NetworkKind kind) {
		switch (kind) {
			case COLORIZATION: return colorization(s);
			case REFINEMENT: return refinement();
			default: return structureSimilarity();
		}
	}

	private static Graph colorization(Variant.Settings s) {
		int d = s.candidates();
		int v = VOLUME_CHANNELS;
		GraphBuilder g = new GraphBuilder(NetworkKind.COLORIZATION, BN_EPS);
		String target = g.input("target", 3);
		String reference = g.input("reference", 3);
		String tY = normalized(g, "input.target.normalized", g.node("input.target", new Op.SelectChannels(0), target));
		String rY = normalized(g, "input.reference.normalized", g.node("input.reference", new Op.SelectChannels(0), reference));

		String tF = resnet(g, "tower.target", "tower", tY, 1, FILTERS, FILTERS);
		String rF = resnet(g, "tower.reference", "tower", rY, 1, FILTERS, FILTERS);

		// Pointwise layer over [F_t(x), F_r(x - k)], split into its two halves.
		String tP = g.layer("volume.target", new Op.Conv(2, FILTERS, v, 1, 1, 0, 0, true), "volume.target", tF);
		String rP = g.layer("volume.reference", new Op.Conv(2, FILTERS, v, 1, 1, 0, 0, false), "volume.reference", rF);
		String tV = g.node("volume.target.asvolume", new Op.AsVolume(), tP);
		String rV = g.node("volume.reference.shifted", new Op.ShiftCandidates(d, s.firstShift()), rP);
		String sum = g.node("volume.sum", new Op.Add(), tV, rV);
		String bn = g.layer("volume.bn", new Op.BatchNorm(v, BN_EPS), "volume.bn", sum);
		String vol = g.node("volume", new Op.Relu(), bn);

		// GC-Net's layout (Kendall et al. 2017, the base of Dong et al. 2019): nothing 3x3x3 at full
		// resolution but the last transposed convolution, which brings one score per candidate back.
		String skip1 = down(g, "unet.down0", vol, v, 2 * v);
		String bottom = down(g, "unet.down1", skip1, 2 * v, 4 * v);
		String up0 = g.convTransposeBnRelu("unet.up0", "unet.up0", AuthorsAaai20.up(4 * v, 2 * v), bottom);
		String s1 = g.node("unet.up0.skip", new Op.Add(), up0, skip1);
		String scores = g.layer("unet.last", AuthorsAaai20.up(2 * v, 1), "unet.last", s1);

		String logits = g.node("weights.scores", new Op.CandidatesAsChannels(), scores);
		String masked = g.node("weights.masked", new Op.MaskCandidates(s.firstShift()), logits);
		String w = g.node("weights", new Op.SoftmaxChannels(), masked);

		// sum_k W_k ref_k, computed as 128 + sum_k W_k (ref_k - 128): smaller float32 sums
		String refVol = g.node("average.reference", new Op.ShiftCandidates(d, s.firstShift()), reference);
		String centred = g.node("average.centred", new Op.Affine(1, -128), refVol);
		String weighted = g.node("average.sum", new Op.WeightedSum(), w, centred);
		String avg = g.node("average", new Op.Affine(1, 128), weighted);
		g.node("chroma", new Op.SelectChannels(1, 2), avg);
		g.node("luminance", new Op.SelectChannels(0), avg);
		return g.build("chroma", "luminance", "weights");
	}

	private static Graph refinement() {
		GraphBuilder g = new GraphBuilder(NetworkKind.REFINEMENT, BN_EPS);
		String in = g.input("colorized", 3);
		String y = normalized(g, "input.gray.normalized", g.node("input.gray", new Op.SelectChannels(0), in));
		String guide = resnet(g, "guide", "guide", y, 1, REFINE_FILTERS, 1);
		String chroma = g.node("input.chroma", new Op.SelectChannels(1, 2), in);
		String x = g.node("residue.input", new Op.Concat(2), normalized(g, "input.chroma.normalized", chroma), guide);
		String r = resnet(g, "residue", "residue", x, 3, REFINE_FILTERS, 2);
		g.node("refined", new Op.Add(), chroma, r);
		return g.build("refined");
	}

	static Graph structureSimilarity() {
		GraphBuilder g = new GraphBuilder(NetworkKind.STRUCTURE_SIMILARITY, BN_EPS);
		String a = g.input("gray", 1);
		String b = g.input("warped_luminance", 1);
		String fa = resnet(g, "features.gray", "features.gray", normalized(g, "input.gray.normalized", a), 1, SSM_FILTERS, SSM_FILTERS);
		String fb = resnet(g, "features.warped", "features.warped", normalized(g, "input.warped.normalized", b), 1, SSM_FILTERS, SSM_FILTERS);
		String lcs = g.node("ssim", Op.SsimComponents.standard(), a, b);
		String x = g.node("fusion.input", new Op.Concat(3), fa, fb, lcs);
		resnet(g, "fusion", "fusion", x, 2 * SSM_FILTERS + 3, SSM_FILTERS, 1, "structure_similarity");
		return g.build("structure_similarity");
	}

	/**
	 * 0..255 values mapped to about -2..2 ((v - 128) / 64) before a ResNet: better-conditioned
	 * float32 sums in the first convolution, and a scale that suits training from scratch.
	 */
	static String normalized(GraphBuilder g, String name, String in) {
		return g.node(name, new Op.Affine(1 / 64.0, -2), in);
	}

	/**
	 * The paper's 18-layer ResNet: 5x5 conv (cin -> n) + BN + ReLU, 8 residual blocks of two 3x3
	 * convs with BN + ReLU, and a last 3x3 conv (n -> out) without BN/ReLU.
	 */
	static String resnet(GraphBuilder g, String name, String params, String in, int cin, int n, int out) {
		return resnet(g, name, params, in, cin, n, out, name + ".out");
	}

	/** The ResNet with its output value named {@code outName}. */
	static String resnet(GraphBuilder g, String name, String params, String in, int cin, int n, int out, String outName) {
		return resnet(g, name, params, in, cin, n, out, outName, 8);
	}

	/** The ResNet with {@code blocks} residual blocks instead of the paper's 8. */
	static String resnet(GraphBuilder g, String name, String params, String in, int cin, int n, int out, String outName, int blocks) {
		String x = g.convBnRelu(name + ".c1", params + ".c1", Op.Conv.same(2, cin, n, 5), in);
		for (int b = 0; b < blocks; b++) x = g.residualBlock(name + ".res" + b, params + ".res" + b, 2, n, x);
		return g.layer(outName, Op.Conv.same(2, n, out, 3), params + ".out", x);
	}

	private static String down(GraphBuilder g, String name, String in, int cin, int cout) {
		String x = g.convBnRelu(name + ".1", name + ".1", AuthorsAaai20.stride2(cin, cout), in);
		return g.convBnRelu(name + ".2", name + ".2", Op.Conv.same(3, cout, cout, 3), x);
	}
}
