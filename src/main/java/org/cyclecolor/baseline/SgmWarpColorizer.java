package org.cyclecolor.baseline;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.matching.Disparity;
import org.cyclecolor.matching.SgmMatcher;
import org.cyclecolor.method.ColorizationInput;
import org.cyclecolor.method.ColorizationResult;
import org.cyclecolor.method.Colorizer;

/**
 * The plain classical answer a practitioner would try first: BoofCV's semi-global matching of the
 * gray image against the colour image's luminance ({@link SgmMatcher}), unmatched pixels given
 * their row's background disparity, and the colour image's chroma carried along that disparity
 * (linear interpolation between columns). No propagation, no smoothing.
 * <p>
 * Maps: "disparity" (filled, mono coordinates) and "valid" (1 where SGM found a reliable match).
 */
public final class SgmWarpColorizer implements Colorizer {

	public static final String NAME = "sgm-warp";

	private final SgmMatcher matcher;
	private final YCbCrRange range;

	public SgmWarpColorizer() {
		this(new SgmMatcher(), YCbCrRange.FULL);
	}

	public SgmWarpColorizer(SgmMatcher matcher, YCbCrRange range) {
		this.matcher = matcher;
		this.range = range;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public ColorizationResult colorize(ColorizationInput input, Progress progress) {
		Inputs.requireFinite(input);
		FloatPlane gray = input.gray();
		YCbCrImage ref = YCbCr.toYCbCr(input.reference(), range);
		progress.report(0, "semi-global matching");
		Disparity match = matcher.match(gray, YCbCr.luma(input.reference()), input.colorSide(), input.maxDisparity());
		progress.log(String.format(Locale.ROOT, "sgm-warp: %.1f%% of the pixels matched reliably", 100 * match.validFraction()));
		progress.checkCancelled();
		FloatPlane d = match.filled();
		FloatPlane[] chroma = warp(new FloatPlane[] { ref.cb(), ref.cr() }, d, input.colorSide().sign());
		YCbCrImage out = new YCbCrImage(YCbCr.grayToY(gray, range, ref.maxValue()), chroma[0], chroma[1], range, ref.maxValue());
		Map<String, FloatPlane> maps = new LinkedHashMap<>();
		maps.put("disparity", d);
		FloatPlane valid = new FloatPlane(gray.width(), gray.height());
		float[] m = match.map().data();
		for (int i = 0; i < m.length; i++) valid.data()[i] = Float.isNaN(m[i]) ? 0 : 1;
		maps.put("valid", valid);
		progress.report(1, null);
		return new ColorizationResult(out, maps);
	}

	/** Each plane sampled at column {@code x + sign · d(x)} of its row, linearly interpolated, clamped to the image. */
	static FloatPlane[] warp(FloatPlane[] planes, FloatPlane d, int sign) {
		int w = d.width(), h = d.height();
		FloatPlane[] out = new FloatPlane[planes.length];
		for (int c = 0; c < planes.length; c++) out[c] = new FloatPlane(w, h);
		float[] dd = d.data();
		for (int y = 0; y < h; y++) {
			int row = y * w;
			for (int x = 0; x < w; x++) {
				double sx = Math.max(0, Math.min(w - 1, x + sign * (double) dd[row + x]));
				int x0 = (int) sx;
				int x1 = Math.min(w - 1, x0 + 1);
				float t = (float) (sx - x0);
				for (int c = 0; c < planes.length; c++) {
					float[] s = planes[c].data();
					out[c].data()[row + x] = (1 - t) * s[row + x0] + t * s[row + x1];
				}
			}
		}
		return out;
	}
}
