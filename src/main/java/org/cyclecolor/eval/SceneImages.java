package org.cyclecolor.eval;

import java.util.List;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/**
 * Everything an evaluation saw and made on one scene, for pictures (contact sheets): handed to a
 * {@link Evaluation.SceneListener} once the scene is done, then dropped.
 *
 * @param scene the pair's id
 * @param gray the mono image, 0..255
 * @param reference the colour image, 0..255
 * @param truth the gray view's true colour, or null
 * @param region the pixels the first-time scores cover
 * @param cycleRegion the pixels the second-time scores cover
 * @param methods one entry per method, in the run's order
 */
public record SceneImages(String scene, FloatPlane gray, RgbImage reference, RgbImage truth, Region region,
	Region cycleRegion, List<MethodImages> methods)
{

	/**
	 * One method's pictures of the scene.
	 *
	 * @param record its row of the table
	 * @param result the first-time colorization, or null when it did not run
	 * @param error ΔE76 against the ground truth at every pixel, or null
	 * @param cycle the second-time result R'_C, or null
	 * @param cycleSsim SSIM of R'_C and the colour image on Cb and Cr at every pixel, or null
	 */
	public record MethodImages(SceneRecord record, RgbImage result, FloatPlane error, RgbImage cycle, FloatPlane cycleSsim) {}
}
