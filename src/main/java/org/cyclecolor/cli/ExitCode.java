package org.cyclecolor.cli;

/** Exit codes of the command line, documented in docs/cli.md. */
public final class ExitCode {

	/** Finished as asked. */
	public static final int OK = 0;
	/** An unexpected failure (a bug or an environment problem); the message says which. */
	public static final int FAILURE = 1;
	/** The command line itself is wrong: unknown option, missing argument (picocli's usage error). */
	public static final int USAGE = 2;
	/** An input the user can fix: missing file, wrong image type, sizes differ, output exists... */
	public static final int INPUT = 3;
	/** Stopped by the user (Ctrl+C) before finishing. */
	public static final int CANCELLED = 130;

	private ExitCode() {}
}
