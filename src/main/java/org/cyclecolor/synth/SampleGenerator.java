package org.cyclecolor.synth;

import java.util.Random;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/**
 * Renders the sample scene into a mono/colour pair with ground truth. Deterministic: the same
 * settings give the same pixels on every machine (pure arithmetic, {@code StrictMath}, seeded
 * {@link Random}).
 */
public final class SampleGenerator {

	/** Rays per pixel along each axis when rendering (3 × 3 = 9 rays). */
	public static final int SUPERSAMPLING = 3;

	private SampleGenerator() {}

	/**
	 * What to generate.
	 *
	 * @param width, height image size, pixels
	 * @param maxDisparity disparity of the nearest surface, pixels
	 * @param seed chooses the textures and the camera noise
	 */
	public record Settings(int width, int height, double maxDisparity, long seed) {

		/** The bundled sample: 512 × 384, up to 40 px disparity, seed 1. */
		public static final Settings SAMPLE = new Settings(512, 384, 40, 1);

		/** Checks values a user typed; a {@link UserException} names the fix. */
		public Settings validate() {
			if (width < 64 || height < 64 || width > 8192 || height > 8192) {
				throw new UserException("The sample size " + width + "x" + height
					+ " is out of range; give a width and height between 64 and 8192 pixels.");
			}
			if (height > 1.25 * width || 4L * height < width) {
				throw new UserException("The sample size " + width + "x" + height
					+ " has an aspect ratio the scene does not fill; keep the height between a quarter of and 1.25 times the width.");
			}
			if (!(maxDisparity >= 1) || maxDisparity > width / 4.0) {
				throw new UserException("The maximum disparity " + maxDisparity + " px is out of range; give a value from 1 to "
					+ width / 4 + " (a quarter of the width).");
			}
			return this;
		}
	}

	public static SamplePair generate(Settings settings, Progress progress) {
		settings.validate();
		Scene scene = SampleScene.create(settings.seed());
		StereoRig rig = SampleScene.rig(settings.width(), settings.height(), settings.maxDisparity());
		SceneRenderer.RenderedView left = SceneRenderer.render(scene, rig, StereoRig.View.LEFT, SUPERSAMPLING,
			progress.sub(0, 0.45));
		SceneRenderer.RenderedView right = SceneRenderer.render(scene, rig, StereoRig.View.RIGHT, SUPERSAMPLING,
			progress.sub(0.45, 0.9));
		progress.report(0.9, "occlusions and cameras");
		FloatPlane occlusion = SceneRenderer.occludedInOtherView(scene, rig, StereoRig.View.LEFT, left);

		CameraModel mono = CameraModel.monoPreset();
		CameraModel color = CameraModel.colorPreset(scene.illuminant());
		FloatPlane monoImage = mono.capture(left.radiance(), new Random(GradientNoise.mix(settings.seed() * 2 + 1)))[0];
		RgbImage colorImage = rgb(color.capture(right.radiance(), new Random(GradientNoise.mix(settings.seed() * 2 + 2))));
		RgbImage truth = rgb(color.ideal(left.radiance()));
		progress.report(1, "sample rendered");
		return new SamplePair(monoImage, colorImage, truth, left.disparity(), occlusion, left, right, rig, mono, color);
	}

	private static RgbImage rgb(FloatPlane[] planes) {
		return new RgbImage(planes[0], planes[1], planes[2], 255);
	}
}
