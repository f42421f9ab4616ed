package org.cyclecolor.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.rectify.SyntheticRig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;

/** The command as Fiji runs it: through a SciJava context and the command service, headless. */
class RectifyPairCommandTest {

	private static FijiContext fiji;
	private static ImagePlus gray, color;

	@BeforeAll
	static void setUp() {
		fiji = new FijiContext();
		SyntheticRig rig = SyntheticRig.scene(21);
		SyntheticRig.Camera mono = new SyntheticRig.Camera(450, 199.5, 149.5, 400, 300, SyntheticRig.turn(0, 0, 0),
			new double[] { 0, 0, 0 });
		SyntheticRig.Camera col = new SyntheticRig.Camera(450, 199.5, 149.5 + 6, 400, 300, SyntheticRig.turn(1, 1, 2),
			new double[] { 0.3, 0, 0 });
		FloatPlane g = SyntheticRig.mono(rig.render(mono), 1, 1, 1, 1);
		byte[] b = new byte[g.size()];
		for (int i = 0; i < b.length; i++) b[i] = (byte) ImagePlusAdapter.to8bit(g.data()[i]);
		gray = new ImagePlus("mono.tif", new ByteProcessor(400, 300, b));
		RgbImage c = rig.render(col);
		color = ImagePlusAdapter.toImagePlus("colour.png", c);
	}

	@AfterAll
	static void tearDown() {
		fiji.close();
	}

	@Test
	void theMenuEntryAndMacroKeysAreAsDocumented() {
		CommandInfo info = fiji.info(RectifyPairCommand.class);
		assertEquals("[Plugins, Cycle Colorization, Rectify Pair...]", info.getMenuPath().toString());
		assertTrue(info.canRunHeadless());
		for (String key : new String[] { "gray", "color", "calibration", "gray_camera", "features", "model",
			"interpolation", "frame", "color_side", "max_features", "threshold" }) {
			assertNotNull(info.getInput(key), key);
		}
	}

	@Test
	void rectifiesThePairAndReturnsImagesTableAndDiagnostic() throws Exception {
		CommandModule m = fiji.run(RectifyPairCommand.class, "gray", gray,
			"color", color, "frame", "crop");
		assertTrue(!m.isCanceled(), String.valueOf(m.getCancelReason()));
		ImagePlus g = (ImagePlus) m.getOutput("gray_rectified"), c = (ImagePlus) m.getOutput("color_rectified");
		assertEquals(8, g.getBitDepth());
		assertEquals(24, c.getBitDepth());
		assertEquals(g.getWidth(), c.getWidth());
		assertEquals(g.getHeight(), c.getHeight());
		assertEquals("mono-gray-rectified", g.getTitle());
		assertEquals("colour-color-rectified", c.getTitle());
		ImagePlus mask = (ImagePlus) m.getOutput("valid_mask");
		// cropped to the common valid area: every pixel is valid
		assertEquals(255, mask.getProcessor().getStatistics().min, 0);
		assertNotNull(m.getOutput("diagnostic"));
		ResultsTable rt = (ResultsTable) m.getOutput("report");
		int row = -1;
		for (int i = 0; i < rt.size(); i++) if ("vertical_error_median_px".equals(rt.getStringValue("Name", i))) row = i;
		assertTrue(row >= 0);
		assertTrue(rt.getValue("Value", row) < 0.5, "median vertical error " + rt.getValue("Value", row));
	}

	@Test
	void aLowInlierRatioIsAWarningInTheReport() {
		org.cyclecolor.rectify.RectifyOptions o = new org.cyclecolor.rectify.RectifyOptions();
		o.minInlierRatio = 0.999;
		org.cyclecolor.pipeline.RectifyOperation.Result r = org.cyclecolor.pipeline.RectifyOperation.run(gray, color, o,
			false, org.cyclecolor.Progress.NONE);
		assertTrue(r.report.warnings().stream().anyMatch(w -> w.contains("agree with the geometry")),
			r.report.warnings().toString());
		assertNull(r.diagnostic);
	}

	@Test
	void aGivenSideIsFollowedAndAContradictionIsAWarning() {
		org.cyclecolor.rectify.RectifyOptions o = new org.cyclecolor.rectify.RectifyOptions();
		o.colorSide = org.cyclecolor.method.ColorSide.LEFT; // the rendered colour camera is on the right
		org.cyclecolor.rectify.RectificationReport r = org.cyclecolor.pipeline.RectifyOperation.run(gray, color, o, false,
			org.cyclecolor.Progress.NONE).report;
		assertEquals(org.cyclecolor.method.ColorSide.LEFT, r.colorSide);
		assertEquals("given", r.colorSideSource);
		assertTrue(r.warnings().stream().anyMatch(w -> w.contains("other way")), r.warnings().toString());
		// the colour image was shifted so that disparities are >= 0 along the given side
		assertTrue(r.colorShift > 0 && r.disparityMin >= -0.5, r.colorShift + " " + r.disparityMin);
	}

	@Test
	void aGrayColourImageIsRefusedAsTheColourInputWithAReason() throws Exception {
		CommandModule m = fiji.run(RectifyPairCommand.class, "gray", gray,
			"color", gray);
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("single channel"), m.getCancelReason());
		assertNull(m.getOutput("gray_rectified"));
	}
}
