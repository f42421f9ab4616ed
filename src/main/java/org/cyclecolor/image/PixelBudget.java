package org.cyclecolor.image;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import ij.io.FileInfo;
import ij.io.TiffDecoder;

import org.cyclecolor.UserException;

/**
 * The largest image a reader decodes, checked against the size the file's header declares before
 * any pixel is decoded: a 1.5 MB PNG can declare 40000x40000 pixels and take 1.6 GB to decode.
 * The default is {@value #DEFAULT_MEGAPIXELS} megapixels per image (all slices of a stack
 * together); the environment variable {@value #ENVIRONMENT} or the system property
 * {@value #PROPERTY} raises or lowers it.
 */
public final class PixelBudget {

	public static final int DEFAULT_MEGAPIXELS = 100;
	public static final String ENVIRONMENT = "CYCLECOLOR_MAX_MEGAPIXELS";
	public static final String PROPERTY = "cyclecolor.maxMegapixels";

	private PixelBudget() {}

	/** The budget in pixels: the system property, else the environment variable, else the default. */
	public static long maxPixels() {
		String v = System.getProperty(PROPERTY);
		String from = "The system property " + PROPERTY;
		if (v == null) {
			v = System.getenv(ENVIRONMENT);
			from = "The environment variable " + ENVIRONMENT;
		}
		if (v == null || v.isBlank()) return DEFAULT_MEGAPIXELS * 1_000_000L;
		try {
			double mp = Double.parseDouble(v.trim());
			if (mp > 0 && mp <= 1e6) return (long) (mp * 1_000_000L);
		}
		catch (NumberFormatException ignored) {
			// refused below
		}
		throw new UserException(from + " is '" + v + "'; give the largest image in megapixels, e.g. 400.");
	}

	/** Refuses {@code file} in one sentence when its header declares more pixels than the budget; silent when the header cannot be read (the reader then says what is wrong). */
	public static void check(Path file) {
		long[] size = declaredSize(file);
		if (size == null) return;
		long pixels = size[0] * size[1] * Math.max(1, size[2]);
		long max = maxPixels();
		if (pixels > max || size[0] > Integer.MAX_VALUE || size[1] > Integer.MAX_VALUE) {
			throw new UserException(String.format(Locale.ROOT, "The image %s declares %dx%d pixels%s (%.0f megapixels), more than the "
				+ "%.0f megapixels this suite decodes; if it is genuine, raise the limit with %s=MEGAPIXELS.", file.getFileName(), size[0],
				size[1], size[2] > 1 ? " in " + size[2] + " slices" : "", pixels / 1e6, max / 1e6, ENVIRONMENT));
		}
	}

	/** {width, height, slices} as the header declares them, or null when the header is not one this class knows or cannot be read. */
	static long[] declaredSize(Path file) {
		try {
			byte[] head = new byte[32];
			int n;
			try (InputStream in = Files.newInputStream(file)) {
				n = in.readNBytes(head, 0, head.length);
			}
			if (n >= 24 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G' && head[12] == 'I'
				&& head[13] == 'H' && head[14] == 'D' && head[15] == 'R') {
				return new long[] { unsignedInt(head, 16), unsignedInt(head, 20), 1 };
			}
			if (n >= 4 && (head[0] == 'I' && head[1] == 'I' && head[2] == 42 || head[0] == 'M' && head[1] == 'M' && head[3] == 42)) {
				return tiff(file);
			}
			if (n >= 2 && head[0] == 'P' && head[1] >= '1' && head[1] <= '6') return pnm(file);
			return imageIo(file);
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}

	private static long unsignedInt(byte[] b, int at) {
		return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
	}

	/** ImageJ's own TIFF directory reader: reads the image directories, not the pixels. */
	private static long[] tiff(Path file) throws IOException {
		Path dir = file.toAbsolutePath().getParent();
		FileInfo[] info = new TiffDecoder(dir.toString() + java.io.File.separator, file.getFileName().toString()).getTiffInfo();
		if (info == null || info.length == 0) return null;
		long slices = 0;
		for (FileInfo fi : info) slices += Math.max(1, fi.nImages);
		return new long[] { info[0].width, info[0].height, slices };
	}

	/** PGM/PPM: magic, width, height (comments allowed). */
	private static long[] pnm(Path file) throws IOException {
		try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
			in.readByte();
			in.readByte();
			long w = pnmNumber(in), h = pnmNumber(in);
			return w < 0 || h < 0 ? null : new long[] { w, h, 1 };
		}
	}

	private static long pnmNumber(DataInputStream in) throws IOException {
		int c = in.read();
		while (c == '#' || Character.isWhitespace(c)) {
			if (c == '#') while (c != '\n' && c != -1) c = in.read();
			c = in.read();
		}
		if (c < '0' || c > '9') return -1;
		long v = 0;
		while (c >= '0' && c <= '9' && v < 1L << 40) {
			v = v * 10 + (c - '0');
			c = in.read();
		}
		return v;
	}

	/** JPEG, BMP, GIF: the Java image readers read the size from the header without decoding. */
	private static long[] imageIo(Path file) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			if (in == null) return null;
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) return null;
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				return new long[] { reader.getWidth(0), reader.getHeight(0), 1 };
			}
			finally {
				reader.dispose();
			}
		}
	}
}
