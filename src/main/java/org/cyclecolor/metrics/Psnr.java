package org.cyclecolor.metrics;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/**
 * Peak signal-to-noise ratio, 10 log10(R^2 / MSE) in dB, with the mean squared error taken over
 * every pixel of every given channel (scikit-image's {@code peak_signal_noise_ratio} on a
 * multi-channel array). Identical images give positive infinity.
 */
public final class Psnr {

	private Psnr() {}

	/** PSNR of two planes of one size for data range {@code dataRange} (255 for 8-bit data). */
	public static double of(FloatPlane a, FloatPlane b, double dataRange) {
		return of(List.of(a), List.of(b), dataRange);
	}

	/** PSNR over several channels: planes {@code a.get(i)} and {@code b.get(i)} pair up. */
	public static double of(List<FloatPlane> a, List<FloatPlane> b, double dataRange) {
		if (a.size() != b.size() || a.isEmpty()) {
			throw new IllegalArgumentException("PSNR needs the same, non-zero number of channels on both sides.");
		}
		double sum = 0;
		long n = 0;
		for (int c = 0; c < a.size(); c++) {
			FloatPlane pa = a.get(c), pb = b.get(c);
			if (!pa.sameSize(pb)) {
				throw new IllegalArgumentException("PSNR needs planes of one size, got " + pa + " and " + pb + ".");
			}
			float[] x = pa.data(), y = pb.data();
			for (int i = 0; i < x.length; i++) {
				double d = (double) x[i] - y[i];
				sum += d * d;
			}
			n += x.length;
		}
		return fromMse(sum / n, dataRange);
	}

	/**
	 * PSNR over the pixels where {@code mask} is true (index {@code y * width + x}), the squared
	 * errors of every channel pooled as in {@link #of(List, List, double)}: e.g. an evaluation
	 * region without the image border, or the occluded pixels only. NaN when the mask is empty.
	 */
	public static double of(List<FloatPlane> a, List<FloatPlane> b, double dataRange, boolean[] mask) {
		if (a.size() != b.size() || a.isEmpty()) {
			throw new IllegalArgumentException("PSNR needs the same, non-zero number of channels on both sides.");
		}
		double sum = 0;
		long n = 0;
		for (int c = 0; c < a.size(); c++) {
			FloatPlane pa = a.get(c), pb = b.get(c);
			if (!pa.sameSize(pb) || mask.length != pa.size()) {
				throw new IllegalArgumentException("PSNR needs planes and a mask of one size, got " + pa + ", " + pb + " and "
					+ mask.length + " mask values.");
			}
			float[] x = pa.data(), y = pb.data();
			for (int i = 0; i < x.length; i++) {
				if (!mask[i]) continue;
				double d = (double) x[i] - y[i];
				sum += d * d;
				n++;
			}
		}
		return n == 0 ? Double.NaN : fromMse(sum / n, dataRange);
	}

	/** PSNR of two colour images over the given channels, data range = their full scale. */
	public static double of(RgbImage a, RgbImage b, Collection<Channel> channels) {
		if (a.maxValue() != b.maxValue()) {
			throw new IllegalArgumentException("PSNR of images with different full scales: " + a + ", " + b + ".");
		}
		java.util.Set<Channel> set = java.util.EnumSet.copyOf(channels);
		Map<Channel, FloatPlane> pa = Channel.planes(a, set), pb = Channel.planes(b, set);
		return of(List.copyOf(pa.values()), List.copyOf(pb.values()), a.maxValue());
	}

	/** PSNR on R, G and B together. */
	public static double rgb(RgbImage a, RgbImage b) {
		return of(a, b, List.of(Channel.R, Channel.G, Channel.B));
	}

	static double fromMse(double mse, double dataRange) {
		if (!(dataRange > 0)) throw new IllegalArgumentException("PSNR data range must be positive, got " + dataRange + ".");
		if (mse == 0) return Double.POSITIVE_INFINITY;
		return 10 * Math.log10(dataRange * dataRange / mse);
	}
}
