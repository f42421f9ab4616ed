package org.cyclecolor.synth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/**
 * A rectified colour stereo pair with whatever ground truth it has, before it is turned into a
 * mono/colour pair. Convention (as in the shared test data): {@code left(x) ≈ right(x − d)} with
 * {@code d ≥ 0}, where d is the left view's disparity; the right view's disparity d' gives
 * {@code right(x) ≈ left(x + d')}.
 *
 * @param id the scene's name
 * @param left, right the two views, full scale 255, of one size
 * @param leftDisparity the left view's disparity in pixels, NaN where unknown; null when not known at all
 * @param rightDisparity the right view's disparity, likewise
 * @param leftOcclusion 1 where a left pixel is not visible in the right view, 0 where it is, NaN unknown; null
 *        when not given (then derived from the disparities by {@link Occlusions})
 * @param rightOcclusion likewise for right pixels not visible in the left view
 * @param maxDisparity a suggested largest disparity to search, pixels
 * @param provenance where it came from (files, generator settings), in order
 */
public record StereoViews(String id, RgbImage left, RgbImage right, FloatPlane leftDisparity,
	FloatPlane rightDisparity, FloatPlane leftOcclusion, FloatPlane rightOcclusion, int maxDisparity,
	Map<String, String> provenance)
{

	public StereoViews {
		if (!left.sameSize(right)) {
			throw new IllegalArgumentException("Scene " + id + ": views " + left + " and " + right + " differ in size.");
		}
		if (left.maxValue() != 255 || right.maxValue() != 255) {
			throw new IllegalArgumentException("Scene " + id + ": views must be in 0..255 units.");
		}
		for (FloatPlane p : new FloatPlane[] { leftDisparity, rightDisparity, leftOcclusion, rightOcclusion }) {
			if (p != null && !p.sameSize(left.r())) {
				throw new IllegalArgumentException("Scene " + id + ": map " + p + " and views " + left + " differ in size.");
			}
		}
		if (maxDisparity < 1) throw new IllegalArgumentException("Scene " + id + ": max disparity " + maxDisparity + " < 1.");
		provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
	}

	public int width() {
		return left.width();
	}

	public int height() {
		return left.height();
	}

	/** The same views with another suggested largest disparity. */
	public StereoViews withMaxDisparity(int d) {
		Map<String, String> p = new LinkedHashMap<>(provenance);
		p.put("max_disparity_from", "given");
		return new StereoViews(id, left, right, leftDisparity, rightDisparity, leftOcclusion, rightOcclusion, d, p);
	}

	/** Which view of a stereo pair. */
	public enum Side {
		LEFT("left"), RIGHT("right");

		private final String key;

		Side(String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}

		public Side other() {
			return this == LEFT ? RIGHT : LEFT;
		}

		/**
		 * Direction of the match: a pixel at column x of this view with disparity d is seen at column
		 * {@code x + sign() · d} of the other view (−1 for the left view, +1 for the right one).
		 */
		public int sign() {
			return this == LEFT ? -1 : +1;
		}
	}

	public RgbImage view(Side side) {
		return side == Side.LEFT ? left : right;
	}

	/** The view's disparity (NaN where unknown), or null. */
	public FloatPlane disparity(Side side) {
		return side == Side.LEFT ? leftDisparity : rightDisparity;
	}

	/** The view's occlusion mask when it was given (not derived), or null. */
	public FloatPlane occlusion(Side side) {
		return side == Side.LEFT ? leftOcclusion : rightOcclusion;
	}
}
