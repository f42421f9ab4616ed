package org.cyclecolor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;

import org.cyclecolor.Progress;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.metrics.MetricsOracleTestAccess;
import org.cyclecolor.pipeline.SsimMapOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real ImageJ 1.54p, no display: the bundled macros from macros/ run with -batch and reach the
 * plugin through the macro function call() (the plugin jar and its dependencies on the class
 * path, as in Fiji).
 */
class MacroHeadlessIT {

	@TempDir
	Path tmp;

	private ItEnvironment.Result imagej(String macro, String argument) throws Exception {
		Files.createDirectories(tmp.resolve("home/plugins"));
		return ItEnvironment.run(tmp, 120, List.of(ItEnvironment.java(), "-Djava.awt.headless=true", "-Xmx1g", "-cp",
			ItEnvironment.classPath(ItEnvironment.imagejJar(), ItEnvironment.pluginJar()), "ij.ImageJ", "-ijpath",
			tmp.resolve("home").toString(), "-batch", macro, argument));
	}

	@Test
	void sampleMacroWritesTheSsimMapOfTheBundledPair() throws Exception {
		Path map = tmp.resolve("out/sample ssim.tif");
		ItEnvironment.Result r = imagej(ItEnvironment.basedir().resolve("macros/cyclecolor_ssim_sample.ijm").toString(),
			"output=[" + map + "]");
		assertTrue(r.output.contains("SSIM map written to " + map), r.toString());
		ImagePlus written = ImageFiles.read(map);
		assertEquals(32, written.getBitDepth());
		// The same number as this JVM computes from the repository's sample-data/.
		Path data = ItEnvironment.basedir().resolve("sample-data");
		double expected = new SsimMapOperation(ImageFiles.read(data.resolve("sample-mono.png")),
			ImageFiles.read(data.resolve("sample-color.png"))).run(Progress.NONE).mean();
		String printed = r.output.replaceFirst("(?s).*color.png: ([0-9.]+).*", "$1");
		assertEquals(expected, Double.parseDouble(printed), 1e-4, r.toString());
		double sum = 0;
		int w = written.getWidth(), h = written.getHeight();
		for (int y = 5; y < h - 5; y++) {
			for (int x = 5; x < w - 5; x++) sum += written.getProcessor().getf(x, y);
		}
		assertEquals(expected, sum / ((w - 10) * (h - 10)), 1e-6, "the written map averages to the SSIM");
	}

	/** The folder macro on the committed oracle pairs: its table holds scikit-image's numbers. */
	@Test
	@SuppressWarnings("unchecked")
	void folderMacroWritesMapsAndATableWithTheOracleNumbers() throws Exception {
		Path first = Files.createDirectories(tmp.resolve("first")), second = Files.createDirectories(tmp.resolve("second"));
		Path fixtures = Paths.get(MetricsOracleTestAccess.class.getResource("synthetic").toURI());
		Files.copy(fixtures.resolve("rgb-a.png"), first.resolve("pair one.png"));
		Files.copy(fixtures.resolve("rgb-b.png"), second.resolve("pair one.png"));
		Files.copy(fixtures.resolve("gray-a.png"), first.resolve("two.png"));
		Files.copy(fixtures.resolve("gray-b.png"), second.resolve("two.png"));
		Files.copy(fixtures.resolve("min-a.png"), first.resolve("alone.png"));
		Path out = tmp.resolve("ssim out");
		ItEnvironment.Result r = imagej(ItEnvironment.basedir().resolve("macros/cyclecolor_ssim_folders.ijm").toString(),
			"first=[" + first + "] second=[" + second + "] output=[" + out + "]");
		assertTrue(r.output.contains("SSIM of 2 image pairs written to"), r.toString());
		List<String> lines = Files.readAllLines(out.resolve("ssim.csv"));
		assertEquals("name,ssim,mode,data_range,map", lines.get(0));
		assertEquals(3, lines.size(), lines.toString());
		Map<String, String> fixtureOf = Map.of("pair one.png", "rgb 64x48 blur+noise+colour", "two.png",
			"gray 40x32 noise+roll");
		for (String line : lines.subList(1, 3)) {
			String[] f = line.split(",");
			Map<String, Object> c = MetricsOracleTestAccess.synthetic(fixtureOf.get(f[0]));
			double expected = ((Number) ((Map<String, Map<String, Object>>) c.get("modes")).get("luminance").get("ssim"))
				.doubleValue();
			assertEquals(expected, Double.parseDouble(f[1]), 1e-4, line);
			assertTrue(Files.isRegularFile(Paths.get(f[4])), f[4]);
		}
		assertFalse(Files.exists(out.resolve("alone-ssim.tif")), "a file without a partner is skipped");
	}

	/**
	 * The training macro on a tiny pairs folder: a model, its loss log and plot, and the printed
	 * summary; by default the learned structure loss, with the default model's structure network.
	 */
	@Test
	void trainMacroFineTunesOnAPairsFolder() throws Exception {
		Path pairs = org.cyclecolor.train.PairFolders.write(tmp.resolve("rig pairs"), 1, 64, 40);
		Path model = tmp.resolve("out/rig.onnx");
		Files.createDirectories(model.getParent());
		Files.createDirectories(tmp.resolve("home/plugins"));
		ItEnvironment.Result r = ItEnvironment.run(tmp, 400, List.of(ItEnvironment.java(), "-Djava.awt.headless=true", "-Xmx2g",
			"-Dai.djl.offline=true", "-cp", ItEnvironment.classPath(ItEnvironment.imagejJar(), ItEnvironment.pluginJar()), "ij.ImageJ",
			"-ijpath", tmp.resolve("home").toString(), "-batch", ItEnvironment.basedir().resolve("macros/cyclecolor_train_pairs.ijm")
				.toString(), "data=[" + pairs + "] output=[" + model + "] init=scratch crop=48x32 steps=2 threads=2 "
				+ "color_side=left max_disparity=6"));
		assertTrue(r.output.contains("Trained 2 steps (completed) on 1 pairs: " + model), r.toString());
		assertTrue(r.output.contains("curves in " + tmp.resolve("out/rig-losses.png")), r.toString());
		assertTrue(r.output.contains("Structure loss: the default model's structure-similarity network (the starting model has none)"),
			r.toString());
		assertEquals("2", org.cyclecolor.infer.OnnxModelFile.read(model).metadata().get("cyclecolor.provenance.training_steps"));
		assertEquals(3, Files.readAllLines(tmp.resolve("out/rig-losses.csv")).size());
		assertTrue(Files.isRegularFile(tmp.resolve("out/rig.ckpt")));
	}

	@Test
	void aMistakeStopsTheMacroWithOneSentence() throws Exception {
		Path macro = Files.writeString(tmp.resolve("mistake.ijm"),
			"r = call(\"org.cyclecolor.ij1.Macros.ssimMap\", \"image1=[" + tmp.resolve("none.png") + "] image2=[x]\");\n"
				+ "print(\"still running\");\n");
		ItEnvironment.Result r = imagej(macro.toString(), "");
		assertTrue(r.output.contains("Cycle Colorization: There is no file and no open image called '"), r.toString());
		assertFalse(r.output.contains("still running"), "the macro stops: " + r);
		assertFalse(r.output.contains("Exception"), "no stack trace: " + r);
	}
}
