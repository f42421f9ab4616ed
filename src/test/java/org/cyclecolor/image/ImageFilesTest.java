package org.cyclecolor.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import org.cyclecolor.UserException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every format (PNG, TIFF, JPEG, BMP, PGM, PPM) with every kind of image (8/16/32-bit gray and
 * RGB): written and read back through ImageJ, it either keeps every value (JPEG: close values),
 * or the write is refused with a message naming a format that holds it.
 */
class ImageFilesTest {

	@TempDir
	Path dir;

	private static final int W = 23, H = 17;

	enum Kind {
		GRAY8, GRAY16, GRAY32, RGB8, RGB16, RGB32;

		ImagePlus make() {
			switch (this) {
				case GRAY8: return new ImagePlus("gray8", fill(new ByteProcessor(W, H), 255));
				case GRAY16: return new ImagePlus("gray16", fill(new ShortProcessor(W, H), 65535));
				case GRAY32: return new ImagePlus("gray32", fill(new FloatProcessor(W, H), -1.5e4));
				case RGB8: {
					ColorProcessor cp = new ColorProcessor(W, H);
					for (int i = 0; i < W * H; i++) cp.set(i, 0xff000000 | pattern(i, 255) << 16 | pattern(i + 7, 255) << 8 | pattern(i + 13, 255));
					return new ImagePlus("rgb8", cp);
				}
				default: {
					ImageStack st = new ImageStack(W, H);
					for (int c = 0; c < 3; c++) {
						ImageProcessor ip = this == RGB16 ? new ShortProcessor(W, H) : new FloatProcessor(W, H);
						for (int i = 0; i < W * H; i++) ip.setf(i, this == RGB16 ? pattern(i + 5 * c, 65535) : pattern(i + 5 * c, 1000) / 7f);
						st.addSlice(ip);
					}
					ImagePlus imp = new ImagePlus(name().toLowerCase(), st);
					imp.setDimensions(3, 1, 1);
					return new CompositeImage(imp, CompositeImage.COMPOSITE);
				}
			}
		}

		/** A smooth ramp with a little hashed texture: every value differs, and JPEG copes with it. */
		private static int pattern(int i, int max) {
			int x = i % W, y = (i / W) % H;
			double ramp = 0.1 + 0.8 * (x / (double) W + y / (double) H) / 2;
			double texture = ((i * 2654435761L >>> 7) % 1000) / 1000.0 - 0.5;
			return (int) Math.round(Math.max(0, Math.min(1, ramp + 0.04 * texture)) * max);
		}

		private static ImageProcessor fill(ImageProcessor ip, double max) {
			for (int i = 0; i < W * H; i++) ip.setf(i, (float) (max > 0 ? pattern(i, (int) max) : pattern(i, 1000) * 31.7 + max));
			return ip;
		}
	}

	/** Which kinds each format must hold (the table in ImageFiles.Format). */
	private static boolean holds(String ext, Kind k) {
		switch (ext) {
			case "tif": return true;
			case "png": return k == Kind.GRAY8 || k == Kind.GRAY16 || k == Kind.RGB8;
			case "jpg": case "bmp": return k == Kind.GRAY8 || k == Kind.RGB8;
			case "pgm": return k == Kind.GRAY8 || k == Kind.GRAY16;
			default: return k == Kind.RGB8 || k == Kind.RGB16; // ppm
		}
	}

	@TestFactory
	Stream<DynamicTest> everyFormatWithEveryKindOfImage() {
		List<DynamicTest> tests = new ArrayList<>();
		for (String ext : new String[] { "png", "tif", "jpg", "bmp", "pgm", "ppm" }) {
			for (Kind kind : Kind.values()) {
				tests.add(DynamicTest.dynamicTest(ext + " " + kind, () -> roundTrip(ext, kind)));
			}
		}
		return tests.stream();
	}

	private void roundTrip(String ext, Kind kind) throws IOException {
		ImagePlus imp = kind.make();
		Path file = dir.resolve(kind + "." + ext);
		if (!holds(ext, kind)) {
			UserException e = assertThrows(UserException.class, () -> ImageFiles.write(imp, file, false));
			assertTrue(e.getMessage().contains("save it as " + kind + ".tif"), e.getMessage());
			assertFalse(Files.exists(file));
			return;
		}
		ImageFiles.write(imp, file, false);
		assertEquals(kind.name().toLowerCase(), imp.getTitle(), "writing keeps the image's title");
		ImagePlus back = ImageFiles.read(file);
		assertEquals(W, back.getWidth());
		assertEquals(H, back.getHeight());
		boolean color = kind.name().startsWith("RGB");
		assertEquals(color, ImagePlusAdapter.isColor(back), "colour survives");
		float[][] expected = planes(imp), actual = planes(back);
		assertEquals(expected.length, actual.length);
		for (int c = 0; c < expected.length; c++) {
			if (ext.equals("jpg")) {
				double err = 0;
				for (int i = 0; i < expected[c].length; i++) err += Math.abs(expected[c][i] - actual[c][i]);
				// JPEG at ImageJ's default quality: close to the original, not equal.
				assertTrue(err / expected[c].length < 10, "mean JPEG error " + err / expected[c].length);
			}
			else {
				assertArrayEquals(expected[c], actual[c], 0f, ext + " keeps every value of channel " + c);
			}
		}
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith(".")).collect(Collectors.toList()),
				"no temporary file is left behind");
		}
	}

	private static float[][] planes(ImagePlus imp) {
		if (ImagePlusAdapter.isColor(imp)) {
			RgbImage rgb = ImagePlusAdapter.toRgb(imp, 1);
			return new float[][] { rgb.r().data(), rgb.g().data(), rgb.b().data() };
		}
		return new float[][] { ImagePlusAdapter.toPlane(imp.getProcessor()).data() };
	}

	@Test
	void neverOverwritesUnlessAsked() throws IOException {
		Path file = dir.resolve("out.png");
		ImageFiles.write(Kind.GRAY8.make(), file, false);
		long size = Files.size(file);
		UserException e = assertThrows(UserException.class, () -> ImageFiles.write(Kind.RGB8.make(), file, false));
		assertTrue(e.getMessage().contains("already exists") && e.getMessage().contains("overwrit"), e.getMessage());
		assertEquals(size, Files.size(file), "the existing file is untouched");
		ImageFiles.write(Kind.RGB8.make(), file, true);
		assertEquals(ImagePlus.COLOR_RGB, ImageFiles.read(file).getType(), "replaced when asked");
	}

	@Test
	void createsMissingOutputFolders() {
		Path file = dir.resolve("a/b/c.tif");
		ImageFiles.write(Kind.GRAY32.make(), file, false);
		assertTrue(Files.isRegularFile(file));
	}

	@Test
	void unreadableInputsGetClearErrors() throws IOException {
		UserException missing = assertThrows(UserException.class, () -> ImageFiles.read(dir.resolve("nope.png")));
		assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
		Path garbage = Files.writeString(dir.resolve("garbage.png"), "this is not a PNG");
		UserException bad = assertThrows(UserException.class, () -> ImageFiles.read(garbage));
		assertTrue(bad.getMessage().contains("cannot read garbage.png"), bad.getMessage());
		UserException folder = assertThrows(UserException.class, () -> ImageFiles.read(dir));
		assertTrue(folder.getMessage().contains("cannot be read"), folder.getMessage());
		UserException ext = assertThrows(UserException.class, () -> ImageFiles.write(Kind.GRAY8.make(), dir.resolve("x.gif2"), false));
		assertTrue(ext.getMessage().contains("end the name with .tif"), ext.getMessage());
		UserException isDir = assertThrows(UserException.class, () -> ImageFiles.write(Kind.GRAY8.make(), Files.createDirectory(dir.resolve("d.png")), true));
		assertTrue(isDir.getMessage().contains("is a folder"), isDir.getMessage());
	}

	@Test
	void sixteenBitPgmIsBigEndianWithMaxval65535() throws IOException {
		ShortProcessor sp = new ShortProcessor(2, 1);
		sp.set(0, 0, 0x1234);
		sp.set(1, 0, 65535);
		Path file = dir.resolve("s.pgm");
		ImageFiles.write(new ImagePlus("s", sp), file, false);
		byte[] bytes = Files.readAllBytes(file);
		String header = "P5\n2 1\n65535\n";
		assertEquals(header, new String(bytes, 0, header.length(), java.nio.charset.StandardCharsets.US_ASCII));
		assertArrayEquals(new byte[] { 0x12, 0x34, (byte) 0xff, (byte) 0xff },
			java.util.Arrays.copyOfRange(bytes, header.length(), bytes.length));
	}
}
