package org.cyclecolor.image;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;

/**
 * Writes binary PGM (P5) and PPM (P6) files, 8 or 16 bits per sample (16-bit samples big-endian,
 * maxval 65535, as the Netpbm format defines). ImageJ's own writer turns 16-bit images into 8-bit
 * ones, so the suite writes PNM itself; ImageJ reads all four kinds back.
 */
final class PnmWriter {

	private PnmWriter() {}

	/** True when {@code imp} can be written as PGM: one 8- or 16-bit plane. */
	static boolean isGray(ImagePlus imp) {
		return imp.getStackSize() == 1 && (imp.getBitDepth() == 8 || imp.getBitDepth() == 16);
	}

	/** True when {@code imp} can be written as PPM: RGB, or a 3-channel 16-bit image. */
	static boolean isColor(ImagePlus imp) {
		return imp.getType() == ImagePlus.COLOR_RGB
			|| (imp.getBitDepth() == 16 && imp.getStackSize() == 3 && imp.getNChannels() == 3);
	}

	static void write(ImagePlus imp, Path path) throws IOException {
		boolean color = isColor(imp);
		if (!color && !isGray(imp)) throw new IllegalArgumentException("PNM holds 8/16-bit gray or RGB, not " + imp);
		int w = imp.getWidth(), h = imp.getHeight();
		boolean wide = imp.getBitDepth() == 16;
		String header = (color ? "P6" : "P5") + "\n" + w + " " + h + "\n" + (wide ? 65535 : 255) + "\n";
		ImageProcessor[] planes;
		if (imp.getType() == ImagePlus.COLOR_RGB) planes = null;
		else if (color) {
			ImageStack st = imp.getStack();
			planes = new ImageProcessor[] { st.getProcessor(1), st.getProcessor(2), st.getProcessor(3) };
		}
		else planes = new ImageProcessor[] { imp.getProcessor() };
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
			out.write(header.getBytes(StandardCharsets.US_ASCII));
			int channels = color ? 3 : 1;
			byte[] row = new byte[w * channels * (wide ? 2 : 1)];
			for (int y = 0; y < h; y++) {
				int k = 0;
				for (int x = 0; x < w; x++) {
					for (int c = 0; c < channels; c++) {
						int v = planes == null ? (imp.getProcessor().get(x, y) >> (16 - 8 * c)) & 0xff : planes[c].get(x, y);
						if (wide) row[k++] = (byte) (v >> 8);
						row[k++] = (byte) v;
					}
				}
				out.write(row);
			}
		}
	}
}
