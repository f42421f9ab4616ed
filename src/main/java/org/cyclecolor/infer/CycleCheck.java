package org.cyclecolor.infer;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.metrics.ChannelSsim;
import org.cyclecolor.metrics.ChannelSsimResult;
import org.cyclecolor.metrics.Ssim;
import org.cyclecolor.metrics.SsimMode;
import org.cyclecolor.model.Variant;

/**
 * The cycle check of the paper (Method, Overview): colorize a second time, backwards. The colour
 * image's luminance R_G (no chroma) is colorized with the first result I_C as reference — the
 * search runs the other way, so both images pass through the network flipped left to right
 * ({@code side.opposite()}) — giving R'_C, which should come back to the colour image R_C. The
 * SSIM maps of R'_C against R_C (on Cb and Cr, and on R, G, B) show without ground truth where the
 * colorization holds up. The second pass uses the same model, working scale and refinement as the
 * first, treating the colorization as a black box as the paper's Table 1 does.
 * <p>
 * The authors' released code runs the second pass differently (research notes §8): its target is
 * the colour image with its own chroma, and its reference luminance the first pass's W-weighted
 * reference luminance. That variant flatters the score (the network can see the answer) and is
 * offered for comparison only ({@code authorsVariant}); for variants that read luminance only
 * (cyclecnn) only the second difference remains.
 */
public final class CycleCheck {

	private CycleCheck() {}

	/**
	 * @param reconstruction R'_C: the colour image's luminance with the second pass's chroma (0..255, clipped)
	 * @param cbcr SSIM of R'_C and R_C on Cb and Cr (full range): the cycle map
	 * @param rgb SSIM of R'_C and R_C on R, G and B
	 */
	public record Result(RgbImage reconstruction, ChannelSsimResult cbcr, ChannelSsimResult rgb, InferenceEngine.Pass pass) {}

	/**
	 * @param color R_C, 0..255
	 * @param first the first colorization I_C (the {@link NetworkColorizer.Output} of the gray image)
	 * @param side where the colour camera sits relative to the mono camera (as for the first pass)
	 */
	public static Result run(InferenceEngine engine, RgbImage color, NetworkColorizer.Output first, ColorSide side, boolean refine,
		boolean authorsVariant, Progress progress)
	{
		Variant v = engine.model().variant();
		YCbCrImage colorYcc = YCbCr.toYCbCr(color, v.colorRange());
		FloatPlane neutral = FloatPlane.filled(color.width(), color.height(), 128f);
		YCbCrImage target = authorsVariant ? colorYcc : new YCbCrImage(colorYcc.y(), neutral, neutral, v.colorRange(), 255);
		YCbCrImage ic = first.modelImage();
		YCbCrImage reference = authorsVariant ? new YCbCrImage(first.pass().warpedLuminance(), ic.cb(), ic.cr(), v.colorRange(), 255)
			: ic;
		int factor = first.pass().factor();
		InferenceEngine.Pass pass = engine.run(target, reference, side.opposite(), factor, first.pass().maxDisparity(), refine, false,
			progress.sub(0, 0.85));
		RgbImage back = clip(YCbCr.toRgb(pass.image(colorYcc.y(), v)));
		RgbImage rc = clip(color);
		progress.report(0.85, "cycle SSIM");
		Progress quiet = new Progress() { // fractions only: the SSIM's own messages would repeat per channel
			@Override
			public void report(double fraction, String message) {
				progress.report(fraction, null);
			}

			@Override
			public boolean isCancelled() {
				return progress.isCancelled();
			}
		};
		Ssim ssim = new Ssim(255);
		ChannelSsimResult cbcr = ChannelSsim.compare(back, rc, SsimMode.CBCR, ssim, quiet.sub(0.85, 0.93));
		ChannelSsimResult rgb = ChannelSsim.compare(back, rc, SsimMode.RGB, ssim, quiet.sub(0.93, 1));
		return new Result(back, cbcr, rgb, pass);
	}

	/** Values clipped to 0..255, as an 8-bit image would hold them. */
	static RgbImage clip(RgbImage rgb) {
		FloatPlane[] p = new FloatPlane[3];
		for (int c = 0; c < 3; c++) {
			float[] s = rgb.channel(c).data();
			p[c] = new FloatPlane(rgb.width(), rgb.height());
			float[] d = p[c].data();
			for (int i = 0; i < s.length; i++) d[i] = Math.max(0f, Math.min(255f, s[i]));
		}
		return new RgbImage(p[0], p[1], p[2], 255);
	}
}
