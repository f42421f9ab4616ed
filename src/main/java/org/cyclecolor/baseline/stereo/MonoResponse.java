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
	/** Reweighting rounds of the robust fit. */
	private static final int ROBUST_ROUNDS = 6;
	/** Tukey's biweight constant (95 % efficiency for Gaussian residuals), in MAD-scaled units. */
	private static final double TUKEY = 4.685;

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
	 * Robust least-squares fit of gray on the colour image's R, G, B at the matched position
	 * (linearly interpolated along the row) of every pixel that passed the left–right check.
	 * Some of those matches are still wrong, and plain least squares follows them (on Middlebury
	 * Laundry it drifted from the true luma weights to 0.44/0.33/0.23), so the fit is
	 * iteratively reweighted with Tukey's biweight on residuals scaled by their median absolute
	 * deviation.
	 *
	 * @return the fit, or {@code fallback} when fewer than {@link #MIN_SAMPLES} pixels are trusted
	 */
	public static MonoResponse fit(FloatPlane gray, RgbImage reference, StereoMatch match, MonoResponse fallback) {
		int w = gray.width(), h = gray.height();
		float[] d = match.disparity().data(), gv = gray.data();
		float[] rr = reference.r().data(), gg = reference.g().data(), bb = reference.b().data();
		boolean[] ok = match.consistent();
		int sign = match.side().sign();
		int count = 0;
		for (boolean o : ok) if (o) count++;
		float[][] f = new float[4][count];
		int n = 0;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				if (!ok[i]) continue;
				double cx = x + sign * (double) d[i];
				if (cx < 0 || cx > w - 1) continue;
				int x0 = (int) Math.floor(cx), x1 = Math.min(w - 1, x0 + 1);
				float t = (float) (cx - x0);
				int j0 = y * w + x0, j1 = y * w + x1;
				f[0][n] = (1 - t) * rr[j0] + t * rr[j1];
				f[1][n] = (1 - t) * gg[j0] + t * gg[j1];
				f[2][n] = (1 - t) * bb[j0] + t * bb[j1];
				f[3][n] = gv[i];
				n++;
			}
		}
		if (n < MIN_SAMPLES) return fallback;
		double[] weight = new double[n];
		java.util.Arrays.fill(weight, 1);
		double[] x = null;
		for (int round = 0; round < ROBUST_ROUNDS; round++) {
			x = weightedFit(f, weight, n);
			if (x == null) return fallback;
			double[] res = new double[n];
			for (int k = 0; k < n; k++) res[k] = Math.abs(f[3][k] - (x[0] * f[0][k] + x[1] * f[1][k] + x[2] * f[2][k] + x[3]));
			double scale = 1.4826 * median(res.clone());
			if (!(scale > 1e-6)) break; // (nearly) exact fit: nothing left to reweigh
			double c = TUKEY * scale;
			for (int k = 0; k < n; k++) {
				double u = res[k] / c;
				weight[k] = u >= 1 ? 0 : (1 - u * u) * (1 - u * u);
			}
		}
		return new MonoResponse(x[0], x[1], x[2], x[3]);
	}

	/** Weighted least squares with the ridge; null when the result is not finite. */
	private static double[] weightedFit(float[][] f, double[] weight, int n) {
		double[][] ata = new double[4][4];
		double[] atb = new double[4];
		double[] v = new double[4];
		for (int k = 0; k < n; k++) {
			double wk = weight[k];
			if (wk == 0) continue;
			v[0] = f[0][k];
			v[1] = f[1][k];
			v[2] = f[2][k];
			v[3] = 1;
			for (int p = 0; p < 4; p++) {
				atb[p] += wk * v[p] * f[3][k];
				for (int q = 0; q < 4; q++) ata[p][q] += wk * v[p] * v[q];
			}
		}
		double ridge = RIDGE * (ata[0][0] + ata[1][1] + ata[2][2]) / 3;
		for (int p = 0; p < 3; p++) ata[p][p] += ridge;
		double[] x = solve(ata, atb);
		for (double e : x) if (!Double.isFinite(e)) return null;
		return x;
	}

	private static double median(double[] a) {
		java.util.Arrays.sort(a);
		int m = a.length / 2;
		return a.length % 2 == 1 ? a[m] : 0.5 * (a[m - 1] + a[m]);
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
