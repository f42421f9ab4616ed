package org.cyclecolor.synth;

import java.util.List;

/**
 * Textured rectangles lit by one distant light (with hard shadows) plus uniform ambient light,
 * under an illuminant of some colour. Surfaces are matte (Lambertian), so a point has the same
 * radiance from both cameras: what makes a stereo pair's ground truth exact.
 * <p>
 * Radiance of a point with reflectance ρ: {@code ρ · illuminant · (ambient + diffuse · cos θ · lit)}
 * in linear units where 1 is the brightest value a camera records without clipping.
 */
public final class Scene {

	private final Quad[] quads;
	private final double lx, ly, lz;
	private final double ambient;
	private final double diffuse;
	private final double[] illuminant;

	/**
	 * @param toLight direction from the scene towards the light (normalised here)
	 * @param ambient share of light reaching every point, shadowed or not (0..1)
	 * @param diffuse share of light from the distant light, times the cosine of incidence (0..1)
	 * @param illuminant linear RGB colour of the light (1, 1, 1 is neutral)
	 */
	public Scene(List<Quad> quads, Vec3 toLight, double ambient, double diffuse, double[] illuminant) {
		if (quads.isEmpty()) throw new IllegalArgumentException("A scene needs at least one surface.");
		if (illuminant.length != 3) throw new IllegalArgumentException("The illuminant has R, G and B.");
		this.quads = quads.toArray(new Quad[0]);
		Vec3 l = toLight.normalized();
		this.lx = l.x();
		this.ly = l.y();
		this.lz = l.z();
		this.ambient = ambient;
		this.diffuse = diffuse;
		this.illuminant = illuminant.clone();
	}

	public List<Quad> quads() {
		return List.of(quads);
	}

	public double[] illuminant() {
		return illuminant.clone();
	}

	/**
	 * The surface nearest along the ray {@code o + t·d} (t > 0): its index, with t written to
	 * {@code tOut[0]}; -1 when the ray meets nothing.
	 */
	int nearest(double ox, double oy, double oz, double dx, double dy, double dz, double[] tOut) {
		int best = -1;
		double bestT = Double.POSITIVE_INFINITY;
		for (int i = 0; i < quads.length; i++) {
			double t = quads[i].intersect(ox, oy, oz, dx, dy, dz, 0);
			if (t < bestT) {
				bestT = t;
				best = i;
			}
		}
		tOut[0] = bestT;
		return best;
	}

	/**
	 * True when a surface other than {@code exclude} meets the ray {@code p + t·d} at
	 * {@code tMin < t < tMax}.
	 */
	boolean blocked(double px, double py, double pz, double dx, double dy, double dz, double tMin, double tMax,
		int exclude)
	{
		for (int i = 0; i < quads.length; i++) {
			if (i == exclude) continue; // a plane never hides its own points
			if (quads[i].intersect(px, py, pz, dx, dy, dz, tMin) < tMax) return true;
		}
		return false;
	}

	/**
	 * Linear RGB radiance of the point p on surface {@code q}, seen from the camera centre c, into
	 * {@code out[0..2]}.
	 */
	void radiance(int q, double px, double py, double pz, double cx, double cy, double cz, double[] out) {
		Quad quad = quads[q];
		quad.texture().reflectance(quad.u(px, py, pz), quad.v(px, py, pz), out);
		double cos = quad.cosineTowards(cx, cy, cz, lx, ly, lz);
		double light = ambient;
		if (cos > 0 && !blocked(px, py, pz, lx, ly, lz, 1e-9, Double.POSITIVE_INFINITY, q)) light += diffuse * cos;
		for (int c = 0; c < 3; c++) out[c] *= illuminant[c] * light;
	}
}
