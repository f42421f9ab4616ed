package org.cyclecolor.testutil;

import java.util.List;
import java.util.Map;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/**
 * Integer image distortions that scripts/fixtures/make_ssim_fixtures.py applies identically, so
 * that a Java test and the scikit-image oracle compare the very same pixels without committing
 * the source photographs. Samples are ints (0..255 or 0..65535), stored per channel, row-major.
 */
public final class Distortions {

	/** An integer image: {@code samples[c][y * width + x]}. */
	public static final class IntImage {
		public final int width, height;
		public final int[][] samples;

		public IntImage(int width, int height, int[][] samples) {
			this.width = width;
			this.height = height;
			this.samples = samples;
		}

		public static IntImage of(RgbImage rgb) {
			return new IntImage(rgb.width(), rgb.height(),
				new int[][] { ints(rgb.r()), ints(rgb.g()), ints(rgb.b()) });
		}

		public static IntImage of(FloatPlane gray) {
			return new IntImage(gray.width(), gray.height(), new int[][] { ints(gray) });
		}

		private static int[] ints(FloatPlane p) {
			float[] d = p.data();
			int[] out = new int[d.length];
			for (int i = 0; i < d.length; i++) {
				if (d[i] != Math.rint(d[i])) throw new IllegalArgumentException("not an integer image");
				out[i] = (int) d[i];
			}
			return out;
		}

		public int channels() {
			return samples.length;
		}

		public FloatPlane plane(int c) {
			float[] d = new float[samples[c].length];
			for (int i = 0; i < d.length; i++) d[i] = samples[c][i];
			return FloatPlane.wrap(d, width, height);
		}

		public RgbImage rgb(double maxValue) {
			return new RgbImage(plane(0), plane(1), plane(2), maxValue);
		}

		/** The script's checksum: sum of sample * ((index mod 251) + 1) in (y, x, c) order. */
		public long checksum() {
			long s = 0;
			int c = channels();
			for (int i = 0; i < width * height; i++) {
				for (int k = 0; k < c; k++) {
					long index = (long) i * c + k;
					s += samples[k][i] * ((index % 251) + 1);
				}
			}
			return s;
		}
	}

	private Distortions() {}

	/** The hash of the script: 32-bit arithmetic that wraps, unsigned shifts. */
	static int hash32(int x, int y, int c, int seed) {
		int h = (x * 0x9E3779B1) ^ (y * 0x85EBCA77) ^ (c * 0xC2B2AE3D) ^ seed;
		h ^= h >>> 16;
		h *= 0x7FEB352D;
		h ^= h >>> 15;
		h *= 0x846CA68B;
		h ^= h >>> 16;
		return h;
	}

	public static IntImage noise(IntImage img, int seed, int amplitude, int max) {
		int[][] out = new int[img.channels()][];
		for (int c = 0; c < img.channels(); c++) {
			int[] s = img.samples[c], o = new int[s.length];
			for (int y = 0; y < img.height; y++) {
				for (int x = 0; x < img.width; x++) {
					int i = y * img.width + x;
					int n = Integer.remainderUnsigned(hash32(x, y, c, seed), 2 * amplitude + 1) - amplitude;
					o[i] = Math.max(0, Math.min(max, s[i] + n));
				}
			}
			out[c] = o;
		}
		return new IntImage(img.width, img.height, out);
	}

	/** Box mean over (2r+1)^2 with edges repeated, rounded half up: (sum + n/2) / n. */
	public static IntImage blur(IntImage img, int radius) {
		int w = img.width, h = img.height, n = (2 * radius + 1) * (2 * radius + 1);
		int[][] out = new int[img.channels()][];
		for (int c = 0; c < img.channels(); c++) {
			int[] s = img.samples[c], o = new int[s.length];
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					long sum = 0;
					for (int dy = -radius; dy <= radius; dy++) {
						int yy = Math.max(0, Math.min(h - 1, y + dy));
						for (int dx = -radius; dx <= radius; dx++) {
							sum += s[yy * w + Math.max(0, Math.min(w - 1, x + dx))];
						}
					}
					o[y * w + x] = (int) ((sum + n / 2) / n);
				}
			}
			out[c] = o;
		}
		return new IntImage(w, h, out);
	}

	public static IntImage crop(IntImage img, int x0, int y0, int w, int h) {
		int[][] out = new int[img.channels()][w * h];
		for (int c = 0; c < img.channels(); c++) {
			for (int y = 0; y < h; y++) {
				System.arraycopy(img.samples[c], (y0 + y) * img.width + x0, out[c], y * w, w);
			}
		}
		return new IntImage(w, h, out);
	}

	/** Per channel: clip(((v * mul + 64) >> 7) + add, 0, 255). */
	public static IntImage color(IntImage img, int[] mul, int[] add) {
		int[][] out = new int[img.channels()][];
		for (int c = 0; c < img.channels(); c++) {
			int[] s = img.samples[c], o = new int[s.length];
			for (int i = 0; i < s.length; i++) o[i] = Math.max(0, Math.min(255, ((s[i] * mul[c] + 64) >> 7) + add[c]));
			out[c] = o;
		}
		return new IntImage(img.width, img.height, out);
	}

	public static IntImage to16(IntImage img) {
		int[][] out = new int[img.channels()][];
		for (int c = 0; c < img.channels(); c++) {
			int[] s = img.samples[c], o = new int[s.length];
			for (int i = 0; i < s.length; i++) o[i] = s[i] * 257;
			out[c] = o;
		}
		return new IntImage(img.width, img.height, out);
	}

	/** Applies the script's operation list (parsed JSON: maps with an "op" key). */
	public static IntImage apply(IntImage img, List<Map<String, Object>> ops) {
		for (Map<String, Object> op : ops) {
			switch ((String) op.get("op")) {
				case "noise":
					img = noise(img, num(op, "seed"), num(op, "amplitude"), op.containsKey("max") ? num(op, "max") : 255);
					break;
				case "blur": img = blur(img, num(op, "radius")); break;
				case "crop": img = crop(img, num(op, "x"), num(op, "y"), num(op, "w"), num(op, "h")); break;
				case "color": img = color(img, nums(op, "mul"), nums(op, "add")); break;
				case "to16": img = to16(img); break;
				default: throw new IllegalArgumentException("unknown distortion " + op);
			}
		}
		return img;
	}

	private static int num(Map<String, Object> op, String key) {
		return ((Number) op.get(key)).intValue();
	}

	@SuppressWarnings("unchecked")
	private static int[] nums(Map<String, Object> op, String key) {
		return ((List<Number>) op.get(key)).stream().mapToInt(Number::intValue).toArray();
	}
}
