package org.cyclecolor.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.infer.OnnxExporter;
import org.cyclecolor.infer.OnnxModelFile;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Variants;
import org.cyclecolor.model.Weights;
import org.cyclecolor.synth.DatasetOptions;
import org.cyclecolor.synth.TestFiles;
import org.cyclecolor.train.Checkpoint;
import org.cyclecolor.train.OutOfMemory;
import org.cyclecolor.train.PairFolders;
import org.cyclecolor.train.TrainingConfig;
import org.cyclecolor.train.TrainingControl;
import org.cyclecolor.train.TrainingListener;

/**
 * The Train operation on pair folders: the written model is what was trained and ONNX Runtime
 * computes what the trainer computed; nothing is overwritten without asking; every bad input ends
 * in one sentence that names the offending files or values.
 */
class TrainOperationTest {

	@TempDir
	Path tmp;

	private static final DatasetOptions LEFT = DatasetOptions.defaults().withColorSide(ColorSide.LEFT).withMaxDisparity(6);

	private static TrainingConfig tiny(int steps) {
		return TrainingConfig.paper().withStructure(TrainingConfig.StructureLoss.SSIM).withCrop(48, 32).withSteps(steps)
			.withCheckpointEvery(100);
	}

	private TrainOperation op(Path data, Path model, int steps) {
		return new TrainOperation(List.of(data), LEFT, model).config(tiny(steps)).init(TrainOperation.SCRATCH).threads(2)
			.command("test");
	}

	@Test
	void theWrittenModelIsTheTrainedOneAndOnnxRuntimeAgrees() throws Exception {
		Path data = PairFolders.write(tmp.resolve("pairs"), 2, 64, 40);
		Path model = tmp.resolve("out/rig.onnx");
		TrainOperation.Result r = op(data, model, 3).run(Progress.NONE, TrainingListener.NONE, new TrainingControl());
		assertEquals(3, r.outcome().step());
		OnnxModelFile f = OnnxModelFile.read(model);
		for (NetworkKind k : List.of(NetworkKind.COLORIZATION, NetworkKind.REFINEMENT)) {
			Weights trained = r.outcome().model().weights(k), written = f.bundle().weights(k);
			for (String n : trained.names()) assertArrayEquals(trained.get(n).data(), written.get(n).data(), 0f, k.key() + "/" + n);
		}
		assertFalse(f.bundle().has(NetworkKind.STRUCTURE_SIMILARITY), "fresh structure-similarity weights are not shipped");
		Map<String, String> meta = f.metadata();
		assertEquals("3", meta.get("cyclecolor.provenance.training_steps"));
		assertEquals("cycle", meta.get("cyclecolor.provenance.training_mode"));
		assertEquals("test", meta.get("cyclecolor.provenance.command"));
		assertTrue(meta.get("cyclecolor.provenance.training_data").contains("(2 pairs)"), meta.toString());
		assertTrue(meta.get("cyclecolor.provenance.training_losses").startsWith("total "), meta.toString());
		assertTrue(meta.get("cyclecolor.provenance.software").contains("PyTorch"), meta.toString());
		assertTrue(meta.get("cyclecolor.provenance.parity").startsWith("colorization: ONNX Runtime vs trainer"), meta.toString());
		// The check itself, measured again on the written file: within the tolerance.
		ModelExport.Parity p = ModelExport.compare(f.bundle(), f, org.cyclecolor.train.TrainingBatch.of(f.variant(),
			FloatPlane.filled(48, 32, 90), TestImages.stripes(48, 32), ColorSide.LEFT, null), 2);
		System.out.println("parity: " + p.describe());
		assertTrue(p.acceptable(), p.describe());
		assertTrue(Files.isRegularFile(tmp.resolve("out/rig.ckpt")));
		try (var s = Files.list(tmp.resolve("out"))) {
			assertEquals(List.of("rig.ckpt", "rig.onnx"), s.map(x -> x.getFileName().toString()).sorted().toList(), "no temporary files left");
		}
	}

	@Test
	void nothingIsOverwrittenWithoutAsking() throws Exception {
		Path data = PairFolders.write(tmp.resolve("pairs"), 1, 64, 40);
		Path model = Files.writeString(tmp.resolve("mine.onnx"), "the user's earlier model");
		UserException e = assertThrows(UserException.class, () -> op(data, model, 1).run(Progress.NONE, TrainingListener.NONE,
			new TrainingControl()));
		assertTrue(e.getMessage().startsWith("The model " + model + " already exists"), e.getMessage());
		assertEquals("the user's earlier model", Files.readString(model));
		Path other = tmp.resolve("other.onnx");
		Files.writeString(tmp.resolve("other.ckpt"), "an earlier run");
		e = assertThrows(UserException.class, () -> op(data, other, 1).run(Progress.NONE, TrainingListener.NONE, new TrainingControl()));
		assertTrue(e.getMessage().startsWith("The checkpoint " + tmp.resolve("other.ckpt") + " already exists; resume that run"),
			e.getMessage());
		e = assertThrows(UserException.class, () -> op(data, tmp.resolve("none.onnx"), 1).resume(true).run(Progress.NONE,
			TrainingListener.NONE, new TrainingControl()));
		assertTrue(e.getMessage().startsWith("There is no checkpoint " + tmp.resolve("none.ckpt") + " to resume"), e.getMessage());
	}

	@Test
	void resumingOnOtherDataIsRefused() throws Exception {
		Path data = PairFolders.write(tmp.resolve("pairs"), 1, 64, 40);
		Path model = tmp.resolve("m.onnx");
		Path ckpt = tmp.resolve("m.ckpt");
		Checkpoint.class.getName();
		TrainOperation first = op(data, model, 1);
		first.run(Progress.NONE, TrainingListener.NONE, new TrainingControl());
		Path more = PairFolders.write(tmp.resolve("more"), 2, 64, 40);
		UserException e = assertThrows(UserException.class, () -> op(more, model, 2).resume(true).overwrite(true).run(Progress.NONE,
			TrainingListener.NONE, new TrainingControl()));
		assertTrue(e.getMessage().startsWith("The checkpoint m.ckpt was made on other data"), e.getMessage());
		assertTrue(Files.exists(ckpt));
	}

	@Test
	void badInputsEndInOneSentenceNamingTheFiles() throws Exception {
		Path empty = Files.createDirectories(tmp.resolve("empty"));
		assertMessage(empty, "The folder " + empty + " holds no dataset this suite recognises");

		Path unpartnered = PairFolders.write(tmp.resolve("unpartnered"), 2, 64, 40);
		Files.delete(unpartnered.resolve("color/p1.png"));
		assertMessage(unpartnered, "The pairs folder " + unpartnered + " has 1 broken item", "mono/p1.png: has no partner in color/");

		Path sizes = PairFolders.write(tmp.resolve("sizes"), 1, 64, 40);
		TestFiles.writeGray(FloatPlane.filled(60, 40, 100), sizes.resolve("mono/p0.png"));
		assertMessage(sizes, "The pairs folder " + sizes + " has 1 broken item", "sizes/color/p0.png", "sizes differ");

		Path small = PairFolders.write(tmp.resolve("small"), 2, 40, 24);
		assertMessage(small, "The crop size 48x32 is larger than 2 images", "p0 is 40x24", "p1 is 40x24", "choose a smaller crop");

		Path data = PairFolders.write(tmp.resolve("ok"), 1, 64, 40);
		UserException e = assertThrows(UserException.class, () -> op(data, tmp.resolve("s.onnx"), 1).config(tiny(1).withMode(
			TrainingConfig.Mode.SUPERVISED)).run(Progress.NONE, TrainingListener.NONE, new TrainingControl()));
		assertTrue(e.getMessage().startsWith("Supervised training needs the true colour of every pair"), e.getMessage());

		e = assertThrows(UserException.class, () -> op(data, tmp.resolve("l.onnx"), 1).config(tiny(1).withStructure(
			TrainingConfig.StructureLoss.LEARNED)).bundledModel(Optional::empty).run(Progress.NONE, TrainingListener.NONE,
				new TrainingControl()));
		assertEquals("The learned structure loss needs a pre-trained structure-similarity network and neither the starting model "
			+ "nor the shipped default model has one; run pretrain-ssm and pass its model (--ssm), or choose --structure-loss ssim.",
			e.getMessage());
		Path fresh = tmp.resolve("fresh.onnx");
		OnnxExporter.write(ModelBundle.initialized(Variants.get("cyclecnn"), 3, Provenance.empty()), fresh, false);
		e = assertThrows(UserException.class, () -> op(data, tmp.resolve("g.onnx"), 1).config(tiny(1).withStructure(
			TrainingConfig.StructureLoss.LEARNED)).structureNetwork(fresh).run(Progress.NONE, TrainingListener.NONE,
				new TrainingControl()));
		assertEquals("The file fresh.onnx holds no pre-trained cyclecnn structure-similarity network; give a model or checkpoint "
			+ "written by pretrain-ssm for this variant.", e.getMessage());

		e = assertThrows(UserException.class, () -> op(data, tmp.resolve("model.txt"), 1).run(Progress.NONE, TrainingListener.NONE,
			new TrainingControl()));
		assertTrue(e.getMessage().startsWith("The output model.txt must end with .onnx"), e.getMessage());

		e = assertThrows(UserException.class, () -> TrainingConfig.paper().withCrop(50, 32));
		assertTrue(e.getMessage().startsWith("The crop size must be at least 16x16 and a multiple of 4"), e.getMessage());
	}

	/** A stand-in for a pretrain-ssm result: seeded weights with the pre-training's record. */
	private static ModelBundle pretrained(long seed, String steps) {
		return ModelBundle.initialized(Variants.get("cyclecnn"), seed, Provenance.empty().with("ssm_steps", steps)
			.with("ssm_wall_time", "12 s"));
	}

	private static void assertSameStructureNetwork(ModelBundle expected, ModelBundle actual) {
		Weights a = expected.weights(NetworkKind.STRUCTURE_SIMILARITY), b = actual.weights(NetworkKind.STRUCTURE_SIMILARITY);
		for (String n : a.names()) assertArrayEquals(a.get(n).data(), b.get(n).data(), 0f, n);
	}

	@Test
	void theLearnedStructureLossTakesTheGivenNetworkElseTheStartingModelsElseTheDefaultModels() throws Exception {
		ModelBundle given = pretrained(11, "500"), starting = pretrained(12, "600"), shipped = pretrained(13, "700");
		ModelBundle bare = ModelBundle.initialized(Variants.get("cyclecnn"), 14, Provenance.empty());
		Path givenFile = tmp.resolve("given.onnx");
		OnnxExporter.write(given, givenFile, false);
		Supplier<Optional<ModelBundle>> bundled = () -> Optional.of(shipped);

		StructureNetworkSource.Choice c = StructureNetworkSource.choose(givenFile, starting, false, bundled).orElseThrow();
		assertEquals("the structure-similarity network of given.onnx (--ssm)", c.description());
		assertSameStructureNetwork(given, c.applyTo(bare));
		assertEquals("500", c.applyTo(starting).provenance().get("ssm_steps"), "the given network's record replaces the old one");

		c = StructureNetworkSource.choose(null, starting, false, bundled).orElseThrow();
		assertEquals("the starting model's structure-similarity network", c.description());
		assertSameStructureNetwork(starting, c.applyTo(bare));

		c = StructureNetworkSource.choose(null, bare, false, bundled).orElseThrow();
		assertEquals("the default model's structure-similarity network (the starting model has none)", c.description());
		assertEquals("Learned structure loss: the default model's structure-similarity network (the starting model has none) "
			+ "(pre-trained 700 steps, 12 s).", c.logLine());
		assertSameStructureNetwork(shipped, c.applyTo(bare));
		assertEquals("700", c.applyTo(bare).provenance().get("ssm_steps"));

		// A structure network with fresh weights (no pre-training recorded) does not count.
		assertTrue(StructureNetworkSource.choose(null, ModelBundle.initialized(Variants.get("cyclecnn"), 15, Provenance.empty()),
			false, Optional::empty).isEmpty());

		// A real run from fresh weights: the log says which network, the model carries it and records it.
		Path data = PairFolders.write(tmp.resolve("pairs"), 1, 64, 40);
		Path model = tmp.resolve("learned.onnx");
		ColorizeOperationTest.Log recording = new ColorizeOperationTest.Log();
		List<String> log = recording.lines;
		op(data, model, 1).config(tiny(1).withStructure(TrainingConfig.StructureLoss.LEARNED)).bundledModel(bundled).run(recording,
			TrainingListener.NONE, new TrainingControl());
		assertTrue(log.contains("Learned structure loss: the default model's structure-similarity network (the starting model has "
			+ "none) (pre-trained 700 steps, 12 s)."), log.toString());
		OnnxModelFile f = OnnxModelFile.read(model);
		assertSameStructureNetwork(shipped, f.bundle());
		assertEquals("700", f.metadata().get("cyclecolor.provenance.ssm_steps"));
		assertEquals("the default model's structure-similarity network (the starting model has none)",
			f.metadata().get("cyclecolor.provenance.training_structure_network"));
	}

	@Test
	void runningOutOfMemorySuggestsASmallerCrop() {
		RuntimeException native1 = new RuntimeException("[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: not enough "
			+ "memory: you tried to allocate 8589934592 bytes.");
		UserException e = OutOfMemory.explain(new ai.djl.engine.EngineException("forward failed", native1), 512, 256);
		assertEquals("Training ran out of memory with 512x256 crops; choose a smaller crop, e.g. 256x128 (a quarter of the memory), "
			+ "or free memory for the run.", e.getMessage());
		assertTrue(OutOfMemory.explain(new OutOfMemoryError("Java heap space"), 96, 48).getMessage().contains("e.g. 48x24"));
		assertEquals(null, OutOfMemory.explain(new IllegalStateException("shape mismatch"), 512, 256), "other failures pass through");
	}

	private void assertMessage(Path data, String start, String... contains) {
		UserException e = assertThrows(UserException.class, () -> op(data, tmp.resolve(data.getFileName() + ".onnx"), 1)
			.run(Progress.NONE, TrainingListener.NONE, new TrainingControl()));
		System.out.println(e.getMessage());
		assertTrue(e.getMessage().startsWith(start), e.getMessage());
		for (String c : contains) assertTrue(e.getMessage().contains(c), "'" + c + "' in: " + e.getMessage());
		assertFalse(Files.exists(tmp.resolve(data.getFileName() + ".onnx")));
	}
}
