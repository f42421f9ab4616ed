package org.cyclecolor.testutil;

import org.cyclecolor.image.FloatPlane;

/**
 * How strongly a map repeats with a fixed period along both axes — the checkerboard a stride-2
 * transposed convolution or a coarse grid leaves in a disparity or confidence map. The map minus
 * its local mean (a box of {@code 2·period+1}) is split into the period² phases (x mod p, y mod p);
 * the strength is the spread of the phases' mean residuals over the residuals' own spread. A map
 * without a grid has phase means within noise of each other (strength near 0, shrinking with the
 * map's size); a grid of that period gives a strength of the order of 1.
 */
public final class GridPattern {

	private GridPattern() {}

	public static double strength(FloatPlane map, int period) {
		int w = map.width(), h = map.height(), r = period;
		double[] sum = new double[period * period];
		int[] count = new int[period * period];
		double sq = 0;
		int n = 0;
		for (int y = r; y < h - r; y++) {
			for (int x = r; x < w - r; x++) {
				double local = 0;
				for (int v = -r; v <= r; v++) for (int u = -r; u <= r; u++) local += map.get(x + u, y + v);
				double res = map.get(x, y) - local / ((2 * r + 1) * (2 * r + 1));
				int phase = (y % period) * period + x % period;
				sum[phase] += res;
				count[phase]++;
				sq += res * res;
				n++;
			}
		}
		double spread = Math.sqrt(sq / n);
		if (spread == 0) return 0;
		double mean = 0;
		for (int p = 0; p < sum.length; p++) mean += sum[p] / count[p];
		mean /= sum.length;
		double var = 0;
		for (int p = 0; p < sum.length; p++) var += Math.pow(sum[p] / count[p] - mean, 2);
		return Math.sqrt(var / sum.length) / spread;
	}
}
