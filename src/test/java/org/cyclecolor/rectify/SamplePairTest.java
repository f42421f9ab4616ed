package org.cyclecolor.rectify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.method.ColorSide;
import org.junit.jupiter.api.Test;

/**
 * The project's own sample pair (sample-data/, a rectified mono/colour pair rendered with two
 * different camera models) stays rectified: its ground-truth correspondences (mono x, y to colour
 * x - d, y, where not occluded) land on the same output row, and the search direction is right.
 */
class SamplePairTest {

	@Test
	void theBundledSampleStaysRectified() {
		Path dir = Paths.get("sample-data");
		FloatPlane mono = ImagePlusAdapter.toPlane(ImageFiles.read(dir.resolve("sample-mono.png")).getProcessor());
		RgbImage color = ImagePlusAdapter.toRgb(ImageFiles.read(dir.resolve("sample-color.png")), Double.NaN);
		FloatPlane disp = ImagePlusAdapter.toPlane(ImageFiles.read(dir.resolve("sample-gt-disparity.tif")).getProcessor());
		FloatPlane occl = ImagePlusAdapter.toPlane(ImageFiles.read(dir.resolve("sample-occlusion.png")).getProcessor());
		PairRectifier.Output out = PairRectifier.rectify(mono, color, new RectifyOptions(), Progress.NONE);
		List<Double> errors = new ArrayList<>();
		double[] a = new double[2], b = new double[2];
		for (int y = 4; y < mono.height() - 4; y += 2) {
			for (int x = 4; x < mono.width() - 4; x += 2) {
				if (occl.get(x, y) > 0 || x - disp.get(x, y) < 2) continue;
				out.rectification.grayToOutput(x, y, a);
				out.rectification.colorToOutput(x - disp.get(x, y), y, b);
				errors.add(Math.abs(a[1] - b[1]));
			}
		}
		double[] e = errors.stream().mapToDouble(Double::doubleValue).toArray();
		double med = PairStats.percentile(e, 0.5), p95 = PairStats.percentile(e, 0.95);
		System.out.printf(Locale.ROOT, "sample pair: %d ground-truth correspondences, vertical error median %.3f px, "
			+ "p95 %.3f px; disparity %.1f..%.1f (true 8..40)%n", e.length, med, p95, out.report.disparityMin,
			out.report.disparityMax);
		assertTrue(med <= 0.5, "median " + med);
		assertTrue(p95 <= 1.5, "p95 " + p95);
		assertEquals(ColorSide.RIGHT, out.report.colorSide);
	}
}
