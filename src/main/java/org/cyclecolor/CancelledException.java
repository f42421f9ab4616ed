package org.cyclecolor;

/** Thrown by long-running work when the user asked it to stop. Not an error. */
public class CancelledException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CancelledException() {
		super("Cancelled by the user.");
	}
}
