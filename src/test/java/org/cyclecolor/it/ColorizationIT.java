package org.cyclecolor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.infer.OnnxExporter;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Variants;
import org.cyclecolor.pipeline.ColorizeOperation;
import org.cyclecolor.rectify.SyntheticRig;

/**
 * The colorization commands as users run them outside Fiji: the packaged jar's {@code colorize}
 * (a fresh JVM, whose main thread has an ordinary stack), and the bundled macros in real ImageJ
 * 1.54p without a display, reaching the plugin through {@code call()}: colorizing the sample
 * pair, a folder of pairs, and rectifying a folder. A model with freshly initialised weights
 * stands in for a trained one (the mechanics do not depend on the weights).
 */
class ColorizationIT {

	@TempDir
	static Path shared;

	@TempDir
	Path tmp;

	private static Path model;

	@BeforeAll
	static void exportModel() {
		model = shared.resolve("random cyclecnn.onnx");
		OnnxExporter.write(ModelBundle.initialized(Variants.get("cyclecnn"), 5, Provenance.empty()), model, false);
	}

	private ItEnvironment.Result imagej(Path macro, String argument) throws Exception {
		Files.createDirectories(tmp.resolve("home/plugins"));
		return ItEnvironment.run(tmp, 300, List.of(ItEnvironment.java(), "-Djava.awt.headless=true", "-Xmx2g", "-cp",
			ItEnvironment.classPath(ItEnvironment.imagejJar(), ItEnvironment.pluginJar()), "ij.ImageJ", "-ijpath",
			tmp.resolve("home").toString(), "-batch", macro.toString(), argument));
	}

	private static Path macro(String name) {
		return ItEnvironment.basedir().resolve("macros").resolve(name);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theJarColorizesTheSamplePair() throws Exception {
		Path out = tmp.resolve("sample colorized.png");
		List<String> command = new ArrayList<>(List.of(ItEnvironment.java(), "-Xss1m", "-jar", ItEnvironment.pluginJar().toString(), "colorize",
			"--gray", "sample-data/sample-mono.png", "--color", "sample-data/sample-color.png", "-m", model.toString(), "-o",
			out.toString(), "--json"));
		ItEnvironment.Result r = ItEnvironment.run(ItEnvironment.basedir(), 300, command);
		assertEquals(0, r.code, r.toString());
		String json = r.output.substring(r.output.indexOf('{'), r.output.lastIndexOf('}') + 1);
		Map<String, Object> summary = new Gson().fromJson(json, Map.class);
		assertEquals("right", summary.get("color_side"));
		assertEquals(2.0, summary.get("scale"));
		assertTrue(((Map<String, Object>) summary.get("timings_ms")).containsKey("network"), json);
		assertEquals(ImagePlus.COLOR_RGB, ImageFiles.read(out).getType());
	}

	@Test
	void theSampleMacroColorizesAndPrintsTheCycleScoreOfThisJvm() throws Exception {
		Path out = tmp.resolve("out/sample colorized.png");
		ItEnvironment.Result r = imagej(macro("cyclecolor_colorize_sample.ijm"), "model=[" + model + "] output=[" + out + "]");
		assertTrue(r.output.contains("Colorized image written to " + out), r.toString());
		assertEquals(ImagePlus.COLOR_RGB, ImageFiles.read(out).getType());
		assertTrue(Files.isRegularFile(tmp.resolve("out/sample colorized-cycle-ssim.tif")), r.toString());
		Path data = ItEnvironment.basedir().resolve("sample-data");
		double expected = (Double) new ColorizeOperation(ImageFiles.read(data.resolve("sample-mono.png")),
			ImageFiles.read(data.resolve("sample-color.png"))).model(model).maxDisparity(40).colorSide(ColorSide.RIGHT).cycle(true, false)
				.run(Progress.NONE).summary().get("cycle_ssim_cbcr");
		String printed = r.output.replaceFirst("(?s).*cycle SSIM ([-0-9.]+) on Cb, Cr.*", "$1");
		assertEquals(expected, Double.parseDouble(printed), 2e-4, r.toString());
	}

	@Test
	void theFolderMacroColorizesEveryPairAndTabulatesTheCycleScores() throws Exception {
		Path folder = tmp.resolve("rig");
		Files.createDirectories(folder.resolve("mono"));
		Files.createDirectories(folder.resolve("color"));
		Path data = ItEnvironment.basedir().resolve("sample-data");
		ImagePlus mono = ImageFiles.read(data.resolve("sample-mono.png")), color = ImageFiles.read(data.resolve("sample-color.png"));
		for (int i = 0; i < 2; i++) {
			ImageFiles.write(crop(mono, 40 * i), folder.resolve("mono/pair" + i + ".png"), false);
			ImageFiles.write(crop(color, 40 * i), folder.resolve("color/pair" + i + ".png"), false);
		}
		Files.writeString(folder.resolve("mono/notes.txt"), "not an image");
		ItEnvironment.Result r = imagej(macro("cyclecolor_colorize_folder.ijm"), "folder=[" + folder + "] model=[" + model
			+ "] max_disparity=40 color_side=right");
		assertTrue(r.output.contains("Colorize: 2 pairs written to"), r.toString());
		List<String> lines = Files.readAllLines(folder.resolve("colorized/cycle.csv"));
		assertEquals("name,cycle_ssim_cbcr,cycle_ssim_rgb,scale,max_disparity,color_side,colorized", lines.get(0));
		assertEquals(3, lines.size(), lines.toString());
		for (String line : lines.subList(1, 3)) {
			String[] f = line.split(",");
			double s = Double.parseDouble(f[1]);
			assertTrue(s > -1 && s <= 1, line);
			assertEquals("right", f[5]);
			assertTrue(Files.isRegularFile(Path.of(f[6])), line);
		}
		ItEnvironment.Result again = imagej(macro("cyclecolor_colorize_folder.ijm"), "folder=[" + folder + "] model=[" + model + "]");
		assertTrue(again.output.contains("already exists; remove it or choose another output folder"), again.toString());
	}

	@Test
	void theRectifyMacroRectifiesAFolderThroughTheFacade() throws Exception {
		Path folder = tmp.resolve("unrectified");
		Files.createDirectories(folder.resolve("mono"));
		Files.createDirectories(folder.resolve("color"));
		SyntheticRig rig = SyntheticRig.scene(21);
		SyntheticRig.Camera mono = new SyntheticRig.Camera(450, 199.5, 149.5, 400, 300, SyntheticRig.turn(0, 0, 0),
			new double[] { 0, 0, 0 });
		SyntheticRig.Camera col = new SyntheticRig.Camera(450, 199.5, 149.5 + 6, 400, 300, SyntheticRig.turn(1, 1, 2),
			new double[] { 0.3, 0, 0 });
		FloatPlane g = SyntheticRig.mono(rig.render(mono), 1, 1, 1, 1);
		byte[] b = new byte[g.size()];
		for (int i = 0; i < b.length; i++) b[i] = (byte) ImagePlusAdapter.to8bit(g.data()[i]);
		ImageFiles.write(new ImagePlus("m", new ByteProcessor(400, 300, b)), folder.resolve("mono/scene.png"), false);
		ImageFiles.write(ImagePlusAdapter.toImagePlus("c", rig.render(col)), folder.resolve("color/scene.png"), false);
		ItEnvironment.Result r = imagej(macro("cyclecolor_rectify_pair.ijm"), "folder=[" + folder + "]");
		assertTrue(r.output.contains("Rectify Pair: 1 pairs written to"), r.toString());
		assertFalse(r.output.contains("Exception"), r.toString());
		Path out = folder.resolve("rectified");
		for (String f : new String[] { "scene-gray-rectified.tif", "scene-color-rectified.png", "scene-valid.png", "scene-rectification.png" }) {
			assertTrue(Files.isRegularFile(out.resolve(f)), f + ": " + r);
		}
		List<String> lines = Files.readAllLines(out.resolve("rectification.csv"));
		assertEquals(2, lines.size(), lines.toString());
		String[] f = lines.get(1).split(",");
		assertTrue(Integer.parseInt(f[2]) >= 30, "inliers: " + lines.get(1));
		assertTrue(Double.parseDouble(f[4]) < 1.0, "rows agree within a pixel: " + lines.get(1));
	}

	private static ImagePlus crop(ImagePlus imp, int x) {
		ImageProcessor ip = imp.getProcessor().duplicate();
		ip.setRoi(x, 60, 256, 192);
		return new ImagePlus(imp.getTitle(), ip.crop());
	}
}
