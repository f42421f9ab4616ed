package org.cyclecolor.matching;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.method.ColorSide;

/**
 * What a guided network reads besides the two images: for every target pixel a disparity (pixels of
 * these images, ≥ 0; its match is reference column {@code x + side.sign() · d}) and how far to
 * trust it — 1 where semi-global matching found a reliable match, {@link #FILLED} where the
 * disparity is only filled in from the row's neighbours ({@link Disparity#filled()}: mostly
 * occlusions, where that is the likelier answer but far from certain). In the images' own frame; a network's
 * frame flips it like the images.
 */
public record MatchingPrior(FloatPlane disparity, FloatPlane confidence) {

	/** The confidence of a filled-in disparity: a weak vote the network can overrule. */
	public static final float FILLED = 0.25f;

	public MatchingPrior {
		if (!disparity.sameSize(confidence)) throw new IllegalArgumentException("Prior planes differ in size.");
	}

	/**
	 * Semi-global matching of {@code target} against {@code reference} (luminance, 0..255, one size).
	 *
	 * @param maxDisparity the largest disparity searched, pixels of these images
	 */
	public static MatchingPrior estimate(SgmMatcher matcher, FloatPlane target, FloatPlane reference, ColorSide side, int maxDisparity) {
		int range = Math.max(1, Math.min(maxDisparity, target.width() - 2));
		Disparity d = matcher.match(target, reference, side, range);
		FloatPlane confidence = new FloatPlane(target.width(), target.height());
		float[] m = d.map().data(), c = confidence.data();
		for (int i = 0; i < m.length; i++) c[i] = Float.isNaN(m[i]) ? FILLED : 1f;
		return new MatchingPrior(d.filled(), confidence);
	}

	public int width() {
		return disparity.width();
	}

	public int height() {
		return disparity.height();
	}

	/** [disparity, confidence]. */
	public FloatPlane[] planes() {
		return new FloatPlane[] { disparity, confidence };
	}

	public MatchingPrior crop(int x0, int y0, int w, int h) {
		return new MatchingPrior(disparity.crop(x0, y0, w, h), confidence.crop(x0, y0, w, h));
	}

	/** The fraction of pixels with a reliable match. */
	public double confidentFraction() {
		int n = 0;
		for (float v : confidence.data()) if (v == 1f) n++;
		return (double) n / confidence.size();
	}
}
