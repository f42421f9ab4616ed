package org.cyclecolor.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.ImagePlus;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;

/**
 * A rectified colour stereo pair from the shared data ({@code stereo/<scene>/}, convention
 * left(x) ≈ right(x − d)) turned into a mono–colour pair: the left view's luminance, optionally
 * through a simulated mono camera, is the gray image; the right view is the colour reference
 * (colour camera on the RIGHT); the left view's colour is the ground truth.
 */
public final class StereoScene {

	public final String name;
	public final RgbImage left;
	public final RgbImage right;
	/** True disparity of the left view, NaN where unknown; null when the scene has none. */
	public final FloatPlane leftDisparity;

	private StereoScene(String name, RgbImage left, RgbImage right, FloatPlane leftDisparity) {
		this.name = name;
		this.left = left;
		this.right = right;
		this.leftDisparity = leftDisparity;
	}

	public static StereoScene load(Path dir) throws IOException {
		JsonObject meta = JsonParser.parseString(Files.readString(dir.resolve("meta.json"), StandardCharsets.UTF_8))
			.getAsJsonObject();
		RgbImage left = rgb(dir.resolve(meta.get("left").getAsString()));
		RgbImage right = rgb(dir.resolve(meta.get("right").getAsString()));
		FloatPlane disp = null;
		if (meta.has("disp_left")) {
			ImagePlus imp = ImageFiles.read(dir.resolve(meta.get("disp_left").getAsString()));
			FloatPlane raw = ImagePlusAdapter.toPlane(imp.getProcessor().getBitDepth() == 24
				? imp.getProcessor().convertToByte(false) : imp.getProcessor());
			double div = meta.get("disp_divisor").getAsDouble();
			disp = new FloatPlane(raw.width(), raw.height());
			for (int i = 0; i < raw.size(); i++) {
				float v = raw.data()[i];
				disp.data()[i] = v == 0 ? Float.NaN : (float) (v / div);
			}
		}
		return new StereoScene(dir.getFileName().toString(), left, right, disp);
	}

	private static RgbImage rgb(Path p) {
		ImagePlus imp = ImageFiles.read(p);
		if (imp.getType() != ImagePlus.COLOR_RGB) imp = new ImagePlus(imp.getTitle(), imp.getProcessor().convertToRGB());
		return ImagePlusAdapter.toRgb(imp, Double.NaN);
	}

	/** Largest true disparity, or NaN without ground truth. */
	public double maxTrueDisparity() {
		if (leftDisparity == null) return Double.NaN;
		float[] mm = leftDisparity.minMax();
		return mm[1];
	}

	/** The left view's BT.601 luminance: an ideal mono camera. */
	public FloatPlane idealGray() {
		return YCbCr.luma(left);
	}

	/**
	 * The left view as a real mono camera might see it: its own spectral weights (no colour filter
	 * array: more red and blue than BT.601's luma), a gain and a gamma that differ from the colour
	 * camera's, and sensor noise of σ = 0.01 of full scale. Deterministic for a seed.
	 */
	public FloatPlane simulatedMonoCamera(long seed) {
		return simulatedMonoCamera(seed, 2.55);
	}

	/** {@link #simulatedMonoCamera(long)} with a given noise σ (0..255 units; 0 for the response alone). */
	public FloatPlane simulatedMonoCamera(long seed, double noiseSigma) {
		Random rnd = new Random(seed);
		FloatPlane out = new FloatPlane(left.width(), left.height());
		float[] r = left.r().data(), g = left.g().data(), b = left.b().data(), o = out.data();
		for (int i = 0; i < o.length; i++) {
			double lum = (0.36 * r[i] + 0.44 * g[i] + 0.20 * b[i]) / 255;
			double v = 255 * Math.pow(Math.min(1, 1.15 * lum), 0.8) + noiseSigma * rnd.nextGaussian();
			o[i] = (float) Math.max(0, Math.min(255, v));
		}
		return out;
	}

	/** The right view with colour-sensor noise of σ = 0.03 of full scale per channel. */
	public RgbImage noisyReference(long seed) {
		Random rnd = new Random(seed);
		RgbImage n = right.copy();
		for (int c = 0; c < 3; c++) {
			float[] d = n.channel(c).data();
			for (int i = 0; i < d.length; i++) d[i] = (float) Math.max(0, Math.min(255, d[i] + 7.65 * rnd.nextGaussian()));
		}
		return n;
	}
}
