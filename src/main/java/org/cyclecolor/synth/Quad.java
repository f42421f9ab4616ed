package org.cyclecolor.synth;

/**
 * A textured planar rectangle: the points {@code origin + u·uAxis + v·vAxis} with
 * {@code 0 ≤ u ≤ uLength} and {@code 0 ≤ v ≤ vLength}. The axes are orthonormal, so (u, v) are
 * metres on the surface and the texture is sampled there.
 */
public final class Quad {

	private final double ox, oy, oz;
	private final double ux, uy, uz;
	private final double vx, vy, vz;
	private final double nx, ny, nz;
	private final double uLength, vLength;
	private final Texture texture;
	private final String name;

	/**
	 * @param uAxis, vAxis orthogonal unit vectors spanning the rectangle
	 * @param uLength, vLength side lengths in metres
	 */
	public Quad(String name, Vec3 origin, Vec3 uAxis, Vec3 vAxis, double uLength, double vLength, Texture texture) {
		if (Math.abs(uAxis.length() - 1) > 1e-9 || Math.abs(vAxis.length() - 1) > 1e-9
			|| Math.abs(uAxis.dot(vAxis)) > 1e-9) {
			throw new IllegalArgumentException("Quad axes must be orthonormal: " + uAxis + ", " + vAxis + ".");
		}
		if (!(uLength > 0) || !(vLength > 0)) {
			throw new IllegalArgumentException("Quad sides must be positive: " + uLength + " x " + vLength + ".");
		}
		Vec3 n = uAxis.cross(vAxis);
		this.name = name;
		this.ox = origin.x(); this.oy = origin.y(); this.oz = origin.z();
		this.ux = uAxis.x(); this.uy = uAxis.y(); this.uz = uAxis.z();
		this.vx = vAxis.x(); this.vy = vAxis.y(); this.vz = vAxis.z();
		this.nx = n.x(); this.ny = n.y(); this.nz = n.z();
		this.uLength = uLength;
		this.vLength = vLength;
		this.texture = texture;
	}

	/** A rectangle facing the cameras at depth z: u to the right, v downwards. */
	public static Quad frontal(String name, double x0, double y0, double z, double width, double height, Texture t) {
		return new Quad(name, new Vec3(x0, y0, z), new Vec3(1, 0, 0), new Vec3(0, 1, 0), width, height, t);
	}

	public String name() {
		return name;
	}

	public Texture texture() {
		return texture;
	}

	/**
	 * The ray parameter t ({@code point = o + t·d}) where the ray meets the rectangle, or
	 * {@code Double.POSITIVE_INFINITY} when it misses or meets it at t ≤ tMin.
	 */
	double intersect(double ox_, double oy_, double oz_, double dx, double dy, double dz, double tMin) {
		double denom = dx * nx + dy * ny + dz * nz;
		if (denom == 0) return Double.POSITIVE_INFINITY;
		double t = ((ox - ox_) * nx + (oy - oy_) * ny + (oz - oz_) * nz) / denom;
		if (!(t > tMin)) return Double.POSITIVE_INFINITY;
		double px = ox_ + t * dx - ox, py = oy_ + t * dy - oy, pz = oz_ + t * dz - oz;
		double u = px * ux + py * uy + pz * uz;
		if (u < 0 || u > uLength) return Double.POSITIVE_INFINITY;
		double v = px * vx + py * vy + pz * vz;
		if (v < 0 || v > vLength) return Double.POSITIVE_INFINITY;
		return t;
	}

	/** Surface coordinate u of a point on the plane. */
	double u(double px, double py, double pz) {
		return (px - ox) * ux + (py - oy) * uy + (pz - oz) * uz;
	}

	/** Surface coordinate v of a point on the plane. */
	double v(double px, double py, double pz) {
		return (px - ox) * vx + (py - oy) * vy + (pz - oz) * vz;
	}

	/**
	 * |cos| of the angle between the plane's normal and a unit direction, when the direction
	 * leaves the side of the plane that {@code (qx, qy, qz)} is on; 0 when it points to the other side.
	 */
	double cosineTowards(double qx, double qy, double qz, double lx, double ly, double lz) {
		double side = (qx - ox) * nx + (qy - oy) * ny + (qz - oz) * nz;
		double c = lx * nx + ly * ny + lz * nz;
		if (side < 0) c = -c;
		return Math.max(0, c);
	}

	@Override
	public String toString() {
		return "Quad[" + name + "]";
	}
}
