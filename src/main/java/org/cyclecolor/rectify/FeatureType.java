package org.cyclecolor.rectify;

/** The keypoint detector and descriptor used to match the gray image with the colour luminance. */
public enum FeatureType {

	/** SIFT (difference of Gaussians, 128-D gradient histograms): most robust, slowest. */
	SIFT("sift"),

	/** SURF with BoofCV's "stable" descriptor (64-D Haar wavelets, overlapping sub-regions). */
	SURF("surf"),

	/** SURF with BoofCV's "fast" descriptor: quicker, fewer good matches under gamma differences. */
	SURF_FAST("surf-fast");

	private final String key;

	FeatureType(String key) {
		this.key = key;
	}

	/** "sift", "surf" or "surf-fast", as used in options and macros. */
	public String key() {
		return key;
	}

	/** Parses {@link #key()} (case-insensitive; "surf_fast" is accepted too). */
	public static FeatureType fromKey(String key) {
		String k = key.trim().replace('_', '-');
		for (FeatureType f : values()) {
			if (f.key.equalsIgnoreCase(k)) return f;
		}
		throw new IllegalArgumentException("Unknown feature type '" + key + "': use 'sift', 'surf' or 'surf-fast'.");
	}
}
