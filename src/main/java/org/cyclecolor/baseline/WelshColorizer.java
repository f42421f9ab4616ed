package org.cyclecolor.baseline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorizationInput;
import org.cyclecolor.method.ColorizationResult;
import org.cyclecolor.method.Colorizer;

/**
 * Global colour transfer in the style of Welsh, Ashikhmin and Mueller ("Transferring Color to
 * Greyscale Images", SIGGRAPH 2002): no geometry, only the assumption that pixels that look alike
 * in luminance have the same colour.
 * <ol>
 * <li>Luminance remapping: the colour image's luminance is shifted and scaled to the gray image's
 * mean and standard deviation (the two cameras differ in gain and offset).</li>
 * <li>About 200 samples of the colour image on a jittered grid (one random position per cell),
 * deterministic for a seed.</li>
 * <li>Each gray pixel takes the chroma of the sample that is closest in (luminance, standard
 * deviation of luminance over a 5x5 neighbourhood), both weighted 50/50.</li>
 * </ol>
 * Works in YCbCr, not the paper's lαβ: the mono luminance is kept as Y and only Cb, Cr are
 * copied, exactly as the network and the other baselines do, so the methods differ only in which
 * reference pixel they copy from (lαβ's log space would rescale copied chroma with brightness).
 * Map: "distance", the feature distance to the chosen sample (large = no good match).
 */
public final class WelshColorizer implements Colorizer {

	public static final String NAME = "welsh";
	public static final int DEFAULT_SAMPLES = 200;
	public static final long DEFAULT_SEED = 2002;
	/** 5x5 neighbourhood for the local standard deviation. */
	private static final int RADIUS = 2;
	private static final double LUMINANCE_WEIGHT = 0.5;

	private final int samples;
	private final long seed;
	private final YCbCrRange range;

	public WelshColorizer() {
		this(DEFAULT_SAMPLES, DEFAULT_SEED, YCbCrRange.FULL);
	}

	/**
	 * @param samples number of jittered-grid samples (about; the grid rounds it), at least 1
	 * @param seed seed of the sample positions
	 */
	public WelshColorizer(int samples, long seed, YCbCrRange range) {
		if (samples < 1) throw new UserException("The Welsh transfer needs at least 1 sample, got " + samples + ".");
		this.samples = samples;
		this.seed = seed;
		this.range = range;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public ColorizationResult colorize(ColorizationInput input, Progress progress) {
		Inputs.requireFinite(input);
		FloatPlane gray = input.gray();
		int w = gray.width(), h = gray.height();
		if (samples > w * h) {
			throw new UserException("The Welsh transfer cannot take " + samples + " samples from a " + w + "x" + h
				+ " image; use at most " + (w * h) + ".");
		}
		YCbCrImage ref = YCbCr.toYCbCr(input.reference(), range);
		float[] refLum = remap(YCbCr.luma(input.reference()).data(), gray.data());
		float[] refStd = localStd(refLum, w, h);
		float[] grayStd = localStd(gray.data(), w, h);

		Samples s = jitteredSamples(w, h, refLum, refStd, ref.cb().data(), ref.cr().data());
		FloatPlane cb = new FloatPlane(w, h), cr = new FloatPlane(w, h), dist = new FloatPlane(w, h);
		float[] g = gray.data();
		for (int y = 0; y < h; y++) {
			if ((y & 31) == 0) {
				progress.checkCancelled();
				progress.report((double) y / h, "Welsh transfer");
			}
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				int k = s.nearest(g[i], grayStd[i]);
				cb.data()[i] = s.cb[k];
				cr.data()[i] = s.cr[k];
				dist.data()[i] = (float) Math.sqrt(s.distance(k, g[i], grayStd[i]));
			}
		}
		YCbCrImage out = new YCbCrImage(YCbCr.grayToY(gray, range, ref.maxValue()), cb, cr, range, ref.maxValue());
		Map<String, FloatPlane> maps = new LinkedHashMap<>();
		maps.put("distance", dist);
		progress.report(1, null);
		return new ColorizationResult(out, maps);
	}

	/** The reference luminance with the gray image's mean and standard deviation. */
	static float[] remap(float[] lum, float[] gray) {
		double[] r = meanStd(lum), g = meanStd(gray);
		double scale = r[1] > 0 ? g[1] / r[1] : 0;
		float[] out = new float[lum.length];
		for (int i = 0; i < lum.length; i++) out[i] = (float) ((lum[i] - r[0]) * scale + g[0]);
		return out;
	}

	private static double[] meanStd(float[] a) {
		double s = 0, s2 = 0;
		for (float v : a) {
			s += v;
			s2 += (double) v * v;
		}
		double m = s / a.length;
		return new double[] { m, Math.sqrt(Math.max(0, s2 / a.length - m * m)) };
	}

	static float[] localStd(float[] a, int w, int h) {
		float[] sq = new float[a.length];
		for (int i = 0; i < a.length; i++) sq[i] = a[i] * a[i];
		float[] mean = BoxFilter.mean(a, w, h, RADIUS), meanSq = BoxFilter.mean(sq, w, h, RADIUS);
		float[] out = new float[a.length];
		for (int i = 0; i < a.length; i++) out[i] = (float) Math.sqrt(Math.max(0, meanSq[i] - mean[i] * mean[i]));
		return out;
	}

	private Samples jitteredSamples(int w, int h, float[] lum, float[] std, float[] cb, float[] cr) {
		int nx = Math.max(1, Math.min(w, (int) Math.round(Math.sqrt(samples * (double) w / h))));
		int ny = Math.max(1, Math.min(h, (int) Math.round((double) samples / nx)));
		SplittableRandom rnd = new SplittableRandom(seed);
		int n = nx * ny;
		int[] pos = new int[n];
		int k = 0;
		for (int j = 0; j < ny; j++) {
			int y0 = j * h / ny, y1 = (j + 1) * h / ny;
			for (int i = 0; i < nx; i++) {
				int x0 = i * w / nx, x1 = (i + 1) * w / nx;
				pos[k++] = (y0 + rnd.nextInt(y1 - y0)) * w + x0 + rnd.nextInt(x1 - x0);
			}
		}
		return new Samples(pos, lum, std, cb, cr);
	}

	/** The samples' features and chroma, sorted by luminance for a pruned nearest-sample search. */
	private static final class Samples {
		final float[] lum, std, cb, cr;

		Samples(int[] pos, float[] lumImg, float[] stdImg, float[] cbImg, float[] crImg) {
			int n = pos.length;
			Integer[] order = new Integer[n];
			for (int i = 0; i < n; i++) order[i] = i;
			Arrays.sort(order, (a, b) -> Float.compare(lumImg[pos[a]], lumImg[pos[b]]));
			lum = new float[n];
			std = new float[n];
			cb = new float[n];
			cr = new float[n];
			for (int i = 0; i < n; i++) {
				int p = pos[order[i]];
				lum[i] = lumImg[p];
				std[i] = stdImg[p];
				cb[i] = cbImg[p];
				cr[i] = crImg[p];
			}
		}

		double distance(int k, float l, float s) {
			double dl = lum[k] - l, ds = std[k] - s;
			return LUMINANCE_WEIGHT * dl * dl + (1 - LUMINANCE_WEIGHT) * ds * ds;
		}

		/** The sample nearest to (l, s); ties go to the first in luminance order. */
		int nearest(float l, float s) {
			int start = Arrays.binarySearch(lum, l);
			if (start < 0) start = -start - 1;
			int best = -1;
			double bestD = Double.POSITIVE_INFINITY;
			// Walk outwards in luminance; stop each way once the luminance term alone is too large.
			for (int k = start - 1; k >= 0; k--) {
				double dl = l - lum[k];
				if (LUMINANCE_WEIGHT * dl * dl > bestD) break;
				double d = distance(k, l, s);
				if (d <= bestD) {
					bestD = d;
					best = k;
				}
			}
			for (int k = start; k < lum.length; k++) {
				double dl = lum[k] - l;
				if (LUMINANCE_WEIGHT * dl * dl > bestD) break;
				double d = distance(k, l, s);
				if (d < bestD) {
					bestD = d;
					best = k;
				}
			}
			return best;
		}
	}
}
