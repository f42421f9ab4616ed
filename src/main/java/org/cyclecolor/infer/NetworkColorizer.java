package org.cyclecolor.infer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cyclecolor.Progress;
import org.cyclecolor.image.CoarseGrid;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.method.ColorizationInput;
import org.cyclecolor.method.ColorizationResult;
import org.cyclecolor.method.Colorizer;
import org.cyclecolor.model.Variant;

/**
 * The network as a colorization method: a gray image and a colour image (0..255) in, the gray
 * image in colour out. Converts both into the model's YCbCr range, runs an {@link InferenceEngine}
 * pass and assembles the result, whose luminance is always the gray image's. Evaluation runs it
 * through {@link Colorizer} like any baseline.
 */
public final class NetworkColorizer implements Colorizer {

	/** Weight volumes up to this many values become the "disparity" and "confidence" maps of a {@link ColorizationResult}. */
	static final long MAPS_LIMIT = 64L << 20;

	private final InferenceEngine engine;
	private final boolean refine;

	/**
	 * @param refine run the refinement network when the model has one
	 */
	public NetworkColorizer(InferenceEngine engine, boolean refine) {
		this.engine = engine;
		this.refine = refine;
	}

	public InferenceEngine engine() {
		return engine;
	}

	@Override
	public String name() {
		return engine.model().variant().name();
	}

	/** A colorization: the result and the pass behind it. */
	public record Output(YCbCrImage image, RgbImage rgb, YCbCrImage modelImage, InferenceEngine.Pass pass) {}

	/**
	 * Colorizes {@code gray} with {@code color} (one size, 0..255).
	 *
	 * @param factor the working scale (see {@link WorkingScale})
	 * @param keepWeights also return the weight volume
	 */
	public Output run(FloatPlane gray, RgbImage color, ColorSide side, int factor, boolean keepWeights, Progress progress) {
		return run(gray, color, side, factor, 0, keepWeights, progress);
	}

	/**
	 * As {@link #run(FloatPlane, RgbImage, ColorSide, int, boolean, Progress)}, with the largest
	 * disparity between the images (full-resolution pixels, 0 = unknown) for guided networks' prior.
	 */
	public Output run(FloatPlane gray, RgbImage color, ColorSide side, int factor, int maxDisparity, boolean keepWeights,
		Progress progress)
	{
		Variant v = engine.model().variant();
		YCbCrRange range = v.colorRange();
		FloatPlane y = YCbCr.grayToY(gray, range, 255);
		FloatPlane neutral = FloatPlane.filled(gray.width(), gray.height(), 128f);
		YCbCrImage target = new YCbCrImage(y, neutral, neutral, range, 255);
		YCbCrImage reference = YCbCr.toYCbCr(color, range);
		InferenceEngine.Pass pass = engine.run(target, reference, side, factor, maxDisparity, refine, keepWeights, progress);
		return output(gray, pass, v);
	}

	/** The result of a pass whose target luminance is {@code gray}: full-range YCbCr with Y = gray, and RGB. */
	static Output output(FloatPlane gray, InferenceEngine.Pass pass, Variant v) {
		YCbCrImage model = pass.image(YCbCr.grayToY(gray, v.colorRange(), 255), v);
		RgbImage rgb = YCbCr.toRgb(model);
		YCbCrImage full = v.colorRange() == YCbCrRange.FULL ? model : YCbCr.toYCbCr(rgb, YCbCrRange.FULL).withY(gray);
		return new Output(full, rgb, model, pass);
	}

	@Override
	public ColorizationResult colorize(ColorizationInput input, Progress progress) {
		Variant v = engine.model().variant();
		int factor = WorkingScale.auto(input.maxDisparity(), input.width(), v);
		long volume = (long) v.candidates() * CoarseGrid.size(input.width(), factor) * CoarseGrid.size(input.height(), factor);
		boolean maps = volume <= MAPS_LIMIT;
		Output out = run(input.gray(), input.reference(), input.colorSide(), factor, input.maxDisparity(), maps, progress);
		Map<String, FloatPlane> m = new LinkedHashMap<>();
		if (maps) {
			WeightVolumeMaps w = WeightVolumeMaps.of(out.pass().weights(), factor);
			m.put("disparity", CoarseGrid.bilinearUpsample(w.meanDisparity(), input.width(), input.height(), factor));
			m.put("confidence", CoarseGrid.bilinearUpsample(w.maxWeight(), input.width(), input.height(), factor));
		}
		return new ColorizationResult(out.image(), m);
	}
}
