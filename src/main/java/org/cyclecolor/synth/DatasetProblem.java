package org.cyclecolor.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.cyclecolor.UserException;

/**
 * A broken dataset item: which one, the files involved and what is wrong, in words a user can act on.
 *
 * @param item the item's name (a file stem or a scene folder name)
 * @param files the files concerned (may be empty)
 * @param reason what is wrong, e.g. "has no partner in color/" or "sizes differ: 640x480 and 320x240"
 */
public record DatasetProblem(String item, List<Path> files, String reason) {

	public DatasetProblem {
		files = List.copyOf(files);
	}

	/** How many problems an error message lists before saying "and N more". */
	static final int LISTED = 20;

	@Override
	public String toString() {
		String where = files.isEmpty() ? item
			: files.stream().map(Path::toString).collect(Collectors.joining(", "));
		return where + ": " + reason;
	}

	/** One line per problem (at most {@value #LISTED}, then "... and N more"). */
	public static String list(List<DatasetProblem> problems) {
		StringBuilder sb = new StringBuilder();
		int n = Math.min(LISTED, problems.size());
		for (int i = 0; i < n; i++) sb.append("\n  ").append(problems.get(i));
		if (problems.size() > n) sb.append("\n  ... and ").append(problems.size() - n).append(" more");
		return sb.toString();
	}

	/**
	 * Throws one {@link UserException} listing every problem when the mode is {@link OnProblem#FAIL}
	 * and there are any. {@code what} names the dataset ("the pairs folder /x"), {@code fix} says
	 * what to do.
	 */
	static void failIfAny(List<DatasetProblem> problems, OnProblem mode, String what, String fix) {
		if (problems.isEmpty() || mode == OnProblem.SKIP) return;
		String count = problems.size() == 1 ? "1 broken item" : problems.size() + " broken items";
		throw new UserException(capitalise(what) + " has " + count + "; " + fix
			+ " (or skip broken items):" + list(problems));
	}

	private static String capitalise(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}
}
