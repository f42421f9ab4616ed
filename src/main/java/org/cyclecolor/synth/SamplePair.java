package org.cyclecolor.synth;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/**
 * A rendered mono/colour pair with its ground truth. The mono camera is the LEFT view and the
 * colour camera the RIGHT view, so {@code mono(x, y) ≈ color(x − d(x, y), y)} with d ≥ 0
 * ({@code method.ColorSide.RIGHT}).
 *
 * @param mono the mono camera's 8-bit image (values 0..255)
 * @param color the colour camera's 8-bit image (full scale 255)
 * @param groundTruthColor the mono view as the colour camera would record it with a perfect lens and
 *        no noise: what a colorization of {@code mono} should produce (full scale 255)
 * @param disparity the mono view's true disparity, pixels, at each pixel centre
 * @param occlusion 1 where the mono pixel's scene point is not visible in the colour view (hidden
 *        or outside its frame), 0 elsewhere
 * @param left the clean rendering of the mono view (linear radiance, depth, surfaces)
 * @param right the clean rendering of the colour view
 */
public record SamplePair(FloatPlane mono, RgbImage color, RgbImage groundTruthColor, FloatPlane disparity,
	FloatPlane occlusion, SceneRenderer.RenderedView left, SceneRenderer.RenderedView right, StereoRig rig,
	CameraModel monoCamera, CameraModel colorCamera)
{}
