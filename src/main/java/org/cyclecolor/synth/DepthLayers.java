package org.cyclecolor.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random scene of depth layers in front of a photo, described in the photo's (view A's) pixel
 * coordinates: a background that covers everything, with a smooth disparity (a slanted plane plus
 * a few long waves), and a few foreground objects, each a blob with a noisy outline (round,
 * boxy or elongated) carrying a slanted disparity plane. At any point the layer with the largest
 * disparity (the nearest) is the one seen, so layers can pass through one another.
 * <p>
 * Disparities lie in [0, maxDisparity]; their horizontal slope stays below {@link #MAX_SLOPE}, so
 * each layer maps one-to-one between the two views.
 */
final class DepthLayers {

	/** Largest |∂d/∂x| of any layer: keeps the view-to-view map of a layer invertible by iteration. */
	static final double MAX_SLOPE = 0.25;

	private final int width;
	private final int height;
	private final double maxDisparity;
	private final Layer background;
	private final List<Layer> layers = new ArrayList<>();

	/** One layer: its outline (inside test) and its disparity, both at continuous A coordinates. */
	private static final class Layer {
		// Disparity plane d = a + bx·(x − cx) + by·(y − cy), plus for the background a sum of
		// low-frequency waves amplitude[i] · sin(kx[i]·x + ky[i]·y + phase[i]).
		final double a, bx, by, cx, cy;
		final double[] amplitude, kx, ky, phase;
		// Outline: a rotated superellipse of radii rx, ry and even exponent, radius modulated by noise.
		final double rx, ry, cos, sin, wobble;
		final int exponent;
		final GradientNoise noise;
		final boolean everywhere;

		Layer(double a, double bx, double by, double cx, double cy, double[][] waves, double rx, double ry, double angle,
			int exponent, double wobble, long seed, boolean everywhere)
		{
			this.a = a;
			this.bx = bx;
			this.by = by;
			this.cx = cx;
			this.cy = cy;
			this.amplitude = waves[0];
			this.kx = waves[1];
			this.ky = waves[2];
			this.phase = waves[3];
			this.rx = rx;
			this.ry = ry;
			this.cos = StrictMath.cos(angle);
			this.sin = StrictMath.sin(angle);
			this.exponent = exponent;
			this.wobble = wobble;
			this.noise = new GradientNoise(seed);
			this.everywhere = everywhere;
		}

		double disparity(double x, double y) {
			double d = a + bx * (x - cx) + by * (y - cy);
			for (int i = 0; i < amplitude.length; i++) d += amplitude[i] * StrictMath.sin(kx[i] * x + ky[i] * y + phase[i]);
			return d;
		}

		/** ∂d/∂x at (x, y). */
		double slopeX(double x, double y) {
			double s = bx;
			for (int i = 0; i < amplitude.length; i++) s += amplitude[i] * kx[i] * StrictMath.cos(kx[i] * x + ky[i] * y + phase[i]);
			return s;
		}

		/** |∂d/∂x| is at most this. */
		double maxSlope() {
			double s = Math.abs(bx);
			for (int i = 0; i < amplitude.length; i++) s += Math.abs(amplitude[i] * kx[i]);
			return s;
		}

		boolean contains(double x, double y) {
			if (everywhere) return true;
			double dx = x - cx, dy = y - cy;
			double u = (cos * dx + sin * dy) / rx, v = (-sin * dx + cos * dy) / ry;
			// r^exponent of the superellipse; the outline is r = boundary, boundary within 1 ± wobble.
			double rp = power(Math.abs(u), exponent) + power(Math.abs(v), exponent);
			if (rp > power(1 + wobble, exponent)) return false;
			if (rp < power(1 - wobble, exponent)) return true;
			double len = StrictMath.sqrt(u * u + v * v);
			double boundary = 1 + wobble * Math.max(-1, Math.min(1, noise.fbm(1.5 * u / len + 11, 1.5 * v / len - 3, 3) / 0.75));
			return rp < power(boundary, exponent);
		}

		private static double power(double b, int e) {
			double r = 1;
			for (int i = 0; i < e; i++) r *= b;
			return r;
		}
	}

	/**
	 * @param foreground number of foreground objects
	 */
	DepthLayers(int width, int height, double maxDisparity, int foreground, Random rng) {
		this.width = width;
		this.height = height;
		this.maxDisparity = maxDisparity;
		double d = maxDisparity;
		// Background: far (up to a third of the range), slanted like a floor or a wall, gently uneven.
		double bgBase = d * (0.05 + 0.2 * rng.nextDouble());
		double bgSlopeY = d * 0.15 * rng.nextDouble() / height;
		double bgSlopeX = d * 0.1 * (2 * rng.nextDouble() - 1) / width;
		int waves = 3;
		double[][] w = new double[4][waves];
		for (int i = 0; i < waves; i++) {
			double wavelength = width * (0.3 + 0.7 * rng.nextDouble()), direction = 2 * StrictMath.PI * rng.nextDouble();
			w[0][i] = d * 0.03 * rng.nextDouble();
			w[1][i] = 2 * StrictMath.PI / wavelength * StrictMath.cos(direction);
			w[2][i] = 2 * StrictMath.PI / wavelength * StrictMath.sin(direction);
			w[3][i] = 2 * StrictMath.PI * rng.nextDouble();
		}
		background = new Layer(bgBase, bgSlopeX, bgSlopeY, width / 2.0, height / 2.0, w, 1, 1, 0, 2, 0, rng.nextLong(), true);
		double[][] flat = new double[4][0];
		for (int k = 0; k < foreground; k++) {
			double cx = width * (0.1 + 0.8 * rng.nextDouble()), cy = height * (0.1 + 0.8 * rng.nextDouble());
			double kind = rng.nextDouble();
			double rx, ry;
			int exponent;
			if (kind < 0.4) { // round blob
				rx = width * (0.08 + 0.17 * rng.nextDouble());
				ry = rx * (0.6 + 0.8 * rng.nextDouble());
				exponent = 2;
			}
			else if (kind < 0.8) { // boxy object
				rx = width * (0.06 + 0.16 * rng.nextDouble());
				ry = height * (0.1 + 0.25 * rng.nextDouble());
				exponent = 6;
			}
			else { // pole or beam
				rx = width * (0.015 + 0.03 * rng.nextDouble());
				ry = height * (0.3 + 0.4 * rng.nextDouble());
				exponent = 4;
			}
			double angle = (rng.nextDouble() - 0.5) * (kind >= 0.8 ? 0.6 : StrictMath.PI);
			double centre = d * (0.45 + 0.5 * rng.nextDouble());
			double extent = Math.max(rx, ry);
			double slopeX = Math.min(MAX_SLOPE * 0.8, 0.1 * d / extent) * (2 * rng.nextDouble() - 1);
			double slopeY = Math.min(MAX_SLOPE, 0.1 * d / extent) * (2 * rng.nextDouble() - 1);
			layers.add(new Layer(centre, slopeX, slopeY, cx, cy, flat, rx, ry, angle, exponent, 0.15, rng.nextLong(), false));
		}
		for (int k = 0; k < count(); k++) {
			if (layer(k).maxSlope() >= MAX_SLOPE) throw new IllegalStateException("Layer " + k + " is too steep.");
		}
	}

	int width() {
		return width;
	}

	int height() {
		return height;
	}

	int count() {
		return layers.size() + 1;
	}

	private Layer layer(int k) {
		return k == 0 ? background : layers.get(k - 1);
	}

	/** Disparity of layer k at A coordinates (x, y), clipped to [0, maxDisparity]. */
	double disparity(int k, double x, double y) {
		double d = layer(k).disparity(x, y);
		return d < 0 ? 0 : d > maxDisparity ? maxDisparity : d;
	}

	boolean contains(int k, double x, double y) {
		return layer(k).contains(x, y);
	}

	/** The layer seen at A coordinates (x, y): the one with the largest disparity among those present. */
	int visibleInA(double x, double y) {
		int best = 0;
		double bestD = disparity(0, x, y);
		for (int k = 1; k < count(); k++) {
			if (!contains(k, x, y)) continue;
			double d = disparity(k, x, y);
			if (d > bestD) {
				bestD = d;
				best = k;
			}
		}
		return best;
	}

	/**
	 * The A column whose point of layer k is seen at column {@code xB} of view B, where B's pixel
	 * at xB shows A's point at {@code xB + sign · d} (sign +1: B is the right view). Solved
	 * directly for planes and by Newton's method for the background; unique because |∂d/∂x| < 1.
	 */
	double toA(int k, double xB, double y, int sign) {
		Layer l = layer(k);
		double x;
		if (l.amplitude.length == 0) {
			// A plane: x = xB + sign · (a + bx (x − cx) + by (y − cy)) solved directly; iterate only if clipped.
			x = (xB + sign * (l.a - l.bx * l.cx + l.by * (y - l.cy))) / (1 - sign * l.bx);
			double raw = l.disparity(x, y);
			if (raw >= 0 && raw <= maxDisparity) return x;
		}
		else {
			// Smooth but not linear: Newton's method on f(x) = x − xB − sign · d(x), started one
			// fixed-point step away from xB; f' = 1 − sign · ∂d/∂x ≥ 1 − MAX_SLOPE > 0.
			x = xB + sign * disparity(k, xB, y);
			for (int i = 0; i < 30; i++) {
				double raw = l.disparity(x, y);
				double d = raw < 0 ? 0 : raw > maxDisparity ? maxDisparity : raw;
				double slope = raw < 0 || raw > maxDisparity ? 0 : l.slopeX(x, y);
				double step = (x - xB - sign * d) / (1 - sign * slope);
				x -= step;
				if (Math.abs(step) < 1e-10) return x;
			}
		}
		// Fallback (not reached in practice): plain fixed-point iteration, a contraction.
		for (int i = 0; i < 200; i++) {
			double next = xB + sign * disparity(k, x, y);
			if (Math.abs(next - x) < 1e-10) return next;
			x = next;
		}
		return x;
	}

	/**
	 * The layer seen at column xB of view B and the A column of its point: the layer with the largest
	 * disparity among those whose outline contains their point.
	 *
	 * @return {layer index, A column}
	 */
	double[] visibleInB(double xB, double y, int sign) {
		int best = -1;
		double bestD = -1, bestX = Double.NaN;
		for (int k = 0; k < count(); k++) {
			double xA = toA(k, xB, y, sign);
			if (!contains(k, xA, y)) continue;
			double d = disparity(k, xA, y);
			if (d > bestD) {
				bestD = d;
				best = k;
				bestX = xA;
			}
		}
		return new double[] { best, bestX };
	}
}
