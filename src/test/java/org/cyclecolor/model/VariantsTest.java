package org.cyclecolor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.cyclecolor.image.YCbCrRange;

class VariantsTest {

	@Test
	void authorsVariantHasExactlyTheReleasedParameterCount() {
		// 125,039 parameters counted in the authors' s0.h5 (research notes, section 2).
		assertEquals(125_039, Variants.get("authors-aaai20").graph(NetworkKind.COLORIZATION).parameterCount());
	}

	@Test
	void everyNetworkProducesTheUniformInterface() {
		for (Variant v : Variants.all()) {
			// the authors' 256x172 samples, padded to the variant's size multiple as the engine pads them
			int h = (172 + v.sizeMultiple() - 1) / v.sizeMultiple() * v.sizeMultiple();
			Map<String, Dims> d = v.graph(NetworkKind.COLORIZATION).shapes(h, 256);
			assertEquals(Dims.map(2, h, 256), d.get("chroma"), v.name());
			assertEquals(Dims.map(1, h, 256), d.get("luminance"), v.name());
			assertEquals(Dims.map(v.candidates(), h, 256), d.get("weights"), v.name());
		}
		Variant c = Variants.get("cyclecnn");
		assertEquals(Dims.map(2, 100, 90), c.graph(NetworkKind.REFINEMENT).shapes(100, 90).get("refined"));
		assertEquals(Dims.map(1, 30, 50), c.graph(NetworkKind.STRUCTURE_SIMILARITY).shapes(30, 50).get("structure_similarity"));
	}

	@Test
	void variantSettingsAreThePapersAndTheAuthors() {
		Variant a = Variants.get("authors-aaai20");
		assertEquals(48, a.candidates());
		assertEquals(1, a.firstShift());
		assertEquals(Variant.OutOfImage.ZERO_PADDED, a.settings().outOfImage());
		assertEquals(YCbCrRange.STUDIO, a.colorRange());
		assertTrue(a.upsideDown());
		assertEquals(new Frame(true, true), a.frame(org.cyclecolor.method.ColorSide.LEFT)); // their 180-degree rotation
		assertEquals(new Frame(false, true), a.frame(org.cyclecolor.method.ColorSide.RIGHT));
		assertFalse(a.has(NetworkKind.REFINEMENT));
		Variant c = Variants.get("cyclecnn");
		assertEquals(0, c.firstShift());
		assertEquals(Variant.OutOfImage.MASKED, c.settings().outOfImage());
		assertEquals(new Frame(true, false), c.frame(org.cyclecolor.method.ColorSide.LEFT));
		assertEquals(Frame.IDENTITY, c.frame(org.cyclecolor.method.ColorSide.RIGHT));
		assertTrue(c.graph(NetworkKind.COLORIZATION).nodes().stream().anyMatch(n -> n.op() instanceof Op.MaskCandidates));
		assertTrue(a.graph(NetworkKind.COLORIZATION).nodes().stream().noneMatch(n -> n.op() instanceof Op.MaskCandidates));
		// the paper's 18-layer tower: 18 convolutions, n = 16, shared by both views
		long towerConvs = c.graph(NetworkKind.COLORIZATION).params().stream()
			.filter(p -> p.name().startsWith("tower.") && p.role() == ParamSpec.Role.KERNEL).count();
		assertEquals(18, towerConvs);
		assertEquals(16, c.graph(NetworkKind.COLORIZATION).shapes(8, 8).get("tower.target.out").channels());
	}

	@Test
	void sizesThatAreNotMultiplesOfFourAreRefusedByTheDescription() {
		Graph g = Variants.get("cyclecnn").graph(NetworkKind.COLORIZATION);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.shapes(170, 256));
		assertTrue(e.getMessage().contains("multiples"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Variants.get("cyclecnn", 50));
		assertEquals(32, Variants.get("cyclecnn", 32).graph(NetworkKind.COLORIZATION).shapes(8, 16).get("weights").channels());
	}

	@Test
	void macsAreCountedPerStage() {
		Graph a = Variants.get("authors-aaai20").graph(NetworkKind.COLORIZATION);
		Map<String, Long> stages = a.macsByStage(172, 256);
		// unet.conv1 alone: 48 * 172 * 256 voxels * 27 taps * 20 in * 8 out
		assertTrue(stages.get("unet") > 48L * 172 * 256 * 27 * 20 * 8);
		assertEquals(a.macs(172, 256), stages.values().stream().mapToLong(Long::longValue).sum());
		// the towers: per pixel and view, 5x5x3x8 + 3 x 3x3x8x8 + 16 x 3x3x8x8 (appearance) and the geometry tower once
		long appearance = 2L * 172 * 256 * (5 * 5 * 3 * 8 + 19 * 9 * 8 * 8);
		long geometry = 172L * 256 * (5 * 5 * 2 * 8 + 2 * 9 * 8 * 8 + 9 * 8 * 2);
		assertEquals(appearance + geometry, stages.get("tower"));
	}

	@Test
	void unknownVariantNamesTheKnownOnes() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Variants.get("dong19"));
		assertTrue(e.getMessage().contains("cyclecnn") && e.getMessage().contains("authors-aaai20"));
	}

	@Test
	void weightsReportEveryMisfit() {
		Graph g = Variants.get("cyclecnn").graph(NetworkKind.REFINEMENT);
		Weights w = Weights.initialize(g, 1);
		assertTrue(w.problems(g).isEmpty());
		String first = g.params().get(0).name();
		w.put(first, Tensor.zeros(1));
		w.put("stray", Tensor.zeros(2));
		w.get(g.params().get(1).name()).data()[0] = Float.NaN;
		var p = w.problems(g);
		assertEquals(3, p.size(), p.toString());
		assertThrows(IllegalArgumentException.class, () -> w.requireFits(g));
	}

	@Test
	void sharedParametersMustAgree() {
		GraphBuilder b = new GraphBuilder(null, 1e-3);
		b.input("x", 2);
		b.layer("a", Op.Conv.same(2, 2, 4, 3), "conv", "x");
		b.layer("b", Op.Conv.same(2, 2, 8, 3), "conv", "x");
		assertThrows(IllegalArgumentException.class, () -> b.build("b"));
	}

	@Test
	void theGuidedVariantsDifferOnlyByThePrior() {
		Variant g = Variants.get("cyclecnn-guided"), l = Variants.get("cyclecnn-lite");
		assertTrue(g.readsPrior());
		assertFalse(l.readsPrior());
		assertFalse(Variants.get("cyclecnn").readsPrior());
		assertEquals(96, g.candidates());
		assertEquals(8, g.sizeMultiple());
		assertEquals(512, g.workingWidth());
		assertEquals(256, Variants.get("cyclecnn").workingWidth());
		// the prior adds the coarse prior channels and one weight of the full-resolution sum, nothing else
		long extra = g.graph(NetworkKind.COLORIZATION).parameterCount() - l.graph(NetworkKind.COLORIZATION).parameterCount();
		assertEquals(24 * 64 * 9 + 1, extra);
		// the structure-similarity network is cyclecnn's: a pre-trained one serves all three
		assertEquals(Variants.get("cyclecnn").graph(NetworkKind.STRUCTURE_SIMILARITY).params().toString(),
			g.graph(NetworkKind.STRUCTURE_SIMILARITY).params().toString());
		// about a fifth of cyclecnn's multiply-accumulates at the paper's 512x256 training crop
		double ratio = (double) g.graph(NetworkKind.COLORIZATION).macs(256, 512) / Variants.get("cyclecnn").graph(NetworkKind.COLORIZATION).macs(256, 512);
		assertTrue(ratio < 0.25, "MAC ratio " + ratio);
	}
}
