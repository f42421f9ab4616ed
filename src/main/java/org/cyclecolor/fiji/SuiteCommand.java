package org.cyclecolor.fiji;

import ij.IJ;

import org.cyclecolor.CancelledException;
import org.cyclecolor.UserException;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.ui.DialogPrompt;
import org.scijava.ui.UIService;

/**
 * What every command of the suite does around its work: progress in the status bar and log lines in
 * the log ({@link StatusProgress}), Esc to cancel, a mistake ({@link UserException}) shown as its
 * sentence — in a dialog when there is a display, in the log always — and cancelling the command
 * with it (so a macro stops with that sentence), a cancel said in words, the status bar cleared.
 */
abstract class SuiteCommand extends ContextCommand {

	@Parameter
	protected LogService log;

	@Parameter(required = false)
	protected StatusService status;

	@Parameter(required = false)
	protected UIService ui;

	/** The command's name in messages, e.g. "Colorize". */
	abstract String title();

	/** The command's work; a {@link UserException} cancels it with its sentence. */
	abstract void work(StatusProgress progress);

	/** Another reason to stop besides the command's cancel and Esc (e.g. a Cancel button of the command's own). */
	boolean stopRequested() {
		return false;
	}

	/** What the user is told when the work was cancelled. */
	String cancelledMessage() {
		return title() + " was cancelled.";
	}

	/** True when a dialog can be shown (Fiji with a display, not headless). */
	final boolean hasDisplay() {
		return ui != null && !ui.isHeadless();
	}

	@Override
	public final void run() {
		StatusProgress progress = new StatusProgress(status, log, () -> isCanceled() || IJ.escapePressed() || stopRequested());
		try {
			work(progress);
		}
		catch (UserException e) {
			log.error(title() + ": " + e.getMessage());
			if (hasDisplay()) ui.showDialog(e.getMessage(), title(), DialogPrompt.MessageType.ERROR_MESSAGE);
			cancel(e.getMessage());
		}
		catch (CancelledException e) {
			cancel(cancelledMessage());
			log.info(title() + ": " + cancelledMessage());
		}
		finally {
			progress.done();
		}
	}
}
