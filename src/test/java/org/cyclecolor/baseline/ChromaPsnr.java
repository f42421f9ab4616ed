package org.cyclecolor.baseline;

import java.util.List;

import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.metrics.Psnr;

/** Cb/Cr PSNR (both chroma planes pooled, peak 255) of a result against the truth, over a rectangle. */
public final class ChromaPsnr {

	private ChromaPsnr() {}

	/** Over the whole image. */
	public static double of(YCbCrImage result, YCbCrImage truth) {
		return of(result, truth, 0, 0, truth.width(), truth.height());
	}

	/** Over columns {@code x0..width-1}: e.g. all but a left border without matches. */
	public static double fromColumn(YCbCrImage result, YCbCrImage truth, int x0) {
		return of(result, truth, x0, 0, truth.width() - x0, truth.height());
	}

	/** Over the rectangle [x0, x0 + w) x [y0, y0 + h). */
	public static double of(YCbCrImage result, YCbCrImage truth, int x0, int y0, int w, int h) {
		return Psnr.of(List.of(result.cb().crop(x0, y0, w, h), result.cr().crop(x0, y0, w, h)),
			List.of(truth.cb().crop(x0, y0, w, h), truth.cr().crop(x0, y0, w, h)), 255);
	}
}
