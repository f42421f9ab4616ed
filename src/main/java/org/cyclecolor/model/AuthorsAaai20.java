package org.cyclecolor.model;

import java.util.Set;

import org.cyclecolor.image.YCbCrRange;

/**
 * The colorization network M exactly as released with the Cycle-CNN paper (Dong et al., AAAI
 * 2020; code {@code bupt-wx/Colorization-Towards-Real-Monochrome-Color-Camera-Systems}, weights
 * {@code model/s0.h5}), established by an independent re-implementation that reproduced the
 * authors' outputs (research notes, section 8):
 * <ul>
 * <li>each view enters as [Cr, Cb, Y] (studio-range 0..255) plus two geometry channels;</li>
 * <li>appearance tower, n = 8: 5x5 conv, three 3x3 convs, 8 residual blocks (20 convolutions),
 * all BN + ReLU; geometry tower: 5x5 conv, two 3x3 convs, 3x3 conv to 2 channels, all BN + ReLU;
 * 10 feature channels per view;</li>
 * <li>a concatenation volume over 48 candidates {@code ref(x - 1 - k)}, zero-padded;</li>
 * <li>a 3-D U-Net with two stride-2 levels (TF "same": pad 0 before, 1 after) and transposed
 * convolutions that are their exact adjoints, additive skips, a final conv + BN + ReLU;</li>
 * <li>softmax over candidates of those ReLU'd scores; the weighted average of the reference's
 * channels. BatchNorm epsilon 1e-3 (Keras).</li>
 * </ul>
 * The authors rotate both images by 180 degrees around the network (their colour camera is on
 * the left): in this description the network's frame is upside down ({@link Variant#upsideDown()})
 * and, for their rig, also flipped left to right — together their rotation. No refinement network
 * was released.
 */
public final class AuthorsAaai20 {

	public static final String NAME = "authors-aaai20";
	public static final int CANDIDATES = 48;
	public static final int FILTERS = 8;
	public static final double BN_EPS = 1e-3;

	private AuthorsAaai20() {}

	public static Variant variant() {
		return new Variant(new Variant.Settings(NAME,
			"The Cycle-CNN authors' released network M (n = 8, geometry channels, 3-D U-Net; studio-range YCbCr).",
			CANDIDATES, 1, Variant.OutOfImage.ZERO_PADDED, YCbCrRange.STUDIO, true, 4, 256,
			Set.of(NetworkKind.COLORIZATION)), AuthorsAaai20::graph);
	}

	static Graph graph(Variant.Settings s, NetworkKind kind) {
		if (kind != NetworkKind.COLORIZATION) throw new IllegalArgumentException(NAME + " has no " + kind.key() + " network.");
		int d = s.candidates();
		GraphBuilder g = new GraphBuilder(kind, BN_EPS);
		String target = g.input("target", 3);
		String reference = g.input("reference", 3);

		// The authors' channel order [Cr, Cb, Y]; geometry channels depend only on the size.
		String tIn = g.node("input.target", new Op.SelectChannels(2, 1, 0), target);
		String rIn = g.node("input.reference", new Op.SelectChannels(2, 1, 0), reference);
		String geo = g.node("input.geometry", new Op.GeometryChannels(), target);

		String tA = appearance(g, "target", tIn);
		String rA = appearance(g, "reference", rIn);
		String gF = geometry(g, geo); // identical for both views: computed once
		String tF = g.node("features.target", new Op.Concat(2), tA, gF);
		String rF = g.node("features.reference", new Op.Concat(2), rA, gF);

		String tV = g.node("volume.target", new Op.RepeatCandidates(d), tF);
		String rV = g.node("volume.reference", new Op.ShiftCandidates(d, s.firstShift()), rF);
		String vol = g.node("volume", new Op.Concat(2), tV, rV);

		String scores = unet(g, vol);
		String logits = g.node("weights.scores", new Op.CandidatesAsChannels(), scores);
		String w = g.node("weights", new Op.SoftmaxChannels(), logits);

		// sum_k W_k ref_k, computed as 128 + sum_k W_k (ref_k - 128): smaller float32 sums
		String refVol = g.node("average.reference", new Op.ShiftCandidates(d, s.firstShift()), reference);
		String centred = g.node("average.centred", new Op.Affine(1, -128), refVol);
		String weighted = g.node("average.sum", new Op.WeightedSum(), w, centred);
		String avg = g.node("average", new Op.Affine(1, 128), weighted);
		g.node("chroma", new Op.SelectChannels(1, 2), avg);
		g.node("luminance", new Op.SelectChannels(0), avg);
		return g.build("chroma", "luminance", "weights");
	}

	private static String appearance(GraphBuilder g, String view, String in) {
		String p = "appearance";
		String v = "tower." + view;
		String x = g.convBnRelu(v + ".c1", p + ".c1", Op.Conv.same(2, 3, FILTERS, 5), in);
		for (int i = 2; i <= 4; i++) x = g.convBnRelu(v + ".c" + i, p + ".c" + i, Op.Conv.same(2, FILTERS, FILTERS, 3), x);
		for (int b = 0; b < 8; b++) x = g.residualBlock(v + ".res" + b, p + ".res" + b, 2, FILTERS, x);
		return x;
	}

	private static String geometry(GraphBuilder g, String in) {
		String p = "geometry";
		String v = "tower.geometry";
		String x = g.convBnRelu(v + ".c1", p + ".c1", Op.Conv.same(2, 2, FILTERS, 5), in);
		x = g.convBnRelu(v + ".c2", p + ".c2", Op.Conv.same(2, FILTERS, FILTERS, 3), x);
		x = g.convBnRelu(v + ".c3", p + ".c3", Op.Conv.same(2, FILTERS, FILTERS, 3), x);
		return g.convBnRelu(v + ".c4", p + ".c4", Op.Conv.same(2, FILTERS, 2, 3), x);
	}

	/** 20 -> 8 -> 8 [skip0]; /2: 16 x3 [skip1]; /4: 32 x3; up 16 + skip1; up 8 + skip0; 8 -> 1. */
	private static String unet(GraphBuilder g, String vol) {
		int n = FILTERS;
		String x = g.convBnRelu("unet.conv1", "unet.conv1", Op.Conv.same(3, 2 * (FILTERS + 2), n, 3), vol);
		String skip0 = g.convBnRelu("unet.conv2", "unet.conv2", Op.Conv.same(3, n, n, 3), x);
		String skip1 = down(g, "unet.down0", skip0, n, 2 * n);
		String bottom = down(g, "unet.down1", skip1, 2 * n, 4 * n);
		String up0 = g.convTransposeBnRelu("unet.up0", "unet.up0", up(4 * n, 2 * n), bottom);
		String s1 = g.node("unet.up0.skip", new Op.Add(), up0, skip1);
		String up1 = g.convTransposeBnRelu("unet.up1", "unet.up1", up(2 * n, n), s1);
		String s0 = g.node("unet.up1.skip", new Op.Add(), up1, skip0);
		return g.convBnRelu("unet.last", "unet.last", Op.Conv.same(3, n, 1, 3), s0);
	}

	private static String down(GraphBuilder g, String name, String in, int cin, int cout) {
		String x = g.convBnRelu(name + ".1", name + ".1", stride2(cin, cout), in);
		x = g.convBnRelu(name + ".2", name + ".2", Op.Conv.same(3, cout, cout, 3), x);
		return g.convBnRelu(name + ".3", name + ".3", Op.Conv.same(3, cout, cout, 3), x);
	}

	/** TensorFlow "same" at stride 2 on even sizes: no padding before, one after. */
	static Op.Conv stride2(int cin, int cout) {
		return new Op.Conv(3, cin, cout, 3, 2, 0, 1, true);
	}

	/** The exact adjoint of {@link #stride2}: output size 2n. */
	static Op.ConvTranspose up(int cin, int cout) {
		return new Op.ConvTranspose(3, cin, cout, 3, 2, 0, 1, true);
	}
}
