package org.cyclecolor.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/** SSIM over the channels a {@link SsimMode} names, averaged; or of two gray planes. */
public final class ChannelSsim {

	private ChannelSsim() {}

	/** SSIM of two colour images of one size and full scale, channel by channel. */
	public static ChannelSsimResult compare(RgbImage a, RgbImage b, SsimMode mode, Ssim ssim, Progress progress) {
		if (!a.sameSize(b)) {
			throw new IllegalArgumentException("SSIM needs images of one size, got " + a + " and " + b + ".");
		}
		Map<Channel, FloatPlane> pa = Channel.planes(a, mode.channelSet());
		Map<Channel, FloatPlane> pb = Channel.planes(b, mode.channelSet());
		Map<Channel, SsimResult> results = new EnumMap<>(Channel.class);
		List<Channel> channels = mode.channels();
		for (int i = 0; i < channels.size(); i++) {
			Channel ch = channels.get(i);
			Progress sub = progress.sub((double) i / channels.size(), (double) (i + 1) / channels.size());
			results.put(ch, ssim.compare(pa.get(ch), pb.get(ch), sub));
		}
		return new ChannelSsimResult(mode, results);
	}

	/** SSIM of two gray planes; reported as the luminance mode with the one channel Y. */
	public static ChannelSsimResult compareGray(FloatPlane a, FloatPlane b, Ssim ssim, Progress progress) {
		Map<Channel, SsimResult> results = new EnumMap<>(Channel.class);
		results.put(Channel.Y, ssim.compare(a, b, progress));
		return new ChannelSsimResult(SsimMode.LUMINANCE, results);
	}

	/** Per-pixel mean of planes of one size (the plane itself when there is one). */
	static FloatPlane average(List<FloatPlane> planes) {
		if (planes.size() == 1) return planes.get(0);
		FloatPlane first = planes.get(0);
		FloatPlane out = new FloatPlane(first.width(), first.height());
		float[] o = out.data();
		for (FloatPlane p : planes) {
			float[] d = p.data();
			for (int i = 0; i < o.length; i++) o[i] += d[i];
		}
		float inv = 1f / planes.size();
		for (int i = 0; i < o.length; i++) o[i] *= inv;
		return out;
	}

	static List<FloatPlane> collect(Iterable<SsimResult> results, java.util.function.Function<SsimResult, FloatPlane> f) {
		List<FloatPlane> out = new ArrayList<>();
		for (SsimResult r : results) out.add(f.apply(r));
		return out;
	}
}
