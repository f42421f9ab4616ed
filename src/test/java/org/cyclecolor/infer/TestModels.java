package org.cyclecolor.infer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.cyclecolor.Progress;
import org.cyclecolor.backend.TestNetworks;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.model.Variant;
import org.cyclecolor.model.Variants;
import org.cyclecolor.model.Weights;

/**
 * Model files for tests, made once per JVM in a temporary folder (deleted on exit): networks with
 * calibrated random weights (they behave like trained ones: activations in range, weights that
 * prefer some candidates), and a cyclecnn whose last 3-D layer is zero (every score 0, so W is
 * uniform over the candidates inside the image: a known answer).
 */
public final class TestModels {

	private static final Map<String, Path> MADE = new HashMap<>();
	private static Path dir;

	private TestModels() {}

	/** cyclecnn (D = 48) with calibrated colorization and refinement networks. */
	public static synchronized Path cyclecnn() {
		return MADE.computeIfAbsent("cyclecnn", k -> write(k, calibrated(Variants.get("cyclecnn"))));
	}

	/** cyclecnn-guided (D = 96, the matching prior) with calibrated colorization and refinement networks. */
	public static synchronized Path guided() {
		return MADE.computeIfAbsent("guided", k -> write(k, calibrated(Variants.get("cyclecnn-guided"))));
	}

	/** authors-aaai20 with calibrated weights (no refinement). */
	public static synchronized Path authors() {
		return MADE.computeIfAbsent("authors", k -> write(k, calibrated(Variants.get("authors-aaai20"))));
	}

	/** cyclecnn whose scores are all zero: W uniform over the candidates inside the image. */
	public static synchronized Path uniform() {
		return MADE.computeIfAbsent("uniform", k -> {
			ModelBundle b = ModelBundle.initialized(Variants.get("cyclecnn"), 3, Provenance.empty());
			Weights w = b.weights(NetworkKind.COLORIZATION).copy();
			Arrays.fill(w.get("unet.last.weight").data(), 0f);
			Arrays.fill(w.get("unet.last.bias").data(), 0f);
			return write(k, b.with(NetworkKind.COLORIZATION, w));
		});
	}

	private static ModelBundle calibrated(Variant v) {
		Tensor[] pair = TestNetworks.pair(48, 64, TestNetworks.SHIFT_OF_PAIRS, 5);
		ModelBundle b = ModelBundle.initialized(v, 7, Provenance.empty());
		for (NetworkKind k : b.networks()) {
			if (k == NetworkKind.STRUCTURE_SIMILARITY) continue;
			b = b.with(k, TestNetworks.calibrated(v.graph(k), 11 + k.ordinal(), TestNetworks.inputs(k, pair)));
		}
		return b;
	}

	private static Path write(String name, ModelBundle b) {
		try {
			if (dir == null) {
				dir = Files.createTempDirectory("cyclecolor-test-models");
				dir.toFile().deleteOnExit();
			}
			Path p = dir.resolve(name + ".onnx");
			OnnxExporter.write(b, p, true);
			p.toFile().deleteOnExit();
			return p;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Opens a model on the CPU with two threads. */
	public static ColorizationModel open(Path p) {
		return ColorizationModel.open(p, RuntimeOptions.cpu(2), Progress.NONE);
	}

	/** A textured pair (reference(x) = target(x + shift)) as YCbCr images in the given range. */
	public static YCbCrImage[] pair(int w, int h, int shift, long seed, YCbCrRange range) {
		Tensor[] t = TestNetworks.pair(h, w, shift, seed);
		return new YCbCrImage[] { image(t[0], range), image(t[1], range) };
	}

	private static YCbCrImage image(Tensor t, YCbCrRange range) {
		int h = t.dim(2), w = t.dim(3);
		FloatPlane[] p = new FloatPlane[3];
		for (int c = 0; c < 3; c++) p[c] = FloatPlane.wrap(Arrays.copyOfRange(t.data(), c * w * h, (c + 1) * w * h), w, h);
		return new YCbCrImage(p[0], p[1], p[2], range, 255);
	}
}
