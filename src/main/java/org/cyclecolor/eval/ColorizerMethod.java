package org.cyclecolor.eval;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.method.ColorizationInput;
import org.cyclecolor.method.Colorizer;
import org.cyclecolor.synth.DatasetPair;
import org.cyclecolor.synth.MonoColorPair;
import org.cyclecolor.synth.PairDataset;

/**
 * A {@link Colorizer} as an evaluation row. Both passes call the same colorizer, so every method —
 * baseline or network — gets a cycle score the same way: the paper's second pass with its flips.
 */
public final class ColorizerMethod implements EvaluationMethod {

	private final String name;
	private final Colorizer colorizer;
	private final AutoCloseable resources;

	/**
	 * @param name the name in tables (the registry's, e.g. "model:foo.onnx"; usually the colorizer's own)
	 * @param resources closed with the method (e.g. a network's sessions), or null
	 */
	public ColorizerMethod(String name, Colorizer colorizer, AutoCloseable resources) {
		this.name = name;
		this.colorizer = colorizer;
		this.resources = resources;
	}

	public ColorizerMethod(Colorizer colorizer) {
		this(colorizer.name(), colorizer, null);
	}

	@Override
	public String name() {
		return name;
	}

	public Colorizer colorizer() {
		return colorizer;
	}

	@Override
	public RgbImage colorize(DatasetPair item, PairDataset.Entry entry, Progress progress) {
		return EightBit.of(colorizer.colorize(item.pair().input(), progress).image());
	}

	/**
	 * The paper's second pass: R_G (the colour image's BT.601 luma) and I_C, flipped left to right,
	 * go to the colorizer with the first pass's colour side and disparity range — the flip turns
	 * the colour image's matches in I_C (which lie on the other side) back into the first pass's
	 * search direction — and the result is flipped back.
	 */
	@Override
	public RgbImage colorizeBack(MonoColorPair pair, RgbImage first, Progress progress) {
		ColorizationInput forward = pair.input();
		FloatPlane rg = YCbCr.luma(pair.color()).flipHorizontal();
		ColorizationInput back = new ColorizationInput(rg, first.flipHorizontal(), forward.colorSide(), forward.maxDisparity());
		return EightBit.of(colorizer.colorize(back, progress).image()).flipHorizontal();
	}

	@Override
	public void close() {
		if (resources == null) return;
		try {
			resources.close();
		}
		catch (Exception e) {
			throw new IllegalStateException("Could not free the resources of " + name + ": " + e.getMessage(), e);
		}
	}
}
