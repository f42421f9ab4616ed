package org.cyclecolor.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cyclecolor.Progress;

/**
 * A one-line progress bar and log lines on standard error, and cancellation on Ctrl+C (the
 * shutdown hook sets the flag; the work stops at its next check and the command exits 130).
 */
public final class ConsoleProgress implements Progress {

	private static final int WIDTH = 30;

	private final PrintStream err;
	private final boolean quiet;
	private final boolean interactive;
	private final AtomicBoolean cancelled = new AtomicBoolean();
	private String message = "";
	private int lastDrawn = -1;
	private boolean barShown;
	private Thread cancelHook;

	/**
	 * @param quiet show nothing but log lines (for --json and scripts)
	 */
	public ConsoleProgress(PrintStream err, boolean quiet) {
		this.err = err;
		this.quiet = quiet;
		this.interactive = System.console() != null;
	}

	/** Lets Ctrl+C ask the work to stop instead of killing the JVM mid-write. */
	public ConsoleProgress cancelOnInterrupt() {
		Thread worker = Thread.currentThread();
		cancelHook = new Thread(() -> {
			cancelled.set(true);
			try {
				worker.join(10_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "cyclecolor-cancel");
		Runtime.getRuntime().addShutdownHook(cancelHook);
		return this;
	}

	@Override
	public synchronized void report(double fraction, String msg) {
		if (msg != null) message = msg;
		if (quiet) return;
		int percent = Double.isNaN(fraction) ? -1 : (int) Math.round(100 * Math.max(0, Math.min(1, fraction)));
		if (percent == lastDrawn && msg == null) return;
		lastDrawn = percent;
		if (interactive) {
			int filled = percent < 0 ? 0 : percent * WIDTH / 100;
			String bar = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "]";
			err.print(String.format(Locale.ROOT, "\r%s %3s%% %-40.40s", bar, percent < 0 ? "?" : percent, message));
			barShown = true;
			if (percent == 100) endBar();
		}
		else if (msg != null) {
			// Logs and pipes get one line per stage, not a bar.
			err.println(percent < 0 ? msg : String.format(Locale.ROOT, "%3d%% %s", percent, msg));
		}
		err.flush();
	}

	@Override
	public synchronized void log(String line) {
		endBar();
		err.println(line);
		err.flush();
	}

	private void endBar() {
		if (barShown) {
			err.println();
			barShown = false;
		}
	}

	@Override
	public boolean isCancelled() {
		return cancelled.get();
	}

	/**
	 * Ends the bar line so that later output starts on a fresh line, and retires the Ctrl+C hook:
	 * once the work is over, exiting must not wait for the (finished) worker.
	 */
	public synchronized void done() {
		endBar();
		if (cancelHook != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(cancelHook);
			}
			catch (IllegalStateException shuttingDown) {
				// already exiting: the hook runs, and finds the worker done
			}
			cancelHook = null;
		}
	}
}
