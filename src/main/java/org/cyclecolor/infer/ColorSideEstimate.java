package org.cyclecolor.infer;

import java.util.Arrays;
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
		Arrays.fill(best, -2f);
		Arrays.fill(second, -2f);
		BoxSums box = new BoxSums(w, h);
		double[] sa = box.of(a.data(), new double[n]), saa = box.of(square(a.data()), new double[n]);
		double[] sb = box.of(b.data(), new double[n]), sbb = box.of(square(b.data()), new double[n]);
		double m = (2 * RADIUS + 1) * (2 * RADIUS + 1);
		float[] prod = new float[n];
		double[] sab = new double[n];
		for (int s = -maxShift; s <= maxShift; s++) {
			for (int y = 0; y < h; y++) {
				int row = y * w;
				for (int x = 0; x < w; x++) {
					int xs = x + s;
					prod[row + x] = xs >= 0 && xs < w ? a.data()[row + x] * b.data()[row + xs] : 0f;
				}
			}
			box.of(prod, sab);
			int x0 = Math.max(RADIUS, RADIUS - s), x1 = Math.min(w - RADIUS, w - RADIUS - s);
			for (int y = RADIUS; y < h - RADIUS; y++) {
				for (int x = x0; x < x1; x++) {
					int i = y * w + x, j = i + s;
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

	/** Sums over (2 RADIUS + 1)^2 windows centred on each pixel (windows cut by the border): rows, then columns. */
	private static final class BoxSums {
		private final int w, h;
		private final double[] rows;

		BoxSums(int w, int h) {
			this.w = w;
			this.h = h;
			rows = new double[w * h];
		}

		double[] of(float[] v, double[] out) {
			for (int y = 0; y < h; y++) {
				int row = y * w;
				double s = 0;
				for (int x = 0; x <= Math.min(RADIUS, w - 1); x++) s += v[row + x];
				for (int x = 0; x < w; x++) {
					rows[row + x] = s;
					if (x + RADIUS + 1 < w) s += v[row + x + RADIUS + 1];
					if (x - RADIUS >= 0) s -= v[row + x - RADIUS];
				}
			}
			for (int x = 0; x < w; x++) {
				double s = 0;
				for (int y = 0; y <= Math.min(RADIUS, h - 1); y++) s += rows[y * w + x];
				for (int y = 0; y < h; y++) {
					out[y * w + x] = s;
					if (y + RADIUS + 1 < h) s += rows[(y + RADIUS + 1) * w + x];
					if (y - RADIUS >= 0) s -= rows[(y - RADIUS) * w + x];
				}
			}
			return out;
		}
	}
}
