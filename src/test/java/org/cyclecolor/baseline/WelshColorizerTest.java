package org.cyclecolor.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.method.ColorizationInput;
import org.cyclecolor.method.ColorizationResult;
import org.junit.jupiter.api.Test;

class WelshColorizerTest {

	static final int W = 160, H = 120;

	static float cbOf(double y) {
		return (float) (128 + 60 * Math.sin(y / 40));
	}

	static float crOf(double y) {
		return (float) (128 + 50 * Math.cos(y / 55));
	}

	/** A smooth luminance field (slow waves), values 30..225. */
	static FloatPlane luminance(int w, int h) {
		FloatPlane p = new FloatPlane(w, h);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				p.set(x, y, (float) (127.5 + 65 * Math.sin(0.035 * x + 0.4) * Math.cos(0.05 * y) + 30 * Math.sin(0.02 * (x + y))));
			}
		}
		return p;
	}

	/** An image whose chroma is a function of its luminance: Cb = f(Y), Cr = g(Y). */
	static RgbImage colourByLuminance(FloatPlane y) {
		FloatPlane cb = new FloatPlane(y.width(), y.height()), cr = new FloatPlane(y.width(), y.height());
		for (int i = 0; i < y.size(); i++) {
			cb.data()[i] = cbOf(y.data()[i]);
			cr.data()[i] = crOf(y.data()[i]);
		}
		return YCbCr.toRgb(new YCbCrImage(y, cb, cr, YCbCrRange.FULL, 255));
	}

	@Test
	void recoversChromaThatIsAFunctionOfLuminanceDespiteGainAndOffset() {
		FloatPlane y = luminance(W, H);
		// The reference is the same scene turned by 180 degrees (another layout, same histogram);
		// the gray camera has another gain and offset, which the luminance remapping undoes.
		RgbImage reference = colourByLuminance(y.rotate180());
		FloatPlane gray = new FloatPlane(W, H);
		for (int i = 0; i < gray.size(); i++) gray.data()[i] = 0.8f * y.data()[i] + 20;
		ColorizationResult r = new WelshColorizer().colorize(new ColorizationInput(gray, reference, ColorSide.LEFT, 10),
			Progress.NONE);
		double worst = 0, se = 0;
		for (int i = 0; i < gray.size(); i++) {
			double dcb = r.image().cb().data()[i] - cbOf(y.data()[i]), dcr = r.image().cr().data()[i] - crOf(y.data()[i]);
			worst = Math.max(worst, Math.max(Math.abs(dcb), Math.abs(dcr)));
			se += dcb * dcb + dcr * dcr;
		}
		double rms = Math.sqrt(se / (2 * gray.size()));
		System.out.printf("Welsh on chroma = f(luminance): RMS error %.2f, worst %.2f (chroma spans ±60)%n", rms, worst);
		assertTrue(rms < 1.5, "RMS chroma error " + rms);
		assertTrue(worst < 8, "worst chroma error " + worst);
		assertArrayEquals(gray.data(), r.image().y().data());
	}

	@Test
	void isDeterministicForASeedAndTheSeedMatters() {
		FloatPlane y = luminance(W, H);
		RgbImage reference = colourByLuminance(y.rotate180());
		ColorizationInput in = new ColorizationInput(y, reference, ColorSide.RIGHT, 10);
		float[] a = new WelshColorizer(200, 7, YCbCrRange.FULL).colorize(in, Progress.NONE).image().cb().data();
		float[] b = new WelshColorizer(200, 7, YCbCrRange.FULL).colorize(in, Progress.NONE).image().cb().data();
		float[] c = new WelshColorizer(200, 8, YCbCrRange.FULL).colorize(in, Progress.NONE).image().cb().data();
		assertArrayEquals(a, b);
		assertFalse(Arrays.equals(a, c));
	}

	@Test
	void sampleCountsOutsideTheImageAreClearErrors() {
		FloatPlane y = luminance(20, 10);
		ColorizationInput in = new ColorizationInput(y, colourByLuminance(y), ColorSide.RIGHT, 5);
		assertThrows(UserException.class, () -> new WelshColorizer(0, 1, YCbCrRange.FULL));
		UserException e = assertThrows(UserException.class,
			() -> new WelshColorizer(201, 1, YCbCrRange.FULL).colorize(in, Progress.NONE));
		assertTrue(e.getMessage().contains("at most 200"), e.getMessage());
	}
}
