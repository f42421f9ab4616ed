package org.cyclecolor.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.cyclecolor.CancelledException;
import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.junit.jupiter.api.Test;

class SsimTest {

	private static FloatPlane random(int w, int h, long seed, float scale) {
		Random rnd = new Random(seed);
		FloatPlane p = new FloatPlane(w, h);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				p.set(x, y, (float) (scale * (0.5 + 0.3 * Math.sin(x * 0.07) * Math.cos(y * 0.11) + 0.2 * rnd.nextDouble())));
			}
		}
		return p;
	}

	/**
	 * Every pixel of a 2100x150 map (three tiles across, three down, sizes not multiples of the
	 * tile) against a direct double-precision 2-D evaluation of the definition, mirrored borders.
	 */
	@Test
	void everyPixelMatchesADirectEvaluationAcrossTileSeams() {
		int w = 2100, h = 150;
		FloatPlane a = random(w, h, 1, 255), b = random(w, h, 2, 255);
		SsimResult r = new Ssim(255).withComponents(true).compare(a, b);
		double[] taps = GaussianWindow.halfTaps();
		double c1 = Math.pow(0.01 * 255, 2), c2 = Math.pow(0.03 * 255, 2);
		double maxErr = 0, sum = 0;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double ux = 0, uy = 0, uxx = 0, uyy = 0, uxy = 0;
				for (int dy = -5; dy <= 5; dy++) {
					for (int dx = -5; dx <= 5; dx++) {
						double wt = taps[Math.abs(dx)] * taps[Math.abs(dy)];
						int xx = GaussianWindow.reflect(x + dx, w), yy = GaussianWindow.reflect(y + dy, h);
						double va = a.get(xx, yy), vb = b.get(xx, yy);
						ux += wt * va;
						uy += wt * vb;
						uxx += wt * va * va;
						uyy += wt * vb * vb;
						uxy += wt * va * vb;
					}
				}
				double vx = uxx - ux * ux, vy = uyy - uy * uy, vxy = uxy - ux * uy;
				double s = (2 * ux * uy + c1) * (2 * vxy + c2) / ((ux * ux + uy * uy + c1) * (vx + vy + c2));
				maxErr = Math.max(maxErr, Math.abs(s - r.map().get(x, y)));
				if (x >= 5 && x < w - 5 && y >= 5 && y < h - 5) sum += s;
			}
		}
		assertTrue(maxErr < 2e-4, "largest pixel error " + maxErr);
		assertEquals(sum / ((w - 10) * (h - 10)), r.mean(), 1e-6);
	}

	@Test
	void meanWithALargerBorderAveragesTheSmallerInterior() {
		FloatPlane a = random(60, 40, 13, 255), b = random(60, 40, 14, 255);
		SsimResult r = new Ssim(255).compare(a, b);
		assertEquals(r.mean(), r.mean(Ssim.BORDER), 1e-6);
		double sum = 0;
		for (int y = 12; y < 28; y++) {
			for (int x = 12; x < 48; x++) sum += r.map().get(x, y);
		}
		assertEquals(sum / (16 * 36), r.mean(12), 1e-9);
		assertThrows(IllegalArgumentException.class, () -> r.mean(20));
	}

	@Test
	void identicalImagesScoreOneEverywhere() {
		FloatPlane a = random(40, 30, 3, 255);
		SsimResult r = new Ssim(255).withComponents(true).compare(a, a.copy());
		assertEquals(1.0, r.mean(), 1e-6);
		for (float v : r.map().data()) assertEquals(1.0, v, 1e-5);
		assertEquals(1.0, r.luminanceMean(), 1e-6);
		assertEquals(1.0, r.contrastMean(), 1e-5);
		assertEquals(1.0, r.structureMean(), 1e-5);
	}

	@Test
	void invertedStructureIsNegativeAndTheComponentsSaySo() {
		FloatPlane a = random(50, 50, 4, 255);
		FloatPlane inv = new FloatPlane(50, 50);
		for (int i = 0; i < inv.size(); i++) inv.data()[i] = 255 - a.data()[i];
		SsimResult r = new Ssim(255).withComponents(true).compare(a, inv);
		assertTrue(r.mean() < 0, "mean " + r.mean());
		assertTrue(r.structureMean() < -0.5, "structure " + r.structureMean());
		assertTrue(r.contrastMean() > 0.99, "same contrast " + r.contrastMean());
	}

	@Test
	void dataRangeSetsTheConstants() {
		FloatPlane a = random(30, 30, 5, 1), b = random(30, 30, 6, 1);
		double small = new Ssim(1).compare(a, b).mean();
		double large = new Ssim(255).compare(a, b).mean();
		assertTrue(large > small, "a larger range means larger constants, closer to 1");
		FloatPlane a255 = scale(a, 255), b255 = scale(b, 255);
		assertEquals(small, new Ssim(255).compare(a255, b255).mean(), 1e-5, "SSIM is scale invariant with its range");
	}

	private static FloatPlane scale(FloatPlane p, float f) {
		FloatPlane out = p.copy();
		for (int i = 0; i < out.size(); i++) out.data()[i] *= f;
		return out;
	}

	@Test
	void theSmallestImageIsOneWindow() {
		FloatPlane a = random(11, 11, 7, 255), b = random(11, 11, 8, 255);
		SsimResult r = new Ssim(255).compare(a, b);
		assertEquals(r.map().get(5, 5), r.mean(), 1e-7, "the mean covers the single interior pixel");
		assertThrows(IllegalArgumentException.class, () -> new Ssim(255).compare(random(10, 11, 1, 255), random(10, 11, 2, 255)));
		assertThrows(IllegalArgumentException.class, () -> new Ssim(255).compare(a, random(12, 11, 2, 255)));
		assertThrows(IllegalArgumentException.class, () -> new Ssim(0));
	}

	@Test
	void reportsProgressAndStopsWhenCancelled() {
		FloatPlane a = random(300, 400, 9, 255), b = random(300, 400, 10, 255);
		AtomicInteger reports = new AtomicInteger();
		double[] last = { 0 };
		new Ssim(255).compare(a, b, new Progress() {
			@Override
			public synchronized void report(double fraction, String message) {
				reports.incrementAndGet();
				last[0] = Math.max(last[0], fraction);
			}

			@Override
			public boolean isCancelled() {
				return false;
			}
		});
		assertTrue(reports.get() > 2);
		assertEquals(1.0, last[0], 1e-12);
		Progress cancelled = new Progress() {
			@Override
			public void report(double fraction, String message) {}

			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		assertThrows(CancelledException.class, () -> new Ssim(255).compare(a, b, cancelled));
	}

	@Test
	void resultsDoNotDependOnScheduling() {
		FloatPlane a = random(700, 300, 11, 255), b = random(700, 300, 12, 255);
		SsimResult first = new Ssim(255).compare(a, b);
		for (int i = 0; i < 3; i++) {
			SsimResult again = new Ssim(255).compare(a, b);
			assertEquals(first.mean(), again.mean(), 0.0);
		}
	}

	@Test
	void perChannelModesAverageTheirChannels() {
		org.cyclecolor.image.RgbImage x = new org.cyclecolor.image.RgbImage(random(40, 40, 1, 255),
			random(40, 40, 2, 255), random(40, 40, 3, 255), 255);
		org.cyclecolor.image.RgbImage y = new org.cyclecolor.image.RgbImage(random(40, 40, 4, 255),
			random(40, 40, 5, 255), random(40, 40, 6, 255), 255);
		Ssim ssim = new Ssim(255);
		ChannelSsimResult rgb = ChannelSsim.compare(x, y, SsimMode.RGB, ssim, Progress.NONE);
		double r = ssim.compare(x.r(), y.r()).mean(), g = ssim.compare(x.g(), y.g()).mean(),
			b = ssim.compare(x.b(), y.b()).mean();
		assertEquals((r + g + b) / 3, rgb.mean(), 1e-12);
		assertEquals((ssim.compare(x.r(), y.r()).map().get(7, 9) + ssim.compare(x.g(), y.g()).map().get(7, 9)
			+ ssim.compare(x.b(), y.b()).map().get(7, 9)) / 3, rgb.map().get(7, 9), 1e-6);
		ChannelSsimResult lum = ChannelSsim.compare(x, y, SsimMode.LUMINANCE, ssim, Progress.NONE);
		assertEquals(ssim.compare(Channel.Y.of(x), Channel.Y.of(y)).mean(), lum.mean(), 1e-12);
		assertEquals(SsimMode.CBCR, SsimMode.fromKey("Cb/Cr"));
		assertEquals(SsimMode.LUMINANCE, SsimMode.fromKey("y"));
		assertEquals(null, SsimMode.fromKey("hsv"));
	}
}
