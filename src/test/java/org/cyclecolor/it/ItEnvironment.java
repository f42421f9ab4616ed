package org.cyclecolor.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the integration tests run against: the packaged plugin jar and its dependencies in
 * target/lib (paths handed over by failsafe), real ImageJ 1.54p, subprocesses with time limits.
 */
final class ItEnvironment {

	private ItEnvironment() {}

	static Path basedir() {
		return Paths.get(System.getProperty("cyclecolor.basedir", ".")).toAbsolutePath().normalize();
	}

	/** The plugin jar that `mvn package` made. */
	static Path pluginJar() {
		Path jar = Paths.get(System.getProperty("cyclecolor.jar", "target/missing.jar")).toAbsolutePath();
		assertTrue(Files.isRegularFile(jar), "run the integration tests after package (mvn verify): " + jar);
		return jar;
	}

	/** target/lib: the runtime dependencies beside the jar. */
	static Path libDir() {
		return pluginJar().getParent().resolve("lib");
	}

	/** ImageJ 1.x itself, from target/lib. */
	static Path imagejJar() throws IOException {
		try (Stream<Path> s = Files.list(libDir())) {
			return s.filter(p -> p.getFileName().toString().matches("ij-1\\..*\\.jar")).findFirst()
				.orElseThrow(() -> new IllegalStateException("no ij-*.jar in " + libDir()));
		}
	}

	static String java() {
		return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** A finished process: exit code and everything it printed (both streams). */
	static final class Result {
		final int code;
		final String output;

		Result(int code, String output) {
			this.code = code;
			this.output = output;
		}

		@Override
		public String toString() {
			return "exit " + code + ":\n" + output;
		}
	}

	/** Runs a command in {@code dir}, killing it after {@code seconds}. */
	static Result run(Path dir, long seconds, List<String> command) throws IOException, InterruptedException {
		Path log = Files.createTempFile("cyclecolor-it", ".log");
		try {
			Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
				.redirectOutput(log.toFile()).start();
			if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
				p.descendants().forEach(ProcessHandle::destroyForcibly);
				p.destroyForcibly();
				p.waitFor();
				throw new AssertionError("timed out after " + seconds + " s: " + String.join(" ", command) + "\n"
					+ Files.readString(log, StandardCharsets.UTF_8));
			}
			return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	/** The class path for ImageJ with the plugin and its dependencies on it (as Fiji has them). */
	static String classPath(Path... extra) throws IOException {
		List<String> parts = new ArrayList<>();
		for (Path p : extra) parts.add(p.toString());
		try (Stream<Path> s = Files.list(libDir())) {
			parts.addAll(s.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().collect(Collectors.toList()));
		}
		return String.join(File.pathSeparator, parts);
	}

	/** True when xvfb-run is installed. */
	static boolean hasXvfb() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (Files.isExecutable(Paths.get(dir, "xvfb-run"))) return true;
		}
		return false;
	}
}
