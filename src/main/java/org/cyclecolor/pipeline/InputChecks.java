package org.cyclecolor.pipeline;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;

import org.cyclecolor.UserException;
import org.cyclecolor.image.ImagePlusAdapter;

/**
 * Checks on the images a user hands to an operation, each failing with a {@link UserException}
 * that says what is wrong and how to fix it. Shared by every operation of the suite.
 */
public final class InputChecks {

	private InputChecks() {}

	/** One 2-D image (gray or colour); stacks and hyperstacks are refused. */
	public static void single(ImagePlus imp, String role) {
		ImagePlusAdapter.requireSingleImage(imp, role, true);
	}

	/** Both images have one size; else the user is pointed to Rectify Pair. */
	public static void sameSize(ImagePlus a, ImagePlus b) {
		if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
			throw new UserException("The images differ in size ('" + a.getTitle() + "' is " + a.getWidth() + "x"
				+ a.getHeight() + ", '" + b.getTitle() + "' is " + b.getWidth() + "x" + b.getHeight()
				+ "); rectify the pair first (Rectify Pair...) or crop both to one size.");
		}
	}

	/** At least {@code min} x {@code min} pixels; {@code why} names what needs them. */
	public static void atLeast(ImagePlus imp, int min, String why) {
		if (imp.getWidth() < min || imp.getHeight() < min) {
			throw new UserException("The image '" + imp.getTitle() + "' is " + imp.getWidth() + "x" + imp.getHeight()
				+ " pixels, smaller than " + why + " (" + min + "x" + min + "); use larger images.");
		}
	}

	/** No NaN or infinite pixel in any plane of a 32-bit image (other types cannot hold one). */
	public static void finite(ImagePlus imp) {
		if (imp.getBitDepth() != 32) return;
		ImageStack st = imp.getStack();
		int w = imp.getWidth();
		for (int z = 1; z <= st.getSize(); z++) {
			ImageProcessor ip = st.getProcessor(z);
			int i = ImagePlusAdapter.toPlane(ip).firstNonFinite();
			if (i >= 0) {
				throw new UserException("The image '" + imp.getTitle() + "' has a " + (Float.isNaN(ip.getf(i)) ? "NaN"
					: "infinite") + " pixel at x=" + (i % w) + ", y=" + (i / w) + (st.getSize() > 1 ? " of channel " + z : "")
					+ "; replace such pixels (Process > Math > Remove NaNs...) or crop them away.");
			}
		}
	}
}
