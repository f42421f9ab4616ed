package org.cyclecolor.infer;

import java.util.Locale;

import org.cyclecolor.image.CoarseGrid;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.GuidedFilterUpsampling;
import org.cyclecolor.image.JointBilateralUpsampling;

/**
 * How chroma computed at the working scale is brought back to full resolution, guided by the
 * full-resolution gray image. The default and the parameters were chosen by measurement against
 * ground truth (docs/commands/colorize.md, "Chroma upsampling"; {@code scripts/bench UpsamplerStudy}).
 */
public enum ChromaUpsampler {

	/** Plain bilinear interpolation (no guide): the yardstick. */
	BILINEAR("bilinear"),
	/** Joint bilateral upsampling (Kopf et al. 2007). */
	JOINT_BILATERAL("joint-bilateral"),
	/** The fast guided filter (He and Sun 2015). */
	GUIDED_FILTER("guided-filter");

	/** The upsampler used unless the user picks another. */
	public static final ChromaUpsampler DEFAULT = JOINT_BILATERAL;

	static final double JBU_SPATIAL_SIGMA = 0.4;
	static final double JBU_RANGE_SIGMA = 16.0;
	static final int GF_RADIUS = 1;
	static final double GF_EPS = 25.0;

	private final String key;

	ChromaUpsampler(String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}

	public static ChromaUpsampler fromKey(String key) {
		for (ChromaUpsampler u : values()) {
			if (u.key.equalsIgnoreCase(key.trim())) return u;
		}
		throw new IllegalArgumentException("Unknown upsampler '" + key + "': use "
			+ String.join(", ", keys()) + ".");
	}

	public static String[] keys() {
		String[] k = new String[values().length];
		for (int i = 0; i < k.length; i++) k[i] = values()[i].key;
		return k;
	}

	/**
	 * The coarse planes (on the grid of {@code guide} shrunk by {@code factor}) at full resolution.
	 *
	 * @param guideCoarse the gray image shrunk by {@code factor} (what the network saw)
	 * @param guide the gray image at full resolution (0..255 units)
	 */
	public FloatPlane[] upsample(FloatPlane[] coarse, FloatPlane guideCoarse, FloatPlane guide, int factor) {
		if (factor == 1) return coarse;
		switch (this) {
			case JOINT_BILATERAL:
				return new JointBilateralUpsampling(JBU_SPATIAL_SIGMA, JBU_RANGE_SIGMA).upsample(coarse, guideCoarse, guide, factor);
			case GUIDED_FILTER:
				return new GuidedFilterUpsampling(GF_RADIUS, GF_EPS).upsample(coarse, guideCoarse, guide, factor);
			default:
				FloatPlane[] out = new FloatPlane[coarse.length];
				for (int c = 0; c < out.length; c++) out[c] = CoarseGrid.bilinearUpsample(coarse[c], guide.width(), guide.height(), factor);
				return out;
		}
	}

	@Override
	public String toString() {
		return key.toLowerCase(Locale.ROOT);
	}
}
