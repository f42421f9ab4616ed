package org.cyclecolor.ij1;

import ij.IJ;

import org.cyclecolor.Progress;

/**
 * Progress for ImageJ 1.x: the status bar and progress bar, log lines in the Log window (on
 * standard output when headless), and cancellation with the Esc key.
 */
public final class IjProgress implements Progress {

	@Override
	public void report(double fraction, String message) {
		if (message != null) IJ.showStatus(message);
		if (!Double.isNaN(fraction)) IJ.showProgress(Math.max(0, Math.min(1, fraction)));
	}

	@Override
	public void log(String message) {
		IJ.log(message);
	}

	@Override
	public boolean isCancelled() {
		return IJ.escapePressed();
	}

	/** Clears the status and progress bars. */
	public void done() {
		IJ.showStatus("");
		IJ.showProgress(1.0);
	}
}
