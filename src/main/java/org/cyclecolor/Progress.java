package org.cyclecolor;

/**
 * Receives progress from long-running work and tells it whether to stop.
 * <p>
 * Core algorithms take a {@code Progress} so that Fiji (status bar), the command line (a progress
 * bar) and tests can observe them without the core knowing about any user interface.
 */
public interface Progress {

	/** Ignores reports and log lines and never cancels. */
	Progress NONE = new Progress() {
		@Override
		public void report(double fraction, String message) {}

		@Override
		public boolean isCancelled() {
			return false;
		}
	};

	/**
	 * @param fraction done so far, 0..1 (NaN when unknown)
	 * @param message what is happening now, short, or null to keep the last one
	 */
	void report(double fraction, String message);

	/**
	 * A line for the user's log (IJ.log in Fiji, standard error on the command line): what was
	 * decided on the user's behalf, e.g. "converted RGB 'x' to luminance". Ignored by default.
	 */
	default void log(String message) {}

	/** True when the user asked to stop; long loops poll it and call {@link #checkCancelled()}. */
	boolean isCancelled();

	/** Throws {@link CancelledException} when the user asked to stop. */
	default void checkCancelled() {
		if (isCancelled()) throw new CancelledException();
	}

	/**
	 * A view of this progress that maps 0..1 onto [start, end] of this one, so a stage of a
	 * pipeline can report its own 0..1 without knowing where it sits.
	 */
	default Progress sub(double start, double end) {
		Progress parent = this;
		return new Progress() {
			@Override
			public void report(double fraction, String message) {
				parent.report(Double.isNaN(fraction) ? Double.NaN : start + (end - start) * fraction, message);
			}

			@Override
			public void log(String message) {
				parent.log(message);
			}

			@Override
			public boolean isCancelled() {
				return parent.isCancelled();
			}
		};
	}
}
