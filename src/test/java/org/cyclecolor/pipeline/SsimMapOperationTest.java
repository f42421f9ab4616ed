package org.cyclecolor.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.metrics.Channel;
import org.cyclecolor.metrics.Ssim;
import org.cyclecolor.metrics.SsimMode;
import org.junit.jupiter.api.Test;

/** The SSIM map operation: the bad-input list, mixed inputs, data ranges, the map image. */
class SsimMapOperationTest {

	/** A progress that keeps the log lines. */
	static final class Recorder implements Progress {
		final List<String> lines = new ArrayList<>();

		@Override
		public void report(double fraction, String message) {}

		@Override
		public void log(String message) {
			lines.add(message);
		}

		@Override
		public boolean isCancelled() {
			return false;
		}
	}

	private static ImagePlus gray8(String title, int w, int h, int seed) {
		ByteProcessor bp = new ByteProcessor(w, h);
		for (int i = 0; i < w * h; i++) bp.set(i, (int) ((i * 37L + seed * 11L + (i / w) * 5L) % 256));
		return new ImagePlus(title, bp);
	}

	private static ImagePlus rgb(String title, int w, int h, int seed) {
		ColorProcessor cp = new ColorProcessor(w, h);
		for (int i = 0; i < w * h; i++) {
			int r = (int) ((i * 13L + seed) % 256), g = (int) ((i * 7L + 3 * seed) % 256), b = (int) ((i * 3L + 5 * seed) % 256);
			cp.set(i, 0xff000000 | r << 16 | g << 8 | b);
		}
		return new ImagePlus(title, cp);
	}

	private static UserException refused(SsimMapOperation op) {
		return assertThrows(UserException.class, () -> op.run(Progress.NONE));
	}

	@Test
	void imagesOfDifferentSizesPointToRectifyPair() {
		UserException e = refused(new SsimMapOperation(gray8("a", 40, 30, 1), gray8("b", 41, 30, 2)));
		assertTrue(e.getMessage().contains("differ in size") && e.getMessage().contains("40x30")
			&& e.getMessage().contains("Rectify Pair"), e.getMessage());
	}

	@Test
	void stacksAreRefused() {
		ImageStack st = new ImageStack(20, 20);
		for (int i = 0; i < 4; i++) st.addSlice(new ByteProcessor(20, 20));
		UserException e = refused(new SsimMapOperation(new ImagePlus("stack", st), gray8("b", 20, 20, 1)));
		assertTrue(e.getMessage().contains("stack of 4 planes") && e.getMessage().contains("single 2-D image"), e.getMessage());
	}

	@Test
	void hyperstacksAreRefusedButThreeChannelColourIsAccepted() {
		ImageStack st = new ImageStack(20, 20);
		for (int i = 0; i < 6; i++) st.addSlice(new ByteProcessor(20, 20));
		ImagePlus hyper = new ImagePlus("hyper", st);
		hyper.setDimensions(2, 3, 1);
		UserException e = refused(new SsimMapOperation(gray8("a", 20, 20, 1), hyper));
		assertTrue(e.getMessage().contains("'hyper' is a stack of 6 planes (2 channels, 3 slices, 1 frames)"), e.getMessage());

		ImageStack rgb16 = new ImageStack(20, 20);
		for (int c = 0; c < 3; c++) {
			ShortProcessor sp = new ShortProcessor(20, 20);
			for (int i = 0; i < 400; i++) sp.set(i, (i * (37 + c)) % 65536);
			rgb16.addSlice(sp);
		}
		ImagePlus colour16 = new ImagePlus("rgb16", rgb16);
		colour16.setDimensions(3, 1, 1);
		SsimMapResult r = new SsimMapOperation(colour16, colour16.duplicate()).mode(SsimMode.RGB).run(Progress.NONE);
		assertEquals(1.0, r.mean(), 1e-6, "a 3-channel 16-bit image is a colour image");
		assertEquals(65535.0, r.dataRange());
	}

	@Test
	void imagesSmallerThanTheWindowAreRefused() {
		UserException e = refused(new SsimMapOperation(gray8("a", 10, 30, 1), gray8("b", 10, 30, 2)));
		assertTrue(e.getMessage().contains("10x30") && e.getMessage().contains("11x11"), e.getMessage());
	}

	@Test
	void nanAndInfinityAreRefusedWithTheirPosition() {
		FloatProcessor fp = new FloatProcessor(20, 20);
		fp.setf(3, 7, Float.NaN);
		UserException nan = refused(new SsimMapOperation(new ImagePlus("nan", fp), new ImagePlus("b", new FloatProcessor(20, 20))));
		assertTrue(nan.getMessage().contains("NaN pixel at x=3, y=7") && nan.getMessage().contains("Remove NaNs"), nan.getMessage());
		FloatProcessor inf = new FloatProcessor(20, 20);
		inf.setf(0, 19, Float.NEGATIVE_INFINITY);
		UserException e = refused(new SsimMapOperation(new ImagePlus("a", new FloatProcessor(20, 20)), new ImagePlus("inf", inf)));
		assertTrue(e.getMessage().contains("infinite pixel at x=0, y=19"), e.getMessage());
	}

	@Test
	void colourAgainstGrayInLuminanceModeComparesTheLuminanceAndSaysSo() {
		ImagePlus colour = rgb("colour", 30, 25, 1), gray = gray8("gray", 30, 25, 2);
		Recorder log = new Recorder();
		SsimMapResult r = new SsimMapOperation(colour, gray).run(log);
		assertTrue(log.lines.stream().anyMatch(l -> l.contains("'colour' through its luminance")), log.lines.toString());
		FloatPlane y = Channel.Y.of(ImagePlusAdapter.toRgb(colour, Double.NaN));
		double expected = new Ssim(255).compare(y, ImagePlusAdapter.toPlane(gray.getProcessor())).mean();
		assertEquals(expected, r.mean(), 1e-12);
		assertEquals(r.notes(), log.lines);
	}

	@Test
	void grayInAColourModeCountsAsNeutralAndTwoGraysAreRefused() {
		Recorder log = new Recorder();
		SsimMapResult r = new SsimMapOperation(gray8("gray", 30, 25, 2), rgb("colour", 30, 25, 1)).mode(SsimMode.CBCR).run(log);
		assertTrue(log.lines.stream().anyMatch(l -> l.contains("'gray' as colour with R = G = B")), log.lines.toString());
		assertEquals(List.of("cb", "cr"), r.summary().get("channels"));
		UserException e = refused(new SsimMapOperation(gray8("a", 30, 25, 1), gray8("b", 30, 25, 2)).mode(SsimMode.RGB));
		assertTrue(e.getMessage().contains("both gray") && e.getMessage().contains("mode luminance"), e.getMessage());
	}

	@Test
	void grayStoredAsRgbIsPointedOutInColourModes() {
		ColorProcessor grayRgb = new ColorProcessor(30, 25);
		for (int i = 0; i < 30 * 25; i++) grayRgb.set(i, 0xff000000 | (i % 200) * 0x010101);
		Recorder log = new Recorder();
		new SsimMapOperation(new ImagePlus("mono", grayRgb), rgb("colour", 30, 25, 1)).mode(SsimMode.CBCR).run(log);
		assertTrue(log.lines.stream().anyMatch(l -> l.contains("'mono' is gray stored as RGB")), log.lines.toString());
	}

	@Test
	void dataRangeFollowsTheType() {
		ShortProcessor a = new ShortProcessor(20, 20), b = new ShortProcessor(20, 20);
		for (int i = 0; i < 400; i++) {
			a.set(i, i * 97 % 4096);
			b.set(i, i * 89 % 4096);
		}
		SsimMapResult r16 = new SsimMapOperation(new ImagePlus("a", a), new ImagePlus("b", b)).run(Progress.NONE);
		assertEquals(65535.0, r16.dataRange());
		assertEquals("16-bit type", r16.summary().get("data_range_source"));
		assertEquals(255.0, new SsimMapOperation(gray8("a", 20, 20, 1), gray8("b", 20, 20, 2)).run(Progress.NONE).dataRange());
		assertEquals(4095.0, new SsimMapOperation(new ImagePlus("a", a), new ImagePlus("b", b)).dataRange(4095)
			.run(Progress.NONE).dataRange(), "a given range wins");
		UserException mixed = refused(new SsimMapOperation(gray8("a", 20, 20, 1), new ImagePlus("b", b)));
		assertTrue(mixed.getMessage().contains("8-bit and 16-bit") && mixed.getMessage().contains("Image > Type"),
			mixed.getMessage());
		FloatProcessor flat = new FloatProcessor(20, 20);
		flat.set(2.5);
		UserException constant = refused(new SsimMapOperation(new ImagePlus("a", flat), new ImagePlus("b", flat.duplicate())));
		assertTrue(constant.getMessage().contains("single value 2.5") && constant.getMessage().contains("set the data range"),
			constant.getMessage());
	}

	/** 32-bit data: the range is max - min of both images, as the scikit-image fixture computed it. */
	@Test
	void thirtyTwoBitRangeComesFromTheDataAndMatchesTheOracle() throws URISyntaxException {
		Map<String, Object> c = org.cyclecolor.metrics.MetricsOracleTestAccess.synthetic("32-bit float 36x30, range from the data");
		ImagePlus a = ImageFiles.read(resource("synthetic/float-a.tif")), b = ImageFiles.read(resource("synthetic/float-b.tif"));
		Recorder log = new Recorder();
		SsimMapResult r = new SsimMapOperation(a, b).run(log);
		assertEquals(((Number) c.get("data_range")).doubleValue(), r.dataRange(), 1e-5);
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> modes = (Map<String, Map<String, Object>>) c.get("modes");
		assertEquals(((Number) modes.get("luminance").get("ssim")).doubleValue(), r.mean(), 1e-4);
		assertTrue(log.lines.stream().anyMatch(l -> l.contains("32-bit images have no type range")), log.lines.toString());
	}

	private static Path resource(String name) throws URISyntaxException {
		return Paths.get(org.cyclecolor.metrics.MetricsOracleTestAccess.class.getResource(name).toURI());
	}

	@Test
	void theMapIsA32BitImageWithFireLutCalibrationBarAndItsParameters() {
		SsimMapResult r = new SsimMapOperation(rgb("x", 64, 48, 1), rgb("y", 64, 48, 2)).mode(SsimMode.RGB).components(true)
			.run(Progress.NONE);
		ImagePlus map = r.mapImage();
		assertEquals(32, map.getBitDepth());
		assertEquals(0.0, map.getDisplayRangeMin());
		assertEquals(1.0, map.getDisplayRangeMax());
		assertEquals(ij.plugin.LutLoader.getLut("fire").getRGB(200), map.getProcessor().getLut().getRGB(200));
		assertNotNull(map.getOverlay());
		assertTrue(map.getOverlay().isCalibrationBar());
		assertTrue(((String) map.getProperty("Info")).contains("ssim = "), (String) map.getProperty("Info"));
		assertEquals(r.ssim().map().get(10, 20), map.getProcessor().getf(10, 20));
		ImagePlus lcs = r.componentsImage();
		assertEquals(3, lcs.getStackSize());
		assertEquals("structure s", lcs.getStack().getSliceLabel(3));
		Map<String, Object> s = r.summary();
		for (String key : new String[] { "ssim", "luminance", "contrast", "structure", "ssim_r", "ssim_g", "ssim_b" }) {
			assertTrue(s.containsKey(key), key);
		}
		assertNull(new SsimMapOperation(rgb("x", 20, 20, 1), rgb("y", 20, 20, 2)).run(Progress.NONE).componentsImage());
	}

	@Test
	void unknownModesGetTheListOfModes() {
		UserException e = assertThrows(UserException.class, () -> SsimMapOperation.parseMode("hsv"));
		assertTrue(e.getMessage().contains("luminance, rgb, cbcr"), e.getMessage());
	}
}
