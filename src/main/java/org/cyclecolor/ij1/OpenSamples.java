package org.cyclecolor.ij1;

import java.io.IOException;
import java.io.InputStream;

import ij.IJ;
import ij.ImagePlus;
import ij.io.Opener;
import ij.plugin.PlugIn;

/**
 * File &gt; Open Samples entries: the bundled mono/colour pair (and its ground truth), read from
 * {@code sample-data/} inside the plugin jar, so they open offline.
 * <p>
 * Argument: "pair" (mono and colour images), "ground-truth" (the mono view's true colour and
 * disparity).
 */
public final class OpenSamples implements PlugIn {

	/** Where the files live in the jar (the repository's sample-data/ folder). */
	static final String FOLDER = "sample-data/";
	static final String MONO = "sample-mono.png";
	static final String COLOR = "sample-color.png";
	static final String GT_COLOR = "sample-gt-color.png";
	static final String GT_DISPARITY = "sample-gt-disparity.tif";

	@Override
	public void run(String arg) {
		String[] names = "ground-truth".equals(arg) ? new String[] { GT_COLOR, GT_DISPARITY } : new String[] { MONO, COLOR };
		for (String name : names) {
			ImagePlus imp = open(name);
			if (imp == null) {
				IJ.error("Cycle Colorization", "The sample " + name + " is missing from the plugin jar; reinstall "
					+ "Cycle_Colorization.jar.");
				return;
			}
			imp.show();
		}
	}

	/** A bundled sample image, or null when the jar does not hold it. */
	public static ImagePlus open(String name) {
		try (InputStream in = OpenSamples.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
			if (in == null) return null;
			// PNG through ImageIO: 8-bit gray stays 8-bit gray, RGB becomes an RGB image.
			ImagePlus imp = name.endsWith(".tif") ? new Opener().openTiff(in, name)
				: new ImagePlus(name, javax.imageio.ImageIO.read(in));
			if (imp != null) imp.setTitle(name);
			return imp;
		}
		catch (IOException e) {
			return null;
		}
	}
}
