package org.cyclecolor.pipeline;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.IndexColorModel;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.plugin.LutLoader;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;

import org.cyclecolor.image.FloatPlane;

/**
 * Turns score maps (SSIM and its components, values in [-1, 1] with 1 = identical) into 32-bit
 * ImageJ images meant to be looked at: the "Fire" lookup table over a fixed display range 0..1
 * (so maps of different pairs compare at a glance; negative scores show black), and a calibration
 * bar drawn as an overlay (it never changes a pixel value and is saved with a TIFF).
 */
public final class MapDisplay {

	/** Lowest and highest value of the colour scale. */
	public static final double LOW = 0, HIGH = 1;

	private MapDisplay() {}

	/** One map as a 32-bit image sharing the plane's pixels. */
	public static ImagePlus image(String title, FloatPlane map) {
		ImagePlus imp = new ImagePlus(title, new FloatProcessor(map.width(), map.height(), map.data()));
		style(imp);
		return imp;
	}

	/** Several maps of one size as a labelled 32-bit stack (e.g. l, c, s). */
	public static ImagePlus stack(String title, List<String> labels, List<FloatPlane> maps) {
		FloatPlane first = maps.get(0);
		ImageStack st = new ImageStack(first.width(), first.height());
		for (int i = 0; i < maps.size(); i++) {
			FloatPlane m = maps.get(i);
			st.addSlice(labels.get(i), new FloatProcessor(m.width(), m.height(), m.data()));
		}
		ImagePlus imp = new ImagePlus(title, st);
		style(imp);
		return imp;
	}

	/**
	 * A map of other values (disparities, weights) the same way: the named ImageJ lookup table
	 * ("fire", "spectrum", "ice", ...) over the display range [low, high] and a calibration bar
	 * labelled with that range.
	 */
	public static ImagePlus image(String title, FloatPlane map, String lutName, double low, double high) {
		ImagePlus imp = new ImagePlus(title, new FloatProcessor(map.width(), map.height(), map.data()));
		style(imp, LutLoader.getLut(lutName), low, high);
		return imp;
	}

	/** Several maps of one size as a labelled stack with the named lookup table over [low, high]. */
	public static ImagePlus stack(String title, List<String> labels, List<FloatPlane> maps, String lutName, double low, double high) {
		ImagePlus imp = stack(title, labels, maps);
		style(imp, LutLoader.getLut(lutName), low, high);
		return imp;
	}

	private static void style(ImagePlus imp) {
		style(imp, fire(), LOW, HIGH);
	}

	private static void style(ImagePlus imp, IndexColorModel cm, double low, double high) {
		LUT lut = new LUT(cm, low, high);
		imp.getProcessor().setLut(lut);
		imp.getStack().setColorModel(lut);
		imp.setDisplayRange(low, high);
		imp.setOverlay(calibrationBar(imp.getWidth(), imp.getHeight(), cm, low, high));
	}

	private static IndexColorModel fire() {
		return LutLoader.getLut("fire");
	}

	static Overlay calibrationBar(int w, int h, IndexColorModel lut) {
		return calibrationBar(w, h, lut, LOW, HIGH);
	}

	/**
	 * A vertical colour bar with ticks at low, the middle and high in the upper right corner,
	 * scaled to the image (a third of its height, at least 24 px), on a dark backing so that it
	 * reads on any map.
	 */
	static Overlay calibrationBar(int w, int h, IndexColorModel lut, double low, double high) {
		int barH = Math.max(24, h / 3);
		int barW = Math.max(4, Math.min(16, w / 40));
		int fontSize = Math.max(9, Math.min(14, barH / 8));
		String format = high - low >= 20 ? "%.0f" : high - low >= 0.5 ? "%.1f" : "%.3g";
		int digits = Math.max(String.format(Locale.ROOT, format, low).length(), String.format(Locale.ROOT, format, high).length());
		int labelW = (int) Math.ceil(fontSize * (0.3 + 0.55 * Math.max(3, digits)));
		int margin = Math.max(2, Math.min(10, w / 60));
		int x = w - margin - barW - labelW - 3, y = margin + fontSize / 2;
		ColorProcessor bar = new ColorProcessor(barW, barH);
		for (int j = 0; j < barH; j++) {
			int index = (int) Math.round(255.0 * (barH - 1 - j) / (barH - 1));
			bar.setColor(new Color(lut.getRGB(index)));
			bar.drawLine(0, j, barW - 1, j);
		}
		Overlay overlay = new Overlay();
		Roi backing = new Roi(x - 3, y - fontSize / 2 - 2, barW + labelW + 6, barH + fontSize + 4);
		backing.setFillColor(new Color(0, 0, 0, 150));
		overlay.add(backing);
		overlay.add(new ImageRoi(x, y, bar));
		Font font = new Font(Font.SANS_SERIF, Font.PLAIN, fontSize);
		for (double v : new double[] { high, (low + high) / 2, low }) {
			int ty = y + (int) Math.round((high - v) / (high - low) * (barH - 1)) - fontSize / 2 - 1;
			TextRoi label = new TextRoi(x + barW + 2, ty, String.format(Locale.ROOT, format, v), font);
			label.setStrokeColor(Color.WHITE);
			overlay.add(label);
		}
		overlay.setIsCalibrationBar(true);
		return overlay;
	}
}
