package org.cyclecolor.ij1;

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.macro.Interpreter;

import org.cyclecolor.CancelledException;
import org.cyclecolor.UserException;

/**
 * Runs one facade function the same way for every function: parses the options, runs the work
 * with {@link IjProgress}, and turns a mistake into a stopped macro with one clear sentence.
 * <p>
 * On a {@link UserException} the calling macro stops: with a display ImageJ shows the message in
 * an error dialog; headless it is printed ("Cycle Colorization: ..." on standard output and in the
 * log). Called from Java or a script (no running macro) the exception is thrown instead.
 */
final class MacroCall {

	static final String PREFIX = "Cycle Colorization: ";

	/** Set while {@link #attempt} runs: a mistake is returned as "error=..." rather than stopping the macro. */
	private static final ThreadLocal<Boolean> RETURN_ERRORS = ThreadLocal.withInitial(() -> false);

	private MacroCall() {}

	/**
	 * @param function the facade function's name (for messages)
	 * @param options the macro's options string
	 * @param known the option keys the function understands
	 * @param body the work: options and progress in, result out
	 */
	static String run(String function, String options, String[] known, Body body) {
		IjProgress progress = new IjProgress();
		try {
			return body.apply(new MacroOptions(function, options, known), progress).toString();
		}
		catch (UserException e) {
			return stop(e, e.getMessage());
		}
		catch (CancelledException e) {
			return stop(e, function + " was cancelled.");
		}
		finally {
			progress.done();
		}
	}

	/** The work of a facade function. */
	interface Body {
		MacroResult apply(MacroOptions options, IjProgress progress);
	}

	/** Runs {@code call}; a mistake comes back as {@code error=<sentence>} instead of stopping the macro. */
	static String attempt(java.util.function.Supplier<String> call) {
		boolean outer = RETURN_ERRORS.get();
		RETURN_ERRORS.set(true);
		try {
			return call.get();
		}
		finally {
			RETURN_ERRORS.set(outer);
		}
	}

	private static String stop(RuntimeException e, String message) {
		if (RETURN_ERRORS.get()) return "error=" + message;
		Interpreter macro = Interpreter.getInstance();
		if (macro == null) throw e;
		if (GraphicsEnvironment.isHeadless()) IJ.log(PREFIX + message);
		else IJ.error("Cycle Colorization", message);
		macro.abortMacro();
		return "";
	}
}
