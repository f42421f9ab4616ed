package org.cyclecolor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.method.ColorizationInput;
import org.cyclecolor.method.ColorizationResult;
import org.cyclecolor.method.Colorizer;

/**
 * The network through {@link Colorizer}, the way evaluation runs every method: the result keeps
 * the gray input as its luminance, a reference of one colour gives that colour everywhere, and
 * the disparity and confidence maps come at the image's size within their possible ranges.
 */
class NetworkColorizerTest {

	@Test
	void asAColorizerTheNetworkKeepsTheGrayAndTransfersTheReferenceColour() {
		int w = 300, h = 40, maxDisparity = 100;
		FloatPlane gray = TestModels.pair(w, h, 6, 11, YCbCrRange.FULL)[0].y();
		RgbImage reference = new RgbImage(FloatPlane.filled(w, h, 200f), FloatPlane.filled(w, h, 80f), FloatPlane.filled(w, h, 40f), 255);
		YCbCrImage expected = YCbCr.toYCbCr(reference, YCbCrRange.FULL);
		try (ColorizationModel m = TestModels.open(TestModels.cyclecnn())) {
			Colorizer c = new NetworkColorizer(new InferenceEngine(m, ChromaUpsampler.DEFAULT, InferenceEngine.DEFAULT_MEMORY_BUDGET), false);
			assertEquals("cyclecnn", c.name());
			for (ColorSide side : ColorSide.values()) {
				ColorizationResult r = c.colorize(new ColorizationInput(gray, reference, side, maxDisparity), Progress.NONE);
				YCbCrImage img = r.image();
				assertEquals(YCbCrRange.FULL, img.range(), side.toString());
				for (int i = 0; i < gray.size(); i++) {
					assertEquals(gray.data()[i], img.y().data()[i], 1e-3, side + " Y at " + i);
					assertEquals(expected.cb().data()[i], img.cb().data()[i], 1e-2, side + " Cb at " + i);
					assertEquals(expected.cr().data()[i], img.cr().data()[i], 1e-2, side + " Cr at " + i);
				}
				// 100 px need the factor 3 (47 shifts per factor); the candidates then reach 141 px
				int covered = WorkingScale.covered(WorkingScale.auto(maxDisparity, w, m.variant()), m.variant());
				assertEquals(141, covered);
				FloatPlane disparity = r.maps().get("disparity"), confidence = r.maps().get("confidence");
				assertEquals(w, disparity.width(), side.toString());
				assertEquals(h, confidence.height(), side.toString());
				for (int i = 0; i < disparity.size(); i++) {
					assertTrue(disparity.data()[i] >= -1e-4 && disparity.data()[i] <= covered + 1e-3, side + " disparity " + disparity.data()[i]);
					assertTrue(confidence.data()[i] >= 1.0 / 48 - 1e-6 && confidence.data()[i] <= 1 + 1e-6, side + " confidence " + confidence.data()[i]);
				}
			}
		}
	}
}
