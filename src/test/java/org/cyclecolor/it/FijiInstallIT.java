package org.cyclecolor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cyclecolor.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's install command, {@code mvn install -Dscijava.app.directory=<Fiji.app>}, run for
 * real into a temporary folder: the plugin lands in plugins/, its runtime dependencies in jars/,
 * and ImageJ 1.54p started from that tree alone (ij.jar from jars/, the folder as ImageJ's own)
 * finds the plugin there and runs a macro that uses it — and cannot once the plugin is taken out.
 * It takes a minute or so: a second Maven build, and 750 MB of jars copied (deleted afterwards).
 */
class FijiInstallIT {

	@TempDir
	Path tmp;

	@Test
	void installsThePluginAndItsDependenciesIntoAFijiStyleFolder() throws Exception {
		if (!ItEnvironment.hasXvfb()) {
			// ImageJ builds its menus (the plugin's entries among them) only with a display.
			boolean required = Boolean.getBoolean("cyclecolor.requireXvfb") || "1".equals(System.getenv("CYCLECOLOR_REQUIRE_XVFB"));
			assertFalse(required, "xvfb-run is missing but required (apt-get install xvfb)");
			assumeTrue(false, "xvfb-run is not installed");
		}
		Path fiji = tmp.resolve("Fiji.app");
		Files.createDirectories(fiji);
		String mavenHome = System.getProperty("cyclecolor.mavenHome", "");
		String mvn = mavenHome.isEmpty() ? "mvn" : Paths.get(mavenHome, "bin", "mvn").toString();
		List<String> command = new ArrayList<>(List.of(mvn, "-B", "-q", "install", "-DskipTests",
			"-Dscijava.app.directory=" + fiji));
		// Always online, even inside an offline build: populate-app refuses to run offline (it
		// skips with a warning). Everything else is already in ~/.m2, so little is fetched.
		ItEnvironment.Result build = ItEnvironment.run(ItEnvironment.basedir(), 900, command);
		assertEquals(0, build.code, build.toString());

		Path plugin = fiji.resolve("plugins/Cycle_Colorization-" + Version.get() + ".jar");
		assertTrue(Files.isRegularFile(plugin), "plugin in plugins/: " + list(fiji.resolve("plugins")));
		List<String> jars = list(fiji.resolve("jars"));
		for (String dependency : new String[] { "scijava-common-", "imglib2-", "picocli-", "gson-", "onnxruntime_gpu-",
			"pytorch-engine-", "boofcv-ip-", "jhdf-" })
		{
			assertTrue(jars.stream().anyMatch(j -> j.startsWith(dependency)), dependency + " in jars/: " + jars);
		}

		// ImageJ 1.54p from the installed tree and nothing else: ij.jar alone on the class path, the
		// Fiji folder as ImageJ's folder (plugins.dir). ImageJ's plugin class loader finds the plugin
		// in plugins/ and its dependencies in jars/; the macro opens the sample through the menu
		// entry the installed jar's plugins.config adds, and measures it through the macro facade.
		Path macro = tmp.resolve("installed.ijm");
		// (An unknown command would stop the macro with a modal error dialog: ask the menus first.)
		Files.writeString(macro, String.join("\n",
			"List.setCommands;",
			"if (List.get(\"Cycle Colorization Sample Pair (mono + colour)\") == \"\") {",
			"  print(\"not installed: no Cycle Colorization entry in the menus\");",
			"} else {",
			"  run(\"Cycle Colorization Sample Pair (mono + colour)\");",
			"  result = call(\"org.cyclecolor.ij1.Macros.ssimMap\", \"image1=[sample-mono.png] image2=[sample-color.png] mode=luminance "
				+ "output=[\" + getArgument() + \"]\");",
			"  List.setList(result);",
			"  print(\"installed plugin: SSIM \" + List.getValue(\"ssim\"));",
			"}", ""));
		Path ij = installedImageJ(fiji);
		Path map = tmp.resolve("installed-map.tif");
		ItEnvironment.Result r = runInstalled(fiji, ij, macro, map);
		assertTrue(r.output.contains("installed plugin: SSIM 0.5"), r.toString());
		assertTrue(Files.isRegularFile(map), r.toString());

		// The same ImageJ without the plugin in plugins/ cannot run the macro: it was the installed
		// plugin, not something on the class path, that did the work.
		Path moved = Files.move(plugin, tmp.resolve(plugin.getFileName()));
		Path map2 = tmp.resolve("without-plugin.tif");
		ItEnvironment.Result without = runInstalled(fiji, ij, macro, map2);
		Files.move(moved, plugin);
		assertTrue(without.output.contains("not installed: no Cycle Colorization entry in the menus"), without.toString());
		assertFalse(Files.exists(map2));
	}

	/** jars/ij-1.*.jar of the installed folder. */
	private static Path installedImageJ(Path fiji) throws Exception {
		try (Stream<Path> s = Files.list(fiji.resolve("jars"))) {
			return s.filter(p -> p.getFileName().toString().matches("ij-1\\..*\\.jar")).findFirst()
				.orElseThrow(() -> new AssertionError("no ImageJ 1.x in " + fiji.resolve("jars")));
		}
	}

	/** ImageJ from the installed folder (menus need a display: Xvfb) running the macro in batch mode. */
	private ItEnvironment.Result runInstalled(Path fiji, Path ij, Path macro, Path output) throws Exception {
		return ItEnvironment.run(tmp, 180, List.of("xvfb-run", "-a", ItEnvironment.java(), "-Xmx1g", "-Dplugins.dir=" + fiji, "-cp",
			ij.toString(), "ij.ImageJ", "-batch", macro.toString(), output.toString()));
	}

	private static List<String> list(Path dir) throws Exception {
		if (!Files.isDirectory(dir)) return List.of();
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}
