package org.cyclecolor.image;

/**
 * BT.601 conversions between RGB and YCbCr, full or studio range, at any full-scale value.
 * <p>
 * With values normalised to 0..1 (Kr = 0.299, Kb = 0.114):
 * <pre>
 *   Y' = 0.299 R + 0.587 G + 0.114 B
 *   Y  = yOffset + yScale * Y'
 *   Cb = 128/255 + cScale * (B - Y') / (2 (1 - Kb))
 *   Cr = 128/255 + cScale * (R - Y') / (2 (1 - Kr))
 * </pre>
 * Full range has yOffset 0, yScale = cScale = 1 (JPEG); studio range 16/255, 219/255, 224/255
 * (MATLAB {@code rgb2ycbcr}). Results are scaled back by the full-scale value. Nothing is
 * rounded or clipped here; callers that write 8-bit files do that.
 */
public final class YCbCr {

	private static final double KR = 0.299;
	private static final double KB = 0.114;
	private static final double KG = 1 - KR - KB;

	private YCbCr() {}

	/** The chroma value meaning "no colour" at this full-scale value (128 for 255). */
	public static double neutralChroma(double maxValue) {
		return maxValue * 128.0 / 255.0;
	}

	/** Luminance Y' = 0.299 R + 0.587 G + 0.114 B (full range), in the image's units. */
	public static FloatPlane luma(RgbImage rgb) {
		float[] r = rgb.r().data(), g = rgb.g().data(), b = rgb.b().data();
		FloatPlane out = new FloatPlane(rgb.width(), rgb.height());
		float[] y = out.data();
		for (int i = 0; i < y.length; i++) {
			y[i] = (float) (KR * r[i] + KG * g[i] + KB * b[i]);
		}
		return out;
	}

	public static YCbCrImage toYCbCr(RgbImage rgb, YCbCrRange range) {
		double m = rgb.maxValue();
		double yOff = range.yOffset * m;
		double ys = range.yScale;
		double cs = range.cScale;
		double mid = neutralChroma(m);
		float[] r = rgb.r().data(), g = rgb.g().data(), b = rgb.b().data();
		int w = rgb.width(), h = rgb.height();
		FloatPlane yP = new FloatPlane(w, h), cbP = new FloatPlane(w, h), crP = new FloatPlane(w, h);
		float[] y = yP.data(), cb = cbP.data(), cr = crP.data();
		double cbK = cs / (2 * (1 - KB));
		double crK = cs / (2 * (1 - KR));
		for (int i = 0; i < y.length; i++) {
			double luma = KR * r[i] + KG * g[i] + KB * b[i];
			y[i] = (float) (yOff + ys * luma);
			cb[i] = (float) (mid + cbK * (b[i] - luma));
			cr[i] = (float) (mid + crK * (r[i] - luma));
		}
		return new YCbCrImage(yP, cbP, crP, range, m);
	}

	public static RgbImage toRgb(YCbCrImage ycc) {
		YCbCrRange range = ycc.range();
		double m = ycc.maxValue();
		double yOff = range.yOffset * m;
		double mid = neutralChroma(m);
		double yInv = 1 / range.yScale;
		// Inverse of the forward transform: B - Y' and R - Y' from Cb and Cr, then G from Y'.
		double cbInv = 2 * (1 - KB) / range.cScale;
		double crInv = 2 * (1 - KR) / range.cScale;
		float[] y = ycc.y().data(), cb = ycc.cb().data(), cr = ycc.cr().data();
		int w = ycc.width(), h = ycc.height();
		FloatPlane rP = new FloatPlane(w, h), gP = new FloatPlane(w, h), bP = new FloatPlane(w, h);
		float[] r = rP.data(), g = gP.data(), b = bP.data();
		for (int i = 0; i < y.length; i++) {
			double luma = (y[i] - yOff) * yInv;
			double bMinusY = (cb[i] - mid) * cbInv;
			double rMinusY = (cr[i] - mid) * crInv;
			double rr = luma + rMinusY;
			double bb = luma + bMinusY;
			r[i] = (float) rr;
			b[i] = (float) bb;
			g[i] = (float) ((luma - KR * rr - KB * bb) / KG);
		}
		return new RgbImage(rP, gP, bP, m);
	}

	/** Y of a gray plane in the given range (the Y a gray pixel gets when converted). */
	public static FloatPlane grayToY(FloatPlane gray, YCbCrRange range, double maxValue) {
		if (range == YCbCrRange.FULL) return gray.copy();
		FloatPlane out = new FloatPlane(gray.width(), gray.height());
		float[] g = gray.data(), y = out.data();
		double off = range.yOffset * maxValue;
		for (int i = 0; i < y.length; i++) y[i] = (float) (off + range.yScale * g[i]);
		return out;
	}
}
