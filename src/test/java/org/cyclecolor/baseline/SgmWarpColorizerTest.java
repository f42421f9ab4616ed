package org.cyclecolor.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.cyclecolor.Progress;
import org.cyclecolor.baseline.StereoLevinColorizerTest.ShiftedPair;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.method.ColorizationInput;
import org.cyclecolor.method.ColorizationResult;

class SgmWarpColorizerTest {

	@ParameterizedTest
	@EnumSource(ColorSide.class)
	void aShiftedPairIsWarpedBack(ColorSide side) {
		ShiftedPair p = new ShiftedPair(side, 41);
		ColorizationResult r = new SgmWarpColorizer().colorize(
			new ColorizationInput(p.gray, p.reference, side, StereoLevinColorizerTest.MAX_D), Progress.NONE);
		YCbCrImage truth = YCbCr.toYCbCr(p.truth, YCbCrRange.FULL);
		int[] in = StereoLevinColorizerTest.interior(side);
		double psnr = ChromaPsnr.of(r.image(), truth, in[0], in[1], in[2], in[3]);
		double unwarped = ChromaPsnr.of(YCbCr.toYCbCr(p.reference, YCbCrRange.FULL), truth, in[0], in[1], in[2], in[3]);
		System.out.printf("sgm-warp %s: Cb/Cr PSNR %.1f dB (unwarped %.1f dB)%n", side, psnr, unwarped);
		// census costs with sub-pixel disparities: a pure shift comes back to within interpolation error
		assertTrue(psnr > 45, "Cb/Cr PSNR " + psnr);
		assertTrue(psnr > unwarped + 20, "Cb/Cr PSNR " + psnr + " vs unwarped " + unwarped);
		assertArrayEquals(p.gray.data(), r.image().y().data(), 0f);
		assertTrue(r.maps().containsKey("disparity") && r.maps().containsKey("valid"));
	}
}
