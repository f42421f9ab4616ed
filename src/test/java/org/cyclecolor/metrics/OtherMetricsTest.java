package org.cyclecolor.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.junit.jupiter.api.Test;

/** Known values of PSNR, CIELAB / Delta E 76 and LCC (the oracle test covers real images). */
class OtherMetricsTest {

	private static RgbImage pixel(float r, float g, float b) {
		return new RgbImage(FloatPlane.filled(1, 1, r), FloatPlane.filled(1, 1, g), FloatPlane.filled(1, 1, b), 255);
	}

	@Test
	void psnrOfAKnownError() {
		FloatPlane a = FloatPlane.filled(4, 4, 100), b = FloatPlane.filled(4, 4, 110);
		assertEquals(10 * Math.log10(255.0 * 255 / 100), Psnr.of(a, b, 255), 1e-9);
		assertEquals(Double.POSITIVE_INFINITY, Psnr.of(a, a, 255));
		// Over channels, the MSE is pooled: one channel off by 10, two exact -> MSE 100/3.
		assertEquals(10 * Math.log10(255.0 * 255 * 3 / 100), Psnr.of(List.of(a, a, a), List.of(b, a, a), 255), 1e-9);
	}

	@Test
	void psnrOverAMaskPoolsOnlyTheMaskedPixels() {
		FloatPlane a = FloatPlane.filled(4, 2, 100), b = FloatPlane.filled(4, 2, 100);
		b.set(0, 0, 130); // outside the mask: ignored
		b.set(3, 1, 110); // inside: one error of 10 among 2 pixels x 2 channels
		boolean[] mask = new boolean[8];
		mask[6] = mask[7] = true;
		assertEquals(10 * Math.log10(255.0 * 255 * 4 / 100), Psnr.of(List.of(a, a), List.of(b, a), 255, mask), 1e-9);
		assertEquals(Psnr.of(a.crop(2, 1, 2, 1), b.crop(2, 1, 2, 1), 255), Psnr.of(List.of(a), List.of(b), 255, mask), 1e-9,
			"a rectangular mask is the crop");
		assertTrue(Double.isNaN(Psnr.of(List.of(a), List.of(b), 255, new boolean[8])), "an empty mask has no PSNR");
	}

	@Test
	void labOfWhiteAndPrimaries() {
		// skimage.color.rgb2lab: white (100, -0.00245, 0.00465) (its rounded matrix and white point
		// leave a trace of colour), red (53.2406, 80.0923, 67.2028).
		CieLab white = CieLab.fromSrgb(pixel(255, 255, 255));
		assertEquals(100, white.l().get(0, 0), 1e-4);
		assertEquals(-0.00245494, white.a().get(0, 0), 1e-5);
		assertEquals(0.00465342, white.b().get(0, 0), 1e-5);
		CieLab red = CieLab.fromSrgb(pixel(255, 0, 0));
		assertEquals(53.2405879, red.l().get(0, 0), 1e-4);
		assertEquals(80.0923082, red.a().get(0, 0), 1e-4);
		assertEquals(67.2027510, red.b().get(0, 0), 1e-4);
		assertEquals(0, DeltaE76.mean(pixel(10, 20, 30), pixel(10, 20, 30)), 0);
		double l1 = CieLab.fromSrgb(pixel(255, 255, 255)).l().get(0, 0), l2 = CieLab.fromSrgb(pixel(0, 0, 0)).l().get(0, 0);
		assertEquals(Math.abs(l1 - l2), DeltaE76.mean(pixel(255, 255, 255), pixel(0, 0, 0)), 1e-3, "gray pairs differ in L* only");
	}

	@Test
	void lccOfLinearAndAnticorrelatedSeries() {
		double[] x = { 1, 2, 3, 4, 5 };
		assertEquals(1, Lcc.of(x, new double[] { 3, 5, 7, 9, 11 }), 1e-12);
		assertEquals(-1, Lcc.of(x, new double[] { 5, 4, 3, 2, 1 }), 1e-12);
		assertTrue(Double.isNaN(Lcc.of(x, new double[] { 2, 2, 2, 2, 2 })));
		// Paper-style use: first vs second-time SSIM of scenes; r of a known small sample.
		assertEquals(0.8, Lcc.of(new double[] { 1, 2, 3, 4, 5 }, new double[] { 1, 3, 2, 5, 4 }), 1e-12);
	}
}
