package org.cyclecolor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cyclecolor.Version;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Variants;

/**
 * How a model is named to the user: the bundled one as "bundled default model" with its
 * provenance, never as the temporary file it runs from; a model file by its absolute path; the
 * training line built from the provenance keys the trainer and the checkpoint export write.
 */
class ModelDescriptionTest {

	@TempDir
	Path dir;

	private Path write(String name, Map<String, String> provenance) {
		Path p = dir.resolve(name);
		OnnxExporter.write(ModelBundle.initialized(Variants.get("cyclecnn"), 1, Provenance.of(provenance)), p, false);
		return p;
	}

	@Test
	void aModelFileIsNamedByItsPathWithTheSoftwareThatWroteItAndItsTraining() {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("weights", "trained by Cycle Colorization's trainer (cycle mode)");
		p.put("training_data", "/data/rig (12 pairs)");
		p.put("training_steps", "40");
		p.put("training_target_steps", "60");
		p.put("training_wall_time", "95 s");
		p.put("started_from", "the bundled default model");
		ModelDescription d = ModelDescription.of(OnnxModelFile.read(write("rig.onnx", p)));

		assertFalse(d.bundled());
		assertEquals(dir.resolve("rig.onnx").toAbsolutePath().toString(), d.name());
		assertEquals("cyclecnn", d.variant());
		assertTrue(d.version().matches("Cycle Colorization " + Pattern.quote(Version.get()) + ", \\d{4}-\\d\\d-\\d\\d"),
			d.version());
		assertEquals("trained by Cycle Colorization's trainer (cycle mode): step 40 of 60, 95 s of training, started from the bundled "
			+ "default model, data: /data/rig (12 pairs)", d.training());
		assertEquals("the model rig.onnx", d.shortName());
		assertEquals(Map.of("model", d.name(), "variant", "cyclecnn", "model_version", d.version(), "model_training", d.training()),
			d.summary());
	}

	@Test
	void anExportedCheckpointCountsTheStepItWasExportedAtAndABareFileSaysItHasNoRecord() {
		// Files exported before the trainer recorded the step reached keep the target in training_steps.
		Map<String, String> p = new LinkedHashMap<>();
		p.put("weights", "trained by Cycle Colorization's trainer (supervised mode)");
		p.put("training_steps", "5000");
		p.put("exported_from", "checkpoint run.ckpt at step 1606 (target 5000)");
		assertEquals("trained by Cycle Colorization's trainer (supervised mode): step 1606 of 5000",
			ModelDescription.of(OnnxModelFile.read(write("exported.onnx", p))).training());
		assertEquals("no training record in the file", ModelDescription.of(OnnxModelFile.read(write("bare.onnx", Map.of()))).training());
	}

	/** A model trained in stages says how much training came before its last stage, not only the last stage's steps. */
	@Test
	void earlierStagesAreCountedInTheTrainingLine() {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("weights", "trained by Cycle Colorization's trainer (supervised mode)");
		p.put("training_steps", "6000");
		p.put("training_target_steps", "6000");
		p.put("training_wall_time", "2417 s");
		p.put("started_from", "stage1.onnx");
		p.put("earlier_training_steps", "8219");
		p.put("earlier_training_wall_time", "4259 s");
		p.put("earlier_earlier_training_steps", "100");
		p.put("earlier_earlier_training_wall_time", "50 s");
		assertEquals("trained by Cycle Colorization's trainer (supervised mode): step 6000 of 6000, 2417 s of training, after 8319 steps "
			+ "(4309 s) of 2 earlier stages, started from stage1.onnx", ModelDescription.of(OnnxModelFile.read(write("staged.onnx", p))).training());
	}

	@Test
	void theBundledModelIsNamedAsSuchNeverByItsTemporaryFile() throws Exception {
		Assumptions.assumeTrue(BundledModel.available(), "this build ships no default model");
		Path extracted = BundledModel.path();
		ModelDescription d = ModelDescription.of(OnnxModelFile.read(extracted));
		assertTrue(d.bundled());
		assertEquals("bundled default model", d.name());
		assertEquals("the bundled default model", d.shortName());
		assertEquals(d, BundledModel.description());
		assertTrue(d.training().matches("trained by Cycle Colorization's trainer \\(\\w+ mode\\): step \\d+ of \\d+, .*"), d.training());
		String everything = d.label() + d.inSentence() + d.summary();
		assertFalse(everything.contains(extracted.getFileName().toString()), everything);
		assertFalse(everything.contains("cyclecolor-default-"), everything);

		// A copy of the same bytes elsewhere is a model file like any other.
		Path copy = dir.resolve("copy.onnx");
		Files.copy(extracted, copy);
		assertEquals(copy.toAbsolutePath().toString(), ModelDescription.of(OnnxModelFile.read(copy)).name());
	}
}
