package org.cyclecolor.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.ImagePlus;

import org.cyclecolor.image.CoarseGrid;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.infer.ChromaUpsampler;
import org.cyclecolor.infer.CycleCheck;
import org.cyclecolor.infer.DeviceSelector;
import org.cyclecolor.infer.InferenceEngine;
import org.cyclecolor.infer.ModelDescription;
import org.cyclecolor.infer.NetworkColorizer;
import org.cyclecolor.infer.WeightVolumeMaps;
import org.cyclecolor.metrics.Channel;
import org.cyclecolor.metrics.Ssim;
import org.cyclecolor.model.Variant;

/**
 * What {@link ColorizeOperation} made: the colorized image (in the gray image's type), the cycle
 * check's reconstruction and SSIM maps, the weight volume and its maps, the decisions taken for
 * the user, and a summary with the same keys everywhere (command-line JSON, macro results,
 * results tables).
 */
public final class ColorizeResult {

	private final ColorizationPair pair;
	private final ModelDescription model;
	private final Variant variant;
	private final DeviceSelector.Choice device;
	private final ColorizeOperation.Decisions decisions;
	private final NetworkColorizer.Output output;
	private final CycleCheck.Result cycle;
	private final boolean authorsCycle;
	private final ChromaUpsampler upsampler;
	private final List<String> notes;
	private final Map<String, Double> millis;
	private WeightVolumeMaps maps;

	ColorizeResult(ColorizationPair pair, ModelDescription model, Variant variant, DeviceSelector.Choice device,
		ColorizeOperation.Decisions decisions, NetworkColorizer.Output output, CycleCheck.Result cycle, boolean authorsCycle,
		ChromaUpsampler upsampler, List<String> notes, Map<String, Double> millis)
	{
		this.pair = pair;
		this.model = model;
		this.variant = variant;
		this.device = device;
		this.decisions = decisions;
		this.output = output;
		this.cycle = cycle;
		this.authorsCycle = authorsCycle;
		this.upsampler = upsampler;
		this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
		this.millis = millis;
	}

	/** The network's result (Y = the gray image; full-range YCbCr and RGB 0..255) and its pass. */
	public NetworkColorizer.Output output() {
		return output;
	}

	/** The cycle check, or null when it was not asked for. */
	public CycleCheck.Result cycle() {
		return cycle;
	}

	/** Decisions taken for the user (conversions, estimates, scale), one sentence each. */
	public List<String> notes() {
		return notes;
	}

	/** The colorized gray image, in the gray image's type (8-bit RGB for 8-bit input). */
	public ImagePlus colorizedImage() {
		ImagePlus imp = pair.toGrayType(pair.stem() + "-colorized", output.rgb());
		imp.setProperty("Info", info("Cycle Colorization result"));
		return imp;
	}

	/** R'_C: the colour image's luminance colorized back from the result (8-bit RGB); null without the cycle check. */
	public ImagePlus reconstructionImage() {
		if (cycle == null) return null;
		ImagePlus imp = org.cyclecolor.image.ImagePlusAdapter.toImagePlus(pair.stem() + "-cycle-reconstruction", cycle.reconstruction());
		imp.setProperty("Info", info("Cycle Colorization cycle reconstruction R'_C"));
		return imp;
	}

	/** The cycle SSIM map on Cb and Cr (Fire, 0..1, calibration bar); null without the cycle check. */
	public ImagePlus cycleMapImage() {
		if (cycle == null) return null;
		ImagePlus imp = MapDisplay.image(pair.stem() + "-cycle-ssim-cbcr", cycle.cbcr().map());
		imp.setProperty("Info", info("Cycle Colorization cycle SSIM map (Cb, Cr)"));
		return imp;
	}

	/**
	 * The side-by-side figure: mono input, colour reference, result, the ground truth when given
	 * (null: none), and with the cycle check its SSIM map and colour bar ({@link Composite}).
	 */
	public ImagePlus compositeImage(ImagePlus truth) {
		RgbImage t = truth == null ? null : Composite.truth(truth, pair.width(), pair.height());
		String heading = String.format(Locale.ROOT, "%s: %s, scale 1/%d, colour camera on the %s%s", pair.stem(), variant.name(),
			output.pass().factor(), decisions.side().key(), cycle == null ? "" : String.format(Locale.ROOT,
				"; cycle SSIM %.3f (Cb, Cr)", cycle.cbcr().mean()));
		ImagePlus imp = Composite.of(this, t, heading).image();
		imp.setTitle(pair.stem() + "-composite");
		return imp;
	}

	ColorizationPair pair() {
		return pair;
	}

	Variant variant() {
		return variant;
	}

	/** The weight volume as a calibrated hyperstack (one slice per candidate); null unless kept. */
	public ImagePlus weightVolumeImage() {
		if (output.pass().weights() == null) return null;
		return WeightVolumeDisplay.volume(pair.stem() + "-weights", output.pass().weights(), output.pass().factor());
	}

	/** Best and W-weighted mean disparity (two slices); null unless the weights were kept. */
	public ImagePlus disparityImage() {
		if (output.pass().weights() == null) return null;
		return WeightVolumeDisplay.disparity(pair.stem() + "-disparity", maps(), output.pass().weights(), output.pass().factor());
	}

	/** Largest weight and normalised entropy (two slices); null unless the weights were kept. */
	public ImagePlus confidenceImage() {
		if (output.pass().weights() == null) return null;
		return WeightVolumeDisplay.confidence(pair.stem() + "-confidence", maps(), output.pass().weights(), output.pass().factor());
	}

	/** The maps of the weight volume; null unless it was kept. */
	public synchronized WeightVolumeMaps maps() {
		if (maps == null && output.pass().weights() != null) maps = WeightVolumeMaps.of(output.pass().weights(), output.pass().factor());
		return maps;
	}

	/**
	 * The summary: image size, model (named as {@link ModelDescription} names it: the bundled
	 * default model or the file's path), variant, model_version, model_training, device and why,
	 * colour side and how it was found, max disparity (and source), scale, working size, covered
	 * disparity, refined, upsampler, tiles, and with the cycle check cycle_ssim_cbcr,
	 * cycle_ssim_cb, cycle_ssim_cr, cycle_ssim_rgb and cycle_second_pass; timings_ms per stage.
	 */
	public Map<String, Object> summary() {
		InferenceEngine.Pass p = output.pass();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("width", pair.width());
		m.put("height", pair.height());
		m.putAll(model.summary());
		m.put("device", device.device().key());
		m.put("device_reason", device.reason());
		m.put("color_side", decisions.side().key());
		m.put("color_side_source", decisions.sideSource());
		m.put("max_disparity", decisions.maxDisparity());
		m.put("max_disparity_source", decisions.maxDisparitySource());
		m.put("scale", decisions.factor());
		m.put("scale_source", decisions.factorSource());
		m.put("working_width", CoarseGrid.size(pair.width(), p.factor()));
		m.put("working_height", CoarseGrid.size(pair.height(), p.factor()));
		m.put("covered_disparity", decisions.covered());
		m.put("refined", p.refined());
		m.put("upsampler", upsampler.key());
		m.put("network_tiles", p.networkTiles().tiles().size());
		m.put("refinement_tiles", p.refinementTiles() == null ? 0 : p.refinementTiles().tiles().size());
		if (cycle != null) {
			m.put("cycle_ssim_cbcr", cycle.cbcr().mean());
			m.put("cycle_ssim_cb", cycle.cbcr().channels().get(Channel.CB).mean());
			m.put("cycle_ssim_cr", cycle.cbcr().channels().get(Channel.CR).mean());
			m.put("cycle_ssim_rgb", cycle.rgb().mean());
			m.put("cycle_second_pass", authorsCycle ? "authors" : "paper");
			m.put("ssim_border", Ssim.BORDER);
		}
		Map<String, Object> t = new LinkedHashMap<>();
		millis.forEach((k, v) -> t.put(k, Math.round(v * 10) / 10.0));
		m.put("timings_ms", t);
		return m;
	}

	private String info(String what) {
		StringBuilder sb = new StringBuilder(what).append('\n');
		for (Map.Entry<String, Object> e : summary().entrySet()) {
			Object v = e.getValue();
			sb.append(e.getKey()).append(" = ").append(v instanceof Double ? String.format(Locale.ROOT, "%.6f", (Double) v) : String.valueOf(v))
				.append('\n');
		}
		for (String n : notes) sb.append("note: ").append(n).append('\n');
		return sb.toString();
	}
}
