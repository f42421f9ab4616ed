package org.cyclecolor.image;

import java.util.stream.IntStream;

/**
 * Reads planes at real coordinates and warps them through a coordinate map.
 * <p>
 * Coordinates follow ImageJ and BoofCV: pixel (i, j) has its centre at (i, j), so a plane of
 * width w covers x in [-0.5, w - 0.5]. Inside that area values are interpolated (border pixels
 * repeated where the kernel reaches past the edge); outside it a sample is invalid (NaN).
 */
public final class Resampler {

	/** Maps an output pixel to the source position it shows. */
	@FunctionalInterface
	public interface SourceMap {
		/**
		 * Writes the source coordinates of output pixel (x, y) into {@code out[0]}, {@code out[1]};
		 * NaN when the pixel has no source.
		 */
		void sourceOf(double x, double y, double[] out);
	}

	private static final int ROWS_PER_TASK = 16;

	private Resampler() {}

	/** The value at (x, y), or NaN outside the plane. */
	public static float sample(FloatPlane plane, double x, double y, Interpolation interpolation) {
		if (!inside(plane.width(), plane.height(), x, y)) return Float.NaN;
		return interpolation == Interpolation.BICUBIC ? bicubic(plane, x, y) : bilinear(plane, x, y);
	}

	static boolean inside(int w, int h, double x, double y) {
		return x >= -0.5 && y >= -0.5 && x <= w - 0.5 && y <= h - 0.5;
	}

	private static float bilinear(FloatPlane p, double x, double y) {
		int w = p.width(), h = p.height();
		float[] d = p.data();
		int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
		double fx = x - x0, fy = y - y0;
		int xa = clamp(x0, w), xb = clamp(x0 + 1, w);
		int ya = clamp(y0, h) * w, yb = clamp(y0 + 1, h) * w;
		double top = d[ya + xa] + fx * (d[ya + xb] - d[ya + xa]);
		double bottom = d[yb + xa] + fx * (d[yb + xb] - d[yb + xa]);
		return (float) (top + fy * (bottom - top));
	}

	private static float bicubic(FloatPlane p, double x, double y) {
		int w = p.width(), h = p.height();
		float[] d = p.data();
		int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
		double fx = x - x0, fy = y - y0;
		double[] wx = new double[4], wy = new double[4];
		keys(fx, wx);
		keys(fy, wy);
		double sum = 0;
		for (int j = 0; j < 4; j++) {
			int row = clamp(y0 - 1 + j, h) * w;
			double r = 0;
			for (int i = 0; i < 4; i++) {
				r += wx[i] * d[row + clamp(x0 - 1 + i, w)];
			}
			sum += wy[j] * r;
		}
		return (float) sum;
	}

	/** Keys' cubic convolution weights (a = -0.5) for taps at -1, 0, 1, 2 from the base pixel. */
	private static void keys(double t, double[] w) {
		double t2 = t * t, t3 = t2 * t;
		w[0] = -0.5 * t3 + t2 - 0.5 * t;
		w[1] = 1.5 * t3 - 2.5 * t2 + 1;
		w[2] = -1.5 * t3 + 2 * t2 + 0.5 * t;
		w[3] = 0.5 * t3 - 0.5 * t2;
	}

	private static int clamp(int i, int n) {
		return i < 0 ? 0 : (i >= n ? n - 1 : i);
	}

	/**
	 * Warps planes of one size through {@code map} into {@code width x height} outputs (in
	 * parallel over rows). Pixels without a valid source get {@code fill} and are false in
	 * {@code valid} (when given, of length width * height).
	 */
	public static FloatPlane[] warp(FloatPlane[] sources, int width, int height, SourceMap map,
		Interpolation interpolation, float fill, boolean[] valid)
	{
		for (FloatPlane s : sources) {
			if (!s.sameSize(sources[0])) throw new IllegalArgumentException("Warped planes differ in size.");
		}
		if (valid != null && valid.length != width * height) {
			throw new IllegalArgumentException("Mask of length " + valid.length + " for a " + width + "x" + height + " output.");
		}
		FloatPlane[] out = new FloatPlane[sources.length];
		for (int c = 0; c < out.length; c++) out[c] = new FloatPlane(width, height);
		int sw = sources[0].width(), sh = sources[0].height();
		int tasks = (height + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
		IntStream.range(0, tasks).parallel().forEach(t -> {
			double[] src = new double[2];
			double[] wx = new double[4], wy = new double[4];
			int[] rows = new int[4], cols = new int[4];
			int yEnd = Math.min(height, (t + 1) * ROWS_PER_TASK);
			for (int y = t * ROWS_PER_TASK; y < yEnd; y++) {
				for (int x = 0; x < width; x++) {
					int i = y * width + x;
					map.sourceOf(x, y, src);
					boolean ok = inside(sw, sh, src[0], src[1]);
					if (valid != null) valid[i] = ok;
					if (!ok) {
						for (FloatPlane o : out) o.data()[i] = fill;
						continue;
					}
					int x0 = (int) Math.floor(src[0]), y0 = (int) Math.floor(src[1]);
					double fx = src[0] - x0, fy = src[1] - y0;
					if (interpolation == Interpolation.BICUBIC) {
						keys(fx, wx);
						keys(fy, wy);
						for (int k = 0; k < 4; k++) {
							rows[k] = clamp(y0 - 1 + k, sh) * sw;
							cols[k] = clamp(x0 - 1 + k, sw);
						}
						for (int c = 0; c < out.length; c++) {
							float[] d = sources[c].data();
							double sum = 0;
							for (int j = 0; j < 4; j++) {
								int r = rows[j];
								sum += wy[j] * (wx[0] * d[r + cols[0]] + wx[1] * d[r + cols[1]] + wx[2] * d[r + cols[2]]
									+ wx[3] * d[r + cols[3]]);
							}
							out[c].data()[i] = (float) sum;
						}
					}
					else {
						int xa = clamp(x0, sw), xb = clamp(x0 + 1, sw);
						int ya = clamp(y0, sh) * sw, yb = clamp(y0 + 1, sh) * sw;
						for (int c = 0; c < out.length; c++) {
							float[] d = sources[c].data();
							double top = d[ya + xa] + fx * (d[ya + xb] - d[ya + xa]);
							double bottom = d[yb + xa] + fx * (d[yb + xb] - d[yb + xa]);
							out[c].data()[i] = (float) (top + fy * (bottom - top));
						}
					}
				}
			}
		});
		return out;
	}

	/**
	 * Shrinks a plane by an integer factor, each output pixel the mean of a factor x factor block
	 * (partial blocks at the right and bottom edges average what they hold). Output pixel (i, j)
	 * shows source position ((i + 0.5) * factor - 0.5, (j + 0.5) * factor - 0.5).
	 */
	public static FloatPlane shrink(FloatPlane plane, int factor) {
		if (factor < 1) throw new IllegalArgumentException("Shrink factor must be at least 1, got " + factor + ".");
		if (factor == 1) return plane;
		int w = plane.width(), h = plane.height();
		int ow = (w + factor - 1) / factor, oh = (h + factor - 1) / factor;
		FloatPlane out = new FloatPlane(ow, oh);
		float[] d = plane.data(), o = out.data();
		for (int j = 0; j < oh; j++) {
			int y1 = Math.min(h, (j + 1) * factor);
			for (int i = 0; i < ow; i++) {
				int x1 = Math.min(w, (i + 1) * factor);
				double s = 0;
				int n = 0;
				for (int y = j * factor; y < y1; y++) {
					for (int x = i * factor; x < x1; x++) {
						s += d[y * w + x];
						n++;
					}
				}
				o[j * ow + i] = (float) (s / n);
			}
		}
		return out;
	}
}
