package org.cyclecolor.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import org.junit.jupiter.api.Test;

/** Oracle: ImageJ 1.54p's own interpolation of a FloatProcessor. */
class ResamplerTest {

	private static FloatPlane random(int w, int h, long seed) {
		Random rnd = new Random(seed);
		FloatPlane p = new FloatPlane(w, h);
		for (int i = 0; i < p.size(); i++) p.data()[i] = (float) (rnd.nextDouble() * 255);
		return p;
	}

	@Test
	void bilinearMatchesImageJ() {
		FloatPlane p = random(23, 17, 1);
		FloatProcessor fp = new FloatProcessor(23, 17, p.data().clone());
		Random rnd = new Random(2);
		for (int k = 0; k < 500; k++) {
			double x = rnd.nextDouble() * 21.9, y = rnd.nextDouble() * 15.9;
			assertEquals(fp.getInterpolatedValue(x, y), Resampler.sample(p, x, y, Interpolation.BILINEAR), 1e-3);
		}
	}

	@Test
	void bicubicMatchesImageJInTheInterior() {
		FloatPlane p = random(23, 17, 3);
		FloatProcessor fp = new FloatProcessor(23, 17, p.data().clone());
		fp.setInterpolationMethod(ImageProcessor.BICUBIC);
		Random rnd = new Random(4);
		for (int k = 0; k < 500; k++) {
			// ImageJ falls back to bilinear within two pixels of the edge; compare where it does not.
			double x = 1 + rnd.nextDouble() * 19.9, y = 1 + rnd.nextDouble() * 13.9;
			assertEquals(fp.getBicubicInterpolatedPixel(x, y, fp), Resampler.sample(p, x, y, Interpolation.BICUBIC), 1e-3);
		}
	}

	@Test
	void bothAreExactOnARampAndAtPixelCentres() {
		FloatPlane ramp = new FloatPlane(12, 9);
		for (int y = 0; y < 9; y++) for (int x = 0; x < 12; x++) ramp.set(x, y, 3 * x - 2 * y + 7);
		for (Interpolation in : Interpolation.values()) {
			assertEquals(3 * 4.3 - 2 * 5.6 + 7, Resampler.sample(ramp, 4.3, 5.6, in), 1e-4, in.key());
			FloatPlane r = random(8, 8, 5);
			assertEquals(r.get(3, 6), Resampler.sample(r, 3, 6, in), 1e-4, in.key());
		}
	}

	@Test
	void outsideIsNaNAndTheHalfPixelBorderIsInside() {
		FloatPlane p = random(10, 6, 6);
		for (Interpolation in : Interpolation.values()) {
			assertTrue(Float.isNaN(Resampler.sample(p, -0.6, 2, in)));
			assertTrue(Float.isNaN(Resampler.sample(p, 3, 5.51, in)));
			assertFalse(Float.isNaN(Resampler.sample(p, -0.5, 2, in)));
			assertFalse(Float.isNaN(Resampler.sample(p, 9.5, 5.5, in)));
		}
		// the edge pixel is repeated outward
		assertEquals(p.get(0, 2), Resampler.sample(p, -0.5, 2, Interpolation.BILINEAR), 1e-4);
		assertEquals(p.get(9, 5), Resampler.sample(p, 9.5, 5.5, Interpolation.BILINEAR), 1e-4);
	}

	@Test
	void warpByATranslationShiftsPixelsAndMarksTheUncoveredBorder() {
		FloatPlane p = random(30, 20, 7);
		boolean[] valid = new boolean[30 * 20];
		FloatPlane[] out = Resampler.warp(new FloatPlane[] { p, p.copy() }, 30, 20,
			(x, y, src) -> { src[0] = x - 2; src[1] = y + 1; }, Interpolation.BICUBIC, -1f, valid);
		assertEquals(p.get(5, 8), out[0].get(7, 7), 1e-4);
		assertEquals(p.get(5, 8), out[1].get(7, 7), 1e-4);
		assertFalse(valid[3 * 30 + 1]); // x - 2 = -1: left of the source
		assertEquals(-1f, out[0].get(1, 3));
		assertFalse(valid[19 * 30 + 10]); // y + 1 = 20: below the source
		assertTrue(valid[18 * 30 + 10]);
	}

	@Test
	void shrinkAveragesBlocks() {
		FloatPlane p = random(7, 5, 8);
		FloatPlane s = Resampler.shrink(p, 3);
		assertEquals(3, s.width());
		assertEquals(2, s.height());
		double m = 0;
		for (int y = 0; y < 3; y++) for (int x = 3; x < 6; x++) m += p.get(x, y);
		assertEquals(m / 9, s.get(1, 0), 1e-3);
		// the partial corner block: columns 6, rows 3..4
		assertEquals((p.get(6, 3) + p.get(6, 4)) / 2, s.get(2, 1), 1e-3);
	}
}
