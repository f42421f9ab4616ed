package org.cyclecolor.infer;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorSide;

/**
 * The Cycle-CNN authors' own pre- and post-processing around their network, reproduced exactly so
 * that the imported model gives their published results (docs/authors-model.md): MATLAB's
 * studio-range {@code rgb2ycbcr} on 8-bit values (rounded), the network on the pair rotated by 180
 * degrees (the model's upside-down frame, flipped left to right for their colour camera on the
 * left), the mono image's Y, chroma rounded half
 * to even and clipped, and MATLAB's {@code ycbcr2rgb} back to 8 bits. Their published outputs keep
 * the {@link #PUBLISHED_COLUMNS} left-most columns.
 */
public final class AuthorsProtocol {

	/** Columns of the authors' published outputs (the right-most ones have few valid candidates). */
	public static final int PUBLISHED_COLUMNS = 250;

	/** MATLAB's rgb2ycbcr matrix (rows Y, Cb, Cr; per 0..1 RGB), offsets 16, 128, 128. */
	private static final double[][] T = { { 65.481, 128.553, 24.966 }, { -37.797, -74.203, 112.0 },
		{ 112.0, -93.786, -18.214 } };
	private static final double[] OFFSET = { 16, 128, 128 };
	private static final double[][] T_INV = invert(T);

	private AuthorsProtocol() {}

	/**
	 * Colorizes {@code mono} (8-bit values, gray stored in any of R, G, B) with {@code color} as the
	 * authors did; returns 8-bit RGB of the full size.
	 *
	 * @param side where the colour camera sits (the authors' rig: {@link ColorSide#LEFT})
	 */
	public static RgbImage colorize(ColorizationModel model, RgbImage mono, RgbImage color, ColorSide side) {
		if (model.variant().colorRange() != YCbCrRange.STUDIO) {
			throw new IllegalArgumentException("The authors' protocol needs a studio-range model, got " + model.variant().name() + ".");
		}
		YCbCrImage m = toYCbCr8(mono);
		YCbCrImage c = toYCbCr8(color);
		NetworkOutput out = model.colorize(m, c, side);
		FloatPlane cb = roundHalfEvenClip(out.cb());
		FloatPlane cr = roundHalfEvenClip(out.cr());
		return toRgb8(new YCbCrImage(m.y(), cb, cr, YCbCrRange.STUDIO, 255));
	}

	/** MATLAB {@code rgb2ycbcr} on uint8: studio range, rounded half away from zero, saturated. */
	public static YCbCrImage toYCbCr8(RgbImage rgb) {
		if (rgb.maxValue() != 255) throw new IllegalArgumentException("8-bit RGB expected, got " + rgb + ".");
		int w = rgb.width(), h = rgb.height();
		FloatPlane[] out = { new FloatPlane(w, h), new FloatPlane(w, h), new FloatPlane(w, h) };
		float[] r = rgb.r().data(), g = rgb.g().data(), b = rgb.b().data();
		for (int i = 0; i < r.length; i++) {
			for (int c = 0; c < 3; c++) {
				double v = OFFSET[c] + (T[c][0] * r[i] + T[c][1] * g[i] + T[c][2] * b[i]) / 255.0;
				out[c].data()[i] = saturate(Math.round(v));
			}
		}
		return new YCbCrImage(out[0], out[1], out[2], YCbCrRange.STUDIO, 255);
	}

	/** MATLAB {@code ycbcr2rgb} on uint8 values: the inverse matrix, rounded half away from zero, saturated. */
	public static RgbImage toRgb8(YCbCrImage ycc) {
		int w = ycc.width(), h = ycc.height();
		FloatPlane[] out = { new FloatPlane(w, h), new FloatPlane(w, h), new FloatPlane(w, h) };
		float[][] in = { ycc.y().data(), ycc.cb().data(), ycc.cr().data() };
		for (int i = 0; i < in[0].length; i++) {
			for (int c = 0; c < 3; c++) {
				double v = 0;
				for (int k = 0; k < 3; k++) v += T_INV[c][k] * 255.0 * (in[k][i] - OFFSET[k]);
				out[c].data()[i] = saturate(Math.round(v));
			}
		}
		return new RgbImage(out[0], out[1], out[2], 255);
	}

	/** numpy's {@code np.round} (half to even) then clipping to 0..255, as the authors' code stores chroma. */
	static FloatPlane roundHalfEvenClip(FloatPlane p) {
		FloatPlane out = new FloatPlane(p.width(), p.height());
		float[] s = p.data(), d = out.data();
		for (int i = 0; i < s.length; i++) d[i] = (float) Math.max(0, Math.min(255, Math.rint(s[i])));
		return out;
	}

	private static float saturate(long v) {
		return Math.max(0, Math.min(255, v));
	}

	private static double[][] invert(double[][] m) {
		double a = m[0][0], b = m[0][1], c = m[0][2], d = m[1][0], e = m[1][1], f = m[1][2], g = m[2][0], h = m[2][1], k = m[2][2];
		double det = a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
		return new double[][] { { (e * k - f * h) / det, (c * h - b * k) / det, (b * f - c * e) / det },
			{ (f * g - d * k) / det, (a * k - c * g) / det, (c * d - a * f) / det },
			{ (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det } };
	}
}
