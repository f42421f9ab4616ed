package org.cyclecolor.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.cyclecolor.UserException;
import org.cyclecolor.baseline.StereoLevinColorizer;
import org.cyclecolor.baseline.UnwarpedColorizer;
import org.cyclecolor.baseline.WelshColorizer;

/**
 * The methods an evaluation can run, by name: what {@code --methods} and the Fiji command accept.
 * <ul>
 * <li>{@code unwarped}, {@code welsh}, {@code stereo-levin}: the classical baselines
 * (docs/baselines.md), with their defaults;</li>
 * <li>{@code authors-output}: the authors' own result files, where the dataset has them.</li>
 * </ul>
 */
public final class Methods {

	/** Every name, in the order of the help text. */
	private static final Map<String, Supplier<EvaluationMethod>> NAMED = new LinkedHashMap<>();

	static {
		NAMED.put(UnwarpedColorizer.NAME, () -> new ColorizerMethod(new UnwarpedColorizer()));
		NAMED.put(WelshColorizer.NAME, () -> new ColorizerMethod(new WelshColorizer()));
		NAMED.put(StereoLevinColorizer.NAME, () -> new ColorizerMethod(new StereoLevinColorizer()));
		NAMED.put(AuthorsOutputMethod.NAME, AuthorsOutputMethod::new);
	}

	/** What an evaluation runs when the user names nothing: the three baselines. */
	public static final List<String> DEFAULT = List.of(UnwarpedColorizer.NAME, WelshColorizer.NAME, StereoLevinColorizer.NAME);

	private Methods() {}

	/** The names this build knows. */
	public static List<String> names() {
		return List.copyOf(NAMED.keySet());
	}

	/**
	 * Splits a comma-separated list of names (spaces allowed), refusing unknown names and
	 * repetitions with one sentence that lists the known names.
	 */
	public static List<String> parse(String list) {
		if (list == null || list.isBlank()) {
			throw new UserException("No method was named; give a comma-separated list of " + String.join(", ", names()) + ".");
		}
		Set<String> out = new LinkedHashSet<>();
		for (String part : list.split(",")) {
			String name = part.trim().toLowerCase(Locale.ROOT);
			if (name.isEmpty()) continue;
			if (!NAMED.containsKey(name)) {
				throw new UserException("Unknown method '" + part.trim() + "'; choose from " + String.join(", ", names())
					+ " (comma-separated).");
			}
			if (!out.add(name)) throw new UserException("The method '" + name + "' is named twice; name each method once.");
		}
		if (out.isEmpty()) {
			throw new UserException("No method was named; give a comma-separated list of " + String.join(", ", names()) + ".");
		}
		return List.copyOf(out);
	}

	/** The methods of a parsed list, in its order; close them when done. */
	public static List<EvaluationMethod> create(List<String> names) {
		List<EvaluationMethod> out = new ArrayList<>();
		for (String n : names) {
			Supplier<EvaluationMethod> s = NAMED.get(n);
			if (s == null) throw new UserException("Unknown method '" + n + "'; choose from " + String.join(", ", names()) + ".");
			out.add(s.get());
		}
		return out;
	}
}
