package org.cyclecolor;

/**
 * A mistake the user can fix: a wrong input, a missing file, an impossible parameter.
 * <p>
 * The message is one sentence that says what is wrong and how to fix it. Commands show it as is
 * (dialog, log, or CLI error line); it never carries a stack trace to the user.
 */
public class UserException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public UserException(String message) {
		super(message);
	}

	public UserException(String message, Throwable cause) {
		super(message, cause);
	}
}
