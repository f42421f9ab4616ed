package org.cyclecolor.matching;

import boofcv.abst.disparity.StereoDisparity;
import boofcv.factory.disparity.ConfigDisparitySGM;
import boofcv.factory.disparity.DisparitySgmError;
import boofcv.factory.disparity.FactoryStereoDisparity;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.GrayU8;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.method.ColorSide;

/**
 * BoofCV's semi-global matching (Hirschmüller 2008) of a mono image against the colour image's
 * luminance: census cost over 5x5 blocks (robust to the two cameras' different responses), 8
 * paths, sub-pixel disparities, a right-to-left check with tolerance 1 and a texture threshold.
 * Pixels that fail a check, lack texture, or whose match leaves the colour image are invalid (NaN).
 * <p>
 * BoofCV matches {@code left(x) ≈ right(x − d)}; a colour camera on the mono camera's left is
 * handled by flipping both images left to right and flipping the result back.
 */
public final class SgmMatcher {

	/** BoofCV's texture threshold used here (its default is 0.15; lower keeps more of the weakly textured pixels). */
	public static final double TEXTURE = 0.05;
	/** Right-to-left tolerance in pixels. */
	public static final int RIGHT_TO_LEFT = 1;

	private final double texture;
	private final int rightToLeft;

	/** The census block's radius: 5x5 blocks. */
	private static final int BLOCK_RADIUS = 2;

	public SgmMatcher() {
		this(TEXTURE, RIGHT_TO_LEFT);
	}

	/**
	 * @param texture BoofCV's texture threshold (0 keeps every pixel)
	 * @param rightToLeft right-to-left tolerance in pixels, or -1 for no check
	 */
	public SgmMatcher(double texture, int rightToLeft) {
		this.texture = texture;
		this.rightToLeft = rightToLeft;
	}

	/**
	 * The disparity of every mono pixel: its match is colour column {@code x + side.sign() · d}.
	 *
	 * @param gray the mono image, 0..255
	 * @param colorLuma the colour image's luminance, 0..255, same size
	 * @param side where the colour camera sits
	 * @param maxDisparity the largest disparity searched, pixels (0..maxDisparity)
	 */
	public Disparity match(FloatPlane gray, FloatPlane colorLuma, ColorSide side, int maxDisparity) {
		if (!gray.sameSize(colorLuma)) throw new IllegalArgumentException("Gray " + gray + " and colour " + colorLuma + " differ in size.");
		if (maxDisparity < 1) throw new IllegalArgumentException("The largest disparity must be at least 1, got " + maxDisparity + ".");
		boolean flip = side == ColorSide.LEFT;
		int w = gray.width(), h = gray.height();
		// BoofCV's census needs a whole block inside the image (it fails below 5x5): nothing to match in so few pixels
		if (w < 2 * BLOCK_RADIUS + 1 || h < 2 * BLOCK_RADIUS + 1) return new Disparity(FloatPlane.filled(w, h, Float.NaN), side, 0);
		int range = Math.min(maxDisparity + 1, w - 1);
		ConfigDisparitySGM c = new ConfigDisparitySGM();
		c.errorType = DisparitySgmError.CENSUS;
		c.paths = ConfigDisparitySGM.Paths.P8;
		c.useBlocks = true;
		c.configBlockMatch.radiusX = BLOCK_RADIUS;
		c.configBlockMatch.radiusY = BLOCK_RADIUS;
		c.subpixel = true;
		c.validateRtoL = rightToLeft;
		c.texture = texture;
		c.disparityMin = 0;
		c.disparityRange = Math.max(2, range);
		StereoDisparity<GrayU8, GrayF32> sgm = FactoryStereoDisparity.sgm(c, GrayU8.class, GrayF32.class);
		sgm.process(toU8(gray, flip), toU8(colorLuma, flip));
		GrayF32 d = sgm.getDisparity();
		float invalid = sgm.getInvalidValue();
		FloatPlane out = new FloatPlane(w, h);
		float[] o = out.data();
		int valid = 0;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float v = d.get(x, y);
				int ox = flip ? w - 1 - x : x;
				// the match must lie inside the colour image (x - d >= 0 in BoofCV's frame)
				boolean ok = v < invalid && v >= 0 && x - v >= 0;
				o[y * w + ox] = ok ? v : Float.NaN;
				if (ok) valid++;
			}
		}
		return new Disparity(out, side, (double) valid / (w * h));
	}

	private static GrayU8 toU8(FloatPlane p, boolean flip) {
		int w = p.width(), h = p.height();
		GrayU8 g = new GrayU8(w, h);
		float[] d = p.data();
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int v = Math.round(d[y * w + (flip ? w - 1 - x : x)]);
				g.data[y * w + x] = (byte) Math.max(0, Math.min(255, v));
			}
		}
		return g;
	}
}
