package org.cyclecolor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Issue 17: an unexpected failure is one sentence on the console and its stack trace in a log file it names, exit 1. */
class UnexpectedFailureTest {

	@Command(name = "boom")
	static final class Boom implements Runnable {
		@Override
		public void run() {
			throw new IllegalStateException("Singular 3x3 matrix");
		}
	}

	@Test
	void theConsoleGetsOneSentenceAndTheLogTheTrace() throws IOException {
		CommandLine cl = Main.commandLine();
		cl.addSubcommand("boom", new Boom());
		StringWriter err = new StringWriter();
		cl.setErr(new PrintWriter(err));
		assertEquals(ExitCode.FAILURE, cl.execute("boom"));
		String text = err.toString();
		assertEquals(1, text.strip().lines().count(), text);
		assertFalse(text.contains("\tat "), text);
		Matcher m = Pattern.compile("error: unexpected failure \\(java.lang.IllegalStateException: Singular 3x3 matrix\\); the details are in "
			+ "(\\S+\\.log) - please report it with that file\\.").matcher(text.strip());
		assertTrue(m.matches(), text);
		Path log = Path.of(m.group(1));
		try {
			String trace = Files.readString(log);
			assertTrue(trace.contains("IllegalStateException: Singular 3x3 matrix") && trace.contains("\tat "), trace);
			assertTrue(trace.contains("Java "), "the log names the software: " + trace);
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	@Test
	void withoutAWritableFolderTheTraceGoesToTheConsole(@TempDir Path tmp) {
		assertEquals(null, Main.writeTrace(new IllegalStateException("x"), tmp.resolve("missing")));
	}
}
