package org.cyclecolor.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cyclecolor.Progress;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Variant;
import org.cyclecolor.model.Variants;

/** Scratch: how fast one tiny crop overfits. */
class OverfitTest {

	@TempDir
	Path tmp;

	@Test
	void scratch() {
		Variant v = Variants.get("cyclecnn");
		MemoryPairs data = new MemoryPairs(1, 64, 32, 3, 5);
		for (TrainingConfig.Mode mode : new TrainingConfig.Mode[] { TrainingConfig.Mode.SUPERVISED, TrainingConfig.Mode.CYCLE }) {
			TrainingConfig c = TrainingConfig.paper().withMode(mode).withStructure(TrainingConfig.StructureLoss.SSIM).withCrop(64, 32)
				.withSteps(150).withCheckpointEvery(1000).withShrink(1).withRefinement(false);
			TrainingData d = mode == TrainingConfig.Mode.CYCLE ? TrainingData.cycle(v, List.of(data.withoutGroundTruth()), c, 1 << 28, Progress.NONE)
				: TrainingData.supervised(v, List.of(data), c, 1 << 28, Progress.NONE);
			ModelBundle start = ModelBundle.initialized(v, 1, Provenance.empty());
			Trainer t = new Trainer(Trainer.Start.fresh(start, c), d, tmp.resolve(mode + ".ckpt"), 2, Map.of());
			long t0 = System.nanoTime();
			Trainer.Outcome o = t.run(Progress.NONE, new TrainingListener() {
				public void onStep(TrainingEvent e) {
					if (e.step() % 10 == 0) System.out.println(mode + " " + e.step() + " " + e.terms());
				}
			}, new TrainingControl());
			System.out.printf(Locale.ROOT, "%s %.1f s%n", mode, (System.nanoTime() - t0) / 1e9);
			assertTrue(o.step() == 150);
		}
	}
}
