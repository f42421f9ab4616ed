package org.cyclecolor.rectify;

import java.util.Arrays;
import java.util.List;

import org.cyclecolor.method.ColorSide;

/**
 * Where matched points land in the rectified pair: their vertical disagreement (the quality of the
 * rectification) and their horizontal disparity (the search range colorization needs).
 */
public final class PairStats {

	/** |y_gray - y_colour| of each match in output pixels (NaN where a point has no place). */
	public final double[] vertical;
	/** x_colour - x_gray of each match in output pixels. */
	public final double[] horizontal;

	private PairStats(double[] vertical, double[] horizontal) {
		this.vertical = vertical;
		this.horizontal = horizontal;
	}

	/** Maps {@code matches[indices]} (all when null) through the rectification. */
	public static PairStats of(Rectification r, List<Match> matches, int[] indices) {
		int n = indices == null ? matches.size() : indices.length;
		double[] v = new double[n], h = new double[n];
		double[] a = new double[2], b = new double[2];
		for (int k = 0; k < n; k++) {
			Match m = matches.get(indices == null ? k : indices[k]);
			r.grayToOutput(m.gx, m.gy, a);
			r.colorToOutput(m.cx, m.cy, b);
			v[k] = Math.abs(a[1] - b[1]);
			h[k] = b[0] - a[0];
		}
		return new PairStats(v, h);
	}

	public double verticalMedian() {
		return percentile(vertical, 0.5);
	}

	public double vertical95() {
		return percentile(vertical, 0.95);
	}

	/** The side the colour camera is on: where most matches put the colour point (d >= 0 along it). */
	public ColorSide side() {
		return percentile(horizontal, 0.5) >= 0 ? ColorSide.LEFT : ColorSide.RIGHT;
	}

	/**
	 * Disparities d >= 0 along {@code side}'s search direction (mono x matches colour x + sign d),
	 * trimmed: the 2nd and 98th percentiles, so that a stray match or two (a wrong match along its
	 * row passes the epipolar test) do not set the range.
	 */
	public double[] disparityRange(ColorSide side) {
		double[] d = new double[horizontal.length];
		for (int i = 0; i < d.length; i++) d[i] = side.sign() * horizontal[i];
		return new double[] { percentile(d, 0.02), percentile(d, 0.98) };
	}

	/** The q-quantile (linear interpolation) of the finite values, NaN when there are none. */
	public static double percentile(double[] values, double q) {
		double[] s = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
		if (s.length == 0) return Double.NaN;
		double pos = q * (s.length - 1);
		int i = (int) Math.floor(pos);
		if (i >= s.length - 1) return s[s.length - 1];
		return s[i] + (pos - i) * (s[i + 1] - s[i]);
	}
}
