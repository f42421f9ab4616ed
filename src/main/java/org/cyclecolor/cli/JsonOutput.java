package org.cyclecolor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

import org.cyclecolor.Version;

/**
 * The {@code --json} summary: one pretty-printed JSON object on standard output.
 * <p>
 * Numbers that JSON cannot hold (NaN, ±Infinity: e.g. the PSNR of identical images, a disparity
 * range that could not be measured) are written as {@code null}, so that every standard parser
 * reads the output; docs/cli.md says so.
 */
public final class JsonOutput {

	private static final TypeAdapter<Number> FINITE_OR_NULL = new TypeAdapter<>() {
		@Override
		public void write(JsonWriter out, Number value) throws IOException {
			if (value == null || !Double.isFinite(value.doubleValue())) out.nullValue();
			else out.value(value);
		}

		@Override
		public Number read(JsonReader in) {
			throw new UnsupportedOperationException("JsonOutput only writes");
		}
	};

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
		.registerTypeAdapter(Double.class, FINITE_OR_NULL).registerTypeAdapter(double.class, FINITE_OR_NULL)
		.registerTypeAdapter(Float.class, FINITE_OR_NULL).registerTypeAdapter(float.class, FINITE_OR_NULL).create();

	private JsonOutput() {}

	/** The start of every command's summary: its name and the suite's version (a mutable map, in that order). */
	public static Map<String, Object> header(String command) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("command", command);
		m.put("version", Version.get());
		return m;
	}

	/** The summary as JSON text (maps, lists, strings, numbers, booleans, nested). */
	public static String toJson(Map<String, ?> summary) {
		return GSON.toJson(summary);
	}

	public static void print(PrintWriter out, Map<String, ?> summary) {
		out.println(toJson(summary));
		out.flush();
	}
}
