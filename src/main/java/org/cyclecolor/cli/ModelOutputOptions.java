package org.cyclecolor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import org.cyclecolor.Progress;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What the commands that write one model file share ({@code import-model}, {@code export-checkpoint}):
 * the options {@code -o}, {@code --overwrite}, {@code --json}, and the run around the operation:
 * a progress bar that Ctrl+C cancels, then the operation's summary as JSON or one line. The
 * operation checks and writes the file itself ({@link org.cyclecolor.infer.ModelTarget}).
 */
final class ModelOutputOptions {

	@Option(names = { "-o", "--output" }, paramLabel = "MODEL", required = true, description = "The ONNX model to write (.onnx).")
	Path output;

	@Option(names = "--overwrite", description = "Replace the output model if it exists.")
	boolean overwrite;

	@Option(names = "--json", description = "Print a JSON summary on standard output (messages go to standard error).")
	boolean json;

	/**
	 * Runs {@code operation} with a progress bar and prints its summary: with {@code --json} after
	 * the command's name and version, else the line {@code human} makes of it.
	 */
	int run(CommandLine.Model.CommandSpec spec, String command, Function<Progress, Map<String, Object>> operation,
		Function<Map<String, Object>, String> human)
	{
		PrintWriter out = spec.commandLine().getOut();
		ConsoleProgress progress = new ConsoleProgress(System.err, json).cancelOnInterrupt();
		try {
			Map<String, Object> s = operation.apply(progress);
			progress.done();
			if (json) {
				Map<String, Object> summary = JsonOutput.header(command);
				summary.putAll(s);
				JsonOutput.print(out, summary);
			}
			else {
				out.print(human.apply(s));
				out.flush();
			}
			return ExitCode.OK;
		}
		finally {
			progress.done();
		}
	}
}
