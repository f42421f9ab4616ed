package org.cyclecolor.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class YCbCrTest {

	private static RgbImage pixel(float r, float g, float b, double max) {
		return new RgbImage(FloatPlane.filled(1, 1, r), FloatPlane.filled(1, 1, g), FloatPlane.filled(1, 1, b), max);
	}

	@Test
	void studioRangeMatchesMatlabRgb2ycbcr() {
		// MATLAB: rgb2ycbcr(uint8([255 0 0])) = [81 90 240]; white = [235 128 128]; black = [16 128 128]
		YCbCrImage red = YCbCr.toYCbCr(pixel(255, 0, 0, 255), YCbCrRange.STUDIO);
		assertEquals(81.481, red.y().get(0, 0), 1e-3);
		assertEquals(90.203, red.cb().get(0, 0), 1e-3);
		assertEquals(240.0, red.cr().get(0, 0), 1e-3);
		YCbCrImage white = YCbCr.toYCbCr(pixel(255, 255, 255, 255), YCbCrRange.STUDIO);
		assertEquals(235.0, white.y().get(0, 0), 1e-3);
		assertEquals(128.0, white.cb().get(0, 0), 1e-3);
		YCbCrImage black = YCbCr.toYCbCr(pixel(0, 0, 0, 255), YCbCrRange.STUDIO);
		assertEquals(16.0, black.y().get(0, 0), 1e-4);
		assertEquals(128.0, black.cr().get(0, 0), 1e-4);
	}

	@Test
	void fullRangeMatchesJfif() {
		// JFIF: Y = 0.299 R + 0.587 G + 0.114 B, Cb = 128 - 0.168736 R - 0.331264 G + 0.5 B
		YCbCrImage c = YCbCr.toYCbCr(pixel(200, 100, 50, 255), YCbCrRange.FULL);
		assertEquals(0.299 * 200 + 0.587 * 100 + 0.114 * 50, c.y().get(0, 0), 1e-3);
		assertEquals(128 - 0.168736 * 200 - 0.331264 * 100 + 0.5 * 50, c.cb().get(0, 0), 1e-3);
		assertEquals(128 + 0.5 * 200 - 0.418688 * 100 - 0.081312 * 50, c.cr().get(0, 0), 1e-3);
	}

	@Test
	void roundTripIsExactForBothRangesAndScales() {
		Random rnd = new Random(1);
		for (double max : new double[] { 255, 65535, 1 }) {
			for (YCbCrRange range : YCbCrRange.values()) {
				int w = 17, h = 9;
				FloatPlane r = new FloatPlane(w, h), g = new FloatPlane(w, h), b = new FloatPlane(w, h);
				for (int i = 0; i < w * h; i++) {
					r.data()[i] = (float) (rnd.nextDouble() * max);
					g.data()[i] = (float) (rnd.nextDouble() * max);
					b.data()[i] = (float) (rnd.nextDouble() * max);
				}
				RgbImage back = YCbCr.toRgb(YCbCr.toYCbCr(new RgbImage(r, g, b, max), range));
				for (int i = 0; i < w * h; i++) {
					assertEquals(r.data()[i], back.r().data()[i], 1e-4 * max);
					assertEquals(g.data()[i], back.g().data()[i], 1e-4 * max);
					assertEquals(b.data()[i], back.b().data()[i], 1e-4 * max);
				}
			}
		}
	}

	@Test
	void grayHasNeutralChromaAndItsOwnLuma() {
		YCbCrImage g = YCbCr.toYCbCr(pixel(90, 90, 90, 65535), YCbCrRange.FULL);
		assertEquals(90, g.y().get(0, 0), 1e-3);
		assertEquals(65535 * 128.0 / 255, g.cb().get(0, 0), 1e-2);
		assertEquals(65535 * 128.0 / 255, g.cr().get(0, 0), 1e-2);
		FloatPlane y = YCbCr.grayToY(FloatPlane.filled(1, 1, 255), YCbCrRange.STUDIO, 255);
		assertEquals(235, y.get(0, 0), 1e-3);
	}
}
