package org.cyclecolor.pipeline;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/** Small colour test images. */
final class TestImages {

	private TestImages() {}

	/** Vertical colour stripes, 4 px wide. */
	static RgbImage stripes(int w, int h) {
		FloatPlane r = new FloatPlane(w, h), g = new FloatPlane(w, h), b = new FloatPlane(w, h);
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
			int s = (x / 4) % 3;
			r.set(x, y, s == 0 ? 200 : 60);
			g.set(x, y, s == 1 ? 180 : 70);
			b.set(x, y, s == 2 ? 220 : 50);
		}
		return new RgbImage(r, g, b, 255);
	}
}
