package org.cyclecolor.synth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.method.ColorSide;

/**
 * The synthesized mono/colour protocol: one view of a colour stereo pair becomes the mono camera's
 * gray image, the other the colour camera's reference, each through a {@link Degradation}; the
 * gray view's original colour is the ground truth, with its disparity and occlusion mask where the
 * stereo pair has ground-truth disparities.
 * <p>
 * When the LEFT view is gray the colour camera is on the RIGHT ({@link ColorSide#RIGHT}:
 * {@code gray(x) ≈ color(x − d)}), and the other way round. Noise is drawn from a generator seeded
 * by {@code seed} and the pair's id, so a pair is the same whatever order a dataset is read in.
 */
public final class MonoColorProtocol {

	private MonoColorProtocol() {}

	/** Which view of each stereo pair becomes the gray image. */
	public enum GrayView {
		/** The left view (colour camera on the right, as in the AAAI-19 data). */
		LEFT,
		/** The right view (colour camera on the left, as in the Cycle-CNN authors' rig). */
		RIGHT,
		/** Both, one after the other: two pairs per stereo pair, ids ending in "-grayleft" and "-grayright". */
		BOTH
	}

	/**
	 * Makes the pair.
	 *
	 * @param graySide which view becomes gray
	 * @param id the pair's id
	 * @param withTruth compute the ground truth (false: the pair alone, for self-supervised use)
	 */
	public static DatasetPair make(StereoViews views, StereoViews.Side graySide, String id, Degradation degradation,
		long seed, boolean withTruth)
	{
		StereoViews.Side colorView = graySide.other();
		long base = GradientNoise.mix(seed * 0x9E3779B97F4A7C15L + id.hashCode());
		FloatPlane gray = degradation.gray(views.view(graySide), new Random(GradientNoise.mix(base + 1)));
		RgbImage color = degradation.color(views.view(colorView), new Random(GradientNoise.mix(base + 2)));
		ColorSide side = graySide == StereoViews.Side.LEFT ? ColorSide.RIGHT : ColorSide.LEFT;
		Map<String, String> prov = new LinkedHashMap<>(views.provenance());
		prov.put("gray_view", graySide.key());
		prov.put("degradation", degradation.describe());
		prov.put("seed", Long.toString(seed));
		MonoColorPair pair = new MonoColorPair(id, gray, color, side, views.maxDisparity(), prov);
		return new DatasetPair(pair, withTruth ? groundTruth(views, graySide) : null);
	}

	/** The gray view's colour (a copy), disparity and occlusion mask, as far as the stereo pair tells. */
	public static GroundTruth groundTruth(StereoViews views, StereoViews.Side graySide) {
		RgbImage truth = views.view(graySide).copy();
		FloatPlane[] dm = disparityAndOcclusion(views, graySide);
		return new GroundTruth(truth, dm[0], dm[1]);
	}

	/**
	 * The view's disparity and occlusion mask: given masks are used as they are; otherwise with both
	 * views' disparities the left–right check, with the view's own only a z-buffer projection, and
	 * with the other view's only that disparity carried over (z-buffered) to this view.
	 *
	 * @return {disparity or null, occlusion or null}
	 */
	static FloatPlane[] disparityAndOcclusion(StereoViews views, StereoViews.Side side) {
		FloatPlane own = views.disparity(side), other = views.disparity(side.other());
		FloatPlane given = views.occlusion(side);
		int sign = side.sign();
		if (own != null) {
			FloatPlane mask = given != null ? given
				: other != null ? Occlusions.leftRightCheck(own, other, sign, Occlusions.TOLERANCE)
					: Occlusions.byProjection(own, sign, Occlusions.TOLERANCE);
			return new FloatPlane[] { own.copy(), mask.copy() };
		}
		if (other != null) {
			// Carried over from the other view: the other view's pixels land on this one with sign −sign.
			FloatPlane[] t = Occlusions.transfer(other, -sign, views.maxDisparity());
			return new FloatPlane[] { t[0], given != null ? given.copy() : t[1] };
		}
		return new FloatPlane[] { null, given == null ? null : given.copy() };
	}
}
