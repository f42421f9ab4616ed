package org.cyclecolor.cli;

import java.io.PrintWriter;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The {@code --json} summary: one pretty-printed JSON object on standard output. */
public final class JsonOutput {

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
		.serializeSpecialFloatingPointValues().disableHtmlEscaping().create();

	private JsonOutput() {}

	/** The summary as JSON text (maps, lists, strings, numbers, booleans, nested). */
	public static String toJson(Map<String, ?> summary) {
		return GSON.toJson(summary);
	}

	public static void print(PrintWriter out, Map<String, ?> summary) {
		out.println(toJson(summary));
		out.flush();
	}
}
