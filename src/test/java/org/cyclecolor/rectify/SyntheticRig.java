package org.cyclecolor.rectify;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/**
 * A small ray tracer for test scenes with exact ground truth: textured planar patches at several
 * depths in front of a textured back wall, seen by two pinhole cameras. Every rendered pixel comes
 * from a known 3-D point, so true correspondences between the two views are known exactly.
 */
public final class SyntheticRig {

	/** A pinhole camera: world-to-camera rotation R (row-major), centre C, intrinsics, image size. */
	public static final class Camera {
		final double fx, fy, cx, cy;
		final int width, height;
		final double[] r;
		final double[] centre;

		public Camera(double f, double cx, double cy, int width, int height, double[] r, double[] centre) {
			this.fx = f;
			this.fy = f;
			this.cx = cx;
			this.cy = cy;
			this.width = width;
			this.height = height;
			this.r = r;
			this.centre = centre;
		}

		/** Pixel of world point p, or null when it is behind the camera. */
		double[] project(double[] p) {
			double[] d = { p[0] - centre[0], p[1] - centre[1], p[2] - centre[2] };
			double[] c = Mat3.times(r, d[0], d[1], d[2]);
			if (c[2] <= 0) return null;
			return new double[] { fx * c[0] / c[2] + cx, fy * c[1] / c[2] + cy };
		}

		/** World direction of the ray through pixel (u, v). */
		double[] ray(double u, double v) {
			double[] c = { (u - cx) / fx, (v - cy) / fy, 1 };
			return Mat3.times(Mat3.transpose(r), c[0], c[1], c[2]);
		}
	}

	private static final class Patch {
		final double[] origin, u, v; // corner and edge vectors
		final float[][] texture; // r, g, b planes, side x side
		final int side;

		Patch(double[] origin, double[] u, double[] v, float[][] texture, int side) {
			this.origin = origin;
			this.u = u;
			this.v = v;
			this.texture = texture;
			this.side = side;
		}
	}

	private final List<Patch> patches = new ArrayList<>();

	/** A wall at depth 12 and a few patches between depths 3 and 8, textures from {@code seed}. */
	public static SyntheticRig scene(long seed) {
		return scene(seed, 6);
	}

	/** A wall at depth 12 and {@code patches} patches in front of it (0: a planar scene). */
	public static SyntheticRig scene(long seed, int patches) {
		SyntheticRig s = new SyntheticRig();
		Random rnd = new Random(seed);
		s.add(new double[] { -14, -10, 12 }, new double[] { 28, 0, 0 }, new double[] { 0, 20, 0 }, rnd, 512);
		for (int i = 0; i < patches; i++) {
			double z = 3 + 5 * rnd.nextDouble();
			double size = 0.6 + 1.2 * rnd.nextDouble();
			double x = (rnd.nextDouble() - 0.5) * z * 0.9, y = (rnd.nextDouble() - 0.5) * z * 0.6;
			double slant = (rnd.nextDouble() - 0.5) * 0.8;
			s.add(new double[] { x, y, z }, new double[] { size * Math.cos(slant), 0, size * Math.sin(slant) },
				new double[] { 0, size, 0.2 * (rnd.nextDouble() - 0.5) }, rnd, 256);
		}
		return s;
	}

	private void add(double[] origin, double[] u, double[] v, Random rnd, int side) {
		patches.add(new Patch(origin, u, v, texture(rnd, side), side));
	}

	/** Random coloured discs and squares at many sizes (blob and corner features at every scale). */
	private static float[][] texture(Random rnd, int side) {
		float[][] t = new float[3][side * side];
		float[] base = { 60 + 120 * rnd.nextFloat(), 60 + 120 * rnd.nextFloat(), 60 + 120 * rnd.nextFloat() };
		for (int c = 0; c < 3; c++) java.util.Arrays.fill(t[c], base[c]);
		int shapes = side * side / 90;
		for (int k = 0; k < shapes; k++) {
			double rad = side * 0.004 * Math.pow(12, rnd.nextDouble());
			double cx = rnd.nextDouble() * side, cy = rnd.nextDouble() * side;
			float[] col = { 255 * rnd.nextFloat(), 255 * rnd.nextFloat(), 255 * rnd.nextFloat() };
			boolean square = rnd.nextBoolean();
			int x0 = (int) Math.max(0, cx - rad), x1 = (int) Math.min(side - 1, cx + rad);
			int y0 = (int) Math.max(0, cy - rad), y1 = (int) Math.min(side - 1, cy + rad);
			for (int y = y0; y <= y1; y++) {
				for (int x = x0; x <= x1; x++) {
					double dx = x - cx, dy = y - cy;
					if (square || dx * dx + dy * dy <= rad * rad) {
						for (int c = 0; c < 3; c++) t[c][y * side + x] = col[c];
					}
				}
			}
		}
		return t;
	}

	/** The nearest hit along a ray: {t, patch index, s, q} (texture coordinates 0..1), or null. */
	private double[] hit(double[] o, double[] d) {
		double[] best = null;
		for (int i = 0; i < patches.size(); i++) {
			Patch p = patches.get(i);
			double[] n = cross(p.u, p.v);
			double den = dot(n, d);
			if (Math.abs(den) < 1e-12) continue;
			double[] w = { p.origin[0] - o[0], p.origin[1] - o[1], p.origin[2] - o[2] };
			double t = dot(n, w) / den;
			if (t <= 1e-6 || (best != null && t >= best[0])) continue;
			double[] q = { o[0] + t * d[0] - p.origin[0], o[1] + t * d[1] - p.origin[1], o[2] + t * d[2] - p.origin[2] };
			// solve q = s u + r v in the patch plane (least squares)
			double uu = dot(p.u, p.u), vv = dot(p.v, p.v), uv = dot(p.u, p.v);
			double qu = dot(q, p.u), qv = dot(q, p.v);
			double det = uu * vv - uv * uv;
			double s = (qu * vv - qv * uv) / det, r = (qv * uu - qu * uv) / det;
			if (s < 0 || s > 1 || r < 0 || r > 1) continue;
			best = new double[] { t, i, s, r };
		}
		return best;
	}

	/** Renders the camera's view (2x2 supersampled) as 0..255 RGB. */
	public RgbImage render(Camera cam) {
		int w = cam.width, h = cam.height;
		FloatPlane[] out = { new FloatPlane(w, h), new FloatPlane(w, h), new FloatPlane(w, h) };
		java.util.stream.IntStream.range(0, h).parallel().forEach(y -> {
			for (int x = 0; x < w; x++) {
				double[] acc = new double[3];
				for (int sy = 0; sy < 2; sy++) {
					for (int sx = 0; sx < 2; sx++) {
						double[] d = cam.ray(x - 0.25 + 0.5 * sx, y - 0.25 + 0.5 * sy);
						double[] hit = hit(cam.centre, d);
						if (hit == null) continue;
						Patch p = patches.get((int) hit[1]);
						for (int c = 0; c < 3; c++) acc[c] += bilinear(p.texture[c], p.side, hit[2] * (p.side - 1), hit[3] * (p.side - 1));
					}
				}
				for (int c = 0; c < 3; c++) out[c].set(x, y, (float) (acc[c] / 4));
			}
		});
		return new RgbImage(out[0], out[1], out[2], 255);
	}

	/**
	 * True correspondences: {xa, ya, xb, yb} for random pixels of camera a whose scene point is
	 * visible in camera b, away from b's border by {@code margin}.
	 */
	List<double[]> correspondences(Camera a, Camera b, int count, double margin, long seed) {
		Random rnd = new Random(seed);
		List<double[]> out = new ArrayList<>();
		int tries = 0;
		while (out.size() < count && tries++ < count * 50) {
			double x = margin + rnd.nextDouble() * (a.width - 1 - 2 * margin);
			double y = margin + rnd.nextDouble() * (a.height - 1 - 2 * margin);
			double[] d = a.ray(x, y);
			double[] h = hit(a.centre, d);
			if (h == null) continue;
			double[] p = { a.centre[0] + h[0] * d[0], a.centre[1] + h[0] * d[1], a.centre[2] + h[0] * d[2] };
			double[] q = b.project(p);
			if (q == null || q[0] < margin || q[1] < margin || q[0] > b.width - 1 - margin || q[1] > b.height - 1 - margin) continue;
			// visible from b: the first hit along b's ray is this point
			double[] db = { p[0] - b.centre[0], p[1] - b.centre[1], p[2] - b.centre[2] };
			double[] hb = hit(b.centre, db);
			if (hb == null || Math.abs(hb[0] - 1) > 1e-6) continue;
			out.add(new double[] { x, y, q[0], q[1] });
		}
		return out;
	}

	private static float bilinear(float[] t, int side, double x, double y) {
		int x0 = Math.min(side - 2, (int) x), y0 = Math.min(side - 2, (int) y);
		double fx = x - x0, fy = y - y0;
		double a = t[y0 * side + x0] + fx * (t[y0 * side + x0 + 1] - t[y0 * side + x0]);
		double b = t[(y0 + 1) * side + x0] + fx * (t[(y0 + 1) * side + x0 + 1] - t[(y0 + 1) * side + x0]);
		return (float) (a + fy * (b - a));
	}

	private static double dot(double[] a, double[] b) {
		return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
	}

	private static double[] cross(double[] a, double[] b) {
		return new double[] { a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0] };
	}

	/** World-to-camera rotation for small camera turns: yaw (about y), pitch (about x), roll (about z), degrees. */
	public static double[] turn(double yaw, double pitch, double roll) {
		double[] r = Mat3.mul(Mat3.rotZ(Math.toRadians(roll)), Mat3.mul(Mat3.rotX(Math.toRadians(pitch)),
			Mat3.rotY(Math.toRadians(yaw))));
		return Mat3.transpose(r);
	}

	/** The mono camera's view of a colour rendering: luminance, gain, gamma and noise. */
	public static FloatPlane mono(RgbImage rgb, double gain, double gamma, double noise, long seed) {
		FloatPlane y = org.cyclecolor.image.YCbCr.luma(rgb);
		Random rnd = new Random(seed);
		float[] d = y.data();
		for (int i = 0; i < d.length; i++) {
			double v = 255 * Math.pow(Math.max(0, d[i]) / 255.0, gamma) * gain + noise * rnd.nextGaussian();
			d[i] = (float) Math.max(0, Math.min(255, v));
		}
		return y;
	}
}
