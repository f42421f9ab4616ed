package org.cyclecolor.ij1;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cyclecolor.UserException;

/**
 * The options string of a macro call, in ImageJ's own syntax: {@code key=value}, values with
 * spaces in brackets ({@code key=[my file.tif]}), and bare words for true flags
 * ({@code overwrite}). Keys are case-insensitive; a key the function does not know is an error
 * (a typo would otherwise be ignored silently).
 */
public final class MacroOptions {

	private final String function;
	private final Map<String, String> values = new LinkedHashMap<>();

	/**
	 * @param function the facade function, for messages ("ssimMap")
	 * @param options the string the macro passed
	 * @param known every key the function understands
	 */
	public MacroOptions(String function, String options, String... known) {
		this.function = function;
		parse(options == null ? "" : options);
		List<String> allowed = Arrays.asList(known);
		for (String key : values.keySet()) {
			if (!allowed.contains(key)) {
				throw new UserException("Unknown option '" + key + "' for " + function + "; the options are "
					+ String.join(", ", known) + ".");
			}
		}
	}

	private void parse(String s) {
		int i = 0, n = s.length();
		while (i < n) {
			while (i < n && Character.isWhitespace(s.charAt(i))) i++;
			if (i >= n) break;
			int start = i;
			while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=') i++;
			String key = s.substring(start, i).toLowerCase(Locale.ROOT);
			if (i < n && s.charAt(i) == '=') {
				i++;
				String value;
				if (i < n && s.charAt(i) == '[') {
					int close = s.indexOf(']', i + 1);
					if (close < 0) {
						throw new UserException("The value of '" + key + "' opens a '[' that is never closed; write " + key
							+ "=[value].");
					}
					value = s.substring(i + 1, close);
					i = close + 1;
				}
				else {
					int vs = i;
					while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
					value = s.substring(vs, i);
				}
				values.put(key, value);
			}
			else {
				values.put(key, "true");
			}
		}
	}

	public boolean has(String key) {
		return values.containsKey(key);
	}

	/** The value, or {@code fallback} when the key is absent. */
	public String string(String key, String fallback) {
		return values.getOrDefault(key, fallback);
	}

	/** A value the function cannot do without; {@code what} explains it in the error. */
	public String required(String key, String what) {
		String v = values.get(key);
		if (v == null || v.isEmpty()) {
			throw new UserException(function + " needs " + key + "=[...]: " + what + ".");
		}
		return v;
	}

	/** A path, or null when absent. */
	public Path path(String key) {
		String v = values.get(key);
		return v == null || v.isEmpty() ? null : Paths.get(v);
	}

	public double number(String key, double fallback) {
		String v = values.get(key);
		if (v == null || v.isEmpty()) return fallback;
		try {
			return Double.parseDouble(v.trim());
		}
		catch (NumberFormatException e) {
			throw new UserException("The option " + key + "=" + v + " is not a number; give e.g. " + key + "=255.");
		}
	}

	/** A flag: present as a bare word or with true/false (also yes/no, 1/0). */
	public boolean flag(String key) {
		String v = values.get(key);
		if (v == null) return false;
		switch (v.trim().toLowerCase(Locale.ROOT)) {
			case "true": case "yes": case "1": case "": return true;
			case "false": case "no": case "0": return false;
			default: throw new UserException("The option " + key + "=" + v + " is neither true nor false; write just " + key
				+ " to switch it on.");
		}
	}
}
