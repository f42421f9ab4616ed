package org.cyclecolor.backend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.cyclecolor.model.GraphBuilder;
import org.cyclecolor.model.Op;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.model.Weights;

/**
 * SSIM's l, c, s maps as the structure-similarity network computes them, against scikit-image's
 * SSIM map (l * c * s where the window fits) and SciPy-filtered maps with the stated border rule
 * (fixture: scripts/fixtures/make_ssim_components_fixture.py).
 */
class SsimComponentsTest {

	@ParameterizedTest
	@EnumSource(BackendOpsTest.Backend.class)
	void matchesScikitImageAndTheBorderRule(BackendOpsTest.Backend backend) throws Exception {
		JsonObject f;
		try (Reader r = new InputStreamReader(getClass().getResourceAsStream("ssim-components.json"), StandardCharsets.UTF_8)) {
			f = JsonParser.parseReader(r).getAsJsonObject();
		}
		int h = f.get("height").getAsInt(), w = f.get("width").getAsInt(), border = f.get("border").getAsInt();
		GraphBuilder g = new GraphBuilder(null, 1e-3);
		g.input("a", 1);
		g.input("b", 1);
		g.node("y", Op.SsimComponents.standard(), "a", "b");
		Map<String, Tensor> in = Map.of("a", new Tensor(new int[] { 1, 1, h, w }, floats(f, "a")), "b",
			new Tensor(new int[] { 1, 1, h, w }, floats(f, "b")));
		float[] y = backend.run(g.build("y"), new Weights(), in).get("y").data();
		float[] ssim = floats(f, "ssim");
		String[] maps = { "l", "c", "s" };
		double worstMap = 0, worstSsim = 0;
		for (int m = 0; m < 3; m++) {
			float[] ref = floats(f, maps[m]);
			for (int i = 0; i < h * w; i++) worstMap = Math.max(worstMap, Math.abs(y[m * h * w + i] - ref[i]));
		}
		for (int yy = border; yy < h - border; yy++) for (int x = border; x < w - border; x++) {
			int i = yy * w + x;
			double lcs = (double) y[i] * y[h * w + i] * y[2 * h * w + i];
			worstSsim = Math.max(worstSsim, Math.abs(lcs - ssim[i]));
		}
		System.out.printf(Locale.ROOT, "ssim components %s: max |l,c,s - SciPy| = %.2g, max |l*c*s - skimage SSIM| = %.2g%n",
			backend, worstMap, worstSsim);
		assertTrue(worstMap < 1e-4, "l, c, s differ from the SciPy maps by " + worstMap);
		assertTrue(worstSsim < 1e-4, "l*c*s differs from scikit-image's SSIM by " + worstSsim);
	}

	private static float[] floats(JsonObject f, String key) {
		var a = f.getAsJsonArray(key);
		float[] out = new float[a.size()];
		for (int i = 0; i < out.length; i++) out[i] = a.get(i).getAsFloat();
		return out;
	}
}
