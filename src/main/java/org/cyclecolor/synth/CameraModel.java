package org.cyclecolor.synth;

import java.util.Arrays;
import java.util.Random;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/**
 * A simulated camera turning linear scene radiance into an 8-bit image. Per output channel k
 * and pixel, in this order:
 * <ol>
 * <li><b>Optics</b>: the radiance is blurred with a Gaussian point spread function of
 * {@code blurSigma} pixels.</li>
 * <li><b>Spectral response</b>: {@code s = Σ_j spectral[k][j] · radiance_j}, the sensor's signal
 * (linear, 1 = full scale at unit gain).</li>
 * <li><b>Sensor noise</b>: {@code e = s · electronsPerUnit} photo-electrons, plus shot noise
 * (Gaussian approximation of Poisson: variance e) and read noise (Gaussian, σ =
 * {@code readNoiseElectrons}); then back to signal units, {@code s' = e' / electronsPerUnit}.</li>
 * <li><b>Gain and white balance</b>: {@code v = gain · whiteBalance[k] · s'}.</li>
 * <li><b>Tone curve and quantisation</b>: {@code 255 · clip(v, 0, 1)^(1/gamma)}, rounded to an integer.</li>
 * </ol>
 * The noise standard deviation of v before clipping is therefore
 * {@code gain · whiteBalance[k] · sqrt(s / electronsPerUnit + (readNoiseElectrons / electronsPerUnit)²)}
 * ({@link #noiseSigma}). Given the same random generator state, the output is identical on every machine.
 *
 * @param name a label for logs and file metadata
 * @param spectral rows of RGB weights, one row per output channel (1 row: monochrome, 3: colour);
 *        dimensionless
 * @param whiteBalance per output channel digital gain applied after the sensor; dimensionless
 * @param gain overall analogue gain; dimensionless (noise is amplified with the signal)
 * @param electronsPerUnit photo-electrons collected for a signal of 1 (full well × exposure ×
 *        quantum efficiency × filter transmission); electrons; infinite for a noiseless sensor
 * @param readNoiseElectrons standard deviation of the read-out noise; electrons
 * @param blurSigma standard deviation of the Gaussian point spread function; pixels (0 = none)
 * @param gamma exponent of the tone curve ({@code out = in^(1/gamma)}); 1 = linear output
 */
public record CameraModel(String name, double[][] spectral, double[] whiteBalance, double gain,
	double electronsPerUnit, double readNoiseElectrons, double blurSigma, double gamma)
{

	public CameraModel {
		if (spectral.length != 1 && spectral.length != 3) {
			throw new IllegalArgumentException("A camera has 1 (mono) or 3 (colour) channels, not " + spectral.length + ".");
		}
		if (whiteBalance.length != spectral.length) {
			throw new IllegalArgumentException("One white-balance gain per channel is needed.");
		}
		spectral = Arrays.stream(spectral).map(row -> {
			if (row.length != 3) throw new IllegalArgumentException("Each spectral row has R, G and B weights.");
			return row.clone();
		}).toArray(double[][]::new);
		whiteBalance = whiteBalance.clone();
		if (!(gain > 0) || !(electronsPerUnit > 0) || !(readNoiseElectrons >= 0) || !(blurSigma >= 0) || !(gamma > 0)) {
			throw new IllegalArgumentException("Camera parameters out of range: gain " + gain + ", electrons/unit "
				+ electronsPerUnit + ", read noise " + readNoiseElectrons + ", blur " + blurSigma + ", gamma " + gamma + ".");
		}
	}

	/**
	 * The sample's monochrome camera: a bare silicon sensor (no colour filters, so four times the
	 * light of a colour pixel and less read noise), more sensitive to red and less to blue than the
	 * eye, a sharp lens and a gamma-2.0 tone curve.
	 */
	public static CameraModel monoPreset() {
		return new CameraModel("mono", new double[][] { { 0.35, 0.45, 0.20 } }, new double[] { 1 }, 1.1, 8000, 3, 0.5,
			2.0);
	}

	/**
	 * The sample's colour camera: RGB filters (a quarter of the light reaches each pixel, so fewer
	 * electrons and more noise), white balance that neutralises {@code illuminant}, a softer lens and
	 * a gamma-2.2 tone curve.
	 */
	public static CameraModel colorPreset(double[] illuminant) {
		double[] wb = new double[3];
		for (int c = 0; c < 3; c++) wb[c] = 1 / illuminant[c];
		double[][] identity = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
		return new CameraModel("color", identity, wb, 1.0, 2000, 6, 0.8, 2.2);
	}

	/**
	 * A camera that records its input unchanged: the given spectral weights (one row: a mono
	 * sensor; the identity: a colour sensor), unit gain and white balance, no noise (infinitely many
	 * electrons), a sharp lens and the gamma 2.2 tone curve that undoes {@link #linearise} of 8-bit
	 * images. The start for cameras that differ from it in one or two respects.
	 */
	public static CameraModel neutral(String name, double[][] spectral) {
		double[] wb = new double[spectral.length];
		Arrays.fill(wb, 1);
		return new CameraModel(name, spectral, wb, 1, Double.POSITIVE_INFINITY, 0, 0, 2.2);
	}

	/** The linear radiance (full scale 1) behind an 8-bit gamma-2.2 image: {@code (code / 255)^2.2}. */
	public static RgbImage linearise(RgbImage image8) {
		if (image8.maxValue() != 255) throw new IllegalArgumentException("Expected an 8-bit image (full scale 255).");
		double[] table = new double[256];
		for (int i = 0; i < 256; i++) table[i] = StrictMath.pow(i / 255.0, 2.2);
		FloatPlane[] out = new FloatPlane[3];
		for (int c = 0; c < 3; c++) {
			float[] s = image8.channel(c).data();
			out[c] = new FloatPlane(image8.width(), image8.height());
			float[] d = out[c].data();
			for (int i = 0; i < s.length; i++) {
				float v = s[i];
				// Whole codes (every 8-bit file) go through the table; others through pow.
				int k = (int) v;
				d[i] = (float) (k == v && k >= 0 && k <= 255 ? table[k] : StrictMath.pow(Math.max(0, v) / 255.0, 2.2));
			}
		}
		return new RgbImage(out[0], out[1], out[2], 1);
	}

	public CameraModel withSpectral(double[][] weights) {
		return new CameraModel(name, weights, whiteBalance, gain, electronsPerUnit, readNoiseElectrons, blurSigma, gamma);
	}

	public CameraModel withWhiteBalance(double[] gains) {
		return new CameraModel(name, spectral, gains, gain, electronsPerUnit, readNoiseElectrons, blurSigma, gamma);
	}

	public CameraModel withGain(double g) {
		return new CameraModel(name, spectral, whiteBalance, g, electronsPerUnit, readNoiseElectrons, blurSigma, gamma);
	}

	public CameraModel withBlur(double sigma) {
		return new CameraModel(name, spectral, whiteBalance, gain, electronsPerUnit, readNoiseElectrons, sigma, gamma);
	}

	public CameraModel withGamma(double g) {
		return new CameraModel(name, spectral, whiteBalance, gain, electronsPerUnit, readNoiseElectrons, blurSigma, g);
	}

	/** Whether the sensor adds noise (a finite number of electrons per unit signal). */
	public boolean isNoisy() {
		return Double.isFinite(electronsPerUnit);
	}

	@Override
	public double[][] spectral() {
		return Arrays.stream(spectral).map(double[]::clone).toArray(double[][]::new);
	}

	@Override
	public double[] whiteBalance() {
		return whiteBalance.clone();
	}

	public int channels() {
		return spectral.length;
	}

	/** A noisy, blurred 8-bit capture of {@code radiance} (linear, full scale 1): one plane per channel. */
	public FloatPlane[] capture(RgbImage radiance, Random rng) {
		RgbImage blurred = new RgbImage(GaussianBlur.blur(radiance.r(), blurSigma),
			GaussianBlur.blur(radiance.g(), blurSigma), GaussianBlur.blur(radiance.b(), blurSigma), radiance.maxValue());
		return develop(blurred, rng);
	}

	/** What the camera would record with a perfect lens and a noiseless sensor. */
	public FloatPlane[] ideal(RgbImage radiance) {
		return develop(radiance, null);
	}

	/** Standard deviation of the linear output v at sensor signal s, before clipping and quantisation. */
	public double noiseSigma(int channel, double signal) {
		double e = electronsPerUnit;
		return gain * whiteBalance[channel] * StrictMath.sqrt(signal / e + (readNoiseElectrons / e) * (readNoiseElectrons / e));
	}

	/** The 8-bit code of a linear output value v: {@code round(255 · clip(v, 0, 1)^(1/gamma))}. */
	public float encode(double v) {
		double c = !(v > 0) ? 0 : v >= 1 ? 1 : v; // NaN becomes 0
		return (float) Math.floor(255 * (gamma == 1 ? c : StrictMath.pow(c, 1 / gamma)) + 0.5);
	}

	private FloatPlane[] develop(RgbImage radiance, Random rng) {
		if (radiance.maxValue() != 1) throw new IllegalArgumentException("Radiance must be linear with full scale 1.");
		float[] r = radiance.r().data(), g = radiance.g().data(), b = radiance.b().data();
		FloatPlane[] out = new FloatPlane[channels()];
		for (int k = 0; k < out.length; k++) {
			out[k] = new FloatPlane(radiance.width(), radiance.height());
			float[] o = out[k].data();
			double[] wts = spectral[k];
			double scale = gain * whiteBalance[k];
			for (int i = 0; i < o.length; i++) {
				double s = Math.max(0, wts[0] * r[i] + wts[1] * g[i] + wts[2] * b[i]);
				if (rng != null && Double.isFinite(electronsPerUnit)) {
					double electrons = s * electronsPerUnit;
					electrons += StrictMath.sqrt(electrons) * rng.nextGaussian() + readNoiseElectrons * rng.nextGaussian();
					s = electrons / electronsPerUnit;
				}
				o[i] = encode(scale * s);
			}
		}
		return out;
	}
}
