package org.cyclecolor.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.train.PairFolders;
import org.cyclecolor.train.TrainingControl;
import org.cyclecolor.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in a training run's settings and files as the Train... dialog and the train macro pass
 * them, each one sentence before any training: unknown mode or structure loss, a learning rate
 * out of range, and a checkpoint to resume that is not one.
 */
class TrainSettingsMistakesTest {

	@TempDir
	Path tmp;

	private static String message(TrainSettings s) {
		return assertThrows(UserException.class, () -> s.operation(List.of(Path.of("data")), Path.of("m.onnx"), "test")).getMessage();
	}

	@Test
	void unknownModeStructureLossAndALearningRateOutOfRangeAreNamed() {
		TrainSettings s = new TrainSettings();
		s.mode = "fast";
		assertEquals("Unknown training mode 'fast'; use cycle, supervised, refinement or ssm.", message(s));
		s = new TrainSettings();
		s.structureLoss = "perceptual";
		assertEquals("Unknown structure loss 'perceptual'; use learned, ssim or none.", message(s));
		s = new TrainSettings();
		s.learningRate = 2;
		assertEquals("The learning rate must be in (0, 1], got 2.0.", message(s));
	}

	@Test
	void aCheckpointThatIsNotOneCannotBeResumed() throws Exception {
		Path pairs = PairFolders.write(tmp.resolve("pairs"), 1, 64, 40);
		Path model = tmp.resolve("rig.onnx");
		Files.writeString(tmp.resolve("rig.ckpt"), "not a checkpoint", StandardCharsets.UTF_8);
		TrainSettings s = new TrainSettings();
		s.resume = true;
		s.colorSide = "left";
		TrainOperation op = s.operation(List.of(pairs), model, "test");
		UserException e = assertThrows(UserException.class, () -> op.run(Progress.NONE, new TrainingListener() {}, new TrainingControl()));
		assertTrue(e.getMessage().startsWith("The checkpoint rig.ckpt cannot be read ("), e.getMessage());
		assertTrue(e.getMessage().endsWith("); start from an earlier checkpoint or train from the model instead."), e.getMessage());
		assertTrue(!Files.exists(model), "no model written");
	}
}
