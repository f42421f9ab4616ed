package org.cyclecolor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.infer.OnnxExporter;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Variants;
import org.cyclecolor.rectify.SyntheticRig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * macros/cyclecolor_batch_raw_pairs.ijm in real ImageJ 1.54p without a display: a folder of raw
 * (unrectified) pairs goes through rectify, colorize and cycle check; a pair that cannot be
 * rectified is listed with its reason and the others go on. A synthetic rig with a known camera
 * turn gives the raw pair; a model with freshly initialised weights stands in for a trained one.
 */
class BatchMacroIT {

	@TempDir
	Path tmp;

	@Test
	void rawPairsAreRectifiedColorizedCheckedAndTabulated() throws Exception {
		Path model = tmp.resolve("random model.onnx");
		OnnxExporter.write(ModelBundle.initialized(Variants.get("cyclecnn"), 5, Provenance.empty()), model, false);
		Path folder = tmp.resolve("raw pairs");
		Files.createDirectories(folder.resolve("mono"));
		Files.createDirectories(folder.resolve("color"));
		SyntheticRig rig = SyntheticRig.scene(21);
		SyntheticRig.Camera mono = new SyntheticRig.Camera(450, 199.5, 149.5, 400, 300, SyntheticRig.turn(0, 0, 0), new double[] { 0, 0, 0 });
		SyntheticRig.Camera col = new SyntheticRig.Camera(450, 199.5, 149.5 + 6, 400, 300, SyntheticRig.turn(1, 1, 2),
			new double[] { 0.3, 0, 0 });
		FloatPlane g = SyntheticRig.mono(rig.render(mono), 1, 1, 1, 1);
		byte[] b = new byte[g.size()];
		for (int i = 0; i < b.length; i++) b[i] = (byte) ImagePlusAdapter.to8bit(g.data()[i]);
		ImageFiles.write(new ImagePlus("m", new ByteProcessor(400, 300, b)), folder.resolve("mono/scene.png"), false);
		ImageFiles.write(ImagePlusAdapter.toImagePlus("c", rig.render(col)), folder.resolve("color/scene.png"), false);
		// a pair without texture: rectification must fail for it alone
		ImageFiles.write(new ImagePlus("f", new ByteProcessor(400, 300)), folder.resolve("mono/flat.png"), false);
		ImageFiles.write(new ImagePlus("f", new ij.process.ColorProcessor(400, 300)), folder.resolve("color/flat.png"), false);

		Files.createDirectories(tmp.resolve("home/plugins"));
		Path macro = ItEnvironment.basedir().resolve("macros/cyclecolor_batch_raw_pairs.ijm");
		ItEnvironment.Result r = ItEnvironment.run(tmp, 300, List.of(ItEnvironment.java(), "-Djava.awt.headless=true", "-Xmx2g", "-cp",
			ItEnvironment.classPath(ItEnvironment.imagejJar(), ItEnvironment.pluginJar()), "ij.ImageJ", "-ijpath",
			tmp.resolve("home").toString(), "-batch", macro.toString(), "folder=[" + folder + "] model=[" + model + "]"));
		assertTrue(r.output.contains("Colorize raw pairs: 1 pairs written to"), r.toString());
		assertFalse(r.output.contains("Exception"), r.toString());

		Path out = folder.resolve("results");
		for (String f : new String[] { "scene-gray-rectified.tif", "scene-color-rectified.png", "scene-rectification.png",
			"scene-colorized.png", "scene-cycle-ssim.tif" }) {
			assertTrue(Files.isRegularFile(out.resolve(f)), f + ": " + r);
		}
		ImagePlus colorized = ImageFiles.read(out.resolve("scene-colorized.png"));
		ImagePlus rectified = ImageFiles.read(out.resolve("scene-gray-rectified.tif"));
		assertEquals(rectified.getWidth(), colorized.getWidth());
		assertEquals(ImagePlus.COLOR_RGB, colorized.getType());

		List<String> lines = Files.readAllLines(out.resolve("results.csv"));
		assertEquals("name,inliers,vertical_error_median_px,color_side,cycle_ssim_cbcr,cycle_ssim_rgb,scale,max_disparity,colorized,problem",
			lines.get(0));
		assertEquals(3, lines.size(), lines.toString());
		String flat = lines.stream().filter(l -> l.startsWith("flat,")).findFirst().orElseThrow();
		assertTrue(flat.contains("were found between the gray and colour images"), flat);
		String[] scene = lines.stream().filter(l -> l.startsWith("scene,")).findFirst().orElseThrow().split(",");
		assertTrue(Integer.parseInt(scene[1]) >= 30, "inliers " + scene[1]);
		assertTrue(Double.parseDouble(scene[2]) < 1.0, "rows agree within a pixel: " + scene[2]);
		assertEquals("right", scene[3]);
		double cycle = Double.parseDouble(scene[4]);
		assertTrue(cycle > -1 && cycle <= 1, "cycle SSIM " + cycle);
		assertEquals(out.resolve("scene-colorized.png").toString(), scene[8]);
	}
}
