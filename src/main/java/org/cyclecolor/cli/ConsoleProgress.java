package org.cyclecolor.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cyclecolor.Progress;

/**
 * A one-line progress bar and log lines on standard error, and cancellation on Ctrl+C (the
 * shutdown hook sets the flag and waits, up to 10 s, until the work has stopped at its next check
 * and cleaned up; the command exits 130). Call {@link #done()} when the work ends.
 */
public final class ConsoleProgress implements Progress {

	private static final int WIDTH = 30;
	/** Every instance whose hook is registered, so that {@link #releaseAll()} can end them. */
	private static final Set<ConsoleProgress> LIVE = ConcurrentHashMap.newKeySet();

	private final PrintStream err;
	private final boolean quiet;
	private final boolean interactive;
	private final AtomicBoolean cancelled = new AtomicBoolean();
	private final CountDownLatch finished = new CountDownLatch(1);
	private Thread hook;
	private String message = "";
	private int lastDrawn = -1;
	private boolean barShown;

	/**
	 * @param quiet show nothing but log lines (for --json and scripts)
	 */
	public ConsoleProgress(PrintStream err, boolean quiet) {
		this.err = err;
		this.quiet = quiet;
		this.interactive = System.console() != null;
	}

	/**
	 * Lets Ctrl+C ask the work to stop instead of killing the JVM mid-write. (The hook waits for
	 * {@link #done()}, not for the worker thread: that thread calls System.exit, which blocks
	 * while hooks run.)
	 */
	public ConsoleProgress cancelOnInterrupt() {
		return cancelOnInterrupt(10);
	}

	/**
	 * As {@link #cancelOnInterrupt()}, waiting up to {@code graceSeconds} for the work to stop
	 * cleanly (a training step on large crops can take a minute, and its checkpoint must be written).
	 */
	public synchronized ConsoleProgress cancelOnInterrupt(int graceSeconds) {
		hook = new Thread(() -> {
			cancelled.set(true);
			try {
				finished.await(graceSeconds, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "cyclecolor-cancel");
		Runtime.getRuntime().addShutdownHook(hook);
		LIVE.add(this);
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

	/** Ends the bar line, and lets the JVM exit without waiting for this work (removes the hook). */
	public synchronized void done() {
		endBar();
		finished.countDown();
		if (hook != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (IllegalStateException shuttingDown) {
				// Ctrl+C: the hook is running and now returns.
			}
			hook = null;
		}
		LIVE.remove(this);
	}

	/**
	 * Calls {@link #done()} on every progress still registered: {@link Main#main} does this before
	 * exiting, so that a command that failed before its own done() does not delay the exit.
	 */
	public static void releaseAll() {
		for (ConsoleProgress p : LIVE.toArray(new ConsoleProgress[0])) p.done();
	}
}
