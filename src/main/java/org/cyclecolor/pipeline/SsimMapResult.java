package org.cyclecolor.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.ImagePlus;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.metrics.Channel;
import org.cyclecolor.metrics.ChannelSsimResult;
import org.cyclecolor.metrics.Ssim;
import org.cyclecolor.metrics.SsimResult;

/**
 * What {@link SsimMapOperation} found: the numbers, the SSIM map (and l, c, s stack) as
 * displayable 32-bit images, the decisions it took for the user, and a summary with the same
 * keys everywhere (command-line JSON, macro results, the results table).
 */
public final class SsimMapResult {

	private final String title1, title2;
	private final double dataRange;
	private final String dataRangeSource;
	private final ChannelSsimResult ssim;
	private final String title;
	private final List<String> notes;

	SsimMapResult(String title1, String title2, double dataRange, String dataRangeSource, ChannelSsimResult ssim,
		String title, List<String> notes)
	{
		this.title1 = title1;
		this.title2 = title2;
		this.dataRange = dataRange;
		this.dataRangeSource = dataRangeSource;
		this.ssim = ssim;
		this.title = title;
		this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
	}

	/** The numbers and maps behind the images. */
	public ChannelSsimResult ssim() {
		return ssim;
	}

	public double mean() {
		return ssim.mean();
	}

	public double dataRange() {
		return dataRange;
	}

	/** Decisions taken for the user (conversions, data range from the data), one sentence each. */
	public List<String> notes() {
		return notes;
	}

	/** The SSIM map: 32-bit, Fire LUT over 0..1, a calibration bar, the parameters in its Info. */
	public ImagePlus mapImage() {
		ImagePlus imp = MapDisplay.image(title, ssim.map());
		imp.setProperty("Info", info());
		return imp;
	}

	/** The luminance, contrast and structure maps as a 3-plane stack; null unless asked for. */
	public ImagePlus componentsImage() {
		FloatPlane[] lcs = ssim.componentMaps();
		if (lcs == null) return null;
		ImagePlus imp = MapDisplay.stack(title.replaceFirst("^SSIM", "SSIM l, c, s"),
			List.of("luminance l", "contrast c", "structure s"), List.of(lcs));
		imp.setProperty("Info", info());
		return imp;
	}

	/**
	 * The summary: image1, image2, mode, channels, data_range, data_range_source, width, height,
	 * border (pixels left out of the means at each edge), ssim, luminance, contrast, structure
	 * (when computed) and ssim_&lt;channel&gt; for each channel of a multi-channel mode.
	 */
	public Map<String, Object> summary() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("image1", title1);
		m.put("image2", title2);
		m.put("mode", ssim.mode().key());
		List<String> channels = new ArrayList<>();
		for (Channel c : ssim.channels().keySet()) channels.add(c.key());
		m.put("channels", channels);
		m.put("data_range", dataRange);
		m.put("data_range_source", dataRangeSource);
		FloatPlane map = ssim.map();
		m.put("width", map.width());
		m.put("height", map.height());
		m.put("border", Ssim.BORDER);
		m.put("ssim", ssim.mean());
		if (ssim.hasComponents()) {
			m.put("luminance", ssim.luminanceMean());
			m.put("contrast", ssim.contrastMean());
			m.put("structure", ssim.structureMean());
		}
		if (ssim.channels().size() > 1) {
			for (Map.Entry<Channel, SsimResult> e : ssim.channels().entrySet()) {
				m.put("ssim_" + e.getKey().key(), e.getValue().mean());
			}
		}
		return m;
	}

	/** The parameters and results as lines of text, stored with the images. */
	String info() {
		StringBuilder sb = new StringBuilder("Cycle Colorization SSIM map\n");
		for (Map.Entry<String, Object> e : summary().entrySet()) {
			Object v = e.getValue();
			sb.append(e.getKey()).append(" = ")
				.append(v instanceof Double ? String.format(Locale.ROOT, "%.6f", (Double) v) : String.valueOf(v)).append('\n');
		}
		sb.append("window = Gaussian 11x11, sigma 1.5, K1 0.01, K2 0.03 (means over the interior, ")
			.append(Ssim.BORDER).append(" px in from each edge)\n");
		return sb.toString();
	}
}
