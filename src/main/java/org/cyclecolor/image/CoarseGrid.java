package org.cyclecolor.image;

import java.util.stream.IntStream;

/**
 * The grid of a plane shrunk by an integer factor ({@link Resampler#shrink}): coarse pixel i covers
 * full pixels [i*factor, (i+1)*factor), so full pixel x sits at coarse position
 * {@code (x + 0.5) / factor - 0.5}. Reads coarse planes at full-resolution pixels.
 */
public final class CoarseGrid {

	private CoarseGrid() {}

	/** The coarse position of full pixel {@code x}. */
	public static double coarse(int x, int factor) {
		return (x + 0.5) / factor - 0.5;
	}

	/** The coarse size of a full size. */
	public static int size(int full, int factor) {
		return (full + factor - 1) / factor;
	}

	/** Bilinear value at coarse position (u, v), the border repeated beyond the outer pixel centres. */
	public static double bilinear(FloatPlane p, double u, double v) {
		int w = p.width(), h = p.height();
		double cu = Math.max(0, Math.min(w - 1, u)), cv = Math.max(0, Math.min(h - 1, v));
		int x0 = Math.min((int) cu, w - 1), y0 = Math.min((int) cv, h - 1);
		int x1 = Math.min(x0 + 1, w - 1), y1 = Math.min(y0 + 1, h - 1);
		double fx = cu - x0, fy = cv - y0;
		float[] d = p.data();
		double top = d[y0 * w + x0] + fx * (d[y0 * w + x1] - d[y0 * w + x0]);
		double bottom = d[y1 * w + x0] + fx * (d[y1 * w + x1] - d[y1 * w + x0]);
		return top + fy * (bottom - top);
	}

	/** A coarse plane brought to {@code width} x {@code height} by bilinear interpolation. */
	public static FloatPlane bilinearUpsample(FloatPlane coarse, int width, int height, int factor) {
		FloatPlane out = new FloatPlane(width, height);
		float[] o = out.data();
		IntStream.range(0, height).parallel().forEach(y -> {
			double v = coarse(y, factor);
			for (int x = 0; x < width; x++) o[y * width + x] = (float) bilinear(coarse, coarse(x, factor), v);
		});
		return out;
	}
}
