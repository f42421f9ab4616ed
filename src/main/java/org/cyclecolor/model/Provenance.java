package org.cyclecolor.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a model's weights came from, as ordered key/value text stored in the model file's
 * metadata: e.g. {@code weights} (origin), {@code source_sha256}, {@code training_data},
 * {@code training_steps}, {@code losses}, {@code wall_time}, {@code command}. Values are free
 * text; unknown facts are left out rather than guessed.
 */
public final class Provenance {

	private final Map<String, String> entries;

	private Provenance(Map<String, String> entries) {
		this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
	}

	public static Provenance of(Map<String, String> entries) {
		for (String k : entries.keySet()) {
			if (!k.matches("[a-z0-9_]+")) throw new IllegalArgumentException("Provenance keys are lower_snake_case, got '" + k + "'.");
		}
		return new Provenance(entries);
	}

	public static Provenance empty() {
		return new Provenance(Map.of());
	}

	/** A copy with one more entry (replacing an earlier one of that key). */
	public Provenance with(String key, String value) {
		Map<String, String> m = new LinkedHashMap<>(entries);
		m.put(key, value);
		return of(m);
	}

	public Map<String, String> entries() {
		return entries;
	}

	public String get(String key) {
		return entries.get(key);
	}

	@Override
	public String toString() {
		return entries.toString();
	}
}
