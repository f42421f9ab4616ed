package org.cyclecolor.eval;

/**
 * How close a colorization is to its target over one {@link Region}: PSNR (dB) and SSIM on R, G, B
 * and on Cb, Cr (full-range BT.601), and the mean CIE 1976 colour difference. NaN where a value does
 * not exist (an empty region).
 *
 * @param rgbPsnr PSNR of R, G, B together (squared errors pooled), peak 255
 * @param rgbSsim mean SSIM of R, G and B (each channel's map averaged over the region, then the channels)
 * @param cbcrPsnr PSNR of Cb and Cr together, peak 255
 * @param cbcrSsim mean SSIM of Cb and Cr
 * @param deltaE mean ΔE76 (CIELAB, sRGB D65)
 * @param pixels how many pixels the region holds
 */
public record Scores(double rgbPsnr, double rgbSsim, double cbcrPsnr, double cbcrSsim, double deltaE, int pixels) {

	/** The values in the order of {@link #NAMES}. */
	public double[] values() {
		return new double[] { rgbPsnr, rgbSsim, cbcrPsnr, cbcrSsim, deltaE };
	}

	/** Column names of the values: rgb_psnr, rgb_ssim, cbcr_psnr, cbcr_ssim, delta_e. */
	public static final String[] NAMES = { "rgb_psnr", "rgb_ssim", "cbcr_psnr", "cbcr_ssim", "delta_e" };
}
