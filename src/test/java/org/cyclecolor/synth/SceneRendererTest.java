package org.cyclecolor.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The renderer's geometry against independent oracles: closed-form disparities of planes, the
 * width of an occluded band, warping one view onto the other, and a left-right consistency check.
 */
class SceneRendererTest {

	private static final Texture GRAY = (u, v, out) -> Arrays.fill(out, 0.5);

	private static StereoRig rig;
	private static Scene scene;
	private static SceneRenderer.RenderedView left;
	private static SceneRenderer.RenderedView right;
	private static FloatPlane occlusion;

	@BeforeAll
	static void renderSampleScene() {
		rig = SampleScene.rig(256, 192, 20);
		scene = SampleScene.create(7);
		left = SceneRenderer.render(scene, rig, StereoRig.View.LEFT, 3, Progress.NONE);
		right = SceneRenderer.render(scene, rig, StereoRig.View.RIGHT, 3, Progress.NONE);
		occlusion = SceneRenderer.occludedInOtherView(scene, rig, StereoRig.View.LEFT, left);
	}

	@Test
	void frontalPlaneHasDisparityFocalTimesBaselineOverDepth() {
		StereoRig r = new StereoRig(64, 48, 50, 0.2);
		Scene s = new Scene(List.of(Quad.frontal("wall", -10, -10, 2.5, 20, 20, GRAY)), new Vec3(0, 0, -1), 0.5, 0.5,
			new double[] { 1, 1, 1 });
		SceneRenderer.RenderedView v = SceneRenderer.render(s, r, StereoRig.View.LEFT, 1, Progress.NONE);
		float[] mm = v.disparity().minMax();
		assertEquals(50 * 0.2 / 2.5, mm[0], 1e-5);
		assertEquals(50 * 0.2 / 2.5, mm[1], 1e-5);
	}

	@Test
	void groundPlaneDisparityGrowsLinearlyWithRowBelowHorizon() {
		// A floor h below the cameras: Z = f h / (y - cy), so d = f B / Z = B (y - cy) / h.
		double h = 1.5, baseline = 0.3;
		StereoRig r = new StereoRig(40, 41, 30, baseline);
		Scene s = new Scene(List.of(new Quad("floor", new Vec3(-50, h, 0.01), new Vec3(1, 0, 0), new Vec3(0, 0, 1), 100,
			100, GRAY)), new Vec3(0, -1, 0), 0.5, 0.5, new double[] { 1, 1, 1 });
		SceneRenderer.RenderedView v = SceneRenderer.render(s, r, StereoRig.View.RIGHT, 1, Progress.NONE);
		for (int y = 25; y < 41; y++) {
			for (int x = 0; x < 40; x += 13) {
				assertEquals(baseline * (y - r.cy()) / h, v.disparity().get(x, y), 1e-5, "row " + y);
			}
		}
		// Above the horizon the rays miss the floor: no surface, zero disparity, infinite depth.
		assertEquals(-1, v.surface()[5 * 40 + 7]);
		assertEquals(0f, v.disparity().get(7, 5));
		assertEquals(Float.POSITIVE_INFINITY, v.depth().get(7, 5));
	}

	@Test
	void strutInFrontOfWallHidesABandAsWideAsTheDisparityDifference() {
		// Wall at 4 m (d = 10 px), strut at 1 m (d = 40 px): in the left view, the 30 px left of
		// the strut are hidden from the right camera; plus the first 10 columns, outside its frame.
		StereoRig r = new StereoRig(160, 20, 100, 0.4);
		Scene s = new Scene(List.of(Quad.frontal("wall", -10, -10, 4, 20, 20, GRAY),
			Quad.frontal("strut", 0.2, -10, 1, 0.3, 20, GRAY)), new Vec3(0, 0, -1), 0.5, 0.5, new double[] { 1, 1, 1 });
		SceneRenderer.RenderedView v = SceneRenderer.render(s, r, StereoRig.View.LEFT, 1, Progress.NONE);
		FloatPlane mask = SceneRenderer.occludedInOtherView(s, r, StereoRig.View.LEFT, v);
		int strutLeft = (int) Math.ceil(r.column(StereoRig.View.LEFT, 0.2, 1)); // first column on the strut
		for (int y = 0; y < 20; y++) {
			for (int x = 0; x < 160; x++) {
				boolean outside = x < 10 - 0.5;
				boolean hidden = x < strutLeft && x >= strutLeft - 30;
				assertEquals(outside || hidden ? 1f : 0f, mask.get(x, y), "column " + x);
			}
		}
	}

	@Test
	void sampleSceneIsClosedEveryRayMeetsASurface() {
		assertTrue(Arrays.stream(left.surface()).allMatch(q -> q >= 0));
		assertTrue(Arrays.stream(right.surface()).allMatch(q -> q >= 0));
		float[] mm = left.disparity().minMax();
		assertEquals(20.0, mm[1], 1e-4, "the banner at the nearest depth has the maximum disparity");
		assertEquals(20 * SampleScene.NEAREST_DEPTH / 6.0, mm[0], 1e-4, "the back wall at 6 m has the smallest");
	}

	/**
	 * Surfaces painted with their own coordinates (colour = linear ramps in u and v, no shadows):
	 * each visible left pixel must show the very surface point the right view shows at x − d, so
	 * interpolating the right view there reproduces the left view up to rounding, on frontal and
	 * slanted planes alike.
	 */
	@Test
	void disparityPointsToTheSameSurfacePointInTheRightView() {
		Texture ramps = (u, v, out) -> {
			out[0] = 0.1 + 0.1 * u;
			out[1] = 0.1 + 0.1 * v;
			out[2] = 0.5;
		};
		Vec3 right = new Vec3(1, 0, 0), down = new Vec3(0, 1, 0), forward = new Vec3(0, 0, 1);
		Scene s = new Scene(List.of(Quad.frontal("wall", -4, -3, 7, 8, 4, ramps),
			new Quad("floor", new Vec3(-4, 1, 0.5), right, forward, 8, 6.5, ramps),
			new Quad("turned panel", new Vec3(-0.3, -0.8, 2.5), Vec3.horizontal(-35), down, 1.2, 1.5, ramps),
			Quad.frontal("strip", 0.5, -3, 1.5, 0.25, 3.5, ramps)), new Vec3(0, -1, 0), 1, 0, new double[] { 1, 1, 1 });
		StereoRig r = new StereoRig(200, 150, 180, 0.25);
		SceneRenderer.RenderedView l = SceneRenderer.render(s, r, StereoRig.View.LEFT, 3, Progress.NONE);
		SceneRenderer.RenderedView rv = SceneRenderer.render(s, r, StereoRig.View.RIGHT, 3, Progress.NONE);
		FloatPlane occ = SceneRenderer.occludedInOtherView(s, r, StereoRig.View.LEFT, l);
		double[] exact = warpErrors(l, rv, occ, 0);
		double[] offByATenth = warpErrors(l, rv, occ, 0.1);
		System.out.printf("ramp scene warp |error| x 255: max %.4f over %d values; d + 0.1 px: mean %.4f%n",
			percentile(exact, 1), exact.length, mean(offByATenth));
		assertTrue(exact.length > 0.7 * 3 * r.width() * r.height(), "most pixels are tested");
		assertTrue(percentile(exact, 1) < 0.01, "max error " + percentile(exact, 1));
		assertTrue(mean(offByATenth) > 10 * percentile(exact, 1), "a tenth of a pixel is detected");
	}

	/**
	 * On the textured sample scene the same warp holds up to interpolation error: textures with
	 * detail finer than a pixel (brick grain, wood fibres) and hard shadow edges leave a tail, but
	 * a disparity one pixel off is far worse.
	 */
	@Test
	void warpingTheRightViewByTheDisparityReproducesTheLeftView() {
		double[] err = warpErrors(left, right, occlusion, 0);
		double[] shifted = warpErrors(left, right, occlusion, 1);
		System.out.printf("sample scene warp |error| x 255: mean %.3f, median %.3f, p99 %.3f over %d values;"
			+ " with d + 1: mean %.3f%n", mean(err), percentile(err, 0.5), percentile(err, 0.99), err.length, mean(shifted));
		assertTrue(err.length > 0.7 * 3 * rig.width() * rig.height(), "most pixels are tested");
		assertTrue(mean(err) < 0.8, "mean error " + mean(err));
		assertTrue(percentile(err, 0.5) < 0.3, "median error " + percentile(err, 0.5));
		assertTrue(mean(shifted) > 5 * mean(err), "a one-pixel disparity error is detected");
	}

	/**
	 * |left − right interpolated at x − d − bias| per tested pixel and channel, radiance × 255.
	 * Tested: pixels seen by both cameras whose 3x3 neighbourhoods (left, and right around the
	 * match) show a single surface, since anti-aliased edge pixels mix two surfaces.
	 */
	private static double[] warpErrors(SceneRenderer.RenderedView left, SceneRenderer.RenderedView right,
		FloatPlane occlusion, double bias)
	{
		int w = left.disparity().width(), h = left.disparity().height();
		double[] errs = new double[w * h * 3];
		int n = 0;
		for (int y = 1; y < h - 1; y++) {
			for (int x = 1; x < w - 1; x++) {
				int i = y * w + x;
				if (occlusion.data()[i] != 0 || !interior(left.surface(), w, x, y)) continue;
				double xr = x - left.disparity().data()[i] - bias;
				int x0 = (int) Math.floor(xr);
				if (x0 < 1 || x0 + 1 >= w - 1) continue;
				int q = left.surface()[i];
				if (!interior(right.surface(), w, x0, y) || !interior(right.surface(), w, x0 + 1, y)
					|| right.surface()[y * w + x0] != q) continue;
				double a = xr - x0;
				for (int c = 0; c < 3; c++) {
					float[] l = left.radiance().channel(c).data(), rr = right.radiance().channel(c).data();
					double warped = (1 - a) * rr[y * w + x0] + a * rr[y * w + x0 + 1];
					errs[n++] = 255 * Math.abs(l[i] - warped);
				}
			}
		}
		return Arrays.copyOf(errs, n);
	}

	/** True when the 3x3 neighbourhood of (x, y) shows one surface only. */
	private static boolean interior(int[] surface, int w, int x, int y) {
		int q = surface[y * w + x];
		for (int dy = -1; dy <= 1; dy++) {
			for (int dx = -1; dx <= 1; dx++) {
				if (surface[(y + dy) * w + x + dx] != q) return false;
			}
		}
		return true;
	}

	/**
	 * A left pixel is visible when the right view, next to x − d, sees the same disparity
	 * (left-right consistency). The exact mask agrees everywhere except on pixels next to a mask boundary.
	 */
	@Test
	void occlusionMaskAgreesWithLeftRightConsistency() {
		int w = rig.width(), h = rig.height();
		int disagree = 0, awayFromBoundary = 0, occluded = 0;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				float d = left.disparity().data()[i];
				// Either right pixel around x - d may carry the match (at an edge, one of them shows the other surface).
				int x0 = (int) Math.floor(x - d);
				boolean consistent = false;
				for (int xr = Math.max(0, x0); xr <= x0 + 1 && xr < w; xr++) {
					consistent |= Math.abs(right.disparity().data()[y * w + xr] - d) < 0.5;
				}
				boolean masked = occlusion.data()[i] != 0;
				if (masked) occluded++;
				if (masked == consistent) {
					disagree++;
					if (!nearMaskBoundary(x, y)) awayFromBoundary++;
				}
			}
		}
		System.out.printf("occlusion: %d px masked; left-right check disagrees on %d px, %d away from a mask edge%n",
			occluded, disagree, awayFromBoundary);
		assertTrue(occluded > 0.05 * w * h, "the sample scene has occlusions");
		assertTrue(disagree < 0.01 * w * h, disagree + " disagreements");
		assertEquals(0, awayFromBoundary);
	}

	private static boolean nearMaskBoundary(int x, int y) {
		int w = rig.width(), h = rig.height();
		float m = occlusion.get(x, y);
		for (int dx = -1; dx <= 1; dx++) {
			int xx = x + dx;
			if (xx >= 0 && xx < w && occlusion.get(xx, y) != m) return true;
		}
		return false;
	}

	private static double mean(double[] v) {
		return Arrays.stream(v).average().orElse(Double.NaN);
	}

	private static double percentile(double[] v, double p) {
		double[] s = v.clone();
		Arrays.sort(s);
		return s[(int) Math.min(s.length - 1, Math.floor(p * s.length))];
	}
}
