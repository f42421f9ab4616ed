package org.cyclecolor.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.cyclecolor.Progress;
import org.cyclecolor.synth.DatasetOptions;
import org.cyclecolor.synth.Datasets;
import org.cyclecolor.synth.PairDataset;
import org.cyclecolor.testutil.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The AAAI-19 authors' own results on their synthesized pairs, scored by the evaluation and by
 * scikit-image (fixture by scripts/fixtures/make_evaluation_fixture.py): real files, the 48-column
 * border, every score. Skips without the shared data.
 */
class EvaluationOracleTest {

	@Test
	void authorsResultsScoreAsScikitImageSays() throws Exception {
		Path root = SharedData.require("synthetic-mono-color");
		JsonObject fixture;
		try (Reader r = new InputStreamReader(getClass().getResourceAsStream("aaai19-authors-output.json"), StandardCharsets.UTF_8)) {
			fixture = JsonParser.parseReader(r).getAsJsonObject();
		}
		PairDataset data = Datasets.open(root, DatasetOptions.defaults(), Progress.NONE);
		EvaluationResult result = Evaluation.run(data, List.of(new AuthorsOutputMethod()), Evaluation.Options.defaults(), null,
			Progress.NONE);
		JsonObject scenes = fixture.getAsJsonObject("scenes");
		assertEquals(scenes.size(), result.records().size());
		for (SceneRecord rec : result.records()) {
			JsonObject e = scenes.getAsJsonObject(rec.scene());
			assertEquals(48, rec.maxDisparity());
			Scores s = rec.all();
			// Planes are float: Cb, Cr carry about 1e-6 of rounding, a few 1e-6 dB.
			for (Map.Entry<String, Double> m : Map.of("rgb_psnr", s.rgbPsnr(), "cbcr_psnr", s.cbcrPsnr()).entrySet()) {
				assertEquals(e.get(m.getKey()).getAsDouble(), m.getValue(), 1e-4, rec.scene() + " " + m.getKey());
			}
			assertEquals(e.get("rgb_ssim").getAsDouble(), s.rgbSsim(), 1e-5, rec.scene());
			assertEquals(e.get("cbcr_ssim").getAsDouble(), s.cbcrSsim(), 1e-5, rec.scene());
			assertEquals(e.get("delta_e").getAsDouble(), s.deltaE(), 1e-4, rec.scene());
			assertEquals(e.get("pixels").getAsInt(), s.pixels(), rec.scene());
		}
	}
}
