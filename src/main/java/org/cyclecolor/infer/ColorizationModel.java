package org.cyclecolor.infer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import ai.onnxruntime.OrtException;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.matching.MatchingPrior;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.model.Frame;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.model.Variant;

/**
 * A model file opened for inference on ONNX Runtime: one session per network, created once and
 * reused. {@link #colorize} runs M on a YCbCr pair in the caller's frame — it brings both images
 * into the network's frame ({@link Variant#frame}), pads to the network's size multiple and undoes
 * both — and {@link #refine}
 * runs the refinement CNN. Close it to free the sessions.
 */
public final class ColorizationModel implements AutoCloseable {

	private final OnnxModelFile file;
	private final DeviceSelector.Choice device;
	private final int threads;
	private final NetworkSession colorization;
	private NetworkSession refinement;
	private NetworkSession structure;

	private ColorizationModel(OnnxModelFile file, DeviceSelector.Choice device, int threads, NetworkSession colorization) {
		this.file = file;
		this.device = device;
		this.threads = threads;
		this.colorization = colorization;
	}

	/** Reads, checks and opens a model file; logs the device chosen and why. */
	public static ColorizationModel open(Path path, RuntimeOptions options, Progress progress) {
		return open(OnnxModelFile.read(path), options, progress);
	}

	public static ColorizationModel open(OnnxModelFile file, RuntimeOptions options, Progress progress) {
		DeviceSelector.Choice device = DeviceSelector.choose(options.device());
		progress.log("ONNX Runtime device: " + device.reason());
		try {
			NetworkSession m = NetworkSession.create(file.networkModel(NetworkKind.COLORIZATION), NetworkKind.COLORIZATION, device,
				options.threads());
			return new ColorizationModel(file, device, options.threads(), m);
		}
		catch (OrtException e) {
			throw new UserException("ONNX Runtime cannot load the model " + file.path().getFileName() + " (" + e.getMessage()
				+ "); re-export or re-import it.", e);
		}
	}

	public OnnxModelFile file() {
		return file;
	}

	public Variant variant() {
		return file.variant();
	}

	/** The device the sessions run on and why it was chosen. */
	public DeviceSelector.Choice device() {
		return device;
	}

	public boolean hasRefinement() {
		return file.bundle().has(NetworkKind.REFINEMENT);
	}

	/**
	 * Colorizes {@code target} with {@code reference} (same size, the model's YCbCr range, 0..255):
	 * the chroma, W-weighted reference luminance and weight volume, at the input's size and in its
	 * frame. {@code side} is where the colour camera sits; the target's chroma is ignored by the
	 * variants that see luminance only.
	 */
	public NetworkOutput colorize(YCbCrImage target, YCbCrImage reference, ColorSide side) {
		return colorize(target, reference, null, side);
	}

	/** True when the colorization network reads a matching prior ({@link NetworkKind#PRIOR}). */
	public boolean needsPrior() {
		return colorization.hasInput(NetworkKind.PRIOR);
	}

	/**
	 * {@link #colorize(YCbCrImage, YCbCrImage, ColorSide)} for guided networks: {@code prior} is the
	 * matching prior of target against reference at this size, in the same frame as the images (it
	 * is ignored by networks that do not read one).
	 */
	public NetworkOutput colorize(YCbCrImage target, YCbCrImage reference, MatchingPrior prior, ColorSide side) {
		checkInput(target, "target");
		checkInput(reference, "reference");
		if (target.width() != reference.width() || target.height() != reference.height()) {
			throw new IllegalArgumentException("Target " + target + " and reference " + reference + " differ in size.");
		}
		Variant v = variant();
		Frame frame = v.frame(side);
		int w = target.width(), h = target.height();
		int mult = v.sizeMultiple();
		int pw = (w + mult - 1) / mult * mult, ph = (h + mult - 1) / mult * mult;
		Map<String, Tensor> in = new HashMap<>();
		in.put("target", toTensor(target, frame, pw, ph));
		in.put("reference", toTensor(reference, frame, pw, ph));
		if (needsPrior()) {
			if (prior == null) {
				throw new IllegalArgumentException("The " + v.name() + " network is guided by a matching prior; give one.");
			}
			if (prior.width() != w || prior.height() != h) throw new IllegalArgumentException("The prior " + prior.width() + "x"
				+ prior.height() + " does not match the images " + w + "x" + h + ".");
			in.put(NetworkKind.PRIOR, toTensor(prior.planes(), frame, pw, ph));
		}
		Map<String, Tensor> out = colorization.run(in);
		FloatPlane[] chroma = planes(out.get("chroma"), w, h, frame);
		FloatPlane lum = planes(out.get("luminance"), w, h, frame)[0];
		FloatPlane[] wp = planes(out.get("weights"), w, h, frame);
		int d = wp.length;
		float[] vol = new float[d * w * h];
		for (int k = 0; k < d; k++) System.arraycopy(wp[k].data(), 0, vol, k * w * h, w * h);
		return new NetworkOutput(chroma[0], chroma[1], lum, new WeightVolume(d, w, h, v.firstShift(), side, vol));
	}

	/**
	 * Runs the refinement CNN on a first colorization (Y = the gray image): the corrected {Cb, Cr}.
	 *
	 * @throws UserException when the model has no refinement network
	 */
	public FloatPlane[] refine(YCbCrImage colorized) {
		checkInput(colorized, "colorized");
		int w = colorized.width(), h = colorized.height();
		Map<String, Tensor> out = refinementSession().run(Map.of("colorized", toTensor(colorized, Frame.IDENTITY, w, h)));
		return planes(out.get("refined"), w, h, Frame.IDENTITY);
	}

	/** Runs one network on raw batch tensors in the network's own frame (sizes as the network needs). */
	public Map<String, Tensor> runNative(NetworkKind kind, Map<String, Tensor> inputs) {
		if (kind == NetworkKind.COLORIZATION) return colorization.run(inputs);
		if (kind == NetworkKind.REFINEMENT) return refinementSession().run(inputs);
		return structureSession().run(inputs);
	}

	/** The structure-similarity network's session (training's export check runs it), made on first use. */
	private synchronized NetworkSession structureSession() {
		if (!file.bundle().has(NetworkKind.STRUCTURE_SIMILARITY)) {
			throw new UserException("The model " + file.path().getFileName() + " has no structure-similarity network.");
		}
		if (structure == null) {
			try {
				structure = NetworkSession.create(file.networkModel(NetworkKind.STRUCTURE_SIMILARITY), NetworkKind.STRUCTURE_SIMILARITY,
					device, threads);
			}
			catch (OrtException e) {
				throw new UserException("ONNX Runtime cannot load the structure-similarity network of " + file.path().getFileName()
					+ " (" + e.getMessage() + "); re-export the model.", e);
			}
		}
		return structure;
	}

	private synchronized NetworkSession refinementSession() {
		if (!hasRefinement()) {
			throw new UserException("The model " + file.path().getFileName() + " (" + variant().name()
				+ ") has no refinement network; turn refinement off.");
		}
		if (refinement == null) {
			try {
				refinement = NetworkSession.create(file.networkModel(NetworkKind.REFINEMENT), NetworkKind.REFINEMENT, device, threads);
			}
			catch (OrtException e) {
				throw new UserException("ONNX Runtime cannot load the refinement network of " + file.path().getFileName() + " ("
					+ e.getMessage() + "); re-export the model.", e);
			}
		}
		return refinement;
	}

	private void checkInput(YCbCrImage img, String role) {
		if (img.range() != variant().colorRange()) {
			throw new IllegalArgumentException("The " + role + " is in " + img.range().key() + "-range YCbCr; model "
				+ variant().name() + " needs " + variant().colorRange().key() + " range.");
		}
		if (img.maxValue() != 255) {
			throw new IllegalArgumentException("The " + role + " must be in 0..255 units, got full scale " + img.maxValue() + ".");
		}
	}

	/** (1, 3, ph, pw) from Y, Cb, Cr: brought into the frame, then padded right and bottom by repeating the edge. */
	static Tensor toTensor(YCbCrImage img, Frame frame, int pw, int ph) {
		return toTensor(new FloatPlane[] { img.y(), img.cb(), img.cr() }, frame, pw, ph);
	}

	/** (1, C, ph, pw) from C planes, brought into the frame and padded like images. */
	static Tensor toTensor(FloatPlane[] p, Frame frame, int pw, int ph) {
		float[] data = new float[p.length * pw * ph];
		for (int c = 0; c < p.length; c++) {
			FloatPlane q = frame.apply(p[c]);
			float[] src = q.data();
			int w = q.width(), h = q.height();
			int base = c * pw * ph;
			for (int y = 0; y < ph; y++) {
				int sy = Math.min(y, h - 1);
				for (int x = 0; x < pw; x++) data[base + y * pw + x] = src[sy * w + Math.min(x, w - 1)];
			}
		}
		return new Tensor(new int[] { 1, p.length, ph, pw }, data);
	}

	/** The channels of a (1, C, ph, pw) tensor cropped to w x h and taken back out of the frame. */
	static FloatPlane[] planes(Tensor t, int w, int h, Frame frame) {
		int c = t.dim(1), ph = t.dim(2), pw = t.dim(3);
		float[] d = t.data();
		FloatPlane[] out = new FloatPlane[c];
		for (int k = 0; k < c; k++) {
			FloatPlane p = new FloatPlane(w, h);
			float[] pd = p.data();
			for (int y = 0; y < h; y++) System.arraycopy(d, (k * ph + y) * pw, pd, y * w, w);
			out[k] = frame.apply(p);
		}
		return out;
	}

	@Override
	public synchronized void close() {
		colorization.close();
		if (refinement != null) refinement.close();
		if (structure != null) structure.close();
		refinement = null;
		structure = null;
	}
}
