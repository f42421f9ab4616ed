package org.cyclecolor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;

class JsonOutputTest {

	@Test
	void nonFiniteNumbersBecomeNullSoStrictParsersReadTheOutput() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("psnr", Double.POSITIVE_INFINITY);
		m.put("min", Double.NaN);
		m.put("f", Float.NEGATIVE_INFINITY);
		m.put("ssim", 0.5);
		m.put("list", List.of(1.0, Double.NaN));
		m.put("nested", Map.of("x", Double.NaN));
		String text = JsonOutput.toJson(m);
		JsonParser.parseString(text); // strict enough to refuse NaN/Infinity tokens in objects
		assertTrue(!text.contains("NaN") && !text.contains("Infinity"), text);
		JsonObject o = JsonParser.parseString(text).getAsJsonObject();
		assertTrue(o.get("psnr").isJsonNull());
		assertTrue(o.get("min").isJsonNull());
		assertTrue(o.get("f").isJsonNull());
		assertEquals(0.5, o.get("ssim").getAsDouble());
		assertTrue(o.getAsJsonArray("list").get(1).isJsonNull());
		assertTrue(o.getAsJsonObject("nested").get("x").isJsonNull());
	}
}
