package org.cyclecolor.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.cyclecolor.image.FloatPlane;

/**
 * SSIM over one or more channels: each channel's {@link SsimResult}, and their average (the mean
 * of the channel means; the per-pixel mean of the channel maps). Means cover the interior only,
 * {@link Ssim#BORDER} pixels in from every edge, as in scikit-image.
 */
public final class ChannelSsimResult {

	private final SsimMode mode;
	private final Map<Channel, SsimResult> channels;
	private FloatPlane map;
	private FloatPlane[] components;

	ChannelSsimResult(SsimMode mode, Map<Channel, SsimResult> channels) {
		this.mode = mode;
		this.channels = Collections.unmodifiableMap(new EnumMap<>(channels));
	}

	public SsimMode mode() {
		return mode;
	}

	/** The result of each compared channel, in channel order. */
	public Map<Channel, SsimResult> channels() {
		return channels;
	}

	/** Mean SSIM: the average of the channels' interior means. */
	public double mean() {
		return average(SsimResult::mean);
	}

	/** Mean of the (channel-averaged) map leaving out {@code border} pixels at each edge; see {@link SsimResult#mean(int)}. */
	public double mean(int border) {
		return SsimResult.interiorMean(map(), border);
	}

	public double luminanceMean() {
		return average(SsimResult::luminanceMean);
	}

	public double contrastMean() {
		return average(SsimResult::contrastMean);
	}

	public double structureMean() {
		return average(SsimResult::structureMean);
	}

	public boolean hasComponents() {
		return channels.values().iterator().next().hasComponents();
	}

	/** The SSIM map, averaged over channels (computed on first use). */
	public synchronized FloatPlane map() {
		if (map == null) map = ChannelSsim.average(ChannelSsim.collect(channels.values(), SsimResult::map));
		return map;
	}

	/** The l, c, s maps averaged over channels; null without components. */
	public synchronized FloatPlane[] componentMaps() {
		if (!hasComponents()) return null;
		if (components == null) {
			components = new FloatPlane[] {
				ChannelSsim.average(ChannelSsim.collect(channels.values(), SsimResult::luminance)),
				ChannelSsim.average(ChannelSsim.collect(channels.values(), SsimResult::contrast)),
				ChannelSsim.average(ChannelSsim.collect(channels.values(), SsimResult::structure)) };
		}
		return components.clone();
	}

	private double average(ToDoubleFunction<SsimResult> f) {
		double s = 0;
		for (SsimResult r : channels.values()) s += f.applyAsDouble(r);
		return s / channels.size();
	}
}
