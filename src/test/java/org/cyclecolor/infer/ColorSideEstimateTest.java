package org.cyclecolor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.testutil.SharedData;

/** The colour camera's side, told from pairs whose side is known. */
class ColorSideEstimateTest {

	private static FloatPlane luminance(Path p) {
		return YCbCr.luma(ImagePlusAdapter.toRgb(ImageFiles.read(p), Double.NaN));
	}

	private static FloatPlane gray(Path p) {
		return ImagePlusAdapter.toPlane(ImageFiles.read(p).getProcessor());
	}

	@Test
	void theBundledSampleHasItsColourCameraOnTheRightAndItsMirrorImageOnTheLeft() {
		Path dir = Paths.get("sample-data");
		FloatPlane mono = gray(dir.resolve("sample-mono.png")), color = luminance(dir.resolve("sample-color.png"));
		assertEquals(ColorSide.RIGHT, ColorSideEstimate.estimate(mono, color).side());
		assertEquals(ColorSide.LEFT, ColorSideEstimate.estimate(mono.flipHorizontal(), color.flipHorizontal()).side());
	}

	@Test
	void theAuthorsRealPairsHaveTheColourCameraOnTheLeft() throws Exception {
		List<Path> pairs;
		try (Stream<Path> s = Files.list(SharedData.require("real-mono-color"))) {
			pairs = s.filter(Files::isDirectory).sorted().toList();
		}
		for (Path p : pairs) {
			ColorSideEstimate.Result r = ColorSideEstimate.estimate(luminance(p.resolve("mono.png")), luminance(p.resolve("color.png")));
			assertEquals(ColorSide.LEFT, r.side(), p + ": " + r.describe());
		}
	}

	@Test
	void aFlatOrUnshiftedPairIsUndecided() {
		FloatPlane flat = FloatPlane.filled(200, 100, 90);
		assertNull(ColorSideEstimate.estimate(flat, flat).side());
		FloatPlane mono = gray(Paths.get("sample-data", "sample-mono.png"));
		assertNull(ColorSideEstimate.estimate(mono, mono).side(), "the same image twice: no shift either way");
	}
}
