package org.cyclecolor.fiji;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.service.Service;

/**
 * A SciJava context as Fiji has it (no display here), for the tests of the suite's commands: runs a
 * command through the CommandService with pre- and post-processing, as Fiji runs a menu command or
 * a macro's run(), and waits for it. One per test class; close it after the class.
 */
final class FijiContext implements AutoCloseable {

	private final Context context = new Context();
	private final CommandService commands = context.service(CommandService.class);

	/** The command's registration (menu path, inputs, defaults). */
	CommandInfo info(Class<? extends Command> command) {
		return commands.getCommand(command);
	}

	/** Runs the command with these inputs (name, value, name, value, ...) and returns the finished module. */
	CommandModule run(Class<? extends Command> command, Object... inputs) throws InterruptedException, ExecutionException {
		return commands.run(command, true, inputs).get();
	}

	/** Runs the command with these inputs by name and returns the finished module. */
	CommandModule run(Class<? extends Command> command, Map<String, Object> inputs) throws InterruptedException, ExecutionException {
		return commands.run(command, true, inputs).get();
	}

	CommandService commands() {
		return commands;
	}

	<S extends Service> S service(Class<S> type) {
		return context.service(type);
	}

	@Override
	public void close() {
		context.dispose();
	}
}
