package org.cyclecolor.ij1;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.WindowManager;

import org.cyclecolor.UserException;
import org.cyclecolor.Version;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.pipeline.SsimMapOperation;
import org.cyclecolor.pipeline.SsimMapResult;

/**
 * The suite's functions for ImageJ macros, callable without a display through the macro function
 * {@code call()}:
 *
 * <pre>
 * r = call("org.cyclecolor.ij1.Macros.ssimMap", "image1=[/data/a.png] image2=[/data/b.png] output=[/data/map.tif]");
 * List.setList(r);
 * print("SSIM " + List.getValue("ssim"));
 * </pre>
 *
 * Every function follows one convention:
 * <ul>
 * <li>It takes one options string in ImageJ's syntax ({@code key=value}, {@code key=[value with
 * spaces]}, bare words for flags; see {@link MacroOptions}). Unknown keys are errors.</li>
 * <li>An image argument is a file path or the title of an open image (batch-mode images
 * included).</li>
 * <li>Outputs go to the files named by the options, never over an existing file unless the
 * {@code overwrite} flag is given; without an output path the result image is shown (in batch
 * mode it becomes the current batch image).</li>
 * <li>It returns {@code key=value} lines ({@link MacroResult}) for {@code List.setList}.</li>
 * <li>A mistake stops the macro with one sentence that says how to fix it ({@link MacroCall}).</li>
 * </ul>
 * Add new functions here in the same shape: {@code public static String name(String options)}
 * calling {@link MacroCall#run}.
 */
public final class Macros {

	private Macros() {}

	/** The suite's version, e.g. to check in a macro that it is installed. */
	public static String version() {
		return Version.get();
	}

	/**
	 * Opens the bundled sample images (shown; in batch mode they become batch images, so the
	 * macro can pass their titles on). Options: {@code which} = pair (default: sample-mono.png and
	 * sample-color.png) or ground-truth (sample-gt-color.png and sample-gt-disparity.tif).
	 * Returns: image1, image2 (their titles).
	 */
	public static String openSamples(String options) {
		return MacroCall.run("openSamples", options, new String[] { "which" }, (o, progress) -> {
			String which = o.string("which", "pair");
			String[] names;
			if (which.equals("pair")) names = new String[] { OpenSamples.MONO, OpenSamples.COLOR };
			else if (which.equals("ground-truth")) names = new String[] { OpenSamples.GT_COLOR, OpenSamples.GT_DISPARITY };
			else throw new UserException("Unknown sample set '" + which + "'; use which=pair or which=ground-truth.");
			MacroResult r = new MacroResult();
			for (int i = 0; i < names.length; i++) {
				ImagePlus imp = OpenSamples.open(names[i]);
				if (imp == null) {
					throw new UserException("The sample " + names[i] + " is missing from the plugin jar; reinstall Cycle_Colorization.");
				}
				imp.show();
				r.put("image" + (i + 1), imp.getTitle());
			}
			return r;
		});
	}

	/**
	 * SSIM of two images of one size (see the SSIM Map... command).
	 * <p>
	 * Options: {@code image1}, {@code image2} (required: paths or titles), {@code mode}
	 * (luminance, rgb, cbcr, r, g, b, cb, cr; default luminance), {@code data_range} (default:
	 * from the image type), {@code output} (SSIM map, .tif), {@code components} (l, c, s stack,
	 * .tif), {@code overwrite}.
	 * <p>
	 * Returns: ssim, luminance, contrast, structure (with components), ssim_&lt;channel&gt; (for
	 * rgb, cbcr), mode, channels, data_range, data_range_source, width, height, border, image1,
	 * image2, output, components.
	 */
	public static String ssimMap(String options) {
		return MacroCall.run("ssimMap", options,
			new String[] { "image1", "image2", "mode", "data_range", "output", "components", "overwrite" },
			(o, progress) -> {
				ImagePlus a = image(o.required("image1", "the first image (a file path or the title of an open image)"));
				ImagePlus b = image(o.required("image2", "the second image (a file path or the title of an open image)"));
				Path output = o.path("output"), components = o.path("components");
				boolean overwrite = o.flag("overwrite");
				SsimMapResult r = new SsimMapOperation(a, b).mode(SsimMapOperation.parseMode(o.string("mode", "luminance")))
					.dataRange(o.number("data_range", Double.NaN)).components(components != null).run(progress);
				ImagePlus map = r.mapImage();
				if (output != null) ImageFiles.write(map, output, overwrite);
				if (components != null) ImageFiles.write(r.componentsImage(), components, overwrite);
				if (output == null) map.show();
				return new MacroResult().putAll(r.summary())
					.put("output", output == null ? null : output.toAbsolutePath())
					.put("components", components == null ? null : components.toAbsolutePath());
			});
	}

	/** An image from a file path, else from the title of an open image. */
	static ImagePlus image(String pathOrTitle) {
		Path p;
		try {
			p = Path.of(pathOrTitle);
		}
		catch (InvalidPathException notAPath) {
			p = null; // e.g. a window title with characters no file name may hold
		}
		if (p != null && Files.exists(p)) return ImageFiles.read(p);
		ImagePlus open = WindowManager.getImage(pathOrTitle);
		if (open != null) return open;
		throw new UserException("There is no file and no open image called '" + pathOrTitle
			+ "'; give the full path of an image file or the title of an open image.");
	}
}
