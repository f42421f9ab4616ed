package org.cyclecolor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Variants;
import org.cyclecolor.model.Weights;

/**
 * Inference through a real exported model with a known answer: when the last 3-D layer is zero,
 * every score is 0 and W is uniform over the candidates inside the image, so the chroma is the
 * mean of the reference over those columns — on the right of the pixel for a colour camera on
 * the left, on its left otherwise. Checks masking, zero padding, search direction, frames and padding.
 */
class ColorizationModelTest {

	@TempDir
	static Path dir;

	private static ColorizationModel model;

	@BeforeAll
	static void open() {
		ModelBundle random = ModelBundle.initialized(Variants.get("cyclecnn", 8), 3, Provenance.empty());
		Weights w = random.weights(NetworkKind.COLORIZATION).copy();
		Arrays.fill(w.get("unet.last.weight").data(), 0f);
		Arrays.fill(w.get("unet.last.bias").data(), 0f);
		Path p = dir.resolve("uniform.onnx");
		OnnxExporter.write(random.with(NetworkKind.COLORIZATION, w), p, false);
		model = ColorizationModel.open(p, RuntimeOptions.cpu(1), Progress.NONE);
	}

	@AfterAll
	static void close() {
		model.close();
	}

	private static YCbCrImage image(int w, int h, long seed) {
		Random r = new Random(seed);
		FloatPlane[] p = new FloatPlane[3];
		for (int c = 0; c < 3; c++) {
			p[c] = new FloatPlane(w, h);
			for (int i = 0; i < w * h; i++) p[c].data()[i] = 16 + r.nextInt(220);
		}
		return new YCbCrImage(p[0], p[1], p[2], YCbCrRange.FULL, 255);
	}

	@Test
	void uniformWeightsAverageTheCandidatesInsideTheImage() {
		int w = 23, h = 6, d = 8; // neither a multiple of 4: padded and cropped back
		YCbCrImage target = image(w, h, 1), ref = image(w, h, 2);
		for (ColorSide side : ColorSide.values()) {
			NetworkOutput out = model.colorize(target, ref, side);
			assertEquals(w, out.cb().width());
			assertEquals(d, out.weights().candidates());
			for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
				double cb = 0, cr = 0, lum = 0;
				int n = 0;
				for (int k = 0; k < d; k++) {
					int col = x + side.sign() * k;
					if (col < 0 || col >= w) continue;
					cb += ref.cb().get(col, y);
					cr += ref.cr().get(col, y);
					lum += ref.y().get(col, y);
					n++;
				}
				String at = side + " (" + x + ", " + y + ")";
				assertEquals(cb / n, out.cb().get(x, y), 1e-3, at);
				assertEquals(cr / n, out.cr().get(x, y), 1e-3, at);
				assertEquals(lum / n, out.luminance().get(x, y), 1e-3, at);
				for (int k = 0; k < d; k++) {
					int col = x + side.sign() * out.weights().disparity(k);
					double expected = col < 0 || col >= w ? 0 : 1.0 / n;
					assertEquals(expected, out.weights().get(k, x, y), 1e-6, at + " k=" + k);
				}
			}
		}
	}

	@Test
	void authorsFrameAveragesZeroPaddedCandidatesFromTheNextColumnOn() {
		// The authors' variant: 48 candidates from disparity 1, zeros outside the image (not masked).
		ModelBundle random = ModelBundle.initialized(Variants.get("authors-aaai20"), 3, Provenance.empty());
		Weights w = random.weights(NetworkKind.COLORIZATION).copy();
		Arrays.fill(w.get("unet.last.conv.weight").data(), 0f);
		Arrays.fill(w.get("unet.last.conv.bias").data(), 0f);
		Arrays.fill(w.get("unet.last.bn.beta").data(), 0f);
		Arrays.fill(w.get("unet.last.bn.running_mean").data(), 0f);
		Path p = dir.resolve("authors-uniform.onnx");
		OnnxExporter.write(random.with(NetworkKind.COLORIZATION, w), p, false);
		int width = 57, h = 5, d = 48;
		YCbCrImage t = studio(image(width, h, 5)), ref = studio(image(width, h, 6));
		try (ColorizationModel m = ColorizationModel.open(p, RuntimeOptions.cpu(1), Progress.NONE)) {
			for (ColorSide side : ColorSide.values()) {
				NetworkOutput out = m.colorize(t, ref, side);
				for (int y = 0; y < h; y++) for (int x = 0; x < width; x++) {
					double cb = 0;
					for (int k = 0; k < d; k++) {
						int col = x + side.sign() * (1 + k);
						if (col >= 0 && col < width) cb += ref.cb().get(col, y);
					}
					assertEquals(cb / d, out.cb().get(x, y), 1e-3, side + " (" + x + ", " + y + ")");
				}
			}
		}
	}

	private static YCbCrImage studio(YCbCrImage im) {
		return new YCbCrImage(im.y(), im.cb(), im.cr(), YCbCrRange.STUDIO, 255);
	}

	@Test
	void aFreshJvmOpensAModelFromAThreadWithAnOrdinaryStack() throws Exception {
		// ONNX Runtime's first session of a process needs more native stack than a 1 MB Java thread
		// has (Fiji commands, the CLI's main thread): overflowing it killed the JVM with a
		// segmentation fault. Only a fresh process shows it, so this runs one.
		Path p = dir.resolve("authors-fresh-jvm.onnx");
		OnnxExporter.write(ModelBundle.initialized(Variants.get("authors-aaai20"), 2, Provenance.empty()), p, false);
		Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
		Process proc = new ProcessBuilder(javaBin.toString(), "-Xss1m", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
			OpenModelInFreshJvm.class.getName(), p.toString()).redirectErrorStream(true).start();
		String out = new String(proc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		int code = proc.waitFor();
		assertEquals(0, code, "the child JVM exited with " + code + ": " + out);
		assertTrue(out.contains("colorized 16x8"), out);
	}

	@Test
	void inputsInAnotherRangeOrScaleAreRefused() {
		YCbCrImage t = image(8, 4, 1);
		YCbCrImage studio = new YCbCrImage(t.y(), t.cb(), t.cr(), YCbCrRange.STUDIO, 255);
		assertThrows(IllegalArgumentException.class, () -> model.colorize(studio, studio, ColorSide.RIGHT));
		YCbCrImage sixteen = new YCbCrImage(t.y(), t.cb(), t.cr(), YCbCrRange.FULL, 65535);
		assertThrows(IllegalArgumentException.class, () -> model.colorize(sixteen, sixteen, ColorSide.RIGHT));
	}

	@Test
	void refinementRunsAtAnySize() {
		YCbCrImage c = image(13, 7, 4);
		FloatPlane[] r = model.refine(c);
		assertEquals(13, r[0].width());
		assertEquals(7, r[1].height());
		assertTrue(r[0].firstNonFinite() < 0);
	}

	@Test
	void aModelWithoutRefinementSaysSo() {
		Path p = dir.resolve("authors-random.onnx");
		OnnxExporter.write(ModelBundle.initialized(Variants.get("authors-aaai20"), 1, Provenance.empty()), p, true);
		try (ColorizationModel m = ColorizationModel.open(p, RuntimeOptions.cpu(1), Progress.NONE)) {
			YCbCrImage c = image(8, 4, 1);
			YCbCrImage s = new YCbCrImage(c.y(), c.cb(), c.cr(), YCbCrRange.STUDIO, 255);
			UserException e = assertThrows(UserException.class, () -> m.refine(s));
			assertTrue(e.getMessage().contains("no refinement"), e.getMessage());
		}
	}

	@Test
	void theDeviceChoiceIsLogged() {
		StringBuilder log = new StringBuilder();
		Progress p = new Progress() {
			@Override
			public void report(double f, String m) {}

			@Override
			public boolean isCancelled() {
				return false;
			}

			@Override
			public void log(String m) {
				log.append(m);
			}
		};
		try (ColorizationModel m = ColorizationModel.open(model.file(), RuntimeOptions.cpu(1), p)) {
			assertEquals(Device.CPU, m.device().device());
		}
		assertTrue(log.toString().contains("ONNX Runtime device: CPU"), log.toString());
	}
}
