package org.cyclecolor.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.eval.MethodSummary;
import org.cyclecolor.eval.TinyScenes;
import org.cyclecolor.pipeline.EvaluateOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Macros.evaluate called from Java: its key=value lines carry the run's numbers. */
class EvaluateMacroTest {

	@TempDir
	Path tmp;

	@Test
	void returnsFilesCountsAndEachMethodsMeans() throws Exception {
		Path data = tmp.resolve("stereo");
		TinyScenes.write(data, "a", 1);
		TinyScenes.write(data, "b", 2);
		Map<String, String> r = MacrosTest.list(Macros.evaluate("dataset=[" + data + "] output=[" + tmp.resolve("out one")
			+ "] methods=[unwarped, welsh] preset=noisy no_contact_sheets"));
		assertEquals("2", r.get("scenes"));
		assertEquals("0", r.get("skipped"));
		assertEquals("unwarped,welsh", r.get("methods"));
		assertEquals("0", r.get("sheets"));
		assertTrue(Files.isRegularFile(Path.of(r.get("report"))));
		MethodSummary welsh = new EvaluateOperation(data, tmp.resolve("again")).methods("unwarped,welsh").preset("noisy")
			.contactSheets(false).run(Progress.NONE).evaluation().summaries().get(1);
		assertEquals(welsh.all().get("cbcr_ssim"), Double.parseDouble(r.get("welsh_cbcr_ssim")), 1e-8);
		assertEquals(welsh.cycle().get("cbcr_ssim"), Double.parseDouble(r.get("welsh_cycle_cbcr_ssim")), 1e-8);
		assertEquals("2", r.get("welsh_ok"));
		assertTrue(Files.readString(Path.of(r.get("report"))).contains("Command: `call(\"org.cyclecolor.ij1.Macros.evaluate\""));
	}

	@Test
	void mistakesAreOneSentence() {
		UserException e = assertThrows(UserException.class, () -> Macros.evaluate("output=[" + tmp + "]"));
		assertEquals("evaluate needs dataset=[...]: the dataset folder.", e.getMessage());
		e = assertThrows(UserException.class, () -> Macros.evaluate("dataset=[" + tmp + "] output=[" + tmp + "/o] gray_view=up"));
		assertEquals("gray_view takes left, right or both, got 'up'.", e.getMessage());
	}
}
