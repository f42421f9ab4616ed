package org.cyclecolor.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import ij.ImagePlus;
import ij.process.ImageProcessor;

import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;

/**
 * Reads the images of a dataset as 0..255 planes: gray for the mono camera, RGB for the colour
 * camera, with errors that name the file and say what it should be.
 */
final class PairImages {

	/** Largest channel difference (of 255) still taken as gray: gray saved as RGB, JPEG rounding. */
	static final double GRAY_TOLERANCE = 3;

	private PairImages() {}

	/**
	 * Width and height from the file header when Java's image readers know the format (PNG, JPEG,
	 * BMP, GIF, TIFF), otherwise by reading the image.
	 *
	 * @throws UserException when the file is not a readable image
	 */
	static int[] size(Path path) {
		try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
			if (in != null) {
				Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
				if (readers.hasNext()) {
					ImageReader reader = readers.next();
					try {
						reader.setInput(in);
						return new int[] { reader.getWidth(0), reader.getHeight(0) };
					}
					finally {
						reader.dispose();
					}
				}
			}
		}
		catch (IOException | RuntimeException e) {
			// A damaged header: ImageJ's reader below says whether it can make sense of the file.
		}
		ImagePlus imp = ImageFiles.read(path);
		return new int[] { imp.getWidth(), imp.getHeight() };
	}

	/**
	 * A mono camera's image as one 0..255 plane: 8-bit gray, 16-bit gray (scaled), or RGB whose
	 * channels are equal (gray stored as colour).
	 */
	static FloatPlane readGray(Path path) {
		ImagePlus imp = ImageFiles.read(path);
		ImagePlusAdapter.requireSingleImage(imp, "mono", true);
		switch (imp.getType()) {
			case ImagePlus.GRAY8:
				return ImagePlusAdapter.toPlane(imp.getProcessor());
			case ImagePlus.GRAY16:
				return scaled(ImagePlusAdapter.toPlane(imp.getProcessor()), 255.0 / 65535);
			case ImagePlus.GRAY32:
				throw new UserException("The mono image " + path + " is 32-bit; save it as an 8- or 16-bit gray image.");
			default:
				RgbImage rgb = toRgb255(imp, path);
				if (!rgb.isGray(GRAY_TOLERANCE)) {
					throw new UserException("The mono image " + path + " is a colour image (its channels differ); "
						+ "give the mono camera's gray image here (were the mono and colour images swapped?).");
				}
				return rgb.r();
		}
	}

	/** A colour camera's image as RGB 0..255: 8-bit RGB, indexed colour, or a 3-channel 8/16-bit image. */
	static RgbImage readColor(Path path) {
		ImagePlus imp = ImageFiles.read(path);
		ImagePlusAdapter.requireSingleImage(imp, "colour", true);
		int type = imp.getType();
		if ((type == ImagePlus.GRAY8 || type == ImagePlus.GRAY16 || type == ImagePlus.GRAY32) && imp.getNChannels() == 1) {
			throw new UserException("The colour image " + path + " is a gray image; give the colour camera's RGB image "
				+ "here (were the mono and colour images swapped?).");
		}
		return toRgb255(imp, path);
	}

	/** A 32-bit float image (e.g. a disparity map), values unchanged. */
	static FloatPlane readFloat(Path path) {
		ImagePlus imp = ImageFiles.read(path);
		ImagePlusAdapter.requireSingleImage(imp, "disparity", false);
		if (imp.getType() == ImagePlus.COLOR_RGB || imp.getType() == ImagePlus.COLOR_256) {
			throw new UserException("The map " + path + " is a colour image; a disparity or mask map is a single channel.");
		}
		ImageProcessor ip = imp.getProcessor();
		return ImagePlusAdapter.toPlane(ip).copy();
	}

	private static RgbImage toRgb255(ImagePlus imp, Path path) {
		if (imp.getType() == ImagePlus.COLOR_256) {
			// Indexed colour (palette PNG/GIF): expand through the colour table.
			ImagePlus rgb = new ImagePlus(imp.getTitle(), imp.getProcessor().convertToRGB());
			return ImagePlusAdapter.toRgb(rgb, Double.NaN);
		}
		if (imp.getBitDepth() == 32) {
			throw new UserException("The colour image " + path + " is 32-bit; save it as 8-bit RGB.");
		}
		RgbImage rgb = ImagePlusAdapter.toRgb(imp, Double.NaN);
		if (rgb.maxValue() == 255) return rgb;
		double f = 255 / rgb.maxValue();
		return new RgbImage(scaled(rgb.r(), f), scaled(rgb.g(), f), scaled(rgb.b(), f), 255);
	}

	private static FloatPlane scaled(FloatPlane p, double f) {
		FloatPlane out = new FloatPlane(p.width(), p.height());
		float[] s = p.data(), d = out.data();
		for (int i = 0; i < s.length; i++) d[i] = (float) (s[i] * f);
		return out;
	}
}
