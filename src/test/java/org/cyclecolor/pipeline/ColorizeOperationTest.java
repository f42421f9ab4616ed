package org.cyclecolor.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.infer.Device;
import org.cyclecolor.infer.OnnxExporter;
import org.cyclecolor.infer.TestModels;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.ModelMetadata;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Variants;

/**
 * The user-level operation on ImageJ images: every mistake of the "Bad input" list gets
 * one sentence, inputs of every type come back in their type with the mono image's luminance, and
 * the decisions left to it (side, disparity, scale) are logged.
 */
class ColorizeOperationTest {

	@TempDir
	static Path dir;

	private static Path model;
	private static ImagePlus mono, color;

	@BeforeAll
	static void setUp() {
		model = TestModels.cyclecnn();
		mono = ImageFiles.read(Paths.get("sample-data", "sample-mono.png"));
		color = ImageFiles.read(Paths.get("sample-data", "sample-color.png"));
	}

	@AfterAll
	static void tearDown() {
		ModelCache.clear();
	}

	/** A progress that keeps the log lines. */
	static final class Log implements Progress {
		final List<String> lines = new ArrayList<>();

		@Override
		public void report(double fraction, String message) {}

		@Override
		public boolean isCancelled() {
			return false;
		}

		@Override
		public void log(String message) {
			lines.add(message);
		}

		String all() {
			return String.join("\n", lines);
		}
	}

	private static ImagePlus crop(ImagePlus imp, int w, int h) {
		ImageProcessor ip = imp.getProcessor().duplicate();
		ip.setRoi(0, 0, w, h);
		return new ImagePlus(imp.getTitle(), ip.crop());
	}

	private static String message(Runnable r) {
		return assertThrows(UserException.class, r::run).getMessage();
	}

	@Test
	void theResultKeepsTheMonoLuminanceAndTheDecisionsAreLogged() {
		Log log = new Log();
		ColorizeResult r = new ColorizeOperation(mono, color).model(model).device(Device.CPU).run(log);
		ImagePlus out = r.colorizedImage();
		assertEquals(ImagePlus.COLOR_RGB, out.getType());
		assertEquals("sample-mono-colorized", out.getTitle());
		FloatPlane luma = YCbCr.luma(ImagePlusAdapter.toRgb(out, Double.NaN));
		FloatPlane gray = ImagePlusAdapter.toPlane(mono.getProcessor());
		RgbImage rgb = r.output().rgb();
		int compared = 0;
		for (int i = 0; i < luma.size(); i++) {
			boolean clipped = false;
			for (int c = 0; c < 3; c++) clipped |= rgb.channel(c).data()[i] < 0 || rgb.channel(c).data()[i] > 255;
			if (clipped) continue; // a colour outside RGB changes when clipped to 8 bits
			assertEquals(gray.data()[i], luma.data()[i], 1.0, "luminance at " + i);
			compared++;
		}
		assertTrue(compared > luma.size() / 2, compared + " pixels inside the RGB cube");
		assertTrue(log.all().contains("Colour camera on the right (estimated"), log.all());
		assertTrue(log.all().contains("Largest disparity estimated at"), log.all());
		assertTrue(log.all().contains("Working scale 1/2 (256x192)"), log.all());
		assertEquals("right", r.summary().get("color_side"));
		assertEquals("estimated", r.summary().get("color_side_source"));
		assertEquals(true, r.summary().get("refined"));
	}

	@Test
	void theMirroredPairHasItsColourCameraOnTheLeft() {
		ImagePlus m = mono.duplicate(), c = color.duplicate();
		m.getProcessor().flipHorizontal();
		c.getProcessor().flipHorizontal();
		ColorizeResult r = new ColorizeOperation(m, c).model(model).maxDisparity(40).run(Progress.NONE);
		assertEquals("left", r.summary().get("color_side"));
		assertEquals(40, r.summary().get("max_disparity"));
		assertEquals("given", r.summary().get("max_disparity_source"));
	}

	@Test
	void swappedImagesAreNamed() {
		assertTrue(message(() -> new ColorizeOperation(color, mono).model(model).run(Progress.NONE)).contains("swapped"));
		// a colour image whose channels are all equal: the mono image saved as RGB
		ImagePlus grayAsRgb = new ImagePlus("mono-rgb.png", mono.getProcessor().convertToColorProcessor());
		String m = message(() -> new ColorizeOperation(mono, grayAsRgb).model(model).run(Progress.NONE));
		assertTrue(m.contains("is gray (R, G and B are equal everywhere): were the gray and colour images swapped?"), m);
	}

	@Test
	void sizesThatDifferPointToRectifyPair() {
		String m = message(() -> new ColorizeOperation(crop(mono, 500, 384), color).model(model).run(Progress.NONE));
		assertTrue(m.contains("differ in size") && m.contains("Rectify Pair..."), m);
	}

	@Test
	void maxDisparityMustLieWithinTheImage() {
		for (int d : new int[] { 0, -3, 512, 900 }) {
			String m = message(() -> new ColorizeOperation(mono, color).model(model).maxDisparity(d).run(Progress.NONE));
			assertTrue(m.contains("The max disparity must be between 1 and 511 pixels (the images are 512 pixels wide), got " + d), m);
		}
	}

	@Test
	void modelFilesThatAreMissingCorruptNotOnnxOrInconsistentAreRefused() throws Exception {
		assertTrue(message(() -> new ColorizeOperation(mono, color).model(dir.resolve("none.onnx")).run(Progress.NONE))
			.contains("does not exist"));
		Path corrupt = Files.write(dir.resolve("corrupt.onnx"), new byte[] { 8, 7, 1, 2, (byte) 0xff, 0x12, 9 });
		assertTrue(message(() -> new ColorizeOperation(mono, color).model(corrupt).run(Progress.NONE)).contains("is not an ONNX model"));
		Path png = Files.copy(Paths.get("sample-data", "sample-mono.png"), dir.resolve("picture.onnx"));
		assertTrue(message(() -> new ColorizeOperation(mono, color).model(png).run(Progress.NONE)).contains("is not an ONNX model"));
		// a model whose metadata declares another colour range than its variant has
		ModelBundle b = ModelBundle.initialized(Variants.get("cyclecnn"), 1, Provenance.empty());
		var proto = OnnxExporter.toProto(b).toBuilder();
		for (int i = 0; i < proto.getMetadataPropsCount(); i++) {
			if (proto.getMetadataProps(i).getKey().equals(ModelMetadata.COLOR_RANGE)) {
				proto.setMetadataProps(i, proto.getMetadataProps(i).toBuilder().setValue("studio"));
			}
		}
		Path range = Files.write(dir.resolve("range.onnx"), proto.build().toByteArray());
		String m = message(() -> new ColorizeOperation(mono, color).model(range).run(Progress.NONE));
		assertTrue(m.contains("cannot be used") && m.contains("color_range"), m);
	}

	@Test
	void withoutAModelTheBundledOneIsUsedOrTheMessageSaysWhatToDo() {
		if (org.cyclecolor.infer.BundledModel.available()) {
			Log log = new Log();
			ColorizeResult r = new ColorizeOperation(crop(mono, 256, 192), crop(color, 256, 192)).maxDisparity(40).run(log);
			ImagePlus colorized = r.colorizedImage();
			assertEquals(ImagePlus.COLOR_RGB, colorized.getType());
			// Named as the bundled default model everywhere the user sees it, never as its temporary copy.
			assertEquals("bundled default model", r.summary().get("model"));
			assertTrue(log.lines.contains("Model: " + org.cyclecolor.infer.BundledModel.description().label()), log.all());
			String seen = log.all() + r.notes() + colorized.getProperty("Info");
			assertTrue(seen.contains("model = bundled default model"), seen);
			assertFalse(seen.contains("cyclecolor-default-"), seen);
			return;
		}
		String m = message(() -> new ColorizeOperation(mono, color).run(Progress.NONE));
		assertTrue(m.contains("ships no default model yet; give a .onnx model file"), m);
	}

	@Test
	void cudaRequestedWithoutAGpuIsAClearError() {
		org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(Paths.get("/proc/driver/nvidia/version")), "this machine has a GPU");
		ModelCache.clear();
		String m = message(() -> new ColorizeOperation(mono, color).model(model).device(Device.CUDA).run(Progress.NONE));
		assertTrue(m.contains("CUDA was requested but no NVIDIA driver was found"), m);
	}

	@Test
	void sixteenAndThirtyTwoBitImagesAreScaledByTypeAndComeBackInTheirType() {
		ImagePlus m8 = crop(mono, 256, 192), c8 = crop(color, 256, 192);
		FloatPlane g = ImagePlusAdapter.toPlane(m8.getProcessor());
		short[] s = new short[g.size()];
		float[] f = new float[g.size()];
		for (int i = 0; i < s.length; i++) {
			s[i] = (short) Math.round(g.data()[i] * 257);
			f[i] = g.data()[i] / 255f;
		}
		ImagePlus g16 = new ImagePlus("mono16.tif", new ShortProcessor(256, 192, s, null));
		ImagePlus g32 = new ImagePlus("mono32.tif", new FloatProcessor(256, 192, f));
		ColorizeResult r8 = new ColorizeOperation(m8, c8).model(model).maxDisparity(40).run(Progress.NONE);
		Log log = new Log();
		ColorizeResult r16 = new ColorizeOperation(g16, c8).model(model).maxDisparity(40).run(log);
		assertTrue(log.all().contains("The 16-bit image 'mono16.tif' was scaled to 0..255 (by 255/65535)."), log.all());
		ColorizeResult r32 = new ColorizeOperation(g32, c8).model(model).maxDisparity(40).run(log);
		assertTrue(log.all().contains("The 32-bit image 'mono32.tif' was scaled to 0..255 from 0..1."), log.all());
		ImagePlus c16 = r16.colorizedImage(), c32 = r32.colorizedImage();
		assertEquals(16, c16.getBitDepth());
		assertEquals(3, c16.getNChannels());
		assertEquals(32, c32.getBitDepth());
		RgbImage a = r8.output().rgb(), b = ImagePlusAdapter.toRgb(c16, Double.NaN), c = ImagePlusAdapter.toRgb(c32, 1);
		for (int i = 0; i < g.size(); i += 97) {
			for (int k = 0; k < 3; k++) {
				float v = Math.max(0, Math.min(255, a.channel(k).data()[i]));
				assertEquals(v * 257, b.channel(k).data()[i], 257 * 0.02, "16-bit at " + i);
				assertEquals(v / 255, c.channel(k).data()[i], 0.02 / 255, "32-bit at " + i);
			}
		}
	}

	@Test
	void sizesTheNetworkCannotTakeArePaddedAndCroppedBack() {
		for (int[] wh : new int[][] { { 37, 23 }, { 9, 5 } }) {
			ColorizeResult r = new ColorizeOperation(crop(mono, wh[0], wh[1]), crop(color, wh[0], wh[1])).model(model).colorSide(null)
				.maxDisparity(wh[0] - 1).scale(1).run(Progress.NONE);
			ImagePlus out = r.colorizedImage();
			assertEquals(wh[0], out.getWidth());
			assertEquals(wh[1], out.getHeight());
		}
	}

	@Test
	void stacksAreRefused() {
		ImageStack st = new ImageStack(512, 384);
		st.addSlice(mono.getProcessor());
		st.addSlice(mono.getProcessor());
		String m = message(() -> new ColorizeOperation(new ImagePlus("two.tif", st), color).model(model).run(Progress.NONE));
		assertTrue(m.contains("is a stack of 2 planes"), m);
	}

	@Test
	void weightVolumeIsACalibratedHyperstackWithItsMaps() {
		ColorizeResult r = new ColorizeOperation(mono, color).model(model).weights(true).maxDisparity(40).run(Progress.NONE);
		ImagePlus w = r.weightVolumeImage();
		assertNotNull(w);
		assertEquals(48, w.getNSlices());
		assertEquals(256, w.getWidth());
		Calibration cal = w.getCalibration();
		assertEquals(2, cal.pixelWidth);
		assertEquals(0, cal.getZ(0), 1e-9, "candidate 0 is disparity 0");
		assertEquals(2 * 47, cal.getZ(47), 1e-9, "candidate 47 is disparity 94 full-resolution px");
		assertEquals("d = 94 px", w.getStack().getSliceLabel(48));
		double sum = 0;
		for (int k = 1; k <= 48; k++) sum += w.getStack().getProcessor(k).getf(100, 50);
		assertEquals(1, sum, 1e-5, "weights sum to one");
		ImagePlus d = r.disparityImage(), c = r.confidenceImage();
		assertEquals(2, d.getStackSize());
		assertEquals(94, d.getDisplayRangeMax(), 1e-9);
		assertTrue(d.getOverlay() != null && d.getOverlay().size() > 0, "calibration bar");
		assertEquals(2, c.getStackSize());
	}
}
