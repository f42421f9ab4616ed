package org.cyclecolor.synth;

/**
 * The colour of a surface: linear RGB reflectance in 0..1 at surface coordinates (u, v), in
 * metres along the surface's own axes. Because the coordinates live on the surface, both views
 * of a stereo pair see the same texture at the same scene point.
 */
@FunctionalInterface
public interface Texture {

	/** Writes the reflectance at (u, v) to {@code out[0..2]} (R, G, B). Must be thread-safe. */
	void reflectance(double u, double v, double[] out);
}
