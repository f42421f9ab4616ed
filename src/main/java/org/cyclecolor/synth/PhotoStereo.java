package org.cyclecolor.synth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.Interpolation;
import org.cyclecolor.image.Resampler;
import org.cyclecolor.image.RgbImage;

/**
 * Makes a rectified stereo pair with exact ground truth from one colour photo: the photo is one
 * view; a random layered scene ({@link DepthLayers}: a smooth background and a few foreground
 * objects with slanted disparities and sharp depth edges) says how far each point moves in the
 * other view, which is rendered from the photo with a z-buffer (the nearest layer wins).
 * <p>
 * Each pixel of the new view takes the photo's colour at its exact source position (cubic
 * interpolation along the row: the views are rectified). Where the new view sees a layer that
 * the photo shows hidden behind a nearer one, or beyond the photo's border, there is nothing to
 * copy: the hole is filled from the same layer's nearest visible pixels in the row, mirrored
 * about the occluding edge. Both views get their true disparity and occlusion masks. Whether the
 * photo is the left or the right view is drawn at random. Deterministic: the same photo, settings
 * and seed give the same pixels.
 */
public final class PhotoStereo {

	private PhotoStereo() {}

	/**
	 * @param maxDisparity the largest disparity of the scene, pixels
	 * @param minObjects, maxObjects how many foreground objects (drawn uniformly in this range)
	 */
	public record Settings(int maxDisparity, int minObjects, int maxObjects) {

		/** Up to 32 px disparity, one to four foreground objects. */
		public static final Settings DEFAULT = new Settings(32, 1, 4);

		public Settings {
			if (maxDisparity < 1) throw new UserException("The maximum disparity for photo pairs must be at least 1 px, got " + maxDisparity + ".");
			if (minObjects < 0 || maxObjects < minObjects || maxObjects > 20) {
				throw new UserException("The number of foreground objects must satisfy 0 ≤ min ≤ max ≤ 20, got " + minObjects
					+ ".." + maxObjects + ".");
			}
		}

		/** Checks that the photo is wide enough for the disparity. */
		void check(String id, int width, int height) {
			if (maxDisparity > width / 3) {
				throw new UserException("The photo " + id + " is " + width + "x" + height + ", too narrow for a maximum disparity of "
					+ maxDisparity + " px; use at most " + Math.max(1, width / 3) + " px (a third of the width) or a wider photo.");
			}
		}
	}

	/** The stereo pair made from {@code photo} (full scale 255) with the given seed. */
	public static StereoViews synthesize(String id, RgbImage photo, Settings settings, long seed) {
		if (photo.maxValue() != 255) throw new IllegalArgumentException("The photo must be in 0..255 units.");
		int w = photo.width(), h = photo.height();
		settings.check(id, w, h);
		Random rng = new Random(GradientNoise.mix(seed));
		boolean photoOnRight = rng.nextBoolean();
		int objects = settings.minObjects() + rng.nextInt(settings.maxObjects() - settings.minObjects() + 1);
		DepthLayers scene = new DepthLayers(w, h, settings.maxDisparity(), objects, rng);
		// The photo is view A, rendered as the left view; B is the right view: B(x) = A(x + d_B).
		// A photo on the right is the mirror image of this: mirror the photo, render, mirror back.
		RgbImage a = photoOnRight ? photo.flipHorizontal() : photo;
		Rendered r = render(scene, a);
		Map<String, String> prov = new LinkedHashMap<>();
		prov.put("photo_view", photoOnRight ? "right" : "left");
		prov.put("objects", Integer.toString(objects));
		prov.put("photo_max_disparity", Integer.toString(settings.maxDisparity()));
		prov.put("photo_seed", Long.toString(seed));
		int maxD = Math.max(1, (int) Math.ceil(Math.max(r.dA.minMax()[1], r.dB.minMax()[1])));
		if (!photoOnRight) return new StereoViews(id, photo, r.b, r.dA, r.dB, r.occA, r.occB, maxD, prov);
		return new StereoViews(id, r.b.flipHorizontal(), photo, r.dB.flipHorizontal(), r.dA.flipHorizontal(),
			r.occB.flipHorizontal(), r.occA.flipHorizontal(), maxD, prov);
	}

	private record Rendered(RgbImage b, FloatPlane dA, FloatPlane dB, FloatPlane occA, FloatPlane occB) {}

	private static Rendered render(DepthLayers scene, RgbImage a) {
		int w = a.width(), h = a.height();
		FloatPlane dA = new FloatPlane(w, h), dB = new FloatPlane(w, h), occA = new FloatPlane(w, h),
			occB = new FloatPlane(w, h);
		FloatPlane[] b = { new FloatPlane(w, h), new FloatPlane(w, h), new FloatPlane(w, h) };
		IntStream.range(0, h).parallel().forEach(y -> {
			int row = y * w;
			int[] labelA = new int[w];
			for (int x = 0; x < w; x++) {
				labelA[x] = scene.visibleInA(x, y);
				dA.data()[row + x] = (float) scene.disparity(labelA[x], x, y);
			}
			for (int x = 0; x < w; x++) {
				// A's pixel is seen in B at x − d; visible when B sees the same layer there.
				double xB = x - dA.data()[row + x];
				boolean seen = xB >= -0.5 && xB < w - 0.5 && (int) scene.visibleInB(xB, y, +1)[0] == labelA[x];
				occA.data()[row + x] = seen ? GroundTruth.VISIBLE : GroundTruth.OCCLUDED;
			}
			for (int xB = 0; xB < w; xB++) {
				double[] seenB = scene.visibleInB(xB, y, +1);
				int k = (int) seenB[0];
				double xA = seenB[1];
				dB.data()[row + xB] = (float) (xA - xB);
				boolean visible = xA >= -0.5 && xA < w - 0.5 && scene.visibleInA(xA, y) == k;
				occB.data()[row + xB] = visible ? GroundTruth.VISIBLE : GroundTruth.OCCLUDED;
				double source = visible ? xA : fillSource(labelA, k, xA);
				for (int c = 0; c < 3; c++) b[c].data()[row + xB] = sampleRow(a.channel(c), source, y);
			}
		});
		return new Rendered(new RgbImage(b[0], b[1], b[2], 255), dA, dB, occA, occB);
	}

	/**
	 * The photo at column x of row y: Keys' cubic convolution, which along a row (y whole) uses
	 * that row only; clipped to 0..255 (the kernel overshoots at edges).
	 */
	private static float sampleRow(FloatPlane channel, double x, int y) {
		float v = Resampler.sample(channel, x, y, Interpolation.BICUBIC);
		return v < 0 ? 0 : v > 255 ? 255 : v;
	}

	/**
	 * Where to take colour for a point of layer k that the photo does not show (hidden at A column
	 * xA, or beyond the border): the mirror image of xA about the nearest column of the row where
	 * the photo shows layer k, or that column itself when the mirror image leaves the layer.
	 */
	static double fillSource(int[] labelA, int k, double xA) {
		int w = labelA.length;
		int start = (int) Math.max(0, Math.min(w - 1, Math.round(xA)));
		int edge = -1;
		for (int dist = 0; dist < w && edge < 0; dist++) {
			if (start - dist >= 0 && labelA[start - dist] == k) edge = start - dist;
			else if (start + dist < w && labelA[start + dist] == k) edge = start + dist;
		}
		if (edge < 0) return Math.max(0, Math.min(w - 1, xA)); // the layer is nowhere on this row of the photo
		double mirrored = 2.0 * edge - xA;
		long m = Math.round(mirrored);
		return m >= 0 && m < w && labelA[(int) m] == k ? mirrored : edge;
	}
}
