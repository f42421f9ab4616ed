package org.cyclecolor.synth;

/**
 * Procedural surface textures that look like everyday materials: bricks, wooden planks, painted
 * plaster, a colour chart, striped fabric, a printed poster. Colours are given as 8-bit sRGB-like
 * codes and linearised with gamma 2.2, so a fully lit surface of colour #RRGGBB comes out of the
 * sample's colour camera as roughly #RRGGBB. Detail comes from multi-octave gradient noise.
 * <p>
 * Some regions have the same BT.601 luma but different hue ({@link #isoluminant}): a method that
 * looks only at luminance cannot tell them apart, only the colour camera can.
 */
public final class Textures {

	/** Gamma used to linearise the colour codes (the colour camera's tone curve). */
	private static final double CODE_GAMMA = 2.2;

	private Textures() {}

	/** Linear reflectance of an sRGB-like code 0xRRGGBB. */
	public static double[] linear(int rgb) {
		return new double[] { channel(rgb >> 16), channel(rgb >> 8), channel(rgb) };
	}

	private static double channel(int code) {
		return StrictMath.pow((code & 0xff) / 255.0, CODE_GAMMA);
	}

	/**
	 * Linear reflectance of the colour with BT.601 luma {@code luma} (0..1, gamma domain) and chroma
	 * of length {@code chroma} at hue angle {@code hueDegrees} in the Cb/Cr plane (0° = +Cb, blue;
	 * 90° = +Cr, red). All colours of one luma have the same gray value under BT.601.
	 */
	public static double[] isoluminant(double luma, double chroma, double hueDegrees) {
		double a = StrictMath.toRadians(hueDegrees);
		double cb = chroma * StrictMath.cos(a), cr = chroma * StrictMath.sin(a);
		double r = luma + 2 * (1 - 0.299) * cr;
		double b = luma + 2 * (1 - 0.114) * cb;
		double g = (luma - 0.299 * r - 0.114 * b) / 0.587;
		double[] rgb = { r, g, b };
		for (int c = 0; c < 3; c++) {
			if (rgb[c] < 0 || rgb[c] > 1) {
				throw new IllegalArgumentException("Luma " + luma + " with chroma " + chroma + " at " + hueDegrees
					+ "° is outside the RGB cube.");
			}
			rgb[c] = StrictMath.pow(rgb[c], CODE_GAMMA);
		}
		return rgb;
	}

	/** A running bond brick wall: bricks of varied fired colour with sandy grain, light mortar. */
	public static Texture bricks(long seed) {
		GradientNoise n = new GradientNoise(seed);
		double bw = 0.215, bh = 0.075, mortar = 0.011;
		double[][] palette = { linear(0x9c4a36), linear(0x8a3f2d), linear(0xad5c40), linear(0x7c3a2f),
			linear(0xa8694c), linear(0x93503c) };
		double[] mortarColor = linear(0xc2baa9);
		return (u, v, out) -> {
			double row = Math.floor(v / bh);
			double shifted = u + ((long) row % 2 == 0 ? 0 : bw / 2);
			double col = Math.floor(shifted / bw);
			double fu = shifted - col * bw, fv = v - row * bh;
			double grain = n.fbm(u * 90, v * 90, 2);
			if (fu < mortar || fv < mortar) {
				scale(mortarColor, 0.9 + 0.4 * grain, out);
				return;
			}
			long i = (long) col, j = (long) row;
			double[] base = palette[(int) (n.cellRandom(i, j, 0) * palette.length)];
			double blotch = n.fbm(u * 9 + 40, v * 9, 3);
			double f = (0.8 + 0.35 * n.cellRandom(i, j, 1)) * (1 + 0.5 * grain + 0.6 * blotch);
			// Soot darkens some bricks towards their lower edge.
			if (n.cellRandom(i, j, 2) < 0.2) f *= 0.75 + 0.25 * (1 - fv / bh);
			scale(base, f, out);
		};
	}

	/**
	 * Wooden floor boards running along v: per-board tone, growth rings warped by noise, fine
	 * fibres, dark gaps between boards and at the staggered board ends.
	 */
	public static Texture planks(long seed) {
		GradientNoise n = new GradientNoise(seed);
		double width = 0.145, length = 1.3, gap = 0.004;
		double[][] palette = { linear(0xb27c48), linear(0xa06a3b), linear(0xc08a52), linear(0x946236),
			linear(0xb8864e) };
		double[] gapColor = linear(0x3b2a1d);
		return (u, v, out) -> {
			double col = Math.floor(u / width);
			long i = (long) col;
			double shiftedV = v + n.cellRandom(i, 0, 0) * length;
			double row = Math.floor(shiftedV / length);
			long j = (long) row;
			double fu = u - col * width, fv = shiftedV - row * length;
			if (fu < gap || fv < gap) {
				copy(gapColor, out);
				return;
			}
			double[] base = palette[(int) (n.cellRandom(i, j, 1) * palette.length)];
			double warp = n.fbm(u * 3 + 7 * i, v * 0.7 + 3 * j, 3);
			double ring = frac(fu * 30 + v * 0.4 + 4 * warp + n.cellRandom(i, j, 2));
			double ringDark = ring < 0.25 ? 1 - ring / 0.25 : 0; // sharp late wood, soft early wood
			double fibre = n.fbm(u * 400, v * 12, 2);
			double f = (0.85 + 0.3 * n.cellRandom(i, j, 3)) * (1 - 0.3 * ringDark + 0.25 * fibre);
			scale(base, f, out);
		};
	}

	/** Painted plaster: a pale colour with soft stains and fine roughness. */
	public static Texture plaster(long seed, int rgb) {
		GradientNoise n = new GradientNoise(seed);
		double[] base = linear(rgb);
		double[] stain = linear(0xa89a7c);
		return (u, v, out) -> {
			double s = smoothstep(0.15, 0.55, n.fbm(u * 1.5, v * 1.5, 4));
			double rough = n.fbm(u * 120, v * 120, 2);
			for (int c = 0; c < 3; c++) out[c] = (base[c] + s * 0.5 * (stain[c] - base[c])) * (1 + 0.12 * rough);
		};
	}

	/**
	 * Painted boards worn through to bare wood in places: a saturated paint over a wood colour,
	 * the wear following noise.
	 */
	public static Texture wornPaint(long seed, int paintRgb, int woodRgb) {
		GradientNoise n = new GradientNoise(seed);
		double[] paint = linear(paintRgb);
		double[] wood = linear(woodRgb);
		double[] seam = linear(0x2a2622);
		return (u, v, out) -> {
			if (frac(v / 0.11) < 0.04) {
				copy(seam, out);
				return;
			}
			double wear = smoothstep(0.2, 0.32, n.fbm(u * 6, v * 6, 5));
			double fibre = n.fbm(u * 300, v * 8, 2);
			double f = 1 + 0.18 * fibre + 0.15 * n.fbm(u * 2, v * 2 + 50, 2);
			for (int c = 0; c < 3; c++) out[c] = (paint[c] + wear * (wood[c] - paint[c])) * f;
		};
	}

	/**
	 * A colour chart of 6 × 5 patches on a black card {@code width × height} metres: two rows of
	 * natural and primary colours, two rows of six hues at one BT.601 luma each (0.55 and 0.4),
	 * and a gray ramp.
	 */
	public static Texture colorChart(long seed, double width, double height) {
		GradientNoise n = new GradientNoise(seed);
		int cols = 6, rows = 5;
		double[][][] patches = new double[rows][cols][];
		int[][] codes = { { 0x735244, 0xc29682, 0x627a9d, 0x576c43, 0x8580b1, 0x67bdaa },
			{ 0xd67e2c, 0x505ba6, 0xc15a63, 0x5e3c6c, 0x9dbc40, 0xe0a32e } };
		for (int c = 0; c < cols; c++) {
			patches[0][c] = linear(codes[0][c]);
			patches[1][c] = linear(codes[1][c]);
			patches[2][c] = isoluminant(0.55, 0.16, 60.0 * c + 15);
			patches[3][c] = isoluminant(0.40, 0.15, 60.0 * c + 45);
			int gray = (int) Math.round(243 - c * (243 - 52) / 5.0);
			patches[4][c] = linear(gray << 16 | gray << 8 | gray);
		}
		double[] card = linear(0x1c1c1e);
		double margin = 0.06, gapFraction = 0.14;
		return (u, v, out) -> {
			double s = (u / width - margin) / (1 - 2 * margin) * cols;
			double t = (v / height - margin) / (1 - 2 * margin) * rows;
			double fs = s - Math.floor(s), ft = t - Math.floor(t);
			double grain = 1 + 0.03 * n.fbm(u * 200, v * 200, 2);
			if (s < 0 || t < 0 || s >= cols || t >= rows || fs < gapFraction / 2 || fs > 1 - gapFraction / 2
				|| ft < gapFraction / 2 || ft > 1 - gapFraction / 2)
			{
				scale(card, grain, out);
				return;
			}
			scale(patches[(int) t][(int) s], grain, out);
		};
	}

	/**
	 * Woven fabric with stripes across u: bands of the given colours (linear RGB) with soft edges,
	 * thread texture along v.
	 */
	public static Texture stripes(long seed, double[] bandWidths, double[][] colors) {
		if (bandWidths.length != colors.length || bandWidths.length == 0) {
			throw new IllegalArgumentException("One width per stripe colour is needed.");
		}
		GradientNoise n = new GradientNoise(seed);
		double period = 0;
		for (double bw : bandWidths) period += bw;
		double total = period;
		return (u, v, out) -> {
			double p = u - Math.floor(u / total) * total;
			int k = 0;
			while (k < bandWidths.length - 1 && p >= bandWidths[k]) p -= bandWidths[k++];
			double thread = 1 + 0.08 * n.fbm(u * 250, v * 25, 2) + 0.06 * n.fbm(u * 4, v * 4, 3);
			scale(colors[k], thread, out);
		};
	}

	/**
	 * A printed landscape poster {@code width × height} metres on a white border: a sky graded from
	 * deep blue through violet to orange, a low sun, streaky clouds and two ranges of hills.
	 */
	public static Texture sunsetPoster(long seed, double width, double height) {
		GradientNoise n = new GradientNoise(seed);
		double[][] sky = { linear(0x1d2b64), linear(0x5b3a8a), linear(0xd9725a), linear(0xf3a94e), linear(0xffd88a) };
		double[] stops = { 0, 0.3, 0.5, 0.6, 0.66 };
		double[] sun = linear(0xfff3c4);
		double[] cloud = linear(0xe98fa0);
		double[] farHills = linear(0x4a2f57);
		double[] nearHills = linear(0x1e3b2c);
		double[] paper = linear(0xf0ece2);
		double margin = 0.05;
		return (u, v, out) -> {
			double s = u / width, t = v / height;
			if (s < margin || s > 1 - margin || t < margin || t > 1 - margin) {
				copy(paper, out);
				return;
			}
			s = (s - margin) / (1 - 2 * margin);
			t = (t - margin) / (1 - 2 * margin);
			double near = 0.8 + 0.08 * n.fbm(s * 2.5 + 10, 0, 4);
			double far = 0.64 + 0.07 * n.fbm(s * 4, 5, 5);
			if (t > near) {
				scale(nearHills, 1 + 0.3 * n.fbm(s * 30, t * 30, 3), out);
				return;
			}
			if (t > far) {
				scale(farHills, 0.9 + 0.25 * n.fbm(s * 20, t * 20, 2), out);
				return;
			}
			int k = 0;
			while (k < stops.length - 2 && t > stops[k + 1]) k++;
			double a = Math.min(1, Math.max(0, (t - stops[k]) / (stops[k + 1] - stops[k])));
			for (int c = 0; c < 3; c++) out[c] = sky[k][c] + a * (sky[k + 1][c] - sky[k][c]);
			double ds = (s - 0.62) * width / height, dt = t - 0.58;
			double sunEdge = smoothstep(0.085, 0.075, StrictMath.sqrt(ds * ds + dt * dt));
			double clouds = smoothstep(0.1, 0.35, n.fbm(s * 3, t * 18, 5)) * smoothstep(0.15, 0.45, t);
			for (int c = 0; c < 3; c++) {
				out[c] += sunEdge * (sun[c] - out[c]);
				out[c] += 0.7 * clouds * (cloud[c] - out[c]);
			}
		};
	}

	private static double frac(double x) {
		return x - Math.floor(x);
	}

	private static double smoothstep(double e0, double e1, double x) {
		double t = (x - e0) / (e1 - e0);
		t = t < 0 ? 0 : t > 1 ? 1 : t;
		return t * t * (3 - 2 * t);
	}

	private static void scale(double[] c, double f, double[] out) {
		out[0] = c[0] * f;
		out[1] = c[1] * f;
		out[2] = c[2] * f;
	}

	private static void copy(double[] c, double[] out) {
		out[0] = c[0];
		out[1] = c[1];
		out[2] = c[2];
	}
}
