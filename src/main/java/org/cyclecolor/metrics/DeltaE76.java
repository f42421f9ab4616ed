package org.cyclecolor.metrics;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/**
 * CIE 1976 colour difference: the Euclidean distance between two colours in CIELAB
 * ({@link CieLab}, sRGB with D65 white). About 2.3 is a just noticeable difference.
 */
public final class DeltaE76 {

	private DeltaE76() {}

	/** Delta E at every pixel of two colour images of one size. */
	public static FloatPlane map(RgbImage x, RgbImage y) {
		if (!x.sameSize(y)) {
			throw new IllegalArgumentException("Delta E needs images of one size, got " + x + " and " + y + ".");
		}
		CieLab p = CieLab.fromSrgb(x), q = CieLab.fromSrgb(y);
		FloatPlane out = new FloatPlane(x.width(), x.height());
		float[] l1 = p.l().data(), a1 = p.a().data(), b1 = p.b().data();
		float[] l2 = q.l().data(), a2 = q.a().data(), b2 = q.b().data();
		float[] o = out.data();
		for (int i = 0; i < o.length; i++) {
			double dl = l1[i] - l2[i], da = a1[i] - a2[i], db = b1[i] - b2[i];
			o[i] = (float) Math.sqrt(dl * dl + da * da + db * db);
		}
		return out;
	}

	/** Mean Delta E over all pixels. */
	public static double mean(RgbImage x, RgbImage y) {
		return map(x, y).mean();
	}
}
