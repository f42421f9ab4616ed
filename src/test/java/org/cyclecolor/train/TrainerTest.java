package org.cyclecolor.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cyclecolor.CancelledException;
import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Variant;
import org.cyclecolor.model.Variants;
import org.cyclecolor.model.Weights;
import org.cyclecolor.synth.DatasetPair;
import org.cyclecolor.synth.GroundTruth;
import org.cyclecolor.synth.MonoColorPair;

/**
 * The training loop: a resumed run continues bit for bit, cancel and finish keep a valid
 * checkpoint, a NaN loss stops the run naming the step and the term, checkpoints read back
 * exactly, and a tiny crop overfits.
 */
class TrainerTest {

	@TempDir
	Path tmp;

	private static final Variant V = Variants.get("cyclecnn");

	/** The cycle objective (SSIM structure loss: no pre-trained network needed) with refinement. */
	private static TrainingConfig cycle(int steps, int every) {
		return TrainingConfig.paper().withStructure(TrainingConfig.StructureLoss.SSIM).withCrop(48, 32).withSteps(steps)
			.withCheckpointEvery(every).withShrink(0).withSeed(7);
	}

	private static TrainingData data(TrainingConfig c) {
		return TrainingData.cycle(V, List.of(new MemoryPairs(2, 64, 40, 3, 5).withoutGroundTruth()), c, 1 << 28, Progress.NONE);
	}

	private static ModelBundle fresh() {
		ModelBundle b = ModelBundle.initialized(V, 1, Provenance.empty());
		Map<NetworkKind, Weights> w = new java.util.EnumMap<>(NetworkKind.class);
		w.put(NetworkKind.COLORIZATION, b.weights(NetworkKind.COLORIZATION));
		w.put(NetworkKind.REFINEMENT, b.weights(NetworkKind.REFINEMENT));
		return new ModelBundle(V, w, Provenance.empty());
	}

	private Trainer.Outcome train(TrainingConfig c, Path ckpt, Progress progress, TrainingControl control, TrainingListener l) {
		return new Trainer(Trainer.Start.fresh(fresh(), c), data(c), ckpt, 2, Map.of("command", "test")).run(progress, l, control);
	}

	private static void assertSameWeights(ModelBundle a, ModelBundle b) {
		for (NetworkKind k : a.networks()) {
			Weights wa = a.weights(k), wb = b.weights(k);
			assertEquals(wa.names(), wb.names());
			for (String n : wa.names()) assertArrayEquals(wa.get(n).data(), wb.get(n).data(), 0f, k.key() + "/" + n);
		}
	}

	@Test
	void aResumedRunContinuesBitForBit() {
		Path whole = tmp.resolve("whole.ckpt"), part = tmp.resolve("part.ckpt");
		Trainer.Outcome uninterrupted = train(cycle(4, 2), whole, Progress.NONE, new TrainingControl(), TrainingListener.NONE);
		train(cycle(2, 2), part, Progress.NONE, new TrainingControl(), TrainingListener.NONE);
		Checkpoint saved = Checkpoint.read(part);
		assertEquals(2, saved.step());
		Trainer.Outcome resumed = new Trainer(Trainer.Start.resume(saved, 4), data(cycle(4, 2)), part, 2, Map.of()).run(Progress.NONE,
			TrainingListener.NONE, new TrainingControl());
		assertEquals(4, resumed.step());
		for (int s = 0; s < 4; s++) {
			assertEquals(uninterrupted.history().get(s), resumed.history().get(s), "step " + (s + 1));
		}
		assertSameWeights(uninterrupted.model(), resumed.model());
		System.out.println("losses of steps 3 and 4, uninterrupted and resumed: " + uninterrupted.history().subList(2, 4) + " "
			+ resumed.history().subList(2, 4));
	}

	@Test
	void aCheckpointReadsBackExactly() {
		Path p = tmp.resolve("a.ckpt");
		Trainer.Outcome o = train(cycle(2, 1), p, Progress.NONE, new TrainingControl(), TrainingListener.NONE);
		Checkpoint c = Checkpoint.read(p);
		assertEquals(2, c.step());
		assertEquals(cycle(2, 1), c.config());
		assertEquals(o.history(), c.history());
		assertSameWeights(o.model(), c.model());
		assertEquals(Trainer.fingerprint(data(cycle(2, 1))), c.dataFingerprint());
		assertEquals("test", c.info().get("command"));
		assertEquals("2", c.model().provenance().get("training_steps"));
		assertTrue(c.optimizer().size() > 100, "the optimizer's accumulators are saved: " + c.optimizer().size());
	}

	@Test
	void cancelLeavesAValidCheckpointThatResumes() {
		Path p = tmp.resolve("c.ckpt");
		AtomicInteger steps = new AtomicInteger();
		Progress cancelAfterTwo = new Progress() {
			public void report(double fraction, String message) {}

			public boolean isCancelled() {
				return steps.get() >= 2;
			}
		};
		assertThrows(CancelledException.class, () -> train(cycle(5, 100), p, cancelAfterTwo, new TrainingControl(), new TrainingListener() {
			public void onStep(TrainingEvent e) {
				steps.set(e.step());
			}
		}));
		Checkpoint c = Checkpoint.read(p);
		assertEquals(2, c.step(), "the checkpoint holds the cancelled run's last step");
		Trainer.Outcome resumed = new Trainer(Trainer.Start.resume(c, 0), data(cycle(5, 100)), p, 2, Map.of()).run(Progress.NONE,
			TrainingListener.NONE, new TrainingControl());
		assertEquals(5, resumed.step());
		assertEquals(5, resumed.history().size());
	}

	@Test
	void finishStopsEarlyAndKeepsTheModel() {
		TrainingControl control = new TrainingControl();
		Path p = tmp.resolve("f.ckpt");
		Trainer.Outcome o = train(cycle(6, 100), p, Progress.NONE, control, new TrainingListener() {
			public void onStep(TrainingEvent e) {
				if (e.step() == 3) control.requestFinish();
			}
		});
		assertEquals(Trainer.Ending.FINISHED_EARLY, o.ending());
		assertEquals(3, o.step());
		assertEquals(3, Checkpoint.read(p).step());
		assertEquals("3", o.model().provenance().get("training_steps"));
	}

	@Test
	void aNanLossStopsTheRunNamingTheStepAndTheTerm() {
		MemoryPairs pairs = new MemoryPairs(1, 64, 40, 3, 5);
		DatasetPair good = pairs.load(0);
		FloatPlane gray = good.pair().gray().copy();
		gray.set(30, 20, Float.NaN); // inside every 48x32 crop of the 64x40 pair
		MonoColorPair bad = new MonoColorPair("nan", gray, good.pair().color(), good.pair().colorSide(), 5, Map.of());
		pairs.add(new DatasetPair(bad, new GroundTruth(good.groundTruth().get().color(), null, null)));
		TrainingConfig c = cycle(20, 100);
		TrainingData d = TrainingData.cycle(V, List.of(pairs.withoutGroundTruth()), c, 1 << 28, Progress.NONE);
		int first = 0;
		while (d.crop(first).index() != 1) first++;
		int expectedStep = first + 1;
		Path p = tmp.resolve("n.ckpt");
		UserException e = assertThrows(UserException.class, () -> new Trainer(Trainer.Start.fresh(fresh(), c), d, p, 2, Map.of())
			.run(Progress.NONE, TrainingListener.NONE, new TrainingControl()));
		System.out.println(e.getMessage());
		assertTrue(e.getMessage().startsWith("Training stopped at step " + expectedStep + ": the structure loss became NaN."),
			e.getMessage());
		assertTrue(e.getMessage().contains("The last good checkpoint (step 0) is kept in " + p), e.getMessage());
		assertEquals(0, Checkpoint.read(p).step());
	}

	@Test
	void aTinyCropOverfits() {
		// One pair, one crop (the whole 64x32 image): supervised chroma error and the cycle objective must fall.
		MemoryPairs one = new MemoryPairs(1, 64, 32, 3, 5);
		TrainingConfig sup = TrainingConfig.paper().withMode(TrainingConfig.Mode.SUPERVISED).withCrop(64, 32).withSteps(60)
			.withCheckpointEvery(1000).withRefinement(false);
		Trainer.Outcome o = new Trainer(Trainer.Start.fresh(fresh(), sup), TrainingData.supervised(V, List.of(one), sup, 1 << 28,
			Progress.NONE), tmp.resolve("o.ckpt"), 2, Map.of()).run(Progress.NONE, TrainingListener.NONE, new TrainingControl());
		double firstLoss = o.history().get(0).get(Objective.TOTAL);
		double last = Trainer.recentMeans(o.history(), 5).get(Objective.TOTAL);
		System.out.println("supervised: first " + firstLoss + ", mean of the last 5 " + last);
		assertTrue(last < OVERFIT_SUPERVISED, "after 60 steps the chroma MSE is " + last + " (first step " + firstLoss + ")");
	}

	@Test
	void refinementModeTrainsTheRefinementAloneAndLowersItsError() {
		// A guided model: its untrained refinement is the identity, so the refinement's first error is M's.
		Variant g = Variants.get("cyclecnn-guided", 16);
		MemoryPairs one = new MemoryPairs(1, 64, 32, 3, 5);
		TrainingConfig c = TrainingConfig.paper().withMode(TrainingConfig.Mode.REFINEMENT).withCrop(64, 32).withSteps(30)
			.withCheckpointEvery(1000);
		ModelBundle start = ModelBundle.initialized(g, 1, Provenance.empty());
		Map<NetworkKind, Weights> w = new java.util.EnumMap<>(NetworkKind.class);
		w.put(NetworkKind.COLORIZATION, start.weights(NetworkKind.COLORIZATION));
		w.put(NetworkKind.REFINEMENT, start.weights(NetworkKind.REFINEMENT));
		start = new ModelBundle(g, w, Provenance.empty());
		Trainer.Outcome o = new Trainer(Trainer.Start.fresh(start, c), TrainingData.supervised(g, List.of(one), c, 1 << 28, Progress.NONE),
			tmp.resolve("r.ckpt"), 2, Map.of()).run(Progress.NONE, TrainingListener.NONE, new TrainingControl());
		ModelBundle end = o.model();
		Weights m0 = start.weights(NetworkKind.COLORIZATION), m1 = end.weights(NetworkKind.COLORIZATION);
		for (String n : m0.names()) assertArrayEquals(m0.get(n).data(), m1.get(n).data(), 0f, "M is fixed: " + n);
		double first = o.history().get(0).get(Objective.REFINEMENT), last = Trainer.recentMeans(o.history(), 5).get(Objective.REFINEMENT);
		assertEquals(o.history().get(0).get(Objective.SUPERVISED), first, 1e-9, "an untrained refinement changes nothing");
		System.out.println("refinement mode: first " + first + ", mean of the last 5 " + last);
		assertTrue(last < 0.8 * first, "the refinement's error falls: " + first + " -> " + last);
	}

	/**
	 * Mean squared chroma error (fraction of full scale, squared) a single 64x32 crop gets below
	 * within 60 steps: 5.7 levels of 255 RMS, from about 31 at the first step (measured: 3.5e-4).
	 */
	static final double OVERFIT_SUPERVISED = 5e-4;

	static boolean exists(Path p) {
		return Files.exists(p);
	}
}
