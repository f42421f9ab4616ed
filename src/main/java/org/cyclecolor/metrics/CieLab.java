package org.cyclecolor.metrics;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/**
 * sRGB (D65) to CIELAB, with the constants scikit-image's {@code rgb2lab} uses so that results
 * agree with it: the IEC 61966-2-1 transfer curve, its sRGB-to-XYZ matrix, reference white
 * (0.95047, 1, 1.08883) for illuminant D65 and the 2 degree observer, and the CIE 1976 cube-root
 * function with its linear segment below 0.008856 (slope 7.787).
 */
public final class CieLab {

	private static final double[][] XYZ_FROM_RGB = {
		{ 0.412453, 0.357580, 0.180423 },
		{ 0.212671, 0.715160, 0.072169 },
		{ 0.019334, 0.119193, 0.950227 } };
	private static final double XN = 0.95047, YN = 1.0, ZN = 1.08883;

	private final FloatPlane l, a, b;

	private CieLab(FloatPlane l, FloatPlane a, FloatPlane b) {
		this.l = l;
		this.a = a;
		this.b = b;
	}

	/** L* (0..100), a*, b* of each pixel; RGB values are read relative to the image's full scale. */
	public static CieLab fromSrgb(RgbImage rgb) {
		int w = rgb.width(), h = rgb.height();
		FloatPlane lp = new FloatPlane(w, h), ap = new FloatPlane(w, h), bp = new FloatPlane(w, h);
		float[] r = rgb.r().data(), g = rgb.g().data(), bb = rgb.b().data();
		float[] lo = lp.data(), ao = ap.data(), bo = bp.data();
		double scale = 1 / rgb.maxValue();
		for (int i = 0; i < r.length; i++) {
			double rl = linear(r[i] * scale), gl = linear(g[i] * scale), bl = linear(bb[i] * scale);
			double fx = f((XYZ_FROM_RGB[0][0] * rl + XYZ_FROM_RGB[0][1] * gl + XYZ_FROM_RGB[0][2] * bl) / XN);
			double fy = f((XYZ_FROM_RGB[1][0] * rl + XYZ_FROM_RGB[1][1] * gl + XYZ_FROM_RGB[1][2] * bl) / YN);
			double fz = f((XYZ_FROM_RGB[2][0] * rl + XYZ_FROM_RGB[2][1] * gl + XYZ_FROM_RGB[2][2] * bl) / ZN);
			lo[i] = (float) (116 * fy - 16);
			ao[i] = (float) (500 * (fx - fy));
			bo[i] = (float) (200 * (fy - fz));
		}
		return new CieLab(lp, ap, bp);
	}

	static double linear(double c) {
		return c > 0.04045 ? Math.pow((c + 0.055) / 1.055, 2.4) : c / 12.92;
	}

	private static double f(double t) {
		return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116.0;
	}

	public FloatPlane l() {
		return l;
	}

	public FloatPlane a() {
		return a;
	}

	public FloatPlane b() {
		return b;
	}
}
