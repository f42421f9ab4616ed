package org.cyclecolor.baseline.stereo;

import java.util.Locale;

/**
 * How a gray pixel and a candidate colour-image pixel are compared. The two cameras differ in
 * gain, gamma, spectral response and noise, so the costs differ in what they forgive; all three
 * are scaled to 0..{@link CostVolume#MAX_COST} so that one set of smoothness penalties fits.
 * Penalties were chosen per cost on Middlebury pairs with a simulated mono camera (see
 * {@code docs/baselines.md}).
 */
public enum MatchingCost {

	/**
	 * Census transform over a 9x7 window (62 bits: is each neighbour darker than the centre?),
	 * Hamming distance. Unchanged by any monotonic change of the response (gain, offset, gamma).
	 */
	CENSUS("census", 4, 10, 86),

	/**
	 * Zero-mean normalised cross-correlation over a 5x5 window, cost 31 (1 − ZNCC). Unchanged by a
	 * local gain and offset. The default: on Middlebury pairs it gave the best chroma in every
	 * condition tried and the fewest wrong disparities once the cameras add noise.
	 */
	ZNCC("zncc", 2, 10, 64),

	/**
	 * Absolute difference of single pixels after matching the colour image's luminance mean and
	 * standard deviation to the gray image's (a global gain and offset), truncated at 63. The
	 * simplest cost; it forgives neither gamma nor local differences.
	 */
	GAIN_COMPENSATED_AD("ad", 0, 6, 64);

	private final String key;
	private final int halfWidth;
	private final int p1;
	private final int p2;

	MatchingCost(String key, int halfWidth, int p1, int p2) {
		this.key = key;
		this.halfWidth = halfWidth;
		this.p1 = p1;
		this.p2 = p2;
	}

	/** Short name used in options and tables: "census", "zncc", "ad". */
	public String key() {
		return key;
	}

	/**
	 * Half width of the cost's window. Where a window reaches past the left or right image border
	 * it is filled by repeating the border column, in one image but not at the same place in the
	 * other, so such costs are biased and their matches are not trusted.
	 */
	public int windowHalfWidth() {
		return halfWidth;
	}

	/** Default SGM penalty for a disparity change of one. */
	public int defaultP1() {
		return p1;
	}

	/** Default SGM penalty for a larger disparity jump. */
	public int defaultP2() {
		return p2;
	}

	/** Parses {@link #key()} (case-insensitive). */
	public static MatchingCost fromKey(String key) {
		for (MatchingCost c : values()) {
			if (c.key.equals(key.trim().toLowerCase(Locale.ROOT))) return c;
		}
		throw new IllegalArgumentException("Unknown matching cost '" + key + "': use census, zncc or ad.");
	}
}
