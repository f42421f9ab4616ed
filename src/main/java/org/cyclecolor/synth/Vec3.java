package org.cyclecolor.synth;

/** A point or direction in the scene's camera frame (metres): x right, y down, z forward. */
public record Vec3(double x, double y, double z) {

	public Vec3 times(double s) {
		return new Vec3(x * s, y * s, z * s);
	}

	public double dot(Vec3 o) {
		return x * o.x + y * o.y + z * o.z;
	}

	public Vec3 cross(Vec3 o) {
		return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
	}

	public double length() {
		return StrictMath.sqrt(dot(this));
	}

	public Vec3 normalized() {
		double n = length();
		if (!(n > 0)) throw new IllegalArgumentException("Cannot normalise the zero vector.");
		return times(1 / n);
	}

	/** The unit vector at {@code degrees} from +x towards +z in the horizontal plane (y = 0). */
	public static Vec3 horizontal(double degrees) {
		double a = StrictMath.toRadians(degrees);
		return new Vec3(StrictMath.cos(a), 0, StrictMath.sin(a));
	}
}
