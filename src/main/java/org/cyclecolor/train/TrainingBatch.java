package org.cyclecolor.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.method.ColorSide;
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

	private TrainingBatch(int width, int height, float[] grayY, float[] color, float[] truthChroma) {
		this.width = width;
		this.height = height;
		this.grayY = grayY;
		this.color = color;
		this.truthChroma = truthChroma;
	}

	/**
	 * @param gray the mono image, 0..255
	 * @param colorImage the colour image, 0..255
	 * @param side where the colour camera is
	 * @param truth the gray view's true colour (supervised mode), or null
	 */
	public static TrainingBatch of(Variant variant, FloatPlane gray, RgbImage colorImage, ColorSide side, RgbImage truth) {
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
		return new TrainingBatch(w, h, y.data().clone(), colorData, truthData);
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

	public boolean hasTruth() {
		return truthChroma != null;
	}

	/** The gray image's Y, (1, 1, H, W). */
	public NDArray grayY(NDManager scope) {
		return scope.create(grayY, new Shape(1, 1, height, width));
	}

	/** The colour image, (1, 3, H, W) [Y, Cb, Cr]. */
	public NDArray color(NDManager scope) {
		return scope.create(color, new Shape(1, 3, height, width));
	}

	/** The gray view's true chroma, (1, 2, H, W) [Cb, Cr]. */
	public NDArray truthChroma(NDManager scope) {
		if (truthChroma == null) throw new IllegalStateException("This example has no ground truth.");
		return scope.create(truthChroma, new Shape(1, 2, height, width));
	}
}
