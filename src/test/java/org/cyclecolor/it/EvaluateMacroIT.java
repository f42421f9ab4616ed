package org.cyclecolor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.cyclecolor.Progress;
import org.cyclecolor.eval.EvaluationResult;
import org.cyclecolor.eval.TinyScenes;
import org.cyclecolor.pipeline.EvaluateOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled evaluation macro in real ImageJ 1.54p, headless (-batch), reaching the plugin through call(). */
class EvaluateMacroIT {

	@TempDir
	Path tmp;

	@Test
	void theBundledMacroEvaluatesAFolderAndPrintsTheMeans() throws Exception {
		Path data = tmp.resolve("scenes");
		TinyScenes.write(data, "a", 1);
		TinyScenes.write(data, "b", 2);
		Path out = tmp.resolve("eval out");
		Files.createDirectories(tmp.resolve("home/plugins"));
		ItEnvironment.Result r = ItEnvironment.run(tmp, 180, List.of(ItEnvironment.java(), "-Djava.awt.headless=true", "-Xmx1g",
			"-cp", ItEnvironment.classPath(ItEnvironment.imagejJar(), ItEnvironment.pluginJar()), "ij.ImageJ", "-ijpath",
			tmp.resolve("home").toString(), "-batch", ItEnvironment.basedir().resolve("macros/cyclecolor_evaluate.ijm").toString(),
			"dataset=[" + data + "] output=[" + out + "] methods=[unwarped,welsh] preset=noisy"));
		assertTrue(r.output.contains("Evaluated unwarped,welsh on 2 scene(s); 0 broken item(s) skipped."), r.toString());
		// The same numbers as this JVM computes.
		EvaluationResult expected = new EvaluateOperation(data, tmp.resolve("here")).methods("unwarped,welsh").preset("noisy")
			.contactSheets(false).run(Progress.NONE).evaluation();
		var welsh = expected.summaries().get(1);
		String line = String.format(Locale.ROOT, "  welsh: 2 ok, 0 failed, first-time Cb/Cr SSIM %.4f, second-time Cb/Cr SSIM %.4f",
			welsh.all().get("cbcr_ssim"), welsh.cycle().get("cbcr_ssim"));
		assertTrue(r.output.contains(line), line + "\n" + r);
		assertTrue(r.output.contains("Report: " + out.resolve("report.md")), r.toString());
		assertTrue(Files.isRegularFile(out.resolve("sheets/a.png")));
		assertEquals(Files.readAllLines(tmp.resolve("here/summary.csv")).get(2).split(",")[10],
			Files.readAllLines(out.resolve("summary.csv")).get(2).split(",")[10], "cbcr_psnr of welsh");
	}
}
