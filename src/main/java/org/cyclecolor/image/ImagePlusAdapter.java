package org.cyclecolor.image;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import org.cyclecolor.UserException;

/**
 * Converts between ImageJ's {@link ImagePlus} and this suite's planes.
 * <p>
 * 32-bit processors are wrapped without copying (the plane and the processor share one array);
 * 8- and 16-bit ones are converted, because ImgLib2 float views of byte/short arrays would need a
 * conversion on every access. RGB ({@code ColorProcessor}) pixels are packed ints and are always
 * unpacked into three planes.
 */
public final class ImagePlusAdapter {

	private ImagePlusAdapter() {}

	/** The processor's pixels as a plane: shared for 32-bit, converted for 8/16-bit. */
	public static FloatPlane toPlane(ImageProcessor ip) {
		if (ip instanceof ColorProcessor) {
			throw new IllegalArgumentException("RGB processor given where one channel is expected.");
		}
		if (ip instanceof FloatProcessor) {
			return FloatPlane.wrap((float[]) ip.getPixels(), ip.getWidth(), ip.getHeight());
		}
		int w = ip.getWidth(), h = ip.getHeight();
		FloatPlane out = new FloatPlane(w, h);
		float[] d = out.data();
		int n = w * h;
		for (int i = 0; i < n; i++) d[i] = ip.getf(i);
		return out;
	}

	/** A 32-bit image that shares the plane's pixel array. */
	public static ImagePlus toImagePlus(String title, FloatPlane plane) {
		return new ImagePlus(title, new FloatProcessor(plane.width(), plane.height(), plane.data()));
	}

	/** True for RGB images and for 3-channel composites (colour stored as channels). */
	public static boolean isColor(ImagePlus imp) {
		return imp.getType() == ImagePlus.COLOR_RGB || (imp.getNChannels() == 3 && imp.getNSlices() == 1
			&& imp.getNFrames() == 1);
	}

	/**
	 * The value meaning full scale for the image's type: 255 for 8-bit and RGB, 65535 for 16-bit,
	 * NaN for 32-bit (floats carry no range; the caller chooses one, e.g. from the data).
	 */
	public static double typeFullScale(ImagePlus imp) {
		switch (imp.getBitDepth()) {
			case 8:
			case 24:
				return 255;
			case 16:
				return 65535;
			default:
				return Double.NaN;
		}
	}

	/**
	 * Refuses stacks and hyperstacks where one 2-D image is expected (a 3-channel colour image is
	 * allowed when {@code allowColorChannels}).
	 */
	public static void requireSingleImage(ImagePlus imp, String role, boolean allowColorChannels) {
		if (imp == null) {
			throw new UserException("No " + role + " image was given; open one or pass its path.");
		}
		int planes = imp.getStackSize();
		if (planes == 1) return;
		if (allowColorChannels && isColor(imp)) return;
		throw new UserException("The " + role + " image '" + imp.getTitle() + "' is a stack of " + planes
			+ " planes (" + imp.getNChannels() + " channels, " + imp.getNSlices() + " slices, " + imp.getNFrames()
			+ " frames); give a single 2-D image, e.g. with Image > Duplicate... of one plane.");
	}

	/**
	 * The image's pixels as RGB planes. Accepts RGB images and 3-channel composites of any bit depth;
	 * {@code fullScale} for 32-bit composites must be given (others follow their type, pass NaN).
	 */
	public static RgbImage toRgb(ImagePlus imp, double fullScale) {
		int w = imp.getWidth(), h = imp.getHeight();
		if (imp.getType() == ImagePlus.COLOR_RGB) {
			int[] px = (int[]) imp.getProcessor().getPixels();
			FloatPlane r = new FloatPlane(w, h), g = new FloatPlane(w, h), b = new FloatPlane(w, h);
			float[] rr = r.data(), gg = g.data(), bb = b.data();
			for (int i = 0; i < px.length; i++) {
				int c = px[i];
				rr[i] = (c >> 16) & 0xff;
				gg[i] = (c >> 8) & 0xff;
				bb[i] = c & 0xff;
			}
			return new RgbImage(r, g, b, 255);
		}
		if (imp.getNChannels() == 3 && imp.getStackSize() == 3) {
			ImageStack st = imp.getStack();
			double m = Double.isNaN(typeFullScale(imp)) ? fullScale : typeFullScale(imp);
			if (Double.isNaN(m)) {
				throw new IllegalArgumentException("A 32-bit colour image needs an explicit full-scale value.");
			}
			// Channel planes of 8/16-bit stacks are converted; 32-bit ones are shared.
			return new RgbImage(toPlane(st.getProcessor(1)), toPlane(st.getProcessor(2)),
				toPlane(st.getProcessor(3)), m);
		}
		throw new UserException("The image '" + imp.getTitle() + "' is not a colour image (RGB or 3 channels); "
			+ "give the colour camera's image here.");
	}

	/**
	 * An image of the RGB planes: an 8-bit RGB image (rounded, clipped to 0..255) when the full
	 * scale is 255, otherwise a 3-channel 32-bit composite holding the values unchanged.
	 */
	public static ImagePlus toImagePlus(String title, RgbImage rgb) {
		int w = rgb.width(), h = rgb.height();
		if (rgb.maxValue() == 255) {
			float[] r = rgb.r().data(), g = rgb.g().data(), b = rgb.b().data();
			int[] px = new int[w * h];
			for (int i = 0; i < px.length; i++) {
				px[i] = 0xff000000 | (to8bit(r[i]) << 16) | (to8bit(g[i]) << 8) | to8bit(b[i]);
			}
			return new ImagePlus(title, new ColorProcessor(w, h, px));
		}
		ImageStack st = new ImageStack(w, h);
		st.addSlice("R", new FloatProcessor(w, h, rgb.r().data()));
		st.addSlice("G", new FloatProcessor(w, h, rgb.g().data()));
		st.addSlice("B", new FloatProcessor(w, h, rgb.b().data()));
		return composite(title, st, rgb.maxValue());
	}

	/** Three slices (R, G, B) as a composite image, each channel displayed from 0 to {@code fullScale}, channel 1 current. */
	public static CompositeImage composite(String title, ImageStack rgb, double fullScale) {
		ImagePlus imp = new ImagePlus(title, rgb);
		imp.setDimensions(3, 1, 1);
		CompositeImage ci = new CompositeImage(imp, CompositeImage.COMPOSITE);
		for (int c = 1; c <= 3; c++) {
			ci.setPosition(c, 1, 1);
			ci.setDisplayRange(0, fullScale);
		}
		ci.setPosition(1, 1, 1);
		return ci;
	}

	/** An 8-bit gray image of {@code plane · scale}, rounded and clipped to 0..255 ({@link #to8bit}). */
	public static ImagePlus toGray8(String title, FloatPlane plane, float scale) {
		float[] d = plane.data();
		byte[] px = new byte[d.length];
		for (int i = 0; i < d.length; i++) px[i] = (byte) to8bit(d[i] * scale);
		return new ImagePlus(title, new ByteProcessor(plane.width(), plane.height(), px));
	}

	/** Rounds half up and clips to 0..255, the way 8-bit files are written. */
	public static int to8bit(float v) {
		if (!(v > 0)) return 0; // also NaN
		if (v >= 255) return 255;
		return (int) (v + 0.5f);
	}
}
