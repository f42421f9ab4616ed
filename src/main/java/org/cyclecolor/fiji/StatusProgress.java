package org.cyclecolor.fiji;

import java.util.function.BooleanSupplier;

import org.cyclecolor.Progress;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/**
 * Shows a core algorithm's progress in Fiji's status bar and its log lines in the log, and asks
 * the running command whether the user cancelled.
 */
public final class StatusProgress implements Progress {

	private static final int STEPS = 1000;

	private final StatusService status;
	private final LogService log;
	private final BooleanSupplier cancelled;
	private String lastMessage = "";

	/**
	 * @param status may be null (then nothing is shown)
	 * @param log may be null (then log lines go to ImageJ's log window)
	 * @param cancelled e.g. {@code command::isCanceled}
	 */
	public StatusProgress(StatusService status, LogService log, BooleanSupplier cancelled) {
		this.status = status;
		this.log = log;
		this.cancelled = cancelled;
	}

	@Override
	public void report(double fraction, String message) {
		if (message != null) lastMessage = message;
		if (status == null) return;
		if (!Double.isNaN(fraction)) {
			int done = (int) Math.round(Math.max(0, Math.min(1, fraction)) * STEPS);
			status.showStatus(done, STEPS, lastMessage);
		}
		else if (message != null) {
			status.showStatus(message);
		}
	}

	@Override
	public void log(String message) {
		if (log != null) log.info(message);
		else ij.IJ.log(message);
	}

	@Override
	public boolean isCancelled() {
		return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
	}

	/** Clears the status bar when the work ends. */
	public void done() {
		if (status != null) status.clearStatus();
	}
}
