package org.cyclecolor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.cyclecolor.CancelledException;
import org.cyclecolor.UserException;
import org.cyclecolor.Version;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code cyclecolor} command line: one subcommand per user-level operation.
 * <p>
 * Run as {@code java -jar Cycle_Colorization-<version>.jar <subcommand> ...}; the jar's manifest
 * puts its dependencies in {@code lib/} on the class path.
 */
@Command(name = "cyclecolor", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
	description = { "Colorize a monochrome camera's image with the colour camera beside it (Cycle-CNN, AAAI 2020).",
		"" },
	// One subcommand per line, in the order of the user's workflow (keeps merges simple).
	subcommands = {
		RectifyCommand.class,
		ColorizeCommand.class,
		CycleCommand.class,
		ImportModelCommand.class,
		SsimCommand.class,
		SampleCommand.class,
		SynthesizeCommand.class,
		TrainCommand.class,
		PretrainSsmCommand.class,
		ExportCheckpointCommand.class,
		AblationCommand.class,
		EvaluateCommand.class,
		CommandLine.HelpCommand.class,
	},
	footer = { "", "Exit codes: 0 done, 1 unexpected failure, 2 wrong command line, 3 input to fix, 130 cancelled.",
		"Every subcommand takes --json for a machine-readable summary on standard output." })
public final class Main implements Runnable {

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		int code = run(args);
		ConsoleProgress.releaseAll();
		System.exit(code);
	}

	/** Runs the command line and returns its exit code (used by tests, no System.exit). */
	public static int run(String... args) {
		return commandLine().execute(args);
	}

	/** The configured command line, with error handling that maps exceptions to exit codes. */
	public static CommandLine commandLine() {
		CommandLine cl = new CommandLine(new Main());
		cl.setExecutionExceptionHandler(Main::handleException);
		cl.setParameterExceptionHandler(Main::handleUsageError);
		cl.setCaseInsensitiveEnumValuesAllowed(true);
		return cl;
	}

	/** A wrong command line: the message and where to find the options, not the whole help. */
	private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
		CommandLine cl = e.getCommandLine();
		PrintWriter err = cl.getErr();
		err.println("error: " + e.getMessage());
		CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
		err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
		err.flush();
		return ExitCode.USAGE;
	}

	private static int handleException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
		PrintWriter err = cl.getErr();
		if (e instanceof UserException) {
			err.println("error: " + e.getMessage());
			err.flush();
			return ExitCode.INPUT;
		}
		if (e instanceof CancelledException) {
			err.println("cancelled");
			err.flush();
			return ExitCode.CANCELLED;
		}
		Path log = writeTrace(e, Paths.get(System.getProperty("java.io.tmpdir")));
		if (log == null) {
			err.println("error: unexpected failure: " + e);
			e.printStackTrace(err);
		}
		else {
			err.println("error: unexpected failure (" + e + "); the details are in " + log
				+ " - please report it with that file.");
		}
		err.flush();
		return ExitCode.FAILURE;
	}

	/**
	 * Writes an unexpected failure's stack trace to a new log file in {@code dir} (a user needs one
	 * sentence on the console, a maintainer the trace); null when no file could be written.
	 */
	static Path writeTrace(Throwable e, Path dir) {
		try {
			String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
			Path log = Files.createTempFile(dir, "cyclecolor-error-" + stamp + "-", ".log");
			StringWriter trace = new StringWriter();
			try (PrintWriter w = new PrintWriter(trace)) {
				w.println(Version.get() + ", Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
					+ System.getProperty("os.arch"));
				e.printStackTrace(w);
			}
			Files.writeString(log, trace.toString(), StandardCharsets.UTF_8);
			return log;
		}
		catch (IOException | RuntimeException failed) {
			return null;
		}
	}

	@Override
	public void run() {
		// No subcommand: show what there is.
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** Prints the suite's version. */
	public static final class VersionProvider implements IVersionProvider {
		@Override
		public String[] getVersion() {
			return new String[] { "cyclecolor " + Version.get(), "Java " + System.getProperty("java.version") };
		}
	}
}
