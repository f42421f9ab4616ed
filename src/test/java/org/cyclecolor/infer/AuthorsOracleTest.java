package org.cyclecolor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.process.ColorProcessor;

import org.cyclecolor.Progress;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.testutil.SharedData;

/**
 * The oracle for the authors' variant: the imported released weights, run with the authors'
 * pre/post-processing, reproduce their own published colorizations of the six real pairs
 * ({@code authors_cyclecnn_output.png}); at least 45 dB PSNR each. Skips without the shared data.
 */
class AuthorsOracleTest {

	@TempDir
	static Path tmp;

	private static ColorizationModel model;

	@BeforeAll
	static void importWeights() {
		Path h5 = SharedData.require("models/authors-cyclecnn-aaai20/s0.h5");
		Path onnx = tmp.resolve("authors.onnx");
		AuthorsModelImporter.importTo(h5, onnx, false, Progress.NONE);
		model = ColorizationModel.open(onnx, RuntimeOptions.cpu(2), Progress.NONE);
	}

	@AfterAll
	static void close() {
		if (model != null) model.close();
	}

	@Test
	void reproducesThePublishedColorizationsOfTheSixRealPairs() throws Exception {
		List<Path> pairs = realPairs();
		assertEquals(6, pairs.size(), "six real pairs");
		Path out = Path.of("target", "authors-oracle");
		Files.createDirectories(out);
		List<String> lines = new ArrayList<>();
		double worst = Double.POSITIVE_INFINITY;
		double sse = 0;
		long n = 0;
		for (Path pair : pairs) {
			RgbImage mono = rgb(pair.resolve("mono.png"));
			RgbImage color = rgb(pair.resolve("color.png"));
			RgbImage published = rgb(pair.resolve("authors_cyclecnn_output.png"));
			RgbImage ours = AuthorsProtocol.colorize(model, mono, color, ColorSide.LEFT)
				.crop(0, 0, AuthorsProtocol.PUBLISHED_COLUMNS, mono.height());
			assertEquals(published.width(), ours.width());
			double[] e = squaredError(ours, published);
			double psnr = 10 * Math.log10(255.0 * 255.0 / (e[0] / e[1]));
			sse += e[0];
			n += (long) e[1];
			worst = Math.min(worst, psnr);
			lines.add(String.format(Locale.ROOT, "%s: PSNR %.2f dB, %d of %d values differ (max %d levels)", pair.getFileName(), psnr,
				(long) e[2], (long) e[1], (long) e[3]));
			ImageFiles.write(toImagePlus(ours), out.resolve(pair.getFileName() + "-ours.png"), true);
			ImageFiles.write(toImagePlus(published), out.resolve(pair.getFileName() + "-authors.png"), true);
		}
		lines.forEach(l -> System.out.println("authors oracle " + l));
		System.out.printf(Locale.ROOT, "authors oracle pooled PSNR %.2f dB%n", 10 * Math.log10(255.0 * 255.0 / (sse / n)));
		assertTrue(worst >= 45, "worst pair " + worst + " dB < 45 dB: " + lines);
	}

	/**
	 * The green column at the edge away from the colour camera is the authors' network, not ours:
	 * its candidates there lie outside the colour image, zero-padded (chroma 0, green), and their
	 * published outputs leave those columns out (250 of 256). On each real pair our full-width
	 * result of their network is strongly green in the last three columns, greener than any column
	 * they published; docs/authors-model.md shows the numbers.
	 */
	@Test
	void theColumnsTheAuthorsLeftOutAreTheGreenOnesTheirNetworkPaints() throws Exception {
		List<Path> pairs = realPairs();
		for (Path pair : pairs) {
			RgbImage mono = rgb(pair.resolve("mono.png"));
			RgbImage full = AuthorsProtocol.colorize(model, mono, rgb(pair.resolve("color.png")), ColorSide.LEFT);
			RgbImage published = rgb(pair.resolve("authors_cyclecnn_output.png"));
			double edge = 0, publishedMax = Double.NEGATIVE_INFINITY;
			for (int x = full.width() - 3; x < full.width(); x++) edge += greenness(full, x) / 3;
			for (int x = 0; x < published.width(); x++) publishedMax = Math.max(publishedMax, greenness(published, x));
			String what = String.format(Locale.ROOT, "%s: last 3 columns %.0f, greenest published column %.0f", pair.getFileName(), edge,
				publishedMax);
			System.out.println("authors edge " + what);
			assertTrue(edge > 100 && edge > publishedMax + 50, what);
		}
	}

	/** The folders of the real pairs in the shared data (skips without it). */
	private static List<Path> realPairs() throws java.io.IOException {
		try (Stream<Path> s = Files.list(SharedData.require("real-mono-color"))) {
			return s.filter(Files::isDirectory).sorted().toList();
		}
	}

	/** Mean of G - (R + B) / 2 over column x (0 for gray, 255 for pure green). */
	private static double greenness(RgbImage img, int x) {
		double sum = 0;
		for (int y = 0; y < img.height(); y++) {
			int i = y * img.width() + x;
			sum += img.g().data()[i] - (img.r().data()[i] + img.b().data()[i]) / 2;
		}
		return sum / img.height();
	}

	private static RgbImage rgb(Path p) {
		ImagePlus imp = ImageFiles.read(p);
		return ImagePlusAdapter.toRgb(imp, Double.NaN);
	}

	/** {sum of squared errors, values, values that differ, max difference}. */
	private static double[] squaredError(RgbImage a, RgbImage b) {
		double sse = 0;
		long n = 0, diff = 0, max = 0;
		for (int c = 0; c < 3; c++) {
			float[] x = a.channel(c).data(), y = b.channel(c).data();
			for (int i = 0; i < x.length; i++) {
				double d = x[i] - y[i];
				sse += d * d;
				n++;
				if (d != 0) diff++;
				max = Math.max(max, (long) Math.abs(d));
			}
		}
		return new double[] { sse, n, diff, max };
	}

	private static ImagePlus toImagePlus(RgbImage rgb) {
		int w = rgb.width(), h = rgb.height();
		ColorProcessor cp = new ColorProcessor(w, h);
		for (int i = 0; i < w * h; i++) {
			cp.set(i, ((int) rgb.r().data()[i] << 16) | ((int) rgb.g().data()[i] << 8) | (int) rgb.b().data()[i]);
		}
		return new ImagePlus("result", cp);
	}
}
