package org.cyclecolor.baseline;

import org.cyclecolor.baseline.stereo.StereoMatch;
import org.cyclecolor.image.FloatPlane;

/**
 * Brings the colour image's chroma to the mono image's pixels along a disparity map: mono pixel x
 * takes the chroma at colour column {@code x + sign · d(x)}, linearly interpolated between the two
 * nearest columns (disparities are sub-pixel). Only pixels that passed the left–right check and
 * whose match lies inside the colour image are warped; the others are left for propagation.
 */
final class ChromaWarp {

	final FloatPlane cb;
	final FloatPlane cr;
	/** Row-major, true where chroma was warped from the colour image. */
	final boolean[] warped;
	final int warpedCount;

	private ChromaWarp(FloatPlane cb, FloatPlane cr, boolean[] warped, int warpedCount) {
		this.cb = cb;
		this.cr = cr;
		this.warped = warped;
		this.warpedCount = warpedCount;
	}

	static ChromaWarp of(FloatPlane refCb, FloatPlane refCr, StereoMatch match, double neutral) {
		int w = refCb.width(), h = refCb.height();
		FloatPlane cb = FloatPlane.filled(w, h, (float) neutral), cr = FloatPlane.filled(w, h, (float) neutral);
		boolean[] ok = new boolean[w * h];
		float[] disp = match.disparity().data();
		boolean[] consistent = match.consistent();
		float[] sCb = refCb.data(), sCr = refCr.data(), oCb = cb.data(), oCr = cr.data();
		int sign = match.side().sign();
		int count = 0;
		for (int y = 0; y < h; y++) {
			int row = y * w;
			for (int x = 0; x < w; x++) {
				int i = row + x;
				if (!consistent[i]) continue;
				double cx = x + sign * (double) disp[i];
				if (cx < 0 || cx > w - 1) continue;
				int x0 = (int) Math.floor(cx);
				int x1 = Math.min(w - 1, x0 + 1);
				float t = (float) (cx - x0);
				oCb[i] = (1 - t) * sCb[row + x0] + t * sCb[row + x1];
				oCr[i] = (1 - t) * sCr[row + x0] + t * sCr[row + x1];
				ok[i] = true;
				count++;
			}
		}
		return new ChromaWarp(cb, cr, ok, count);
	}
}
