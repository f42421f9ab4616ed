package org.cyclecolor.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.matching.MatchingPrior;
import org.cyclecolor.matching.SgmMatcher;
import org.cyclecolor.model.Frame;
import org.cyclecolor.model.Variant;

/**
 * One training example in the network's own frame (colour camera on the right, upright or
 * upside down as the variant wants), as 0..255 YCbCr planes of the variant's range: the gray
 * image's Y, the colour image's Y, Cb, Cr, and — in supervised mode only — the gray view's true
 * chroma. Plain float arrays, so the same example can be put into any step's scope.
 */
public final class TrainingBatch {

	private final int width;
	private final int height;
	private final float[] grayY;
	private final float[] color;
	private final float[] truthChroma;
	private final float[] warped;
	private final float[] ssimTarget;
	private final float[] prior;
	private final float[] backPrior;

	private TrainingBatch(int width, int height, float[] grayY, float[] color, float[] truthChroma, float[] warped,
		float[] ssimTarget, float[] prior, float[] backPrior)
	{
		this.width = width;
		this.height = height;
		this.grayY = grayY;
		this.color = color;
		this.truthChroma = truthChroma;
		this.warped = warped;
		this.ssimTarget = ssimTarget;
		this.prior = prior;
		this.backPrior = backPrior;
	}

	/**
	 * An example for the structure-similarity network: the gray image's Y, a warped luminance and
	 * the target map (all one size, no frame: the network has no search direction).
	 */
	public static TrainingBatch structure(FloatPlane grayY, FloatPlane warpedLuminance, FloatPlane target) {
		if (!grayY.sameSize(warpedLuminance) || !grayY.sameSize(target)) throw new IllegalArgumentException("Planes differ in size.");
		return new TrainingBatch(grayY.width(), grayY.height(), grayY.data().clone(), null, null, warpedLuminance.data().clone(),
			target.data().clone(), null, null);
	}

	/**
	 * @param gray the mono image, 0..255
	 * @param colorImage the colour image, 0..255
	 * @param side where the colour camera is
	 * @param truth the gray view's true colour (supervised mode), or null
	 */
	public static TrainingBatch of(Variant variant, FloatPlane gray, RgbImage colorImage, ColorSide side, RgbImage truth) {
		if (!variant.readsPrior()) return of(variant, gray, colorImage, side, truth, null, null);
		FloatPlane colorY = YCbCr.luma(colorImage);
		int range = variant.firstShift() + variant.candidates() - 1; // as far as the candidates reach
		SgmMatcher m = new SgmMatcher();
		return of(variant, gray, colorImage, side, truth, MatchingPrior.estimate(m, gray, colorY, side, range),
			MatchingPrior.estimate(m, colorY, gray, side.opposite(), range));
	}

	/**
	 * As {@link #of(Variant, FloatPlane, RgbImage, ColorSide, RgbImage)} with the matching priors
	 * already known (guided variants; null otherwise), in the images' frame.
	 *
	 * @param prior the gray image's prior against the colour image (first pass)
	 * @param backPrior the colour image's prior against the gray image (the cycle's second pass)
	 */
	public static TrainingBatch of(Variant variant, FloatPlane gray, RgbImage colorImage, ColorSide side, RgbImage truth,
		MatchingPrior prior, MatchingPrior backPrior)
	{
		if (variant.readsPrior() && (prior == null || backPrior == null)) {
			throw new IllegalArgumentException("The " + variant.name() + " network reads a matching prior; give both passes' priors.");
		}
		Frame frame = variant.frame(side);
		int w = gray.width(), h = gray.height();
		FloatPlane y = frame.apply(YCbCr.grayToY(gray, variant.colorRange(), 255));
		YCbCrImage c = YCbCr.toYCbCr(colorImage, variant.colorRange());
		float[] colorData = planes(frame, c.y(), c.cb(), c.cr());
		float[] truthData = null;
		if (truth != null) {
			YCbCrImage t = YCbCr.toYCbCr(truth, variant.colorRange());
			truthData = planes(frame, t.cb(), t.cr());
		}
		float[] p = prior == null ? null : planes(frame, prior.planes());
		float[] bp = backPrior == null ? null : planes(frame, backPrior.planes());
		return new TrainingBatch(w, h, y.data().clone(), colorData, truthData, null, null, p, bp);
	}

	private static float[] planes(Frame frame, FloatPlane... planes) {
		int n = planes[0].size();
		float[] out = new float[n * planes.length];
		for (int c = 0; c < planes.length; c++) System.arraycopy(frame.apply(planes[c]).data(), 0, out, c * n, n);
		return out;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** True for a structure-similarity pre-training example (gray, warped luminance, target map). */
	public boolean isStructureExample() {
		return warped != null;
	}

	public boolean hasTruth() {
		return truthChroma != null;
	}

	/** True when the example carries matching priors (guided variants). */
	public boolean hasPrior() {
		return prior != null;
	}

	/** The first pass's matching prior in the network's frame, (1, 2, H, W) [disparity, confidence]. */
	public NDArray prior(NDManager scope) {
		if (prior == null) throw new IllegalStateException("This example has no matching prior.");
		return scope.create(prior, new Shape(1, 2, height, width));
	}

	/**
	 * The second pass's matching prior (the colour image's against the gray image), in the first
	 * pass's frame — the second pass flips it with the images — (1, 2, H, W).
	 */
	public NDArray backPrior(NDManager scope) {
		if (backPrior == null) throw new IllegalStateException("This example has no matching prior.");
		return scope.create(backPrior, new Shape(1, 2, height, width));
	}

	/** The gray image's Y, (1, 1, H, W). */
	public NDArray grayY(NDManager scope) {
		return scope.create(grayY, new Shape(1, 1, height, width));
	}

	/** The colour image, (1, 3, H, W) [Y, Cb, Cr]. */
	public NDArray color(NDManager scope) {
		if (color == null) throw new IllegalStateException("This example has no colour image.");
		return scope.create(color, new Shape(1, 3, height, width));
	}

	/** The warped luminance of a structure-similarity example, (1, 1, H, W). */
	public NDArray warped(NDManager scope) {
		if (warped == null) throw new IllegalStateException("This example is not a structure-similarity example.");
		return scope.create(warped, new Shape(1, 1, height, width));
	}

	/** The target map of a structure-similarity example, (1, 1, H, W). */
	public NDArray ssimTarget(NDManager scope) {
		if (ssimTarget == null) throw new IllegalStateException("This example is not a structure-similarity example.");
		return scope.create(ssimTarget, new Shape(1, 1, height, width));
	}

	/** The gray view's true chroma, (1, 2, H, W) [Cb, Cr]. */
	public NDArray truthChroma(NDManager scope) {
		if (truthChroma == null) throw new IllegalStateException("This example has no ground truth.");
		return scope.create(truthChroma, new Shape(1, 2, height, width));
	}
}
