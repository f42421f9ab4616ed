package org.cyclecolor.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorSide;

/**
 * One architecture family: its settings and the graphs of its networks. Every variant works in
 * the same frame: candidate k of column x is reference column {@code x - firstShift - k}, i.e. the
 * colour camera on the mono camera's right ({@link #NATIVE_SIDE}), and upside down for variants
 * trained that way. {@link #frame(ColorSide)} says how to bring both images into it (a left-right
 * flip for a colour camera on the left, which is also the cycle's second pass).
 */
public final class Variant {

	/** The side of the colour camera in every variant's own frame. */
	public static final ColorSide NATIVE_SIDE = ColorSide.RIGHT;

	/** How candidates whose reference column lies outside the image enter the weight volume. */
	public enum OutOfImage {
		/** Their reference features and colours are zeros and they compete like any other (the authors' code). */
		ZERO_PADDED("zero-padded"),
		/** They get weight 0 (score -1e9 before the softmax), as the issue and the design ask. */
		MASKED("masked");

		private final String key;

		OutOfImage(String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}

		public static OutOfImage fromKey(String key) {
			for (OutOfImage o : values()) {
				if (o.key.equals(key)) return o;
			}
			throw new IllegalArgumentException("Unknown out-of-image handling '" + key + "'.");
		}
	}

	/**
	 * The settings every back-end, importer and caller needs.
	 *
	 * @param name registry key, e.g. "cyclecnn"
	 * @param summary one line for users
	 * @param candidates D, the number of candidates (a multiple of {@code sizeMultiple} when the
	 *        3-D network downsamples the candidate axis)
	 * @param firstShift the disparity of candidate 0 (0 = the same column is a candidate)
	 * @param outOfImage masked or zero-padded out-of-image candidates
	 * @param colorRange the YCbCr convention of the inputs and outputs
	 * @param upsideDown the network was trained on images rotated by 180 degrees, so it sees them
	 *        flipped top to bottom whatever the side
	 * @param sizeMultiple H and W must be multiples of it (the caller pads)
	 * @param workingWidth the width, in pixels, colorization shrinks images towards when it chooses
	 *        the working scale itself (a larger one only when the disparities need it)
	 * @param networks which of the three networks the variant defines
	 */
	public record Settings(String name, String summary, int candidates, int firstShift, OutOfImage outOfImage,
		YCbCrRange colorRange, boolean upsideDown, int sizeMultiple, int workingWidth, Set<NetworkKind> networks) {

		public Settings {
			networks = Set.copyOf(networks);
			if (!networks.contains(NetworkKind.COLORIZATION)) throw new IllegalArgumentException("Every variant has a colorization network.");
		}

		Settings withCandidates(int d) {
			return new Settings(name, summary, d, firstShift, outOfImage, colorRange, upsideDown, sizeMultiple, workingWidth, networks);
		}
	}

	private final Settings settings;
	private final BiFunction<Settings, NetworkKind, Graph> builder;
	private final Map<NetworkKind, Graph> graphs = new EnumMap<>(NetworkKind.class);

	/**
	 * @param builder writes the graph of one network for these settings
	 */
	public Variant(Settings settings, BiFunction<Settings, NetworkKind, Graph> builder) {
		if (settings.candidates() <= 0 || settings.candidates() % settings.sizeMultiple() != 0) {
			throw new IllegalArgumentException("The number of candidates must be a positive multiple of "
				+ settings.sizeMultiple() + ", got " + settings.candidates() + ".");
		}
		this.settings = settings;
		this.builder = builder;
	}

	/** The same architecture with another number of candidates D. */
	public Variant withCandidates(int candidates) {
		if (candidates == settings.candidates()) return this;
		return new Variant(settings.withCandidates(candidates), builder);
	}

	public Settings settings() {
		return settings;
	}

	public String name() {
		return settings.name();
	}

	public int candidates() {
		return settings.candidates();
	}

	public int firstShift() {
		return settings.firstShift();
	}

	public YCbCrRange colorRange() {
		return settings.colorRange();
	}

	/** True when the network sees images upside down (the authors' rotation). */
	public boolean upsideDown() {
		return settings.upsideDown();
	}

	/** How images from a rig with the colour camera on {@code side} enter this network's frame. */
	public Frame frame(ColorSide side) {
		return new Frame(side != NATIVE_SIDE, settings.upsideDown());
	}

	public int sizeMultiple() {
		return settings.sizeMultiple();
	}

	/** The width colorization shrinks images towards when it chooses the working scale. */
	public int workingWidth() {
		return settings.workingWidth();
	}

	public boolean has(NetworkKind kind) {
		return settings.networks().contains(kind);
	}

	/** True when its colorization network reads a matching prior ({@link NetworkKind#PRIOR}). */
	public boolean readsPrior() {
		return graph(NetworkKind.COLORIZATION).inputs().stream().anyMatch(i -> i.name().equals(NetworkKind.PRIOR));
	}

	/** The graph of one of its networks (built once). */
	public synchronized Graph graph(NetworkKind kind) {
		if (!has(kind)) throw new IllegalArgumentException("Variant " + name() + " has no " + kind.key() + " network.");
		return graphs.computeIfAbsent(kind, k -> builder.apply(settings, k));
	}

	@Override
	public String toString() {
		return name() + " (D = " + candidates() + ")";
	}
}
