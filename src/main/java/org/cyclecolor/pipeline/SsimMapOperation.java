package org.cyclecolor.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.metrics.ChannelSsim;
import org.cyclecolor.metrics.ChannelSsimResult;
import org.cyclecolor.metrics.Ssim;
import org.cyclecolor.metrics.SsimMode;

/**
 * The SSIM map of two images, as the Fiji command, the command line and the macro facade offer
 * it: checks the inputs, settles what the user left open (data range, gray versus colour) and
 * logs each such decision, computes SSIM and builds the displayable map.
 * <p>
 * Rules: both images single 2-D planes of one size, at least 11x11, without NaN or infinite
 * values. Gray and colour can be mixed: in the luminance mode the colour image is compared
 * through its luminance; in the colour modes the gray image counts as R = G = B (neutral chroma).
 * Two gray images need the luminance mode. The data range follows the type (255 for 8-bit and
 * RGB, 65535 for 16-bit; for 32-bit, max - min over both images) unless given; both images must
 * then be of one type.
 */
public final class SsimMapOperation {

	private final ImagePlus image1;
	private final ImagePlus image2;
	private SsimMode mode = SsimMode.LUMINANCE;
	private double dataRange = Double.NaN;
	private boolean components;

	public SsimMapOperation(ImagePlus image1, ImagePlus image2) {
		this.image1 = image1;
		this.image2 = image2;
	}

	public SsimMapOperation mode(SsimMode m) {
		this.mode = m;
		return this;
	}

	/** The data range; NaN, 0 or less means "from the image type". */
	public SsimMapOperation dataRange(double range) {
		this.dataRange = range;
		return this;
	}

	/** Also produce the luminance, contrast and structure maps. */
	public SsimMapOperation components(boolean c) {
		this.components = c;
		return this;
	}

	/** Parses a mode key ("luminance", "rgb", "cbcr", "r", "g", "b", "cb", "cr") for the user. */
	public static SsimMode parseMode(String key) {
		SsimMode m = SsimMode.fromKey(key);
		if (m == null) {
			throw new UserException("Unknown SSIM mode '" + key + "'; use one of " + String.join(", ", SsimMode.keys()) + ".");
		}
		return m;
	}

	public SsimMapResult run(Progress progress) {
		InputChecks.single(image1, "first");
		InputChecks.single(image2, "second");
		InputChecks.sameSize(image1, image2);
		InputChecks.atLeast(image1, Ssim.WINDOW, "the SSIM window");
		InputChecks.finite(image1);
		InputChecks.finite(image2);
		progress.checkCancelled();

		List<String> notes = new ArrayList<>();
		boolean color1 = ImagePlusAdapter.isColor(image1), color2 = ImagePlusAdapter.isColor(image2);
		if (mode.needsColor() && !color1 && !color2) {
			throw new UserException("The " + mode.key() + " mode compares colour channels, but '" + image1.getTitle()
				+ "' and '" + image2.getTitle() + "' are both gray; use mode luminance, or give a colour image.");
		}
		Range range = dataRange(notes);
		double fullScale = fullScale(range.value);

		Ssim ssim = new Ssim(range.value).withComponents(components);
		Progress work = progress.sub(0, 0.95);
		ChannelSsimResult result;
		if (mode == SsimMode.LUMINANCE && !color1 && !color2) {
			result = ChannelSsim.compareGray(gray(image1), gray(image2), ssim, work);
		}
		else if (mode == SsimMode.LUMINANCE) {
			for (ImagePlus imp : new ImagePlus[] { image1, image2 }) {
				if (ImagePlusAdapter.isColor(imp)) {
					notes.add("Compared colour image '" + imp.getTitle() + "' through its luminance Y = 0.299 R + 0.587 G + 0.114 B.");
				}
			}
			result = ChannelSsim.compare(rgb(image1, fullScale), rgb(image2, fullScale), mode, ssim, work);
		}
		else {
			for (ImagePlus imp : new ImagePlus[] { image1, image2 }) {
				if (!ImagePlusAdapter.isColor(imp)) {
					notes.add("Compared gray image '" + imp.getTitle() + "' as colour with R = G = B (no chroma).");
				}
				else if (ImagePlusAdapter.toRgb(imp, fullScale).isGray(0)) {
					notes.add("Note: '" + imp.getTitle() + "' is gray stored as RGB (R = G = B everywhere), so it has no chroma.");
				}
			}
			result = ChannelSsim.compare(rgb(image1, fullScale), rgb(image2, fullScale), mode, ssim, work);
		}
		for (String n : notes) progress.log(n);
		progress.report(0.95, "SSIM map");
		String title = "SSIM " + mode.key() + " of " + image1.getTitle() + " and " + image2.getTitle();
		SsimMapResult out = new SsimMapResult(image1.getTitle(), image2.getTitle(), range.value, range.source, result,
			title, notes);
		progress.report(1, null);
		return out;
	}

	/** A data range and where it came from. */
	private static final class Range {
		final double value;
		final String source;

		Range(double value, String source) {
			this.value = value;
			this.source = source;
		}
	}

	/** The data range to use, and how it was found (noted when taken from the data). */
	private Range dataRange(List<String> notes) {
		double type1 = ImagePlusAdapter.typeFullScale(image1), type2 = ImagePlusAdapter.typeFullScale(image2);
		boolean given = dataRange > 0 && !Double.isInfinite(dataRange);
		if (!given && !sameType(type1, type2)) {
			throw new UserException("The images are of different types (" + typeName(image1) + " and " + typeName(image2)
				+ "), so their data range differs; convert one to the other's type (Image > Type) or set the data range.");
		}
		if (given) return new Range(dataRange, "given");
		if (!Double.isNaN(type1)) return new Range(type1, typeName(image1) + " type");
		float[] r1 = minMax(image1), r2 = minMax(image2);
		double range = (double) Math.max(r1[1], r2[1]) - Math.min(r1[0], r2[0]);
		if (!(range > 0)) {
			throw new UserException("Both 32-bit images hold the single value " + r1[0]
				+ ", so no data range can be taken from them; set the data range.");
		}
		notes.add(String.format(Locale.ROOT, "32-bit images have no type range: using the data range %.6g (max - min of "
			+ "both images); set the data range to override.", range));
		return new Range(range, "32-bit data (max - min of both images)");
	}

	private static boolean sameType(double a, double b) {
		return Double.isNaN(a) ? Double.isNaN(b) : a == b;
	}

	private static String typeName(ImagePlus imp) {
		if (imp.getType() == ImagePlus.COLOR_RGB) return "RGB";
		return imp.getBitDepth() + "-bit" + (ImagePlusAdapter.isColor(imp) ? " colour" : "");
	}

	private static float[] minMax(ImagePlus imp) {
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (int z = 1; z <= imp.getStackSize(); z++) {
			float[] mm = ImagePlusAdapter.toPlane(imp.getStack().getProcessor(z)).minMax();
			min = Math.min(min, mm[0]);
			max = Math.max(max, mm[1]);
		}
		return new float[] { min, max };
	}

	/** Full scale of the colour images: their type's, or for 32-bit data the data range. */
	private double fullScale(double range) {
		double type = ImagePlusAdapter.typeFullScale(image1);
		return Double.isNaN(type) ? range : type;
	}

	private static FloatPlane gray(ImagePlus imp) {
		return ImagePlusAdapter.toPlane(imp.getProcessor());
	}

	/** The image as RGB planes; a gray image becomes R = G = B. */
	private static RgbImage rgb(ImagePlus imp, double fullScale) {
		if (ImagePlusAdapter.isColor(imp)) return ImagePlusAdapter.toRgb(imp, fullScale);
		return RgbImage.ofGray(gray(imp), fullScale);
	}
}
