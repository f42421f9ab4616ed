package org.cyclecolor.eval;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;

/** Results as an 8-bit file holds them: RGB, rounded half up and clipped to 0..255. */
final class EightBit {

	private EightBit() {}

	/** A colorization result (any YCbCr range, full scale 255) as 8-bit RGB. */
	static RgbImage of(YCbCrImage ycc) {
		if (ycc.maxValue() != 255) throw new IllegalArgumentException("Expected a 0..255 result, got " + ycc + ".");
		return of(YCbCr.toRgb(ycc));
	}

	static RgbImage of(RgbImage rgb) {
		return new RgbImage(round(rgb.r()), round(rgb.g()), round(rgb.b()), 255);
	}

	private static FloatPlane round(FloatPlane p) {
		FloatPlane out = new FloatPlane(p.width(), p.height());
		float[] s = p.data(), d = out.data();
		for (int i = 0; i < s.length; i++) d[i] = ImagePlusAdapter.to8bit(s[i]);
		return out;
	}
}
