package org.cyclecolor.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

/**
 * plugins.config: well formed (as ImageJ's Menus parses it), unique labels, every class and
 * bundled macro it names exists, and none of its labels repeats a SciJava command's (DESIGN 6:
 * each function appears once in Fiji's menus).
 */
class PluginsConfigTest {

	private static final Pattern ENTRY = Pattern.compile("^([^,]+), \"([^\"]+)\", ([\\w.]+)(?:\\(\"([^\"]*)\"\\))?$");

	static final class Entry {
		String menu, label, target, argument;
	}

	static List<Entry> entries() throws IOException {
		List<Entry> out = new ArrayList<>();
		for (String line : Files.readAllLines(Paths.get("plugins.config"))) {
			if (line.startsWith("#") || line.trim().length() < 3) continue;
			Matcher m = ENTRY.matcher(line);
			assertTrue(m.matches(), "not a plugins.config entry: " + line);
			Entry e = new Entry();
			e.menu = m.group(1);
			e.label = m.group(2);
			e.target = m.group(3);
			e.argument = m.group(4);
			out.add(e);
		}
		return out;
	}

	@Test
	void everyEntryPointsAtSomethingThatExists() throws Exception {
		List<Entry> entries = entries();
		Set<String> labels = new HashSet<>();
		for (Entry e : entries) {
			assertTrue(labels.add(e.label), "duplicate label " + e.label);
			Class<?> c = Class.forName(e.target);
			assertTrue(ij.plugin.PlugIn.class.isAssignableFrom(c), e.target + " is an ImageJ PlugIn");
			if (e.target.equals("ij.plugin.Macro_Runner")) {
				assertTrue(e.argument.startsWith("JAR:macros/"), e.argument);
				Path macro = Paths.get(e.argument.substring("JAR:".length()));
				assertTrue(Files.isRegularFile(macro), "bundled macro " + macro + " exists");
			}
		}
		assertTrue(entries.stream().anyMatch(e -> e.menu.equals("File>Open Samples")), "an Open Samples entry");
		assertTrue(entries.stream().anyMatch(e -> e.menu.equals("Help>About Plugins")), "an About entry");
	}

	@Test
	void noLabelRepeatsASciJavaCommand() throws Exception {
		Set<String> labels = new HashSet<>();
		for (Entry e : entries()) labels.add(e.label);
		try (Context context = new Context(CommandService.class)) {
			int ours = 0;
			for (CommandInfo info : context.service(CommandService.class).getCommands()) {
				if (info.getMenuPath() == null || info.getMenuPath().isEmpty()) continue;
				String leaf = info.getMenuPath().getLeaf().getName();
				if (info.getClassName().startsWith("org.cyclecolor.")) ours++;
				assertFalse(labels.contains(leaf), "plugins.config repeats the SciJava command '" + leaf + "'");
			}
			assertTrue(ours > 0, "the suite's commands were found");
		}
	}

	@Test
	void aboutNamesTheVersionAndThePaper() {
		String text = About.text().replaceAll("\\s+", " ");
		assertTrue(text.contains("Cycle-CNN for Colorization towards Real Monochrome-Color Camera Systems"), text);
		assertTrue(text.contains("Dong") && text.contains("AAAI"), text);
		assertTrue(text.contains(org.cyclecolor.Version.get()), text);
		org.cyclecolor.infer.ModelDescription bundled = org.cyclecolor.infer.BundledModel.description();
		if (bundled != null) {
			// the default model as results name it, with the version and training its metadata record
			assertTrue(text.contains("Default model (used when none is chosen): bundled default model, " + bundled.variant() + ", " + bundled.version()
				+ "; " + bundled.training().replaceAll("\\s+", " ")), text);
			assertFalse(text.contains("cyclecolor-default-"), text);
		}
	}

	@Test
	void theSamplesInTheRepositoryOpenAsTheirFilesDo() throws Exception {
		// Resources come from target/classes, where the build copies sample-data/ for the jar.
		for (String name : new String[] { OpenSamples.MONO, OpenSamples.COLOR, OpenSamples.GT_COLOR, OpenSamples.GT_DISPARITY }) {
			ij.ImagePlus fromJar = OpenSamples.open(name);
			assertNotNull(fromJar, name + " is packaged");
			ij.ImagePlus fromFile = org.cyclecolor.image.ImageFiles.read(Paths.get("sample-data", name));
			assertEquals(fromFile.getBitDepth(), fromJar.getBitDepth(), name);
			assertEquals(name, fromJar.getTitle());
			for (int i = 0; i < fromFile.getWidth() * fromFile.getHeight(); i += 997) {
				assertEquals(fromFile.getProcessor().getf(i), fromJar.getProcessor().getf(i), 0f, name + " pixel " + i);
			}
		}
	}
}
