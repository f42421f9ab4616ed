package org.cyclecolor.pipeline;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.rectify.DiagnosticImage;
import org.cyclecolor.rectify.PairRectifier;
import org.cyclecolor.rectify.RectificationReport;
import org.cyclecolor.rectify.RectifyOptions;

/**
 * The user-level "rectify a mono/colour pair" operation on ImageJ images: checks the inputs,
 * rectifies (from the images or a calibration file), and returns the rectified pair in the input
 * types, the valid-pixel mask, the diagnostic image and the report.
 */
public final class RectifyOperation {

	private RectifyOperation() {}

	/** Everything the operation produces. */
	public static final class Result {
		public final ImagePlus gray;
		public final ImagePlus color;
		/** 8-bit, 255 where both rectified images have data. */
		public final ImagePlus mask;
		public final ImagePlus diagnostic;
		public final RectificationReport report;

		Result(ImagePlus gray, ImagePlus color, ImagePlus mask, ImagePlus diagnostic, RectificationReport report) {
			this.gray = gray;
			this.color = color;
			this.mask = mask;
			this.diagnostic = diagnostic;
			this.report = report;
		}
	}

	/**
	 * @param withDiagnostic also draw the diagnostic image (else {@link Result#diagnostic} is null)
	 */
	public static Result run(ImagePlus gray, ImagePlus color, RectifyOptions options, boolean withDiagnostic,
		Progress progress)
	{
		ImagePlusAdapter.requireSingleImage(gray, "gray", true);
		ImagePlusAdapter.requireSingleImage(color, "colour", true);
		if (!ImagePlusAdapter.isColor(color)) {
			throw new UserException("The colour image '" + color.getTitle() + "' has a single channel; give the colour "
				+ "camera's RGB image as the colour image.");
		}
		double grayMax = ImagePlusAdapter.typeFullScale(gray);
		FloatPlane grayPlane;
		if (ImagePlusAdapter.isColor(gray)) {
			RgbImage g = ImagePlusAdapter.toRgb(gray, Double.NaN);
			grayPlane = YCbCr.luma(g);
			grayMax = g.maxValue();
			if (!g.isGray(0)) progress.log("Rectify: the gray image '" + gray.getTitle() + "' is in colour; its luminance is used.");
		}
		else {
			grayPlane = ImagePlusAdapter.toPlane(gray.getProcessor()).copy();
			if (Double.isNaN(grayMax)) grayMax = Math.max(1e-12, grayPlane.minMax()[1]);
		}
		RgbImage colorRgb = ImagePlusAdapter.toRgb(color, Double.isNaN(ImagePlusAdapter.typeFullScale(color))
			? Math.max(1e-12, maxOf(color)) : Double.NaN);
		PairRectifier.Output out = PairRectifier.rectify(grayPlane, colorRgb, options, progress);
		for (String w : out.report.warnings()) progress.log("Rectify: warning: " + w);
		progress.log(String.format(Locale.ROOT, "Rectify: %s, %d/%d inliers, rows differ by %.2f px (median), %.2f px "
			+ "(95%%); disparity %.1f..%.1f px; colour camera %s", out.report.model, out.report.inliers, out.report.matches,
			out.report.verticalMedian, out.report.vertical95, out.report.disparityMin, out.report.disparityMax,
			out.report.colorSide == null ? "side unknown" : "on the " + out.report.colorSide.key()));

		ImagePlus g = new ImagePlus(stem(gray) + "-gray-rectified", sameType(gray, out.gray));
		ImagePlus c = ImagePlusAdapter.toImagePlus(stem(color) + "-color-rectified", out.color);
		byte[] m = new byte[out.valid.length];
		for (int i = 0; i < m.length; i++) m[i] = out.valid[i] ? (byte) 255 : 0;
		ImagePlus mask = new ImagePlus(stem(gray) + "-valid", new ByteProcessor(out.gray.width(), out.gray.height(), m));
		ImagePlus diag = withDiagnostic
			? ImagePlusAdapter.toImagePlus(stem(gray) + "-rectification", DiagnosticImage.render(out, grayMax)) : null;
		return new Result(g, c, mask, diag, out.report);
	}

	/** The report as a two-column results table (name, value), one row per field. */
	public static ResultsTable table(RectificationReport report) {
		ResultsTable rt = new ResultsTable();
		for (Map.Entry<String, Object> e : report.toMap().entrySet()) {
			rt.incrementCounter();
			rt.addValue("Name", e.getKey());
			Object v = e.getValue();
			if (v instanceof Number) rt.addValue("Value", ((Number) v).doubleValue());
			else if (v instanceof List) rt.addValue("Value", v.toString());
			else rt.addValue("Value", v == null ? "" : String.valueOf(v));
		}
		return rt;
	}

	private static double maxOf(ImagePlus imp) {
		double m = 0;
		for (int s = 1; s <= imp.getStackSize(); s++) m = Math.max(m, imp.getStack().getProcessor(s).getStatistics().max);
		return m;
	}

	/** The plane in the type of {@code like}: 8-bit and 16-bit rounded and clipped, else 32-bit. */
	private static ImageProcessor sameType(ImagePlus like, FloatPlane p) {
		int w = p.width(), h = p.height();
		float[] d = p.data();
		switch (like.getBitDepth()) {
			case 8:
			case 24: {
				byte[] b = new byte[d.length];
				for (int i = 0; i < d.length; i++) b[i] = (byte) ImagePlusAdapter.to8bit(d[i]);
				return new ByteProcessor(w, h, b);
			}
			case 16: {
				short[] s = new short[d.length];
				for (int i = 0; i < d.length; i++) s[i] = (short) Math.max(0, Math.min(65535, Math.round(d[i])));
				return new ShortProcessor(w, h, s, null);
			}
			default:
				return new FloatProcessor(w, h, d);
		}
	}

	private static String stem(ImagePlus imp) {
		String t = imp.getTitle() == null ? "image" : imp.getTitle();
		int dot = t.lastIndexOf('.');
		return dot > 0 ? t.substring(0, dot) : t;
	}
}
