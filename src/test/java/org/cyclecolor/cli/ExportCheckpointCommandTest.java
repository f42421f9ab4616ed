package org.cyclecolor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cyclecolor.infer.OnnxModelFile;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Variants;
import org.cyclecolor.model.Weights;
import org.cyclecolor.train.Checkpoint;
import org.cyclecolor.train.PairFolders;
import org.cyclecolor.train.TrainingConfig;

/**
 * {@code cyclecolor export-checkpoint} (the path the default model is packaged by): a real tiny
 * training run's checkpoint becomes a model with the checkpoint's weights and provenance, parity
 * checked; a pre-trained structure-similarity network is carried over from another checkpoint;
 * mistakes end in one sentence.
 */
class ExportCheckpointCommandTest {

	@TempDir
	Path dir;

	@Test
	@SuppressWarnings("unchecked")
	void writesTheCheckpointsModelWithItsProvenanceAndAStructureNetwork() throws Exception {
		Path pairs = PairFolders.write(dir.resolve("pairs"), 1, 64, 40);
		Path trained = dir.resolve("run/tiny.onnx");
		Files.createDirectories(trained.getParent());
		ImportModelCommandTest.Run t = ImportModelCommandTest.run("train", pairs.toString(), "--color-side", "left", "--max-disparity",
			"6", "--init", "scratch", "--structure-loss", "ssim", "--crop", "48x32", "--steps", "2", "--threads", "2", "-o",
			trained.toString());
		assertEquals(ExitCode.OK, t.code(), t.err());
		Path ckpt = dir.resolve("run/tiny.ckpt");
		Checkpoint c = Checkpoint.read(ckpt);

		// A pretrain-ssm checkpoint stand-in: structure-similarity weights with the provenance pretrain-ssm writes.
		Weights ssmWeights = Weights.initialize(Variants.get("cyclecnn").graph(NetworkKind.STRUCTURE_SIMILARITY), 42);
		ModelBundle ssmModel = ModelBundle.initialized(Variants.get("cyclecnn"), 3, Provenance.of(Map.of("ssm_steps", "7",
			"ssm_data", "test photos"))).with(NetworkKind.STRUCTURE_SIMILARITY, ssmWeights);
		Path ssm = dir.resolve("ssm.ckpt");
		new Checkpoint(ssmModel, Map.of(), 7, TrainingConfig.paper().withMode(TrainingConfig.Mode.STRUCTURE_SIMILARITY).withSteps(7),
			"none", 1, Map.of(), List.of()).write(ssm);

		Path model = dir.resolve("packaged.onnx");
		ImportModelCommandTest.Run r = ImportModelCommandTest.run("export-checkpoint", ckpt.toString(), "--ssm", ssm.toString(), "-o",
			model.toString(), "--threads", "2", "--json");
		assertEquals(ExitCode.OK, r.code(), r.err());
		Map<String, Object> json = new Gson().fromJson(r.out(), Map.class);
		assertEquals(2.0, json.get("step"));
		assertEquals(List.of("colorization", "refinement", "structure-similarity"), json.get("networks"));
		assertTrue(((String) json.get("parity")).startsWith("colorization: ONNX Runtime vs trainer"), r.out());

		OnnxModelFile f = OnnxModelFile.read(model);
		for (NetworkKind k : List.of(NetworkKind.COLORIZATION, NetworkKind.REFINEMENT)) {
			for (String n : c.model().weights(k).names()) {
				assertArrayEquals(c.model().weights(k).get(n).data(), f.bundle().weights(k).get(n).data(), 0f, k.key() + "/" + n);
			}
		}
		for (String n : ssmWeights.names()) {
			assertArrayEquals(ssmWeights.get(n).data(), f.bundle().weights(NetworkKind.STRUCTURE_SIMILARITY).get(n).data(), 0f, n);
		}
		Map<String, String> meta = f.metadata();
		assertEquals("2", meta.get("cyclecolor.provenance.training_steps"));
		assertTrue(meta.get("cyclecolor.provenance.command").startsWith("cyclecolor train "), meta.toString());
		assertTrue(meta.get("cyclecolor.provenance.training_datasets").endsWith("pairs"), meta.toString());
		assertTrue(meta.get("cyclecolor.provenance.training_wall_time").endsWith(" s"), meta.toString());
		assertTrue(meta.get("cyclecolor.provenance.software").contains("PyTorch"), meta.toString());
		assertEquals("checkpoint tiny.ckpt at step 2 (target 2)", meta.get("cyclecolor.provenance.exported_from"));
		assertEquals("7", meta.get("cyclecolor.provenance.ssm_steps"));
		assertTrue(meta.get("cyclecolor.provenance.parity").startsWith("colorization: ONNX Runtime vs trainer"), meta.toString());

		ImportModelCommandTest.Run again = ImportModelCommandTest.run("export-checkpoint", ckpt.toString(), "-o", model.toString());
		assertEquals(ExitCode.INPUT, again.code());
		assertTrue(again.err().contains("The model " + model + " already exists"), again.err());

		// A file without a pre-trained structure network is refused by name; nothing is written.
		Path other = dir.resolve("other.onnx");
		ImportModelCommandTest.Run noSsm = ImportModelCommandTest.run("export-checkpoint", ckpt.toString(), "--ssm", ckpt.toString(),
			"-o", other.toString());
		assertEquals(ExitCode.INPUT, noSsm.code());
		assertTrue(noSsm.err().contains("The file tiny.ckpt holds no pre-trained cyclecnn structure-similarity network"), noSsm.err());
		assertFalse(Files.exists(other));
	}

	@Test
	void relativeToNamesTheRunsFoldersRelativelyAndRefusesWhatStaysAbsolute() throws Exception {
		Path data = dir.resolve("data root");
		Path pairs = PairFolders.write(data.resolve("rig/pairs"), 1, 64, 40);
		Path run = dir.resolve("runs");
		Files.createDirectories(run);
		Path trained = run.resolve("tiny.onnx");
		ImportModelCommandTest.Run t = ImportModelCommandTest.run("train", pairs.toString(), "--color-side", "left", "--max-disparity",
			"6", "--init", "scratch", "--structure-loss", "ssim", "--crop", "48x32", "--steps", "1", "--threads", "2", "-o",
			trained.toString());
		assertEquals(ExitCode.OK, t.code(), t.err());
		Path ckpt = run.resolve("tiny.ckpt");

		// only the data root given: the output path in the recorded command stays absolute, and is refused
		Path refused = dir.resolve("refused.onnx");
		ImportModelCommandTest.Run r1 = ImportModelCommandTest.run("export-checkpoint", ckpt.toString(), "--relative-to", data.toString(),
			"-o", refused.toString(), "--threads", "2");
		assertEquals(ExitCode.INPUT, r1.code(), r1.err());
		assertTrue(r1.err().contains("still names a folder of this machine"), r1.err());
		assertFalse(Files.exists(refused));

		Path model = dir.resolve("shared.onnx");
		ImportModelCommandTest.Run r2 = ImportModelCommandTest.run("export-checkpoint", ckpt.toString(), "--relative-to",
			data + "," + run, "-o", model.toString(), "--threads", "2");
		assertEquals(ExitCode.OK, r2.code(), r2.err());
		Map<String, String> meta = OnnxModelFile.read(model).metadata();
		for (Map.Entry<String, String> e : meta.entrySet()) {
			if (!e.getKey().startsWith("cyclecolor.provenance.")) continue;
			assertFalse(e.getValue().contains(dir.toString()), e.getKey() + " = " + e.getValue());
		}
		assertTrue(meta.get("cyclecolor.provenance.training_datasets").contains("rig/pairs"), meta.toString());
		assertTrue(meta.get("cyclecolor.provenance.command").contains("-o tiny.onnx"), meta.get("cyclecolor.provenance.command"));
	}
}
