package org.cyclecolor.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;

import org.cyclecolor.UserException;

/** Issue 17 item 5: an image's declared size is checked against a pixel budget before it is decoded. */
class PixelBudgetTest {

	@TempDir
	Path tmp;

	/** The size each format's header declares, read without decoding, as ImageJ wrote it. */
	@Test
	void theDeclaredSizeIsReadFromEveryFormatsHeader() throws IOException {
		ImagePlus gray = new ImagePlus("g", new ByteProcessor(30, 20)), rgb = new ImagePlus("c", new ColorProcessor(30, 20));
		for (String name : new String[] { "g.png", "g.tif", "g.pgm", "g.jpg", "g.bmp" }) {
			Path f = tmp.resolve(name);
			ImageFiles.write(gray, f, false);
			assertArrayEquals(new long[] { 30, 20, 1 }, PixelBudget.declaredSize(f), name);
		}
		for (String name : new String[] { "c.png", "c.tif", "c.ppm", "c.jpg", "c.bmp" }) {
			Path f = tmp.resolve(name);
			ImageFiles.write(rgb, f, false);
			assertArrayEquals(new long[] { 30, 20, 1 }, PixelBudget.declaredSize(f), name);
		}
		ImageStack st = new ImageStack(30, 20);
		for (int i = 0; i < 3; i++) st.addSlice(new ByteProcessor(30, 20));
		Path stack = tmp.resolve("s.tif");
		ImageFiles.write(new ImagePlus("s", st), stack, false);
		assertArrayEquals(new long[] { 30, 20, 3 }, PixelBudget.declaredSize(stack));
		Path text = Files.writeString(tmp.resolve("notes.png"), "not an image");
		assertNull(PixelBudget.declaredSize(text), "an unknown header is left to the reader's own message");
	}

	/** A PNG of a few bytes declaring 40000x40000 pixels (1.6 GB decoded) is refused at once, with the way to raise the limit. */
	@Test
	void aDecompressionBombIsRefusedBeforeDecoding() throws IOException {
		Path bomb = tmp.resolve("bomb.png");
		ImageFiles.write(new ImagePlus("b", new ByteProcessor(8, 8)), bomb, false);
		try (RandomAccessFile f = new RandomAccessFile(bomb.toFile(), "rw")) {
			f.seek(16);
			f.writeInt(40000);
			f.writeInt(40000);
		}
		long t0 = System.nanoTime();
		UserException e = assertThrows(UserException.class, () -> ImageFiles.read(bomb));
		assertTrue((System.nanoTime() - t0) / 1e9 < 5, "refused from the header, not after decoding");
		assertEquals("The image bomb.png declares 40000x40000 pixels (1600 megapixels), more than the 100 "
			+ "megapixels this suite decodes; if it is genuine, raise the limit with CYCLECOLOR_MAX_MEGAPIXELS=MEGAPIXELS.", e.getMessage());
		byte[] before = Files.readAllBytes(bomb);
		assertArrayEquals(before, Files.readAllBytes(bomb), "the input is untouched");
	}

	/** The limit can be lowered or raised (here through the system property, which the environment variable stands for). */
	@Test
	void theLimitIsAdjustableAndANonsenseLimitIsNamed() {
		Path f = tmp.resolve("stack.tif");
		ImageStack st = new ImageStack(100, 100);
		for (int i = 0; i < 3; i++) st.addSlice(new ByteProcessor(100, 100));
		ImageFiles.write(new ImagePlus("s", st), f, false);
		String old = System.getProperty(PixelBudget.PROPERTY);
		try {
			System.setProperty(PixelBudget.PROPERTY, "0.02");
			UserException e = assertThrows(UserException.class, () -> ImageFiles.read(f));
			assertTrue(e.getMessage().contains("declares 100x100 pixels in 3 slices"), e.getMessage());
			System.setProperty(PixelBudget.PROPERTY, "0.03");
			assertEquals(3, ImageFiles.read(f).getStackSize());
			System.setProperty(PixelBudget.PROPERTY, "lots");
			e = assertThrows(UserException.class, () -> ImageFiles.read(f));
			assertEquals("The system property cyclecolor.maxMegapixels is 'lots'; give the largest image in megapixels, e.g. 400.",
				e.getMessage());
		}
		finally {
			if (old == null) System.clearProperty(PixelBudget.PROPERTY);
			else System.setProperty(PixelBudget.PROPERTY, old);
		}
	}
}
