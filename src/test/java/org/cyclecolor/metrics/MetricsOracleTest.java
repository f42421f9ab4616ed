package org.cyclecolor.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.Gson;

import ij.ImagePlus;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.testutil.Distortions;
import org.cyclecolor.testutil.Distortions.IntImage;
import org.cyclecolor.testutil.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * SSIM (mean, map, l/c/s), PSNR, Delta E 76 and LCC against scikit-image / SciPy numbers made by
 * scripts/fixtures/make_ssim_fixtures.py: on small committed pairs (always), and on real photos
 * and camera pairs from the shared data folder with the script's integer distortions repeated
 * here (skipped when the folder is absent).
 */
class MetricsOracleTest {

	/** The bound for the mean SSIM. */
	private static final double MEAN_TOL = 1e-4;
	/**
	 * Single map pixels and the l, c, s means: the moments are float, and in flat regions (variance
	 * near zero) c and s amplify their rounding; measured up to 1e-4 against SciPy's float64.
	 */
	private static final double PIXEL_TOL = 3e-4;

	@TestFactory
	Stream<DynamicTest> syntheticPairs() {
		return cases("ssim-fixtures-synthetic.json").stream().map(c -> DynamicTest.dynamicTest(
			(String) c.get("name"), () -> check(c, loadSynthetic(c, "a"), loadSynthetic(c, "b"))));
	}

	@TestFactory
	Stream<DynamicTest> realPairsFromSharedData() {
		return cases("ssim-fixtures-shared.json").stream().map(c -> DynamicTest.dynamicTest(
			(String) c.get("name"), () -> check(c, loadShared(c, "a"), loadShared(c, "b"))));
	}

	/** One side of a pair as integers (gray or RGB) or, for 32-bit cases, as a float plane. */
	private static Object loadSynthetic(Map<String, Object> c, String side) throws URISyntaxException {
		Path p = Paths.get(MetricsOracleTest.class.getResource(file(c, side)).toURI());
		ImagePlus imp = ImageFiles.read(p);
		String kind = (String) c.get("kind");
		switch (kind) {
			case "rgb8":
				assertEquals(ImagePlus.COLOR_RGB, imp.getType(), "decoded type of " + p);
				return IntImage.of(ImagePlusAdapter.toRgb(imp, Double.NaN));
			case "gray8":
				assertEquals(8, imp.getBitDepth(), "decoded type of " + p);
				return IntImage.of(ImagePlusAdapter.toPlane(imp.getProcessor()));
			case "gray16":
				assertEquals(16, imp.getBitDepth(), "decoded type of " + p);
				return IntImage.of(ImagePlusAdapter.toPlane(imp.getProcessor()));
			default:
				assertEquals(32, imp.getBitDepth(), "decoded type of " + p);
				return ImagePlusAdapter.toPlane(imp.getProcessor());
		}
	}

	@SuppressWarnings("unchecked")
	private static Object loadShared(Map<String, Object> c, String side) {
		Map<String, Object> spec = (Map<String, Object>) c.get(side);
		Path p = SharedData.require((String) spec.get("file"));
		IntImage img = IntImage.of(ImagePlusAdapter.toRgb(ImageFiles.read(p), Double.NaN));
		return Distortions.apply(img, (List<Map<String, Object>>) spec.getOrDefault("ops", List.of()));
	}

	@SuppressWarnings("unchecked")
	private static void check(Map<String, Object> c, Object a, Object b) {
		double range = num(c, "data_range");
		Ssim ssim = new Ssim(range).withComponents(true);
		List<String> failures = new ArrayList<>();
		RgbImage rgbA = null, rgbB = null;
		FloatPlane grayA, grayB;
		if (a instanceof IntImage) {
			IntImage ia = (IntImage) a, ib = (IntImage) b;
			assertEquals((long) num(c, "checksum_a"), ia.checksum(), "pixels of a differ from the script's");
			assertEquals((long) num(c, "checksum_b"), ib.checksum(), "pixels of b differ from the script's");
			double max = num(c, "max_value");
			if (ia.channels() == 3) {
				rgbA = ia.rgb(max);
				rgbB = ib.rgb(max);
			}
			grayA = ia.plane(0);
			grayB = ib.plane(0);
		}
		else {
			grayA = (FloatPlane) a;
			grayB = (FloatPlane) b;
			float[] ma = grayA.minMax(), mb = grayB.minMax();
			assertEquals(range, Math.max(ma[1], mb[1]) - Math.min(ma[0], mb[0]), 1e-5, "range from the data");
		}
		assertEquals((int) num(c, "width"), grayA.width());
		assertEquals((int) num(c, "height"), grayA.height());

		Map<String, Map<String, Object>> modes = (Map<String, Map<String, Object>>) c.get("modes");
		for (Map.Entry<String, Map<String, Object>> e : modes.entrySet()) {
			SsimMode mode = SsimMode.fromKey(e.getKey());
			Map<String, Object> ref = e.getValue();
			ChannelSsimResult r = rgbA != null ? ChannelSsim.compare(rgbA, rgbB, mode, ssim, Progress.NONE)
				: ChannelSsim.compareGray(grayA, grayB, ssim, Progress.NONE);
			String m = e.getKey() + ": ";
			near(failures, m + "mean SSIM", num(ref, "ssim"), r.mean(), MEAN_TOL);
			near(failures, m + "mean l", num(ref, "luminance"), r.luminanceMean(), PIXEL_TOL);
			near(failures, m + "mean c", num(ref, "contrast"), r.contrastMean(), PIXEL_TOL);
			near(failures, m + "mean s", num(ref, "structure"), r.structureMean(), PIXEL_TOL);
			Map<String, Object> channels = (Map<String, Object>) ref.get("channels");
			for (Map.Entry<String, Object> ch : channels.entrySet()) {
				Channel key = ch.getKey().equals("y") ? Channel.Y : Channel.valueOf(ch.getKey().toUpperCase());
				near(failures, m + "channel " + ch.getKey(), ((Number) ch.getValue()).doubleValue(),
					r.channels().get(key).mean(), MEAN_TOL);
			}
			FloatPlane map = r.map();
			for (List<Number> probe : (List<List<Number>>) ref.get("probes")) {
				int x = probe.get(0).intValue(), y = probe.get(1).intValue();
				near(failures, m + "map(" + x + "," + y + ")", probe.get(2).doubleValue(), map.get(x, y), PIXEL_TOL);
			}
			// SSIM = l * c * s at every pixel (C3 = C2 / 2), up to float rounding.
			FloatPlane[] lcs = r.componentMaps();
			if (mode.channels().size() == 1) {
				for (int i = 0; i < map.size(); i += 97) {
					double prod = (double) lcs[0].data()[i] * lcs[1].data()[i] * lcs[2].data()[i];
					near(failures, m + "l*c*s at " + i, map.data()[i], prod, 1e-4);
				}
			}
		}
		if (rgbA != null) {
			near(failures, "PSNR RGB", num(c, "psnr_rgb"), Psnr.rgb(rgbA, rgbB), 1e-4);
			near(failures, "PSNR CbCr", num(c, "psnr_cbcr"), Psnr.of(rgbA, rgbB, List.of(Channel.CB, Channel.CR)), 1e-3);
			near(failures, "Delta E 76", num(c, "delta_e76"), DeltaE76.mean(rgbA, rgbB), 1e-4);
			near(failures, "LCC of Y", num(c, "lcc_y"), Lcc.of(YOf(rgbA), YOf(rgbB)), 1e-6);
		}
		else {
			near(failures, "PSNR", num(c, "psnr"), Psnr.of(grayA, grayB, range), 1e-4);
			near(failures, "LCC", num(c, "lcc_y"), Lcc.of(grayA, grayB), 1e-6);
		}
		assertTrue(failures.isEmpty(), c.get("name") + ":\n" + String.join("\n", failures));
	}

	private static FloatPlane YOf(RgbImage rgb) {
		return Channel.Y.of(rgb);
	}

	private static void near(List<String> failures, String what, double expected, double actual, double tol) {
		if (!(Math.abs(expected - actual) <= tol)) {
			failures.add(String.format("%s: expected %.7f, got %.7f (off by %.2g > %.1g)", what, expected, actual,
				Math.abs(expected - actual), tol));
		}
	}

	private static String file(Map<String, Object> c, String side) {
		@SuppressWarnings("unchecked")
		Map<String, Object> spec = (Map<String, Object>) c.get(side);
		return (String) spec.get("file");
	}

	private static double num(Map<String, Object> m, String key) {
		return ((Number) m.get(key)).doubleValue();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> cases(String resource) {
		try (Reader r = new InputStreamReader(MetricsOracleTest.class.getResourceAsStream(resource),
			StandardCharsets.UTF_8))
		{
			Map<String, Object> root = new Gson().fromJson(r, Map.class);
			return (List<Map<String, Object>>) root.get("cases");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
