package org.cyclecolor.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.method.ColorizationInput;
import org.cyclecolor.method.ColorizationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UnwarpedColorizerTest {

	@ParameterizedTest
	@EnumSource(YCbCrRange.class)
	void takesTheReferenceChromaAtTheSamePixelAndTheGrayAsLuminance(YCbCrRange range) {
		RgbImage ref = SyntheticScenes.texturedColor(64, 48, 5);
		FloatPlane gray = SyntheticScenes.smoothedNoise(64, 48, new java.util.Random(6));
		ColorizationResult r = new UnwarpedColorizer(range).colorize(new ColorizationInput(gray, ref, ColorSide.LEFT, 8),
			Progress.NONE);
		YCbCrImage expected = YCbCr.toYCbCr(ref, range);
		assertArrayEquals(expected.cb().data(), r.image().cb().data());
		assertArrayEquals(expected.cr().data(), r.image().cr().data());
		assertArrayEquals(YCbCr.grayToY(gray, range, 255).data(), r.image().y().data());
		assertArrayEquals(new Object[] { range }, new Object[] { r.image().range() });
	}
}
