package org.cyclecolor.rectify;

import java.util.Locale;

import org.cyclecolor.UserException;

/**
 * The rectifying transforms of a gray/colour pair and the output frame: where every pixel of
 * either input lands in the common output image, and back. Rows of the output pair are epipolar
 * lines: a scene point appears on the same output row in both images.
 * <p>
 * Output pixel (X, Y) of the gray image shows rectified coordinates (X + originX, Y + originY);
 * the colour image is additionally shifted right by {@code colorShift} pixels (to keep every
 * disparity non-negative along the search direction).
 */
public final class Rectification {

	/** How the output frame is chosen. */
	public enum Frame {
		/** The whole rectified gray image, uncovered pixels marked invalid. */
		FULL("full"),
		/** The largest rectangle where both rectified images have data. */
		CROP("crop");

		private final String key;

		Frame(String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}

		public static Frame fromKey(String key) {
			for (Frame f : values()) {
				if (f.key.equalsIgnoreCase(key.trim())) return f;
			}
			throw new IllegalArgumentException("Unknown output frame '" + key + "': use 'full' or 'crop'.");
		}
	}

	/** The largest output side, as a multiple of the gray image's, before the warp is refused. */
	static final double MAX_GROWTH = 2.0;

	private final ViewWarp gray;
	private final ViewWarp color;
	private final double originX;
	private final double originY;
	private final int width;
	private final int height;
	private final double colorShift;

	Rectification(ViewWarp gray, ViewWarp color, double originX, double originY, int width, int height,
		double colorShift)
	{
		this.gray = gray;
		this.color = color;
		this.originX = originX;
		this.originY = originY;
		this.width = width;
		this.height = height;
		this.colorShift = colorShift;
	}

	/**
	 * The pair with a frame that holds the whole rectified gray image (the box around its mapped
	 * border). Refuses transforms that would blow the image up or fold it: those come from a
	 * wrong model, never from a real camera pair.
	 */
	static Rectification fullFrame(ViewWarp gray, ViewWarp color) {
		double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
		double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
		int w = gray.width(), h = gray.height();
		double[] p = new double[2];
		int steps = 64;
		for (int k = 0; k <= steps; k++) {
			double t = k / (double) steps;
			double[][] border = { { t * (w - 1), 0 }, { t * (w - 1), h - 1 }, { 0, t * (h - 1) }, { w - 1, t * (h - 1) } };
			for (double[] b : border) {
				gray.toRectified(b[0], b[1], p);
				if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
					throw new UserException("The rectifying transform folds the gray image (part of it maps behind the "
						+ "camera); the matches do not describe a side-by-side camera pair.");
				}
				minX = Math.min(minX, p[0]);
				maxX = Math.max(maxX, p[0]);
				minY = Math.min(minY, p[1]);
				maxY = Math.max(maxY, p[1]);
			}
		}
		double ox = Math.floor(minX + 0.5), oy = Math.floor(minY + 0.5);
		int outW = (int) Math.floor(maxX + 0.5 - ox) + 1, outH = (int) Math.floor(maxY + 0.5 - oy) + 1;
		if (outW > MAX_GROWTH * w || outH > MAX_GROWTH * h || outW < w / MAX_GROWTH || outH < h / MAX_GROWTH) {
			throw new UserException(String.format(Locale.ROOT, "The rectifying transform would turn the %dx%d gray image "
				+ "into %dx%d pixels, a sign of a wrong geometric model; check that both images show the same scene, "
				+ "or rectify with a calibration file.", w, h, outW, outH));
		}
		return new Rectification(gray, color, ox, oy, outW, outH, 0);
	}

	/** This pair with the output frame cut to the rectangle [x0, x0+w) x [y0, y0+h) of the current one. */
	Rectification cropped(int x0, int y0, int w, int h) {
		return new Rectification(gray, color, originX + x0, originY + y0, w, h, colorShift);
	}

	/** This pair with the colour image moved right by {@code shift} more output pixels. */
	Rectification withColorShift(double shift) {
		return new Rectification(gray, color, originX, originY, width, height, colorShift + shift);
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** Horizontal shift applied to the colour image (output pixels, positive to the right). */
	public double colorShift() {
		return colorShift;
	}

	/** Gray pixel (x, y) to output pixel coordinates; NaN when it has no place there. */
	public void grayToOutput(double x, double y, double[] out) {
		gray.toRectified(x, y, out);
		out[0] -= originX;
		out[1] -= originY;
	}

	/** Colour pixel (x, y) to output pixel coordinates; NaN when it has no place there. */
	public void colorToOutput(double x, double y, double[] out) {
		color.toRectified(x, y, out);
		out[0] += colorShift - originX;
		out[1] -= originY;
	}

	/** Output pixel to gray source pixel (used to resample the gray image). */
	public void outputToGray(double x, double y, double[] out) {
		gray.toOriginal(x + originX, y + originY, out);
	}

	/** Output pixel to colour source pixel (used to resample the colour image). */
	public void outputToColor(double x, double y, double[] out) {
		color.toOriginal(x + originX - colorShift, y + originY, out);
	}

	/**
	 * The homography taking gray pixels (after lens undistortion, if any) to output pixels,
	 * row-major 3x3, normalised so its last element is 1.
	 */
	public double[] grayHomography() {
		return normalized(Mat3.mul(Mat3.translation(-originX, -originY), gray.homography()));
	}

	/** The homography taking colour pixels (after lens undistortion, if any) to output pixels. */
	public double[] colorHomography() {
		return normalized(Mat3.mul(Mat3.translation(colorShift - originX, -originY), color.homography()));
	}

	/** True when lens distortion is removed before the homographies (calibrated rectification). */
	public boolean removesLensDistortion() {
		return gray.hasLens() || color.hasLens();
	}

	private static double[] normalized(double[] h) {
		double s = h[8];
		double[] out = h.clone();
		if (s != 0) for (int i = 0; i < 9; i++) out[i] /= s;
		return out;
	}
}
