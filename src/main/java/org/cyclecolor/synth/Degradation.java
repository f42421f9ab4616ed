package org.cyclecolor.synth;

import java.util.Locale;
import java.util.Random;

import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;

/**
 * How a colour view becomes what the mono camera and the colour camera of a rig record.
 * <p>
 * Mono: without a camera, the view's BT.601 luma {@code 0.299 R + 0.587 G + 0.114 B} (of the 8-bit
 * codes); with a camera, the view is linearised ({@code (code/255)^2.2}) and captured by the
 * simulated camera (lens blur, spectral weights, shot and read noise, gain, tone curve). Colour: the
 * view itself, or the view through a simulated colour camera (blur, white balance, noise, tone
 * curve). Then, on either side, additive Gaussian noise of standard deviation {@code σ · 255},
 * and rounding and clipping to whole 0..255 codes, as an 8-bit camera writes them.
 *
 * @param name the preset's name, or "custom"
 * @param monoCamera a one-channel camera, or null for plain luma
 * @param monoNoise σ of the additive noise on the gray image, fraction of full scale
 * @param colorCamera a three-channel camera, or null for the view as it is
 * @param colorNoise σ of the additive noise on each colour channel, fraction of full scale
 * @param variedLevel each image's noise is its σ times a random factor between 0 and
 *        {@value #MAX_LEVEL} (so that one training run sees clean and noisy pairs), not σ itself
 */
public record Degradation(String name, CameraModel monoCamera, double monoNoise, CameraModel colorCamera,
	double colorNoise, boolean variedLevel)
{

	/** The largest factor a varied noise level reaches. */
	public static final double MAX_LEVEL = 1.25;

	public Degradation(String name, CameraModel monoCamera, double monoNoise, CameraModel colorCamera, double colorNoise) {
		this(name, monoCamera, monoNoise, colorCamera, colorNoise, false);
	}

	/** BT.601 luma weights (as in {@link YCbCr#luma}). */
	private static final double LUMA_R = 0.299, LUMA_B = 0.114, LUMA_G = 1 - LUMA_R - LUMA_B;

	/** The gray view's luma and the other view as they are (rounded to whole codes). */
	public static final Degradation CLEAN = new Degradation("clean", null, 0, null, 0);

	/** The paper's noise setting: σ = 0.01 of full scale on the gray image, 0.03 on the colour image. */
	public static final Degradation NOISY = new Degradation("noisy", null, 0.01, null, 0.03);

	/** For training: each image clean, noisy, or in between (the noisy preset's σ times a random 0..1.25). */
	public static final Degradation MIXED = new Degradation("mixed", null, 0.01, null, 0.03, true);

	/**
	 * Two different cameras: the sample's mono camera (red-leaning spectral response, gain 1.1,
	 * gamma 2.0, little noise, sharp) and colour camera (4× fewer electrons, more noise, softer lens),
	 * both from {@link CameraModel}; their luminance, noise and sharpness differ as in a real rig.
	 */
	public static final Degradation CAMERA = new Degradation("camera", CameraModel.monoPreset(), 0,
		CameraModel.colorPreset(new double[] { 1, 1, 1 }), 0);

	public Degradation {
		if (monoCamera != null && monoCamera.channels() != 1) {
			throw new IllegalArgumentException("The mono camera must have one channel.");
		}
		if (colorCamera != null && colorCamera.channels() != 3) {
			throw new IllegalArgumentException("The colour camera must have three channels.");
		}
		if (!(monoNoise >= 0) || !(colorNoise >= 0) || monoNoise > 1 || colorNoise > 1) {
			throw new UserException("Noise levels are fractions of full scale between 0 and 1 (e.g. 0.01), got "
				+ monoNoise + " and " + colorNoise + ".");
		}
	}

	/** The presets by name: "clean", "noisy", "mixed", "camera". */
	public static Degradation preset(String name) {
		switch (name.trim().toLowerCase(Locale.ROOT)) {
			case "clean": return CLEAN;
			case "noisy": return NOISY;
			case "camera": return CAMERA;
			case "mixed": return MIXED;
			default:
				throw new UserException("Unknown preset '" + name + "'; use clean, noisy, mixed or camera.");
		}
	}

	public Degradation withMonoCamera(CameraModel camera) {
		return new Degradation("custom", camera, monoNoise, colorCamera, colorNoise, variedLevel);
	}

	public Degradation withColorCamera(CameraModel camera) {
		return new Degradation("custom", monoCamera, monoNoise, camera, colorNoise, variedLevel);
	}

	public Degradation withNoise(double mono, double color) {
		return new Degradation("custom", monoCamera, mono, colorCamera, color, variedLevel);
	}

	/** The mono camera's image of a colour view (0..255, whole codes). */
	public FloatPlane gray(RgbImage view, Random rng) {
		double sigma = level(monoNoise, rng);
		if (monoCamera != null) return addNoiseAndQuantise(monoCamera.capture(CameraModel.linearise(view), rng)[0], sigma, rng);
		// The luma in double precision, rounded once (a float in between could round a x.4999 up).
		FloatPlane out = new FloatPlane(view.width(), view.height());
		float[] r = view.r().data(), g = view.g().data(), b = view.b().data(), d = out.data();
		double sd = sigma * 255;
		for (int i = 0; i < d.length; i++) {
			double v = LUMA_R * r[i] + LUMA_G * g[i] + LUMA_B * b[i];
			if (sd > 0) v += sd * rng.nextGaussian();
			d[i] = quantise(v);
		}
		return out;
	}

	/**
	 * Degrades an image that is already gray (a ready-made mono image): only additive noise applies,
	 * because a simulated mono camera needs the colour view.
	 */
	public FloatPlane grayOfGray(FloatPlane gray, Random rng) {
		if (monoCamera != null) {
			throw new UserException("A simulated mono camera needs the colour view, but these pairs hold ready-made gray "
				+ "images; use the clean or noisy preset, or noise only.");
		}
		return monoNoise == 0 ? gray : addNoiseAndQuantise(gray, level(monoNoise, rng), rng);
	}

	/** The colour camera's image of a colour view (0..255, whole codes). */
	public RgbImage color(RgbImage view, Random rng) {
		FloatPlane[] c;
		if (colorCamera == null) c = new FloatPlane[] { view.r(), view.g(), view.b() };
		else c = colorCamera.capture(CameraModel.linearise(view), rng);
		double sigma = level(colorNoise, rng);
		return new RgbImage(addNoiseAndQuantise(c[0], sigma, rng), addNoiseAndQuantise(c[1], sigma, rng),
			addNoiseAndQuantise(c[2], sigma, rng), 255);
	}

	/** σ, or σ times a random level when the level varies. */
	private double level(double sigma, Random rng) {
		return variedLevel && sigma > 0 ? sigma * MAX_LEVEL * rng.nextDouble() : sigma;
	}

	/** Whether {@link #color} changes a view whose values are whole codes already. */
	public boolean changesColor() {
		return colorCamera != null || colorNoise > 0;
	}

	private static FloatPlane addNoiseAndQuantise(FloatPlane p, double sigma, Random rng) {
		FloatPlane out = new FloatPlane(p.width(), p.height());
		float[] s = p.data(), d = out.data();
		double sd = sigma * 255;
		for (int i = 0; i < s.length; i++) {
			double v = s[i];
			if (sd > 0) v += sd * rng.nextGaussian();
			d[i] = quantise(v);
		}
		return out;
	}

	/** Rounded to a whole code and clipped to 0..255. */
	private static float quantise(double v) {
		return v <= 0 ? 0 : v >= 255 ? 255 : (float) Math.floor(v + 0.5);
	}

	/** A one-line description for logs and manifests, e.g. "noisy: gray + noise σ 0.010, colour + noise σ 0.030". */
	public String describe() {
		return String.format(Locale.ROOT, "%s: gray%s + noise σ %s%.3f, colour%s + noise σ %s%.3f", name,
			monoCamera == null ? "" : " through camera '" + monoCamera.name() + "'", variedLevel ? "0.." : "", variedLevel ? MAX_LEVEL * monoNoise : monoNoise,
			colorCamera == null ? "" : " through camera '" + colorCamera.name() + "'", variedLevel ? "0.." : "", variedLevel ? MAX_LEVEL * colorNoise : colorNoise);
	}
}
