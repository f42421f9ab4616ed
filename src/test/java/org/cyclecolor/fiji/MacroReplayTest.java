package org.cyclecolor.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.Macro;
import ij.measure.ResultsTable;
import ij.process.ImageProcessor;

import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.infer.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

/**
 * Every command of the suite is macro-recordable and replays to the same result.
 *
 * <p>What is real and what is reproduced: Fiji records a SciJava command with imagej-legacy's
 * MacroRecorderPostprocessor, which is not on our class path. This test therefore builds the
 * string that recorder writes, as research-fiji.md §1.4 describes it (the field names as keys,
 * images by title, files by path, a value with spaces in [brackets], a ticked checkbox as the bare
 * key, an unticked one left out). The replay is real: each key is read back with ImageJ 1.54p's
 * own {@link Macro#getValue} (a checkbox by the presence of its key, as ImageJ's GenericDialog
 * does), converted to the input's type by SciJava's {@link ConvertService} (as imagej-legacy's
 * MacroPreprocessor does; images are looked up by title as Fiji does among the open images), and
 * run by the {@link CommandService}. The result must equal a direct run with the same values.
 */
class MacroReplayTest {

	private static FijiContext fiji;
	private static ConvertService convert;
	private static ImagePlus mono, color;
	private static final Map<String, ImagePlus> OPEN_IMAGES = new HashMap<>();

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		fiji = new FijiContext();
		convert = fiji.service(ConvertService.class);
		mono = crop(ImageFiles.read(Paths.get("sample-data", "sample-mono.png")), "mono camera.png");
		color = crop(ImageFiles.read(Paths.get("sample-data", "sample-color.png")), "colour camera.png");
		OPEN_IMAGES.put(mono.getTitle(), mono);
		OPEN_IMAGES.put(color.getTitle(), color);
	}

	@AfterAll
	static void stop() {
		fiji.close();
	}

	/** A crop, titled with a space so that the bracket rule is exercised. */
	private static ImagePlus crop(ImagePlus imp, String title) {
		ImageProcessor ip = imp.getProcessor().duplicate();
		ip.setRoi(64, 64, 256, 160);
		return new ImagePlus(title, ip.crop());
	}

	private static List<CommandInfo> ours() {
		List<CommandInfo> out = new ArrayList<>();
		for (CommandInfo info : fiji.commands().getCommands()) {
			if (info.getClassName().startsWith("org.cyclecolor.fiji.")) out.add(info);
		}
		return out;
	}

	/** The inputs a user gives (what the recorder writes): not services, not the context. */
	private static List<ModuleItem<?>> userInputs(CommandInfo info) {
		List<ModuleItem<?>> out = new ArrayList<>();
		for (ModuleItem<?> in : info.inputs()) {
			Class<?> t = in.getType();
			if (org.scijava.service.Service.class.isAssignableFrom(t) || Context.class.isAssignableFrom(t)) continue;
			out.add(in);
		}
		return out;
	}

	@Test
	void everyInputHasAShortSnakeCaseKeyADefaultAndPathsAreFiles() throws Exception {
		List<CommandInfo> ours = ours();
		assertTrue(ours.size() >= 6, ours.toString());
		for (CommandInfo info : ours) {
			Module defaults = info.createModule();
			for (ModuleItem<?> in : userInputs(info)) {
				String where = info.getMenuPath().getLeaf().getName() + " " + in.getName();
				assertTrue(in.getName().matches("[a-z][a-z0-9]*(_[a-z0-9]+)*") && in.getName().length() <= 20, where + " is short snake_case");
				if (in.getType() == ImagePlus.class) continue; // Fiji fills it with an open image
				assertFalse(in.isPersisted(), where + " does not persist (a macro leaving it out gets the default)");
				assertTrue(!in.isRequired() || defaults.getInput(in.getName()) != null, where + " has a default");
				assertFalse(in.getType() == String.class && in.getName().matches(".*(path|file|dir|folder).*"), where + " is a File");
			}
		}
	}

	/** The options string Fiji's recorder writes for these input values. */
	static String record(CommandInfo info, Map<String, Object> values) {
		StringBuilder sb = new StringBuilder();
		for (ModuleItem<?> in : userInputs(info)) {
			Object v = values.get(in.getName());
			if (v == null) continue;
			String text;
			if (v instanceof Boolean) {
				if (!(Boolean) v) continue;
				sb.append(in.getName()).append(' ');
				continue;
			}
			else if (v instanceof ImagePlus) text = ((ImagePlus) v).getTitle();
			else if (v instanceof File) text = ((File) v).getPath();
			else text = String.valueOf(v);
			sb.append(in.getName()).append('=').append(text.contains(" ") ? "[" + text + "]" : text).append(' ');
		}
		return sb.toString().trim();
	}

	/** The inputs a replay of {@code options} gives the command: ImageJ parses, SciJava converts. */
	static Map<String, Object> replay(CommandInfo info, String options) {
		Map<String, Object> values = new LinkedHashMap<>();
		String padded = " " + options + " ";
		for (ModuleItem<?> in : userInputs(info)) {
			String key = in.getName();
			if (in.getType() == boolean.class || in.getType() == Boolean.class) {
				values.put(key, padded.contains(" " + key + " "));
				continue;
			}
			String text = Macro.getValue(options, key, null);
			if (text == null) continue; // left out: the field's default
			if (in.getType() == ImagePlus.class) {
				ImagePlus imp = OPEN_IMAGES.get(text);
				assertNotNull(imp, "no open image titled '" + text + "'");
				values.put(key, imp);
			}
			else {
				Object v = convert.convert(text, in.getType());
				assertNotNull(v, key + "=" + text + " converts to " + in.getType().getSimpleName());
				values.put(key, v);
			}
		}
		return values;
	}

	/**
	 * Records {@code values} (one per user input; null: left empty, which the recorder leaves out),
	 * replays the string and runs both; returns the direct run.
	 */
	private CommandModule assertReplaysAsDirectRun(Class<? extends org.scijava.command.Command> c, Map<String, Object> values)
		throws Exception
	{
		CommandInfo info = fiji.info(c);
		Map<String, Object> given = new LinkedHashMap<>();
		values.forEach((k, x) -> {
			if (x != null) given.put(k, x);
		});
		String options = record(info, given);
		Map<String, Object> replayed = replay(info, options);
		// the recorded string covers every input, and every value comes back equal
		for (ModuleItem<?> in : userInputs(info)) {
			assertTrue(values.containsKey(in.getName()), c.getSimpleName() + ": the case gives " + in.getName());
		}
		assertEquals(given, replayed, "replayed from '" + options + "'");
		CommandModule direct = fiji.run(c, given);
		CommandModule again = fiji.run(c, replayed);
		assertEquals(direct.isCanceled(), again.isCanceled(), options);
		assertEquals(direct.getCancelReason(), again.getCancelReason(), options);
		for (ModuleItem<?> out : info.outputs()) {
			assertSameOutput(c.getSimpleName() + " " + out.getName(), direct.getOutput(out.getName()), again.getOutput(out.getName()));
		}
		return direct;
	}

	private static void assertSameOutput(String what, Object a, Object b) {
		if (a instanceof ImagePlus) {
			ImagePlus x = (ImagePlus) a, y = (ImagePlus) b;
			assertEquals(x.getStackSize(), y.getStackSize(), what);
			for (int s = 1; s <= x.getStackSize(); s++) {
				ImageProcessor p = x.getStack().getProcessor(s), q = y.getStack().getProcessor(s);
				float[] fp = (float[]) p.convertToFloat().getPixels(), fq = (float[]) q.convertToFloat().getPixels();
				if (p instanceof ij.process.ColorProcessor) assertArrayEquals((int[]) p.getPixels(), (int[]) q.getPixels(), what);
				else assertArrayEquals(fp, fq, what + " slice " + s);
			}
		}
		else if (a instanceof ResultsTable) {
			ResultsTable x = (ResultsTable) a, y = (ResultsTable) b;
			assertEquals(x.size(), y.size(), what);
			for (int r = 0; r < x.size(); r++) assertEquals(x.getRowAsString(r), y.getRowAsString(r), what);
		}
		else assertEquals(a, b, what);
	}

	@Test
	void colorizeCycleCheckAndWeightVolumeReplay() throws Exception {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("gray", mono);
		v.put("color", color);
		v.put("model", TestModels.cyclecnn().toFile());
		v.put("max_disparity", 40);
		v.put("color_side", "right");
		v.put("scale", 2);
		v.put("refine", false);
		v.put("upsampler", "guided-filter");
		v.put("device", "cpu");
		v.put("threads", 1);
		Map<String, Object> colorize = new LinkedHashMap<>(v);
		colorize.put("show_weights", false);
		colorize.put("show_disparity", true);
		colorize.put("show_confidence", true);
		colorize.put("composite", true);
		colorize.put("ground_truth", null); // empty: no ground truth panel
		assertFalse(assertReplaysAsDirectRun(ColorizeCommand.class, colorize).isCanceled());
		Map<String, Object> cycle = new LinkedHashMap<>(v);
		cycle.put("authors_second_pass", true);
		cycle.put("composite", true);
		cycle.put("ground_truth", dir.resolve("truth crop.png").toFile());
		ImageFiles.write(crop(ImageFiles.read(Paths.get("sample-data", "sample-gt-color.png")), "t"), dir.resolve("truth crop.png"), false);
		assertFalse(assertReplaysAsDirectRun(CycleCheckCommand.class, cycle).isCanceled());
		assertFalse(assertReplaysAsDirectRun(WeightVolumeCommand.class, v).isCanceled());
	}

	@Test
	void ssimMapReplaysAndAMacroGivingOnlyTheImagesGetsTheDefaults() throws Exception {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("image1", color);
		v.put("image2", crop(ImageFiles.read(Paths.get("sample-data", "sample-gt-color.png")), "ground truth.png"));
		OPEN_IMAGES.put("ground truth.png", (ImagePlus) v.get("image2"));
		v.put("mode", "cbcr");
		v.put("data_range", 255.0);
		v.put("components", true);
		assertFalse(assertReplaysAsDirectRun(SsimMapCommand.class, v).isCanceled());
		// a hand-written macro with only the images: every other key takes its default
		CommandInfo info = fiji.info(SsimMapCommand.class);
		Map<String, Object> replayed = replay(info, "image1=[colour camera.png] image2=[ground truth.png]");
		CommandModule m = fiji.run(SsimMapCommand.class, replayed);
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals("luminance", m.getInput("mode"));
		assertEquals(0.0, ((Number) m.getInput("data_range")).doubleValue());
	}

	@Test
	void rectifyPairReplays() throws Exception {
		ImagePlus g = ImageFiles.read(Paths.get("sample-data", "sample-mono.png"));
		ImagePlus c = ImageFiles.read(Paths.get("sample-data", "sample-color.png"));
		g.setTitle("full mono.png");
		c.setTitle("full colour.png");
		OPEN_IMAGES.put(g.getTitle(), g);
		OPEN_IMAGES.put(c.getTitle(), c);
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("gray", g);
		v.put("color", c);
		// empty: rectify from the images. With every other key given, the calibration is the one
		// unresolved input: SciJava's FilePreprocessor would prompt for it and cancel with an empty
		// reason; OptionalFilePreprocessor keeps the default (none) instead.
		v.put("calibration", null);
		v.put("gray_camera", 1);
		v.put("features", "sift");
		v.put("model", "auto");
		v.put("interpolation", "bilinear");
		v.put("frame", "crop");
		v.put("color_side", "right");
		v.put("max_features", 400);
		v.put("threshold", 2.0);
		CommandModule m = assertReplaysAsDirectRun(RectifyPairCommand.class, v);
		assertFalse(m.isCanceled(), m.getCancelReason() + " " + v);
	}

	@Test
	void theMenuFollowsTheWorkInGroups() {
		List<CommandInfo> ours = ours();
		ours.sort(java.util.Comparator.comparingDouble(i -> i.getMenuPath().getLeaf().getWeight()));
		List<String> labels = new ArrayList<>();
		for (CommandInfo info : ours) {
			labels.add(info.getMenuPath().getLeaf().getName());
			assertEquals("[Plugins, Cycle Colorization, " + labels.get(labels.size() - 1) + "]", info.getMenuPath().toString());
		}
		assertEquals(List.of("Rectify Pair...", "Colorize...", "Cycle Check...", "Weight Volume...", "SSIM Map...",
			"Import Authors' Model...", "Train...", "Evaluate..."), labels.subList(0, 8));
		// a gap of more than 1 between two weights is where SciJava's menus draw a separator
		double[] w = ours.stream().mapToDouble(i -> i.getMenuPath().getLeaf().getWeight()).toArray();
		assertTrue(w[1] - w[0] > 1 && w[2] - w[1] <= 1 && w[3] - w[2] <= 1 && w[4] - w[3] > 1 && w[5] - w[4] > 1 && w[6] - w[5] <= 1 && w[7] - w[6] > 1,
			java.util.Arrays.toString(w));
	}

	@Test
	void importAuthorsModelReplays() throws Exception {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("weights", dir.resolve("no weights here/s0.h5").toFile());
		v.put("output", dir.resolve("authors model.onnx").toFile());
		v.put("overwrite", true);
		CommandModule m = assertReplaysAsDirectRun(ImportAuthorsModelCommand.class, v);
		assertTrue(m.isCanceled() && m.getCancelReason().contains("does not exist"), m.getCancelReason());
	}
}
