package org.cyclecolor.infer;

import java.util.Locale;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.Resampler;
import org.cyclecolor.method.ColorSide;

/**
 * Tells from a rectified pair on which side the colour camera sits. Both luminances are shrunk
 * to about 256 px wide; every textured pixel of the gray image finds the horizontal shift s, both
 * ways up to a third of the width, at which a 9x9 window of the colour image correlates best with
 * its own (zero-mean normalised cross-correlation: blind to the two cameras' differences in gain
 * and offset). Clear matches (correlation at least 0.8, ahead of any other shift but the
 * neighbours) vote: matches lie at {@code x + d} (colour camera on the left) or {@code x - d} (on
 * the right), d ≥ 0, so shifts of 2 or more one way outvote the other way only by chance. The side
 * whose votes outnumber the other's three to one and make at least 1 % of the pixels wins;
 * otherwise (a scene far away, no texture) the estimate is undecided.
 */
public final class ColorSideEstimate {

	static final int WORKING_WIDTH = 256;
	private static final int RADIUS = 4;
	private static final double MIN_CORRELATION = 0.8;
	private static final double MIN_LEAD = 0.02;
	/** Variance (levels squared) under which a window counts as flat: no vote. */
	private static final double MIN_VARIANCE = 4;

	/**
	 * @param side the side, or null when undecided
	 * @param left pixels voting for a colour camera on the left (matches at x + d)
	 * @param right pixels voting for one on the right (matches at x - d)
	 * @param pixels pixels examined (at the shrunk size)
	 */
	public record Result(ColorSide side, int left, int right, int pixels) {
		public String describe() {
			return String.format(Locale.ROOT, "%d of %d pixels match on the left (x + d), %d on the right (x - d)", left, pixels, right);
		}
	}

	private ColorSideEstimate() {}

	/** The estimate for a gray image and the colour image's luminance (one size, any units). */
	public static Result estimate(FloatPlane gray, FloatPlane colorLuminance) {
		if (!gray.sameSize(colorLuminance)) throw new IllegalArgumentException("Images differ in size.");
		int factor = Math.max(1, (int) Math.round(gray.width() / (double) WORKING_WIDTH));
		FloatPlane a = Resampler.shrink(gray, factor), b = Resampler.shrink(colorLuminance, factor);
		int w = a.width(), h = a.height(), n = w * h;
		int maxShift = w / 3;
		float[] best = new float[n], second = new float[n];
		int[] bestShift = new int[n];
		java.util.Arrays.fill(best, -2f);
		java.util.Arrays.fill(second, -2f);
		double[] sa = boxSums(a.data(), w, h), saa = boxSums(square(a.data()), w, h);
		double[] sb = boxSums(b.data(), w, h), sbb = boxSums(square(b.data()), w, h);
		float[] prod = new float[n];
		for (int s = -maxShift; s <= maxShift; s++) {
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					int xs = x + s;
					prod[y * w + x] = xs >= 0 && xs < w ? a.data()[y * w + x] * b.data()[y * w + xs] : 0f;
				}
			}
			double[] sab = boxSums(prod, w, h);
			for (int y = RADIUS; y < h - RADIUS; y++) {
				for (int x = RADIUS; x < w - RADIUS; x++) {
					int xs = x + s;
					if (xs - RADIUS < 0 || xs + RADIUS >= w) continue;
					int i = y * w + x, j = y * w + xs;
					double m = (2 * RADIUS + 1) * (2 * RADIUS + 1);
					double va = saa[i] - sa[i] * sa[i] / m, vb = sbb[j] - sb[j] * sb[j] / m;
					if (va < MIN_VARIANCE * m || vb < MIN_VARIANCE * m) continue;
					float c = (float) ((sab[i] - sa[i] * sb[j] / m) / Math.sqrt(va * vb));
					if (c > best[i]) {
						if (Math.abs(s - bestShift[i]) > 1) second[i] = best[i];
						best[i] = c;
						bestShift[i] = s;
					}
					else if (c > second[i] && Math.abs(s - bestShift[i]) > 1) {
						second[i] = c;
					}
				}
			}
		}
		int left = 0, right = 0;
		for (int i = 0; i < n; i++) {
			if (best[i] < MIN_CORRELATION || best[i] - second[i] < MIN_LEAD) continue;
			if (bestShift[i] >= 2) left++;
			else if (bestShift[i] <= -2) right++;
		}
		ColorSide side = null;
		int enough = Math.max(1, n / 100);
		if (left >= 3 * right && left >= enough) side = ColorSide.LEFT;
		else if (right >= 3 * left && right >= enough) side = ColorSide.RIGHT;
		return new Result(side, left, right, n);
	}

	private static float[] square(float[] v) {
		float[] out = new float[v.length];
		for (int i = 0; i < v.length; i++) out[i] = v[i] * v[i];
		return out;
	}

	/** Sums over (2 RADIUS + 1)^2 windows centred on each pixel (windows cut by the border). */
	private static double[] boxSums(float[] v, int w, int h) {
		double[] integral = new double[(w + 1) * (h + 1)];
		for (int y = 0; y < h; y++) {
			double row = 0;
			for (int x = 0; x < w; x++) {
				row += v[y * w + x];
				integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
			}
		}
		double[] out = new double[w * h];
		for (int y = 0; y < h; y++) {
			int y0 = Math.max(0, y - RADIUS), y1 = Math.min(h, y + RADIUS + 1);
			for (int x = 0; x < w; x++) {
				int x0 = Math.max(0, x - RADIUS), x1 = Math.min(w, x + RADIUS + 1);
				out[y * w + x] = integral[y1 * (w + 1) + x1] - integral[y0 * (w + 1) + x1] - integral[y1 * (w + 1) + x0]
					+ integral[y0 * (w + 1) + x0];
			}
		}
		return out;
	}
}
