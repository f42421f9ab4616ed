package org.cyclecolor.ij1;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a macro function returns: {@code key=value} lines, which the macro reads with
 * {@code List.setList(result); v = List.getValue("ssim");} (numbers) or {@code List.get(...)}.
 * Lists become comma-separated values; null values are left out.
 */
public final class MacroResult {

	private final Map<String, String> lines = new LinkedHashMap<>();

	public MacroResult put(String key, Object value) {
		if (value == null) return this;
		String text;
		if (value instanceof Double || value instanceof Float) {
			double d = ((Number) value).doubleValue();
			text = d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.9g", d);
		}
		else if (value instanceof Collection) {
			text = ((Collection<?>) value).stream().map(String::valueOf).collect(Collectors.joining(","));
		}
		else text = String.valueOf(value);
		// One line per key: a line break inside a value would split it.
		lines.put(key, text.replace('\n', ' ').replace('\r', ' '));
		return this;
	}

	public MacroResult putAll(Map<String, ?> values) {
		values.forEach(this::put);
		return this;
	}

	@Override
	public String toString() {
		return lines.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
	}
}
