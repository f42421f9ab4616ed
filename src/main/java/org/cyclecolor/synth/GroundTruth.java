package org.cyclecolor.synth;

import java.util.Optional;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/**
 * What only synthesized data can tell about a mono/colour pair, in the gray (mono) view's
 * coordinates: its true colour, and where known its disparity and which of its pixels the colour
 * camera cannot see.
 *
 * @param color the gray view's true colour, full scale 255 (required)
 * @param disparity the gray view's disparity magnitude in pixels (≥ 0; the match of gray column x is colour
 *        column {@code x + colorSide.sign() · d}); NaN where unknown; null when the dataset has none
 * @param occlusion 1 where the gray pixel is not visible in the colour image (hidden, or outside its frame),
 *        0 where it is visible, NaN where unknown; null when the dataset has none
 */
public record GroundTruth(RgbImage color, FloatPlane disparity, FloatPlane occlusion) {

	/** Stored value of an occluded pixel in {@link #occlusion()}. */
	public static final float OCCLUDED = 1f;
	/** Stored value of a visible pixel in {@link #occlusion()}. */
	public static final float VISIBLE = 0f;

	public GroundTruth {
		if (color == null) throw new IllegalArgumentException("Ground truth needs the true colour.");
		if (color.maxValue() != 255) throw new IllegalArgumentException("The true colour must be in 0..255 units.");
		if (disparity != null && !disparity.sameSize(color.r())) {
			throw new IllegalArgumentException("Disparity " + disparity + " and colour " + color + " differ in size.");
		}
		if (occlusion != null && !occlusion.sameSize(color.r())) {
			throw new IllegalArgumentException("Occlusion " + occlusion + " and colour " + color + " differ in size.");
		}
	}

	public Optional<FloatPlane> disparityMap() {
		return Optional.ofNullable(disparity);
	}

	public Optional<FloatPlane> occlusionMask() {
		return Optional.ofNullable(occlusion);
	}

	/** The same rectangle of every map. */
	public GroundTruth crop(int x0, int y0, int w, int h) {
		return new GroundTruth(color.crop(x0, y0, w, h), disparity == null ? null : disparity.crop(x0, y0, w, h),
			occlusion == null ? null : occlusion.crop(x0, y0, w, h));
	}

	/** Counts of visible, occluded and unknown pixels (all unknown when there is no mask). */
	public int[] occlusionCounts() {
		int n = color.width() * color.height();
		if (occlusion == null) return new int[] { 0, 0, n };
		int visible = 0, occluded = 0;
		for (float v : occlusion.data()) {
			if (v == VISIBLE) visible++;
			else if (v == OCCLUDED) occluded++;
		}
		return new int[] { visible, occluded, n - visible - occluded };
	}
}
