package org.cyclecolor.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which channels SSIM compares. Several channels are compared one by one and averaged (as
 * scikit-image does with {@code channel_axis}): the mean is the mean of the channel means, the
 * map the per-pixel mean of the channel maps.
 */
public enum SsimMode {

	/** Luminance Y (full-range BT.601) of colour images, or the gray values themselves. */
	LUMINANCE("luminance", Channel.Y),
	/** R, G and B separately, averaged. */
	RGB("rgb", Channel.R, Channel.G, Channel.B),
	/** Chroma Cb and Cr separately, averaged: the paper's cycle-consistency measure. */
	CBCR("cbcr", Channel.CB, Channel.CR),
	R("r", Channel.R),
	G("g", Channel.G),
	B("b", Channel.B),
	CB("cb", Channel.CB),
	CR("cr", Channel.CR);

	private final String key;
	private final List<Channel> channels;

	SsimMode(String key, Channel... channels) {
		this.key = key;
		this.channels = Collections.unmodifiableList(Arrays.asList(channels));
	}

	/** The option value: "luminance", "rgb", "cbcr", "r", "g", "b", "cb", "cr". */
	public String key() {
		return key;
	}

	public List<Channel> channels() {
		return channels;
	}

	public Set<Channel> channelSet() {
		return EnumSet.copyOf(channels);
	}

	/** True for every mode but luminance: gray images have no colour channels to compare. */
	public boolean needsColor() {
		return this != LUMINANCE;
	}

	/** Every key, for help texts and choice lists. */
	public static List<String> keys() {
		return Arrays.stream(values()).map(SsimMode::key).collect(Collectors.toList());
	}

	/** Parses a key (case-insensitive; "y" means luminance); null when it names no mode. */
	public static SsimMode fromKey(String key) {
		if (key == null) return null;
		String k = key.trim().toLowerCase(Locale.ROOT).replace("/", "").replace("-", "");
		if (k.equals("y") || k.equals("gray") || k.equals("grey")) return LUMINANCE;
		for (SsimMode m : values()) {
			if (m.key.equals(k)) return m;
		}
		return null;
	}
}
