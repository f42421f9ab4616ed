package org.cyclecolor.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of architectures by name. To add one, write a class like {@link CycleCnn} and list
 * it here (docs/adding-a-variant.md).
 */
public final class Variants {

	private static final Map<String, Variant> ALL = new LinkedHashMap<>();

	static {
		register(CycleCnn.variant());
		register(AuthorsAaai20.variant());
		register(GuidedCycleCnn.guided());
		register(GuidedCycleCnn.lite());
	}

	private Variants() {}

	private static void register(Variant v) {
		ALL.put(v.name(), v);
	}

	/** The variant with this name and its default number of candidates. */
	public static Variant get(String name) {
		Variant v = ALL.get(name);
		if (v == null) throw new IllegalArgumentException("Unknown network variant '" + name + "'; known: " + names() + ".");
		return v;
	}

	/** The variant with this name and D candidates. */
	public static Variant get(String name, int candidates) {
		return get(name).withCandidates(candidates);
	}

	public static List<String> names() {
		return List.copyOf(ALL.keySet());
	}

	public static List<Variant> all() {
		return List.copyOf(ALL.values());
	}
}
