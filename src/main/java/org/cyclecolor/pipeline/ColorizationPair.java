package org.cyclecolor.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;

/**
 * A gray (mono camera) and a colour image as the networks take them: one size, 0..255 units.
 * Checks what a user can get wrong, each with one sentence: stacks, sizes that differ (rectify
 * first), NaN pixels, and the two images swapped (a colour image whose channels are all equal, or
 * a gray one where the colour image should be). Scales by type: 8-bit and RGB as they are, 16-bit
 * by 255/65535, 32-bit from 0..1 when the values lie there, else from 0..max. A gray image given
 * as RGB is used through its luminance. The result goes back into the gray image's units.
 */
public final class ColorizationPair {

	/** Channels within this many levels (of 255) count as equal: a gray picture saved as RGB. */
	static final double GRAY_TOLERANCE = 1.0;

	private final FloatPlane gray;
	private final RgbImage color;
	private final double grayFullScale;
	private final int grayDepth;
	private final String grayTitle;
	private final List<String> notes;

	private ColorizationPair(FloatPlane gray, RgbImage color, double grayFullScale, int grayDepth, String grayTitle, List<String> notes) {
		this.gray = gray;
		this.color = color;
		this.grayFullScale = grayFullScale;
		this.grayDepth = grayDepth;
		this.grayTitle = grayTitle;
		this.notes = notes;
	}

	/** Checks and converts the pair; the decisions taken for the user are in {@link #notes()}. */
	public static ColorizationPair of(ImagePlus grayImage, ImagePlus colorImage) {
		InputChecks.single(grayImage, "gray");
		InputChecks.single(colorImage, "colour");
		boolean grayIsColor = ImagePlusAdapter.isColor(grayImage), colorIsColor = ImagePlusAdapter.isColor(colorImage);
		if (!colorIsColor) {
			throw new UserException("The colour image '" + colorImage.getTitle() + "' has a single channel" + (grayIsColor
				? " and the gray image '" + grayImage.getTitle() + "' is in colour: the two seem swapped; give the mono camera's image as gray."
				: "; give the colour camera's RGB image as the colour image."));
		}
		InputChecks.sameSize(grayImage, colorImage);
		InputChecks.finite(grayImage);
		InputChecks.finite(colorImage);
		List<String> notes = new ArrayList<>();

		double colorScale = fullScale(colorImage);
		RgbImage color = scaled(ImagePlusAdapter.toRgb(colorImage, colorScale), 255);
		if (color.isGray(GRAY_TOLERANCE)) {
			throw new UserException("The colour image '" + colorImage.getTitle() + "' is gray (R, G and B are equal everywhere): were the "
				+ "gray and colour images swapped? Give the colour camera's image as the colour image.");
		}
		double grayScale = fullScale(grayImage);
		FloatPlane gray;
		if (grayIsColor) {
			RgbImage g = ImagePlusAdapter.toRgb(grayImage, grayScale);
			if (!scaled(g, 255).isGray(GRAY_TOLERANCE)) {
				notes.add("The gray image '" + grayImage.getTitle() + "' is in colour; its luminance (0.299 R + 0.587 G + 0.114 B) is used.");
			}
			gray = scale(YCbCr.luma(g), 255 / grayScale);
		}
		else {
			gray = scale(ImagePlusAdapter.toPlane(grayImage.getProcessor()), 255 / grayScale);
		}
		note(notes, grayImage, grayScale);
		note(notes, colorImage, colorScale);
		return new ColorizationPair(gray, color, grayScale, grayImage.getBitDepth(), grayImage.getTitle(), notes);
	}

	private static void note(List<String> notes, ImagePlus imp, double scale) {
		if (imp.getBitDepth() == 16) {
			notes.add("The 16-bit image '" + imp.getTitle() + "' was scaled to 0..255 (by 255/65535).");
		}
		else if (imp.getBitDepth() == 32) {
			notes.add(String.format(Locale.ROOT, "The 32-bit image '%s' was scaled to 0..255 from 0..%.6g.", imp.getTitle(), scale));
		}
	}

	/** The value that means full scale: by type; for 32-bit data 1 when it lies in 0..1, else its maximum. */
	static double fullScale(ImagePlus imp) {
		double type = ImagePlusAdapter.typeFullScale(imp);
		if (!Double.isNaN(type)) return type;
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (int z = 1; z <= imp.getStackSize(); z++) {
			float[] mm = ImagePlusAdapter.toPlane(imp.getStack().getProcessor(z)).minMax();
			min = Math.min(min, mm[0]);
			max = Math.max(max, mm[1]);
		}
		if (min < 0) {
			throw new UserException("The 32-bit image '" + imp.getTitle() + "' has negative values (down to " + min
				+ "); give intensities (0 and up), e.g. after Process > Math > Add... or Image > Adjust > Brightness/Contrast.");
		}
		if (max <= 1) return 1;
		return max;
	}

	private static FloatPlane scale(FloatPlane p, double k) {
		if (k == 1) return p;
		FloatPlane out = new FloatPlane(p.width(), p.height());
		for (int i = 0; i < out.size(); i++) out.data()[i] = (float) (p.data()[i] * k);
		return out;
	}

	private static RgbImage scaled(RgbImage rgb, double to) {
		if (rgb.maxValue() == to) return rgb;
		double k = to / rgb.maxValue();
		return new RgbImage(scale(rgb.r(), k), scale(rgb.g(), k), scale(rgb.b(), k), to);
	}

	/** The mono image, 0..255. */
	public FloatPlane gray() {
		return gray;
	}

	/** The colour image, 0..255. */
	public RgbImage color() {
		return color;
	}

	public int width() {
		return gray.width();
	}

	public int height() {
		return gray.height();
	}

	/** Decisions taken for the user (conversions), one sentence each. */
	public List<String> notes() {
		return notes;
	}

	/**
	 * A colour result (0..255 RGB) as an image in the gray image's type: 8-bit RGB for 8-bit (and
	 * RGB) gray images, a 16-bit 3-channel composite for 16-bit, a 32-bit one in the gray image's
	 * units for 32-bit. Values are clipped to the type's range, rounded for 8 and 16 bits.
	 */
	public ImagePlus toGrayType(String title, RgbImage rgb) {
		if (grayDepth == 8 || grayDepth == 24) return ImagePlusAdapter.toImagePlus(title, rgb);
		int w = rgb.width(), h = rgb.height();
		double k = grayFullScale / 255;
		ImageStack st = new ImageStack(w, h);
		String[] names = { "R", "G", "B" };
		for (int c = 0; c < 3; c++) {
			float[] s = rgb.channel(c).data();
			if (grayDepth == 16) {
				short[] d = new short[w * h];
				for (int i = 0; i < d.length; i++) d[i] = (short) Math.round(Math.max(0, Math.min(65535, s[i] * k)));
				st.addSlice(names[c], new ShortProcessor(w, h, d, null));
			}
			else {
				float[] d = new float[w * h];
				for (int i = 0; i < d.length; i++) d[i] = (float) Math.max(0, Math.min(grayFullScale, s[i] * k));
				st.addSlice(names[c], new FloatProcessor(w, h, d));
			}
		}
		return ImagePlusAdapter.composite(title, st, grayFullScale);
	}

	/** The gray image's title without its extension, for naming results. */
	public String stem() {
		String t = grayTitle == null || grayTitle.isEmpty() ? "image" : grayTitle;
		int dot = t.lastIndexOf('.');
		return dot > 0 ? t.substring(0, dot) : t;
	}
}
