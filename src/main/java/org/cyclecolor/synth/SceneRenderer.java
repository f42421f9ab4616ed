package org.cyclecolor.synth;

import java.util.stream.IntStream;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/**
 * Ray-casts a {@link Scene} into one view of a {@link StereoRig}: the nearest surface along each
 * ray wins (an exact z-buffer), so occlusions and disocclusions are exact. Colour is the mean of
 * {@code s × s} rays per pixel on a regular sub-pixel grid (anti-aliasing); depth, disparity and
 * the surface id come from the ray through the pixel centre.
 */
public final class SceneRenderer {

	/** Rows rendered between two progress reports / cancellation checks. */
	private static final int BAND = 16;

	private SceneRenderer() {}

	/**
	 * One rendered view.
	 *
	 * @param radiance linear scene radiance, full scale 1
	 * @param depth z of the surface seen at each pixel centre, metres (+∞ where the ray meets nothing)
	 * @param disparity {@code focal · baseline / depth}, pixels (0 where the ray meets nothing)
	 * @param surface index in {@link Scene#quads()} of the surface at each pixel centre, -1 for none
	 */
	public record RenderedView(RgbImage radiance, FloatPlane depth, FloatPlane disparity, int[] surface) {}

	/**
	 * Renders {@code view}.
	 *
	 * @param supersampling rays per pixel along each axis (1 = no anti-aliasing)
	 */
	public static RenderedView render(Scene scene, StereoRig rig, StereoRig.View view, int supersampling,
		Progress progress)
	{
		if (supersampling < 1) throw new IllegalArgumentException("Supersampling must be at least 1.");
		int w = rig.width(), h = rig.height();
		FloatPlane r = new FloatPlane(w, h), g = new FloatPlane(w, h), b = new FloatPlane(w, h);
		FloatPlane depth = new FloatPlane(w, h), disparity = new FloatPlane(w, h);
		int[] surface = new int[w * h];
		double camX = rig.centerX(view);
		double[] offsets = new double[supersampling];
		for (int i = 0; i < supersampling; i++) offsets[i] = (i + 0.5) / supersampling - 0.5;
		double weight = 1.0 / (supersampling * supersampling);
		for (int band = 0; band < h; band += BAND) {
			progress.checkCancelled();
			progress.report((double) band / h, "rendering " + view.name().toLowerCase() + " view");
			// Pixels are independent and each writes its own array slots: parallel rows stay deterministic.
			IntStream.range(band, Math.min(h, band + BAND)).parallel().forEach(y -> {
				double[] t = new double[1];
				double[] c = new double[3];
				for (int x = 0; x < w; x++) {
					int i = y * w + x;
					double sr = 0, sg = 0, sb = 0;
					for (double oy : offsets) {
						for (double ox : offsets) {
							double dx = (x + ox - rig.cx()) / rig.focal(), dy = (y + oy - rig.cy()) / rig.focal();
							int q = scene.nearest(camX, 0, 0, dx, dy, 1, t);
							if (q < 0) continue; // nothing there: black
							scene.radiance(q, camX + t[0] * dx, t[0] * dy, t[0], camX, 0, 0, c);
							sr += c[0];
							sg += c[1];
							sb += c[2];
						}
					}
					r.data()[i] = (float) (sr * weight);
					g.data()[i] = (float) (sg * weight);
					b.data()[i] = (float) (sb * weight);
					double dx = (x - rig.cx()) / rig.focal(), dy = (y - rig.cy()) / rig.focal();
					int q = scene.nearest(camX, 0, 0, dx, dy, 1, t);
					surface[i] = q;
					// The ray's z step is 1, so its parameter t is the depth.
					depth.data()[i] = q < 0 ? Float.POSITIVE_INFINITY : (float) t[0];
					disparity.data()[i] = q < 0 ? 0f : (float) rig.disparity(t[0]);
				}
			});
		}
		progress.report(1, null);
		return new RenderedView(new RgbImage(r, g, b, 1), depth, disparity, surface);
	}

	/**
	 * Pixels of {@code view} whose scene point the other camera of the rig does not see: hidden
	 * behind another surface, outside the other image, or no surface at all. 1 = not seen, 0 = seen.
	 * Exact: a segment from the other camera centre to each point is tested against every surface.
	 */
	public static FloatPlane occludedInOtherView(Scene scene, StereoRig rig, StereoRig.View view,
		RenderedView rendered)
	{
		StereoRig.View other = view == StereoRig.View.LEFT ? StereoRig.View.RIGHT : StereoRig.View.LEFT;
		int w = rig.width(), h = rig.height();
		FloatPlane mask = new FloatPlane(w, h);
		double camX = rig.centerX(view), otherX = rig.centerX(other);
		IntStream.range(0, h).parallel().forEach(y -> {
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				int q = rendered.surface()[i];
				boolean seen = false;
				if (q >= 0) {
					double z = rendered.depth().data()[i];
					double px = camX + (x - rig.cx()) / rig.focal() * z, py = (y - rig.cy()) / rig.focal() * z;
					double col = rig.column(other, px, z);
					seen = col >= -0.5 && col <= w - 0.5
						&& !scene.blocked(otherX, 0, 0, px - otherX, py, z, 1e-9, 1 - 1e-9, q);
				}
				mask.data()[i] = seen ? 0f : 1f;
			}
		});
		return mask;
	}
}
