package org.cyclecolor.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.module.ModuleItem;

import org.cyclecolor.CancelledException;
import org.cyclecolor.Progress;
import org.cyclecolor.infer.OnnxModelFile;
import org.cyclecolor.pipeline.TrainOperation;
import org.cyclecolor.pipeline.TrainSettings;
import org.cyclecolor.pipeline.TrainingRecorder;
import org.cyclecolor.train.Checkpoint;
import org.cyclecolor.train.PairFolders;
import org.cyclecolor.train.TrainingControl;
import org.cyclecolor.train.TrainingEvent;
import org.cyclecolor.train.TrainingListener;

/**
 * Plugins &gt; Cycle Colorization &gt; Train..., run through a SciJava context as Fiji runs it (no
 * display): menu entry and macro keys, a tiny run writing the model, log and plot, a mistake
 * cancelling with its sentence; and the monitor's Finish (model kept) and Cancel (no model, the
 * checkpoint kept and resumable).
 */
class TrainCommandTest {

	private static FijiContext fiji;

	@TempDir
	Path tmp;

	@BeforeAll
	static void start() {
		fiji = new FijiContext();
	}

	@AfterAll
	static void stop() {
		fiji.close();
	}

	@Test
	void isRegisteredWithMacroKeysThatAllHaveDefaults() {
		CommandInfo info = fiji.info(TrainCommand.class);
		assertNotNull(info);
		assertEquals("[Plugins, Cycle Colorization, Train...]", info.getMenuPath().toString());
		assertTrue(info.canRunHeadless());
		for (ModuleItem<?> in : info.inputs()) {
			if (in.getName().matches("log|status|ui|context")) continue;
			assertTrue(in.getName().matches("[a-z][a-z0-9_]*"), "macro key '" + in.getName() + "' is snake_case");
			if (!in.getName().equals("ssm")) assertNotNull(in.getDefaultValue(), in.getName() + " has a default");
		}
	}

	@Test
	void aTinyRunWritesTheModelTheLogAndThePlot() throws Exception {
		Path pairs = PairFolders.write(tmp.resolve("pairs"), 1, 64, 40);
		File model = tmp.resolve("rig.onnx").toFile();
		CommandModule m = fiji.run(TrainCommand.class, "data", pairs.toFile(), "output", model, "init", "scratch",
			"crop", "48x32", "steps", 2, "threads", 2, "color_side", "left", "max_disparity", 6);
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(model.getAbsolutePath(), m.getOutput("model"));
		OnnxModelFile f = OnnxModelFile.read(model.toPath());
		assertEquals("2", f.metadata().get("cyclecolor.provenance.training_steps"));
		assertTrue(f.metadata().get("cyclecolor.provenance.command").startsWith("Fiji Train... data=["), f.metadata().toString());
		// The default structure loss is the learned one; fresh weights have no network, so the default model's is used.
		assertEquals("the default model's structure-similarity network (the starting model has none)",
			f.metadata().get("cyclecolor.provenance.training_structure_network"));
		assertTrue(f.bundle().has(org.cyclecolor.model.NetworkKind.STRUCTURE_SIMILARITY));
		List<String> csv = Files.readAllLines(tmp.resolve("rig-losses.csv"));
		assertEquals(3, csv.size(), "header and two steps: " + csv);
		assertTrue(Files.size(tmp.resolve("rig-losses.png")) > 1000);
		assertTrue(Files.isRegularFile(tmp.resolve("rig.ckpt")));
	}

	@Test
	void aMistakeCancelsTheCommandWithItsSentence() throws Exception {
		Path empty = Files.createDirectories(tmp.resolve("empty"));
		CommandModule m = fiji.run(TrainCommand.class, "data", empty.toFile(), "output", tmp.resolve("x.onnx").toFile(),
			"init", "scratch", "structure_loss", "ssim");
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().startsWith("The folder " + empty + " holds no dataset"), m.getCancelReason());
		m = fiji.run(TrainCommand.class, "data", empty.toFile(), "output", tmp.resolve("x.onnx").toFile(), "crop", "big");
		assertTrue(m.getCancelReason().startsWith("The crop takes WIDTHxHEIGHT"), m.getCancelReason());
	}

	@Test
	void aMacroLeavingOutOnlyTheOutputFileIsToldWhatIsMissing() throws Exception {
		// Every key but output: the one unresolved input is a file, which SciJava's FilePreprocessor
		// would prompt for and, headless, cancel with an empty reason (OptionalFilePreprocessor).
		CommandInfo info = fiji.info(TrainCommand.class);
		org.scijava.module.Module defaults = info.createModule();
		java.util.Map<String, Object> given = new java.util.LinkedHashMap<>();
		for (ModuleItem<?> in : info.inputs()) {
			if (in.getName().matches("log|status|ui|context|output")) continue;
			given.put(in.getName(), in.getName().equals("ssm") ? tmp.resolve("ssm.onnx").toFile() : defaults.getInput(in.getName()));
		}
		given.put("data", tmp.toFile());
		CommandModule m = fiji.run(TrainCommand.class, given);
		assertTrue(m.isCanceled());
		assertEquals("Choose the model file to write (.onnx).", m.getCancelReason());
	}

	/** A run of the Train operation with the monitor as Fiji wires it; {@code press} is called after each step. */
	private TrainOperation.Result monitored(Path model, java.util.function.BiConsumer<TrainingMonitor, Integer> press) throws Exception {
		Path pairs = PairFolders.write(tmp.resolve("pairs-" + model.getFileName()), 1, 64, 40);
		TrainSettings s = new TrainSettings();
		s.init = "scratch";
		s.structureLoss = "ssim";
		s.crop = "48x32";
		s.steps = 5;
		s.threads = 2;
		s.colorSide = "left";
		s.maxDisparity = 6;
		TrainOperation op = s.operation(List.of(pairs), model, "test");
		TrainingControl control = new TrainingControl();
		TrainingMonitor[] holder = new TrainingMonitor[1];
		Progress progress = new Progress() {
			public void report(double fraction, String message) {}

			public boolean isCancelled() {
				return holder[0].cancelRequested();
			}
		};
		try (TrainingRecorder r = new TrainingRecorder(TrainingRecorder.besideModel(model, "-losses.csv"), TrainingRecorder.besideModel(
			model, "-losses.png"), "t", op.config(), false, op.checkpointPath(), false, progress);
			TrainingMonitor monitor = new TrainingMonitor(r, control, progress, "t", 1, false)) {
			holder[0] = monitor;
			return op.run(progress, new TrainingListener() {
				@Override
				public void onStep(TrainingEvent e) {
					monitor.onStep(e);
					press.accept(monitor, e.step());
				}

				@Override
				public void onCheckpoint(Path checkpoint, int step) {
					monitor.onCheckpoint(checkpoint, step);
				}
			}, control);
		}
	}

	@Test
	void finishKeepsTheModelOfTheStepsDone() throws Exception {
		Path model = tmp.resolve("finished.onnx");
		TrainOperation.Result r = monitored(model, (m, step) -> {
			if (step == 2) m.requestFinish();
		});
		assertEquals(2, r.outcome().step());
		assertEquals("2", OnnxModelFile.read(model).metadata().get("cyclecolor.provenance.training_steps"));
	}

	@Test
	void cancelWritesNoModelAndKeepsAResumableCheckpoint() throws Exception {
		Path model = tmp.resolve("cancelled.onnx");
		assertThrows(CancelledException.class, () -> monitored(model, (m, step) -> {
			if (step == 2) m.requestCancel();
		}));
		assertFalse(Files.exists(model), "Cancel discards the model");
		assertEquals(2, Checkpoint.read(tmp.resolve("cancelled.ckpt")).step());
	}
}
