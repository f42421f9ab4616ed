package org.cyclecolor.synth;

/**
 * Seeded 2-D gradient noise (Perlin's construction: random unit gradients on the integer lattice,
 * quintic interpolation) and its multi-octave sum. Pure arithmetic on a hash of the lattice
 * point, so the same seed gives the same values on every machine.
 */
final class GradientNoise {

	private static final int DIRECTIONS = 16;
	private static final double[] GX = new double[DIRECTIONS];
	private static final double[] GY = new double[DIRECTIONS];

	static {
		for (int i = 0; i < DIRECTIONS; i++) {
			double a = 2 * StrictMath.PI * (i + 0.5) / DIRECTIONS;
			GX[i] = StrictMath.cos(a);
			GY[i] = StrictMath.sin(a);
		}
	}

	private final long seed;

	GradientNoise(long seed) {
		this.seed = mix(seed ^ 0x5DEECE66DL);
	}

	/** Noise at (x, y); smooth, zero on lattice points, roughly within [-0.75, 0.75]. */
	double noise(double x, double y) {
		double fx = Math.floor(x), fy = Math.floor(y);
		long ix = (long) fx, iy = (long) fy;
		double tx = x - fx, ty = y - fy;
		double n00 = corner(ix, iy, tx, ty);
		double n10 = corner(ix + 1, iy, tx - 1, ty);
		double n01 = corner(ix, iy + 1, tx, ty - 1);
		double n11 = corner(ix + 1, iy + 1, tx - 1, ty - 1);
		double sx = fade(tx), sy = fade(ty);
		double a = n00 + sx * (n10 - n00);
		double b = n01 + sx * (n11 - n01);
		return a + sy * (b - a);
	}

	/**
	 * Sum of {@code octaves} octaves: frequency doubles and amplitude halves each octave; the sum is
	 * divided by the total amplitude, so the result stays roughly within [-0.75, 0.75].
	 */
	double fbm(double x, double y, int octaves) {
		double sum = 0, amp = 1, total = 0, f = 1;
		for (int o = 0; o < octaves; o++) {
			// Each octave is shifted so that lattice zeros of different octaves do not line up.
			sum += amp * noise(x * f + 17.3 * o, y * f - 9.1 * o);
			total += amp;
			amp *= 0.5;
			f *= 2;
		}
		return sum / total;
	}

	/** A uniform value in [0, 1) for the integer cell (i, j) and a channel k: per-tile randomness. */
	double cellRandom(long i, long j, int k) {
		long h = mix(seed + 0x632BE59BD9B4E019L * i + 0x9E3779B97F4A7C15L * j + 0xD1B54A32D192ED03L * k);
		return (h >>> 11) * 0x1.0p-53;
	}

	private double corner(long ix, long iy, double dx, double dy) {
		int g = (int) (mix(seed + 0x632BE59BD9B4E019L * ix + 0x9E3779B97F4A7C15L * iy) >>> 60);
		return GX[g] * dx + GY[g] * dy;
	}

	private static double fade(double t) {
		return t * t * t * (t * (t * 6 - 15) + 10);
	}

	/** SplitMix64's finaliser: a bijective scramble of 64 bits. */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
