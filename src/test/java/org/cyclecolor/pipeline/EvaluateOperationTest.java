package org.cyclecolor.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.eval.EvaluationResult;
import org.cyclecolor.eval.SceneRecord;
import org.cyclecolor.eval.TinyScenes;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.synth.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluate on two tiny scenes (and a broken one): the files, their columns, their numbers. */
class EvaluateOperationTest {

	@TempDir
	Path tmp;

	/** The scenes' folder: a, b, and c-broken (its right view has another size). */
	private Path dataset() throws IOException {
		Path root = tmp.resolve("stereo");
		TinyScenes.write(root, "a", 1);
		TinyScenes.write(root, "b", 2);
		Path broken = TinyScenes.write(root, "c-broken", 3);
		TestFiles.writeRgb(TinyScenes.texture(40, 30, new java.util.Random(1)), broken.resolve("right.png"));
		return root;
	}

	private static final List<String> SCENE_COLUMNS = List.of("scene", "method", "status", "message", "width", "height",
		"color_side", "max_disparity", "seconds", "cycle_seconds", "rgb_psnr", "rgb_ssim", "cbcr_psnr", "cbcr_ssim", "delta_e",
		"pixels", "visible_rgb_psnr", "visible_rgb_ssim", "visible_cbcr_psnr", "visible_cbcr_ssim", "visible_delta_e",
		"visible_pixels", "occluded_rgb_psnr", "occluded_rgb_ssim", "occluded_cbcr_psnr", "occluded_cbcr_ssim",
		"occluded_delta_e", "occluded_pixels", "cycle_rgb_psnr", "cycle_rgb_ssim", "cycle_cbcr_psnr", "cycle_cbcr_ssim",
		"cycle_delta_e", "cycle_pixels", "cycle_message");

	private static final List<String> SUMMARY_COLUMNS = List.of("method", "scenes", "ok", "failed", "not_applicable", "seconds",
		"seconds_per_megapixel", "truth_scenes", "rgb_psnr", "rgb_ssim", "cbcr_psnr", "cbcr_ssim", "delta_e", "visible_scenes",
		"visible_rgb_psnr", "visible_rgb_ssim", "visible_cbcr_psnr", "visible_cbcr_ssim", "visible_delta_e", "occluded_scenes",
		"occluded_rgb_psnr", "occluded_rgb_ssim", "occluded_cbcr_psnr", "occluded_cbcr_ssim", "occluded_delta_e", "cycle_scenes",
		"cycle_rgb_psnr", "cycle_rgb_ssim", "cycle_cbcr_psnr", "cycle_cbcr_ssim", "cycle_delta_e", "lcc_scenes", "lcc_rgb_ssim",
		"lcc_cbcr_ssim");

	/** A CSV line split at commas (the tables here hold no quoted fields but the messages checked apart). */
	private static Map<String, String> row(List<String> header, String line) {
		String[] f = line.split(",", -1);
		Map<String, String> m = new HashMap<>();
		for (int i = 0; i < header.size(); i++) m.put(header.get(i), f[i]);
		return m;
	}

	@Test
	void writesTablesPlotsAndSheetsWithTheRunsNumbers() throws IOException {
		Path out = tmp.resolve("out");
		EvaluateOperation.Result r = new EvaluateOperation(dataset(), out).methods("unwarped, welsh, authors-output")
			.command("test").run(Progress.NONE);
		EvaluationResult ev = r.evaluation();
		assertEquals(List.of("a", "b"), ev.scenes());
		assertEquals(1, ev.skipped(), "the broken scene is listed, not fatal");

		List<String> scenes = Files.readAllLines(out.resolve("scenes.csv"));
		assertEquals(String.join(",", SCENE_COLUMNS), scenes.get(0));
		assertEquals(1 + 2 * 3, scenes.size());
		for (int i = 1; i < scenes.size(); i++) {
			SceneRecord rec = ev.records().get(i - 1);
			Map<String, String> row = row(SCENE_COLUMNS, scenes.get(i));
			assertEquals(rec.scene(), row.get("scene"));
			assertEquals(rec.method(), row.get("method"));
			if (!rec.ok()) {
				assertEquals("not applicable", row.get("status"));
				assertEquals("", row.get("cbcr_psnr"));
				continue;
			}
			assertEquals("ok", row.get("status"));
			assertEquals(rec.all().cbcrPsnr(), Double.parseDouble(row.get("cbcr_psnr")), 5e-5);
			assertEquals(rec.all().rgbSsim(), Double.parseDouble(row.get("rgb_ssim")), 5e-7);
			assertEquals(rec.all().deltaE(), Double.parseDouble(row.get("delta_e")), 5e-5);
			assertEquals(rec.occluded().cbcrSsim(), Double.parseDouble(row.get("occluded_cbcr_ssim")), 5e-7);
			assertEquals(rec.visible().pixels(), Integer.parseInt(row.get("visible_pixels")));
			assertEquals(rec.cycle().cbcrSsim(), Double.parseDouble(row.get("cycle_cbcr_ssim")), 5e-7);
			assertEquals(Integer.toString(TinyScenes.FRONT), row.get("max_disparity"));
			assertEquals("right", row.get("color_side"));
		}

		List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
		assertEquals(String.join(",", SUMMARY_COLUMNS), summary.get(0));
		assertEquals(4, summary.size());
		Map<String, String> welsh = row(SUMMARY_COLUMNS, summary.get(2));
		assertEquals("welsh", welsh.get("method"));
		assertEquals("2", welsh.get("ok"));
		double mean = (ev.of("welsh").get(0).all().cbcrSsim() + ev.of("welsh").get(1).all().cbcrSsim()) / 2;
		assertEquals(mean, Double.parseDouble(welsh.get("cbcr_ssim")), 5e-7);
		assertEquals("", welsh.get("lcc_cbcr_ssim"), "two scenes give no correlation");
		Map<String, String> authors = row(SUMMARY_COLUMNS, summary.get(3));
		assertEquals("2", authors.get("not_applicable"));

		String report = Files.readString(out.resolve("report.md"));
		assertTrue(report.contains("| welsh | 2 / 0 / 0 |"), report);
		assertTrue(report.contains("## Visible and occluded pixels"), report);
		assertTrue(report.contains("## Skipped items"), report);
		assertTrue(report.contains("c-broken"), report);
		assertTrue(report.contains("Command: `test`"), report);

		for (String plot : List.of("ssim-per-scene.png", "psnr-per-scene.png", "cycle-ssim-per-scene.png",
			"first-vs-second-rgb-ssim.png", "first-vs-second-cbcr-ssim.png")) {
			ImagePlus p = ImageFiles.read(out.resolve("plots").resolve(plot));
			assertTrue(p.getWidth() > 400 && p.getHeight() > 100, plot + " " + p);
			assertTrue(report.contains("](plots/" + plot + ")"), plot);
		}
		assertEquals(5, r.plotFiles().size());
		for (String id : List.of("a", "b")) {
			ImagePlus sheet = ImageFiles.read(out.resolve("sheets").resolve(id + ".png"));
			assertEquals(ImagePlus.COLOR_RGB, sheet.getType());
			// Three tiles across (inputs, truth; two methods and a blank), four rows (inputs, results, errors, cycle).
			assertTrue(sheet.getWidth() >= 3 * TinyScenes.WIDTH && sheet.getHeight() >= 4 * TinyScenes.HEIGHT, sheet.toString());
		}
		assertFalse(Files.exists(out.resolve("sheets").resolve("c-broken.png")));
		assertEquals(2, r.sheets());

		Map<String, Object> json = r.summary();
		assertEquals(2, json.get("scenes"));
		assertEquals(1, json.get("skipped"));
	}

	@Test
	void neverOverwritesAnEarlierRunUnlessAsked() throws IOException {
		Path data = dataset(), out = tmp.resolve("out");
		new EvaluateOperation(data, out).methods("unwarped").contactSheets(false).cycle(false).run(Progress.NONE);
		// scenes.csv, summary.csv, report.md and the two first-time plots (no cycle, no sheets).
		String before = Files.readString(out.resolve("scenes.csv"));
		UserException e = assertThrows(UserException.class,
			() -> new EvaluateOperation(data, out).methods("welsh").contactSheets(false).run(Progress.NONE));
		assertTrue(e.getMessage().startsWith("The output folder " + out + " already holds 5 of this run's files (scenes.csv, ...)"),
			e.getMessage());
		assertEquals(before, Files.readString(out.resolve("scenes.csv")), "nothing was touched");
		new EvaluateOperation(data, out).methods("welsh").contactSheets(false).cycle(false).overwrite(true).run(Progress.NONE);
		assertTrue(Files.readString(out.resolve("scenes.csv")).contains("\na,welsh,ok,"));
		assertFalse(Files.exists(out.resolve("plots/cycle-ssim-per-scene.png")), "no cycle, no cycle plot");
	}

	/**
	 * A user's own pairs (mono/ + color/, no ground truth): one mono image without a colour partner,
	 * one pair of two sizes. Both are listed with their reason and counted; the rest is evaluated
	 * (second-time scores only), with the colour side the user gave.
	 */
	@Test
	void aPairsFolderWithAMissingPartnerAndMismatchedSizesIsEvaluatedWithoutThem() throws IOException {
		Path data = tmp.resolve("pairs");
		java.util.Random rnd = new java.util.Random(5);
		for (String id : List.of("p1", "p2")) {
			// The colour view is the mono view's scene shifted by 4 px: mono(x) = color(x - 4), colour camera on the right.
			org.cyclecolor.image.RgbImage scene = TinyScenes.texture(TinyScenes.WIDTH + 4, TinyScenes.HEIGHT, rnd);
			TestFiles.writeGray(org.cyclecolor.image.YCbCr.luma(scene.crop(4, 0, TinyScenes.WIDTH, TinyScenes.HEIGHT)),
				data.resolve("mono").resolve(id + ".png"));
			TestFiles.writeRgb(scene.crop(0, 0, TinyScenes.WIDTH, TinyScenes.HEIGHT), data.resolve("color").resolve(id + ".png"));
		}
		TestFiles.writeGray(org.cyclecolor.image.FloatPlane.filled(TinyScenes.WIDTH, TinyScenes.HEIGHT, 90),
			data.resolve("mono").resolve("lonely.png"));
		TestFiles.writeGray(org.cyclecolor.image.FloatPlane.filled(TinyScenes.WIDTH, TinyScenes.HEIGHT, 90),
			data.resolve("mono").resolve("small.png"));
		TestFiles.writeRgb(TinyScenes.texture(40, 30, rnd), data.resolve("color").resolve("small.png"));
		Path out = tmp.resolve("out");

		UserException e = assertThrows(UserException.class, () -> new EvaluateOperation(data, out).methods("unwarped")
			.run(Progress.NONE));
		assertTrue(e.getMessage().startsWith("Say where the colour camera is for the pairs in "), e.getMessage());

		EvaluateOperation.Result r = new EvaluateOperation(data, out).methods("unwarped,welsh")
			.colorSide(org.cyclecolor.method.ColorSide.RIGHT).maxDisparity(8).run(Progress.NONE);
		EvaluationResult ev = r.evaluation();
		assertEquals(List.of("p1", "p2"), ev.scenes());
		assertEquals(2, ev.skipped());
		Map<String, String> reasons = new HashMap<>();
		ev.problems().forEach(p -> reasons.put(p.item(), p.reason()));
		assertTrue(reasons.get("lonely").startsWith("has no partner in color/"), reasons.toString());
		assertTrue(reasons.get("small").contains("40x30"), reasons.toString());
		for (SceneRecord rec : ev.records()) {
			assertTrue(rec.ok(), rec.toString());
			assertEquals(null, rec.all(), "no ground truth");
			assertEquals("right", rec.colorSide());
			assertTrue(rec.cycle().cbcrSsim() > 0, rec.toString());
		}
		String report = Files.readString(out.resolve("report.md"));
		assertTrue(report.contains("lonely") && report.contains("small"), report);
		assertTrue(report.contains("colour camera on the right"), report);
		assertEquals(2, r.summary().get("skipped"));
	}

	@Test
	void mistakesAreRefusedBeforeAnyWork() throws IOException {
		Path data = dataset(), out = tmp.resolve("out");
		UserException e = assertThrows(UserException.class,
			() -> new EvaluateOperation(data, out).methods("unwarped,colornet").run(Progress.NONE));
		assertEquals("Unknown method 'colornet'; choose from unwarped, welsh, stereo-levin, sgm-warp, authors-output, default, "
			+ "cyclecnn, model:<file.onnx>, authors:<weights.h5> (comma-separated).",
			e.getMessage());
		e = assertThrows(UserException.class, () -> new EvaluateOperation(data, out).preset("foggy").run(Progress.NONE));
		assertEquals("Unknown preset 'foggy'; use clean, noisy, mixed or camera.", e.getMessage());
		e = assertThrows(UserException.class, () -> new EvaluateOperation(tmp.resolve("none"), out).run(Progress.NONE));
		assertEquals("The dataset " + tmp.resolve("none") + " does not exist; check the path.", e.getMessage());
		e = assertThrows(UserException.class, () -> new EvaluateOperation(data, out).methods("welsh,welsh").run(Progress.NONE));
		assertEquals("The method 'welsh' is named twice; name each method once.", e.getMessage());
		Files.writeString(tmp.resolve("file"), "x");
		e = assertThrows(UserException.class, () -> new EvaluateOperation(data, tmp.resolve("file")).run(Progress.NONE));
		assertEquals("The output " + tmp.resolve("file") + " is a file; give a folder for the tables and pictures.", e.getMessage());
		assertFalse(Files.exists(out), "nothing written");
	}
}
