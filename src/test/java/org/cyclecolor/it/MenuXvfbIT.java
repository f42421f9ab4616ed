package org.cyclecolor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;

import org.cyclecolor.image.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real ImageJ 1.54p with a (virtual, Xvfb) display and the plugin jar in its plugins folder, the
 * way a plain ImageJ 1.x user installs it: the plugins.config entries are in the menus and run.
 * Skipped without xvfb-run, unless CYCLECOLOR_REQUIRE_XVFB=1 (.ci/run sets it after installing Xvfb)
 * or -Dcyclecolor.requireXvfb=true.
 */
class MenuXvfbIT {

	@TempDir
	Path tmp;

	@Test
	void menuEntriesFromPluginsConfigOpenTheSamplesAndRunTheBundledMacro() throws Exception {
		boolean required = Boolean.getBoolean("cyclecolor.requireXvfb")
			|| "1".equals(System.getenv("CYCLECOLOR_REQUIRE_XVFB"));
		if (!ItEnvironment.hasXvfb()) {
			assertTrue(!required, "xvfb-run is missing but required (apt-get install xvfb)");
			System.out.println("skipped: xvfb-run is not installed (apt-get install xvfb)");
			assumeTrue(false, "xvfb-run is not installed");
		}
		Path home = Files.createDirectories(tmp.resolve("home/plugins")).getParent();
		Path jar = ItEnvironment.pluginJar();
		Files.copy(jar, home.resolve("plugins").resolve(jar.getFileName()));
		Path map = tmp.resolve("menu-map.tif");
		Path macro = Files.writeString(tmp.resolve("menus.ijm"), String.join("\n",
			"run(\"Cycle Colorization Sample Pair (mono + colour)\");",
			"print(\"images=\" + nImages);",
			"selectImage(\"sample-mono.png\");",
			"print(\"mono=\" + getWidth() + \"x\" + getHeight() + \"x\" + bitDepth());",
			"selectImage(\"sample-color.png\");",
			"print(\"colour=\" + getWidth() + \"x\" + getHeight() + \"x\" + bitDepth());",
			"run(\"SSIM Map of the Sample Pair\");",
			"print(\"map=\" + getTitle() + \" \" + bitDepth());",
			"saveAs(\"Tiff\", \"" + map + "\");",
			"List.setCommands;",
			"print(\"about=\" + List.get(\"About Cycle Colorization...\"));",
			"print(\"folders=\" + List.get(\"SSIM Maps of Two Folders...\"));",
			"print(\"done\");", ""));
		// Dependencies on the class path (as Fiji has them in jars/); the plugin only in plugins/.
		ItEnvironment.Result r = ItEnvironment.run(tmp, 180, List.of("xvfb-run", "-a", ItEnvironment.java(), "-Xmx1g",
			"-cp", ItEnvironment.classPath(ItEnvironment.imagejJar()), "ij.ImageJ", "-ijpath", home.toString(), "-batch",
			macro.toString()));
		assertTrue(r.output.contains("done"), r.toString());
		assertTrue(r.output.contains("images=2"), r.toString());
		assertTrue(r.output.contains("mono=512x384x8"), r.toString());
		assertTrue(r.output.contains("colour=512x384x24"), r.toString());
		assertTrue(r.output.contains("map=SSIM luminance of sample-mono.png and sample-color.png 32"), r.toString());
		assertTrue(r.output.contains("about=org.cyclecolor.ij1.About"), r.toString());
		assertTrue(r.output.contains("folders=ij.plugin.Macro_Runner(\"JAR:macros/cyclecolor_ssim_folders.ijm\")"),
			r.toString());
		ImagePlus saved = ImageFiles.read(map);
		assertEquals(32, saved.getBitDepth());
		assertEquals(512, saved.getWidth());
	}
}
