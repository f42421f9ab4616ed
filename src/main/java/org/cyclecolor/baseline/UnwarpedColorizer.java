package org.cyclecolor.baseline;

import org.cyclecolor.Progress;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorizationInput;
import org.cyclecolor.method.ColorizationResult;
import org.cyclecolor.method.Colorizer;

/**
 * The lower bound: each gray pixel takes the chroma of the colour image at the same position, as
 * if the cameras had no parallax. Luminance is the gray image's.
 */
public final class UnwarpedColorizer implements Colorizer {

	public static final String NAME = "unwarped";

	private final YCbCrRange range;

	public UnwarpedColorizer() {
		this(YCbCrRange.FULL);
	}

	public UnwarpedColorizer(YCbCrRange range) {
		this.range = range;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public ColorizationResult colorize(ColorizationInput input, Progress progress) {
		Inputs.requireFinite(input);
		YCbCrImage ref = YCbCr.toYCbCr(input.reference(), range);
		progress.report(1, null);
		return new ColorizationResult(ref.withY(YCbCr.grayToY(input.gray(), range, ref.maxValue())));
	}
}
