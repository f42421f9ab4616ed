package org.cyclecolor.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.IndexColorModel;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.plugin.LutLoader;
import ij.process.ColorProcessor;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.infer.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The side-by-side figure: panels in order, one row, each at the images' size; each panel's pixels
 * are exactly its source (the inputs as ImageJ shows them, the colorized image the command writes,
 * the cycle map as Cycle Check shows it through its Fire table); each panel titled; the colour bar
 * runs through the Fire table from 1 at the top to 0 at the bottom.
 */
class CompositeTest {

	private static ImagePlus mono, color, truth;
	private static ColorizeResult cycle, colorized;

	@BeforeAll
	static void run() {
		mono = crop(ImageFiles.read(Paths.get("sample-data", "sample-mono.png")), "mono.png");
		color = crop(ImageFiles.read(Paths.get("sample-data", "sample-color.png")), "color.png");
		truth = crop(ImageFiles.read(Paths.get("sample-data", "sample-gt-color.png")), "truth.png");
		Path model = TestModels.cyclecnn();
		cycle = new ColorizeOperation(mono, color).model(model).maxDisparity(24).cycle(true, false).run(Progress.NONE);
		colorized = new ColorizeOperation(mono, color).model(model).maxDisparity(24).run(Progress.NONE);
	}

	@AfterAll
	static void tearDown() {
		ModelCache.clear();
	}

	/** A 200x120 part of the sample (small: a fast test), titled. */
	private static ImagePlus crop(ImagePlus imp, String title) {
		imp.setRoi(96, 96, 200, 120);
		ImagePlus part = imp.crop();
		part.setTitle(title);
		return part;
	}

	@Test
	void panelsAreTheSourcesPixelForPixelInOneRowUnderTheirTitles() {
		Composite.Figure f = Composite.of(cycle, Composite.truth(truth, 200, 120), "heading");
		List<String> titles = new ArrayList<>(f.panels().keySet());
		assertEquals(List.of(Composite.MONO, Composite.COLOR, Composite.resultTitle(cycle), Composite.TRUTH), titles.subList(0, 4));
		assertTrue(titles.get(4).startsWith("Cycle SSIM, Cb/Cr (mean "), titles.get(4));
		ColorProcessor fig = (ColorProcessor) f.image().getProcessor();
		int previousRight = -1;
		for (Rectangle r : f.panels().values()) {
			assertEquals(200, r.width);
			assertEquals(120, r.height);
			assertEquals(f.panels().get(Composite.MONO).y, r.y, "one row");
			assertTrue(r.x > previousRight, "left to right, apart");
			previousRight = r.x + r.width;
			assertTrue(darkPixels(fig, new Rectangle(r.x, r.y - r.y / 2, r.width, r.y / 2)) > 20, "a title above " + r);
		}
		assertPanel(fig, f, Composite.MONO, new ImagePlus("", mono.getProcessor().convertToRGB()));
		assertPanel(fig, f, Composite.COLOR, color);
		assertPanel(fig, f, Composite.TRUTH, truth);
		assertPanel(fig, f, Composite.resultTitle(cycle), cycle.colorizedImage());
		ImagePlus map = cycle.cycleMapImage();
		assertPanel(fig, f, titles.get(4), new ImagePlus("", map.getProcessor().convertToRGB()));

		Rectangle bar = f.colorBar();
		assertTrue(bar.x >= previousRight && bar.height == 120, bar.toString());
		IndexColorModel fire = LutLoader.getLut("fire");
		assertEquals(fire.getRGB(255) & 0xffffff, fig.get(bar.x + bar.width / 2, bar.y) & 0xffffff, "1 at the top");
		assertEquals(fire.getRGB(0) & 0xffffff, fig.get(bar.x + bar.width / 2, bar.y + bar.height - 1) & 0xffffff, "0 at the bottom");
		assertTrue(darkPixels(fig, new Rectangle(bar.x + bar.width + 4, bar.y, fig.getWidth() - bar.x - bar.width - 4, bar.height)) > 20,
			"tick labels beside the bar");
		assertTrue(darkPixels(fig, new Rectangle(0, 0, fig.getWidth(), f.panels().get(Composite.MONO).y / 2)) > 20, "the heading");
	}

	@Test
	void withoutCycleCheckOrTruthThereAreThreePanelsAndNoBar() {
		ImagePlus imp = colorized.compositeImage(null);
		Composite.Figure f = Composite.of(colorized, null, "x");
		assertEquals(List.of(Composite.MONO, Composite.COLOR, Composite.resultTitle(colorized)), new ArrayList<>(f.panels().keySet()));
		assertNull(f.colorBar());
		assertEquals(f.image().getWidth(), imp.getWidth());
		assertEquals("mono-composite", imp.getTitle());
		assertEquals(ImagePlus.COLOR_RGB, imp.getType());
	}

	@Test
	void aGroundTruthOfAnotherSizeIsRefused() {
		UserException e = assertThrows(UserException.class, () -> cycle.compositeImage(mono.resize(100, 60, "bilinear")));
		assertTrue(e.getMessage().contains("give the mono view's true colour at the same size"), e.getMessage());
	}

	private static void assertPanel(ColorProcessor fig, Composite.Figure f, String title, ImagePlus source) {
		Rectangle r = f.panels().get(title);
		fig.setRoi(r);
		int[] got = (int[]) fig.crop().getPixels();
		fig.resetRoi();
		int[] want = (int[]) source.getProcessor().convertToRGB().getPixels();
		for (int i = 0; i < want.length; i++) want[i] &= 0xffffff;
		for (int i = 0; i < got.length; i++) got[i] &= 0xffffff;
		assertArrayEquals(want, got, title);
	}

	/** Pixels clearly darker than the white background (text). */
	private static int darkPixels(ColorProcessor ip, Rectangle r) {
		int n = 0;
		for (int y = Math.max(0, r.y); y < Math.min(ip.getHeight(), r.y + r.height); y++) {
			for (int x = Math.max(0, r.x); x < Math.min(ip.getWidth(), r.x + r.width); x++) {
				int c = ip.get(x, y);
				if (((c >> 16 & 255) + (c >> 8 & 255) + (c & 255)) < 300) n++;
			}
		}
		return n;
	}
}
