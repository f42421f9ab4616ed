package org.cyclecolor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
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
 * and ImageJ started from that tree (the way Fiji puts jars/ on its class path) runs the bundled
 * sample macro. It takes a minute or so: a second Maven build, and 750 MB of jars copied (deleted
 * afterwards).
 */
class FijiInstallIT {

	@TempDir
	Path tmp;

	@Test
	void installsThePluginAndItsDependenciesIntoAFijiStyleFolder() throws Exception {
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

		// ImageJ from the installed tree: everything under jars/ on the class path, the plugin in plugins/.
		String classPath;
		try (Stream<Path> s = Files.walk(fiji.resolve("jars"))) {
			classPath = s.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
		}
		Path map = tmp.resolve("installed-map.tif");
		ItEnvironment.Result r = ItEnvironment.run(tmp, 120, List.of(ItEnvironment.java(), "-Djava.awt.headless=true",
			"-Xmx1g", "-cp", classPath + File.pathSeparator + plugin, "ij.ImageJ", "-ijpath", fiji.toString(), "-batch",
			ItEnvironment.basedir().resolve("macros/cyclecolor_ssim_sample.ijm").toString(), "output=[" + map + "]"));
		assertTrue(r.output.contains("SSIM map written to"), r.toString());
		assertTrue(Files.isRegularFile(map));
	}

	private static List<String> list(Path dir) throws Exception {
		if (!Files.isDirectory(dir)) return List.of();
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}
