package org.cyclecolor.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * The scene of the bundled sample pair: a corner of a room seen from 0.75 m above a wooden floor.
 * A brick back wall 6 m away with a landscape poster, a plaster side wall on the left (slanted,
 * disparity changing across it), a worn painted crate at 2.3 m, a colour chart on a board turned
 * 30° at 3.1–3.7 m, and a striped fabric banner hanging 1.2 m from the cameras (the largest
 * disparity). Warm light from the upper right casts shadows. The seed changes the textures, not
 * the layout.
 */
public final class SampleScene {

	/** Depth of the nearest surface, metres: where the disparity is largest. */
	public static final double NEAREST_DEPTH = 1.2;

	/** Linear RGB colour of the light: warm, like a halogen lamp. */
	public static final double[] ILLUMINANT = { 1.0, 0.88, 0.68 };

	private static final double FLOOR_Y = 0.75;
	private static final double BACK_Z = 6.0;
	private static final double LEFT_X = -1.6;
	private static final double RIGHT_X = 3.8;
	private static final double TOP_Y = -5.0;

	private SampleScene() {}

	public static Scene create(long seed) {
		List<Quad> q = new ArrayList<>();
		Vec3 right = new Vec3(1, 0, 0), down = new Vec3(0, 1, 0), forward = new Vec3(0, 0, 1);
		double roomWidth = RIGHT_X - LEFT_X, roomHeight = FLOOR_Y - TOP_Y;

		q.add(Quad.frontal("back wall", LEFT_X, TOP_Y, BACK_Z, roomWidth, roomHeight, Textures.bricks(seed)));
		q.add(new Quad("floor", new Vec3(LEFT_X, FLOOR_Y, 0.3), right, forward, roomWidth, BACK_Z - 0.3,
			Textures.planks(seed + 1)));
		q.add(new Quad("side wall", new Vec3(LEFT_X, TOP_Y, 0.3), forward, down, BACK_Z - 0.3, roomHeight,
			Textures.plaster(seed + 2, 0xc3cfae)));
		q.add(Quad.frontal("poster", -0.2, -1.65, BACK_Z - 0.02, 1.8, 1.2, Textures.sunsetPoster(seed + 3, 1.8, 1.2)));

		// A crate: front, top and right-hand faces (the others face away from the cameras).
		double x0 = -0.95, x1 = -0.35, z0 = 2.3, z1 = 2.85, top = 0.2;
		Texture crate = Textures.wornPaint(seed + 4, 0x2f7f86, 0xa57543);
		q.add(Quad.frontal("crate front", x0, top, z0, x1 - x0, FLOOR_Y - top, crate));
		q.add(new Quad("crate top", new Vec3(x0, top, z0), right, forward, x1 - x0, z1 - z0, crate));
		q.add(new Quad("crate side", new Vec3(x1, top, z0), forward, down, z1 - z0, FLOOR_Y - top, crate));

		// The colour chart stands on the floor, turned 30° away from the cameras.
		double chartW = 1.14, chartH = 0.95;
		q.add(new Quad("chart", new Vec3(0.3, FLOOR_Y - chartH, 3.1), Vec3.horizontal(30), down, chartW, chartH,
			Textures.colorChart(seed + 5, chartW, chartH)));

		// Fabric banner close to the cameras: stripes of equal luma and different hue.
		double[][] fabric = { Textures.isoluminant(0.5, 0.17, 100), Textures.isoluminant(0.5, 0.17, 220),
			Textures.isoluminant(0.5, 0.17, 330), Textures.isoluminant(0.5, 0.17, 160),
			Textures.isoluminant(0.5, 0.17, 40) };
		double[] widths = { 0.035, 0.02, 0.035, 0.015, 0.02 };
		q.add(Quad.frontal("banner", 0.42, -2.0, NEAREST_DEPTH, 0.2, 2.5, Textures.stripes(seed + 6, widths, fabric)));

		return new Scene(q, new Vec3(0.45, -1.0, -0.6), 0.35, 0.65, ILLUMINANT);
	}

	/** The rig that puts the nearest surface at {@code maxDisparity} px: focal length 0.9 × width. */
	public static StereoRig rig(int width, int height, double maxDisparity) {
		double focal = 0.9 * width;
		return new StereoRig(width, height, focal, maxDisparity * NEAREST_DEPTH / focal);
	}
}
