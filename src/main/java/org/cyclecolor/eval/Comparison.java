package org.cyclecolor.eval;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.metrics.Channel;
import org.cyclecolor.metrics.ChannelSsim;
import org.cyclecolor.metrics.ChannelSsimResult;
import org.cyclecolor.metrics.DeltaE76;
import org.cyclecolor.metrics.Psnr;
import org.cyclecolor.metrics.Ssim;
import org.cyclecolor.metrics.SsimMode;

/**
 * A colorization compared with its target (ground truth, or the colour image for the cycle): the
 * per-pixel maps — SSIM on R, G, B and on Cb, Cr (the channels' maps averaged), ΔE76 — computed once,
 * then {@link Scores} over any {@link Region}. SSIM is the paper's: Gaussian 11x11, σ 1.5, K1 0.01,
 * K2 0.03, data range 255 ({@link Ssim}).
 */
public final class Comparison {

	private static final List<Channel> RGB = List.of(Channel.R, Channel.G, Channel.B);
	private static final List<Channel> CBCR = List.of(Channel.CB, Channel.CR);

	private final Map<Channel, FloatPlane> result, target;
	private final FloatPlane rgbSsim, cbcrSsim, deltaE;

	private Comparison(Map<Channel, FloatPlane> result, Map<Channel, FloatPlane> target, FloatPlane rgbSsim,
		FloatPlane cbcrSsim, FloatPlane deltaE)
	{
		this.result = result;
		this.target = target;
		this.rgbSsim = rgbSsim;
		this.cbcrSsim = cbcrSsim;
		this.deltaE = deltaE;
	}

	/** Compares {@code result} with {@code target} (one size, full scale 255). */
	public static Comparison of(RgbImage result, RgbImage target, Progress progress) {
		if (!result.sameSize(target) || result.maxValue() != 255 || target.maxValue() != 255) {
			throw new IllegalArgumentException("Comparison needs two 0..255 images of one size, got " + result + " and " + target + ".");
		}
		Ssim ssim = new Ssim(255);
		ChannelSsimResult rgb = ChannelSsim.compare(result, target, SsimMode.RGB, ssim, progress.sub(0, 0.5));
		ChannelSsimResult cbcr = ChannelSsim.compare(result, target, SsimMode.CBCR, ssim, progress.sub(0.5, 0.9));
		FloatPlane de = DeltaE76.map(result, target);
		EnumSet<Channel> all = EnumSet.of(Channel.R, Channel.G, Channel.B, Channel.CB, Channel.CR);
		return new Comparison(Channel.planes(result, all), Channel.planes(target, all), rgb.map(), cbcr.map(), de);
	}

	/** The scores over the pixels of {@code region}. */
	public Scores scores(Region region) {
		return new Scores(psnr(RGB, region), region.mean(rgbSsim), psnr(CBCR, region), region.mean(cbcrSsim),
			region.mean(deltaE), region.count());
	}

	private double psnr(List<Channel> channels, Region region) {
		return Psnr.of(channels.stream().map(result::get).toList(), channels.stream().map(target::get).toList(), 255,
			region.mask());
	}

	/** SSIM of R, G, B at every pixel (the three channels' maps averaged). */
	public FloatPlane rgbSsimMap() {
		return rgbSsim;
	}

	/** SSIM of Cb and Cr at every pixel (the two channels' maps averaged). */
	public FloatPlane cbcrSsimMap() {
		return cbcrSsim;
	}

	/** ΔE76 at every pixel. */
	public FloatPlane deltaEMap() {
		return deltaE;
	}
}
