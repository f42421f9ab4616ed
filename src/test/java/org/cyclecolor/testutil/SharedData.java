package org.cyclecolor.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the team's read-only test data ({@code ../shared/data} beside the checkout, or the
 * system property {@code cyclecolor.data}, or the environment variable {@code CYCLECOLOR_DATA}).
 * Tests that need it call {@link #require(String)}, which skips the test with a printed reason
 * when the data is absent: a fresh clone without it must still pass.
 */
public final class SharedData {

	private SharedData() {}

	/** The data folder, or null when it is not there. */
	public static Path root() {
		String p = System.getProperty("cyclecolor.data");
		if (p == null || p.isEmpty()) p = System.getenv("CYCLECOLOR_DATA");
		Path dir = (p == null || p.isEmpty()) ? Paths.get("..", "shared", "data") : Paths.get(p);
		return Files.isDirectory(dir) ? dir.toAbsolutePath().normalize() : null;
	}

	/** The path {@code relative} inside the data folder; skips the calling test when it is absent. */
	public static Path require(String relative) {
		Path root = root();
		if (root == null) {
			String msg = "skipped: shared test data not found (../shared/data, -Dcyclecolor.data or CYCLECOLOR_DATA)";
			System.out.println(msg);
			assumeTrue(false, msg);
		}
		Path p = root.resolve(relative);
		if (!Files.exists(p)) {
			String msg = "skipped: " + p + " is not in the shared test data";
			System.out.println(msg);
			assumeTrue(false, msg);
		}
		return p;
	}
}
