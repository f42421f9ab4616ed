package org.cyclecolor.baseline;

import java.util.Random;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.metrics.DeltaE76;

/**
 * The scene where colour bleeds: a large uniform off-white wall (thin seams every 64 columns pin its
 * disparity) and, in front of it, a saturated
 * yellow box with a little texture of its own. Mono = the left view's luma, colour = the right view
 * ({@code left(x) = right(x - d)}): the wall at disparity {@link #WALL_D}, the box at {@link #BOX_D}.
 * Left of the box a strip of wall {@code BOX_D - WALL_D} pixels wide is hidden behind the box in the
 * colour view: carried along the wall's disparity it would land on the box and turn yellow. A
 * method that keeps the wall's colour there (and on the textureless wall everywhere) does not bleed.
 */
public final class BleedingScene {

	public static final int W = 384, H = 256, WALL_D = 6, BOX_D = 26;
	public static final int BOX_X0 = 170, BOX_X1 = 290, BOX_Y0 = 70, BOX_Y1 = 200;
	static final float[] WALL = { 226, 223, 214 }, BOX = { 236, 196, 22 };

	public final RgbImage truth;
	public final RgbImage color;
	public final FloatPlane gray;

	public BleedingScene() {
		FloatPlane tex = SyntheticScenes.smoothedNoise(BOX_X1 - BOX_X0, BOX_Y1 - BOX_Y0, new Random(7));
		truth = render(0, 0, tex);
		color = render(WALL_D, BOX_D, tex);
		gray = YCbCr.luma(truth);
		for (int i = 0; i < gray.size(); i++) gray.data()[i] = Math.round(gray.data()[i]);
	}

	/**
	 * A view that sees the wall shifted by {@code wallShift} and the box by {@code boxShift}
	 * ({@code view(x) = left(x + shift)}). The wall is uniform but for a thin gray seam every 64
	 * columns, which pins its disparity down.
	 */
	private static RgbImage render(int wallShift, int boxShift, FloatPlane tex) {
		FloatPlane[] c = { new FloatPlane(W, H), new FloatPlane(W, H), new FloatPlane(W, H) };
		for (int y = 0; y < H; y++) {
			for (int x = 0; x < W; x++) {
				int u = x + boxShift; // box column seen here
				boolean box = u >= BOX_X0 && u < BOX_X1 && y >= BOX_Y0 && y < BOX_Y1;
				boolean seam = Math.floorMod(x + wallShift, 64) == 32;
				for (int k = 0; k < 3; k++) {
					float v = seam ? WALL[k] - 60 : WALL[k];
					if (box) v = Math.max(0, Math.min(255, Math.round(BOX[k] + 0.25f * (tex.get(u - BOX_X0, y - BOX_Y0) - 128))));
					c[k].set(x, y, v);
				}
			}
		}
		return new RgbImage(c[0], c[1], c[2], 255);
	}

	/** True for the gray view's wall pixels scored: off the box and the seams by 2 px, past the left border without matches. */
	public static boolean scoredWall(int x, int y) {
		boolean nearBox = x >= BOX_X0 - 2 && x < BOX_X1 + 2 && y >= BOX_Y0 - 2 && y < BOX_Y1 + 2;
		boolean nearSeam = Math.abs(Math.floorMod(x, 64) - 32) <= 2;
		return !nearBox && !nearSeam && x >= BOX_D;
	}

	/** True for the strip of wall hidden behind the box in the colour view. */
	public static boolean occludedWall(int x, int y) {
		return y >= BOX_Y0 + 2 && y < BOX_Y1 - 2 && x >= BOX_X0 - (BOX_D - WALL_D) && x < BOX_X0 - 2;
	}

	/** {mean, 99th percentile, max} ΔE76 of a result over the scored wall, and max over the hidden strip. */
	public double[] wallDeltaE(RgbImage result) {
		FloatPlane de = DeltaE76.map(result, truth);
		double sum = 0, maxOccluded = 0;
		java.util.List<Float> all = new java.util.ArrayList<>();
		for (int y = 0; y < H; y++) {
			for (int x = 0; x < W; x++) {
				if (!scoredWall(x, y)) continue;
				float v = de.get(x, y);
				all.add(v);
				sum += v;
				if (occludedWall(x, y)) maxOccluded = Math.max(maxOccluded, v);
			}
		}
		java.util.Collections.sort(all);
		return new double[] { sum / all.size(), all.get((int) (0.99 * (all.size() - 1))), all.get(all.size() - 1), maxOccluded };
	}
}
