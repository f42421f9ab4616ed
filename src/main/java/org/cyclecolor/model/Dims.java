package org.cyclecolor.model;

/**
 * The shape of a value inside a network, without the batch axis: a map (channels, height, width)
 * when {@code depth == 0}, or a volume over candidates (channels, depth, height, width).
 */
public record Dims(int channels, int depth, int height, int width) {

	public static Dims map(int channels, int height, int width) {
		return new Dims(channels, 0, height, width);
	}

	public static Dims volume(int channels, int depth, int height, int width) {
		if (depth <= 0) throw new IllegalArgumentException("A volume needs a positive depth, got " + depth + ".");
		return new Dims(channels, depth, height, width);
	}

	public boolean isVolume() {
		return depth > 0;
	}

	/** Spatial rank: 2 for maps, 3 for volumes. */
	public int spatialRank() {
		return isVolume() ? 3 : 2;
	}

	/** The spatial sizes: (h, w) or (d, h, w). */
	public int[] spatial() {
		return isVolume() ? new int[] { depth, height, width } : new int[] { height, width };
	}

	/** Values per batch item. */
	public long elements() {
		return (long) channels * (isVolume() ? depth : 1) * height * width;
	}

	/** Spatial positions per batch item (pixels or voxels). */
	public long positions() {
		return (long) (isVolume() ? depth : 1) * height * width;
	}

	public Dims withChannels(int c) {
		return new Dims(c, depth, height, width);
	}

	/** As a tensor shape with a batch axis of {@code n}. */
	public int[] shape(int n) {
		return isVolume() ? new int[] { n, channels, depth, height, width } : new int[] { n, channels, height, width };
	}

	@Override
	public String toString() {
		return isVolume() ? "(" + channels + ", " + depth + ", " + height + ", " + width + ")"
			: "(" + channels + ", " + height + ", " + width + ")";
	}
}
