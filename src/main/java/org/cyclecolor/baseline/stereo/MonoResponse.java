package org.cyclecolor.baseline.stereo;

import java.util.Locale;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/**
 * How the mono camera's gray relates to the colour camera's R, G, B: {@code gray ≈ r R + g G + b B
 * + offset}. A mono sensor has no colour filters, so its spectral weights differ from BT.601's
 * luma (0.299, 0.587, 0.114); where two surfaces differ only in hue, the luma of the colour image
 * can be flat while the mono image is not, and matching needs the colour image decolourised the
 * way the mono camera sees it (the idea of Jeon et al., CVPR 2016). The weights are fitted by
 * least squares at pixels whose match is already trusted.
 */
public final class MonoResponse {

	/** BT.601 luma: the starting guess. */
	public static final MonoResponse LUMA = new MonoResponse(0.299, 0.587, 0.114, 0);

	/** Fewer trusted matches than this and a fit is not attempted. */
	static final int MIN_SAMPLES = 100;
	/**
	 * Ridge on the three weights, relative to the mean diagonal of the normal matrix: keeps the fit
	 * well posed when the colour image's channels are (nearly) collinear, e.g. a gray reference.
	 */
	private static final double RIDGE = 1e-6;

	private final double r;
	private final double g;
	private final double b;
	private final double offset;

	public MonoResponse(double r, double g, double b, double offset) {
		this.r = r;
		this.g = g;
		this.b = b;
		this.offset = offset;
	}

	public double r() {
		return r;
	}

	public double g() {
		return g;
	}

	public double b() {
		return b;
	}

	public double offset() {
		return offset;
	}

	/** The colour image as the mono camera would see it. */
	public FloatPlane apply(RgbImage rgb) {
		FloatPlane out = new FloatPlane(rgb.width(), rgb.height());
		float[] o = out.data(), rr = rgb.r().data(), gg = rgb.g().data(), bb = rgb.b().data();
		for (int i = 0; i < o.length; i++) o[i] = (float) (r * rr[i] + g * gg[i] + b * bb[i] + offset);
		return out;
	}

	/**
	 * Least-squares fit of gray on the colour image's R, G, B at the matched position (linearly
	 * interpolated along the row) of every pixel that passed the left–right check.
	 *
	 * @return the fit, or {@code fallback} when fewer than {@link #MIN_SAMPLES} pixels are trusted
	 */
	public static MonoResponse fit(FloatPlane gray, RgbImage reference, StereoMatch match, MonoResponse fallback) {
		int w = gray.width(), h = gray.height();
		float[] d = match.disparity().data(), gv = gray.data();
		float[] rr = reference.r().data(), gg = reference.g().data(), bb = reference.b().data();
		boolean[] ok = match.consistent();
		int sign = match.side().sign();
		double[][] ata = new double[4][4];
		double[] atb = new double[4];
		double[] f = new double[4];
		int n = 0;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				if (!ok[i]) continue;
				double cx = x + sign * (double) d[i];
				if (cx < 0 || cx > w - 1) continue;
				int x0 = (int) Math.floor(cx), x1 = Math.min(w - 1, x0 + 1);
				double t = cx - x0;
				int j0 = y * w + x0, j1 = y * w + x1;
				f[0] = (1 - t) * rr[j0] + t * rr[j1];
				f[1] = (1 - t) * gg[j0] + t * gg[j1];
				f[2] = (1 - t) * bb[j0] + t * bb[j1];
				f[3] = 1;
				for (int p = 0; p < 4; p++) {
					atb[p] += f[p] * gv[i];
					for (int q = 0; q < 4; q++) ata[p][q] += f[p] * f[q];
				}
				n++;
			}
		}
		if (n < MIN_SAMPLES) return fallback;
		double ridge = RIDGE * (ata[0][0] + ata[1][1] + ata[2][2]) / 3;
		for (int p = 0; p < 3; p++) ata[p][p] += ridge;
		double[] x = solve(ata, atb);
		for (double v : x) if (!Double.isFinite(v)) return fallback;
		return new MonoResponse(x[0], x[1], x[2], x[3]);
	}

	/** Gaussian elimination with partial pivoting of a small dense system. */
	private static double[] solve(double[][] a, double[] b) {
		int n = b.length;
		double[][] m = new double[n][n + 1];
		for (int i = 0; i < n; i++) {
			System.arraycopy(a[i], 0, m[i], 0, n);
			m[i][n] = b[i];
		}
		for (int c = 0; c < n; c++) {
			int p = c;
			for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
			double[] t = m[c];
			m[c] = m[p];
			m[p] = t;
			for (int r = c + 1; r < n; r++) {
				double k = m[r][c] / m[c][c];
				for (int q = c; q <= n; q++) m[r][q] -= k * m[c][q];
			}
		}
		double[] x = new double[n];
		for (int r = n - 1; r >= 0; r--) {
			double s = m[r][n];
			for (int q = r + 1; q < n; q++) s -= m[r][q] * x[q];
			x[r] = s / m[r][r];
		}
		return x;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "gray = %.3f R + %.3f G + %.3f B %+.1f", r, g, b, offset);
	}
}
