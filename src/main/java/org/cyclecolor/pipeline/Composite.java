package org.cyclecolor.pipeline;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.ImagePlus;
import ij.plugin.LutLoader;
import ij.process.ColorProcessor;

import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;

/**
 * A side-by-side figure of one colorization, ready for a paper: the mono input, the colour
 * reference, the result, the ground truth when known, and the cycle SSIM map (Cb, Cr) with its
 * colour bar — each panel titled, all at the images' own scale (one panel pixel is one image
 * pixel, so nothing is resampled), on white under a heading that names the pair and the model.
 * The map uses the "Fire" table over 0..1, as the Cycle Check map ({@link MapDisplay}) does.
 */
public final class Composite {

	/** The figure and where each panel's pixels lie in it (by panel title). */
	public record Figure(ImagePlus image, Map<String, Rectangle> panels, Rectangle colorBar) {}

	/** A titled picture (8-bit RGB pixels, the images' size). */
	private record Panel(String title, ColorProcessor pixels) {}

	public static final String MONO = "Mono camera (input)", COLOR = "Colour camera (reference)", TRUTH = "Ground truth";

	private Composite() {}

	/**
	 * The figure of a result; {@code truth} (0..255 RGB, the mono image's size) adds the ground
	 * truth panel, null leaves it out. Without the cycle check the map panel is left out.
	 */
	public static Figure of(ColorizeResult r, RgbImage truth, String heading) {
		List<Panel> panels = new ArrayList<>();
		panels.add(new Panel(MONO, rgb(RgbImage.ofGray(r.pair().gray(), 255))));
		panels.add(new Panel(COLOR, rgb(r.pair().color())));
		panels.add(new Panel(resultTitle(r), rgb(r.output().rgb())));
		if (truth != null) panels.add(new Panel(TRUTH, rgb(truth)));
		ColorProcessor map = null;
		if (r.cycle() != null) {
			map = fire(r.cycle().cbcr().map());
			panels.add(new Panel(String.format(Locale.ROOT, "Cycle SSIM, Cb/Cr (mean %.3f)", r.cycle().cbcr().mean()), map));
		}
		return draw(heading, panels, map != null);
	}

	/**
	 * The ground truth for the figure: the mono view's true colour, as 0..255 RGB. It must be one
	 * 2-D image of the mono image's size (gray or colour, 8, 16 or 32 bits).
	 */
	public static RgbImage truth(ImagePlus imp, int width, int height) {
		InputChecks.single(imp, "ground truth");
		if (imp.getWidth() != width || imp.getHeight() != height) {
			throw new UserException("The ground truth '" + imp.getTitle() + "' is " + imp.getWidth() + "x" + imp.getHeight()
				+ " but the mono image is " + width + "x" + height + "; give the mono view's true colour at the same size.");
		}
		InputChecks.finite(imp);
		double full = ColorizationPair.fullScale(imp);
		RgbImage rgb = ImagePlusAdapter.toRgb(imp, full);
		if (full == 255) return rgb;
		double k = 255 / full;
		return new RgbImage(scaled(rgb.r(), k), scaled(rgb.g(), k), scaled(rgb.b(), k), 255);
	}

	private static FloatPlane scaled(FloatPlane p, double k) {
		FloatPlane out = new FloatPlane(p.width(), p.height());
		for (int i = 0; i < out.size(); i++) out.data()[i] = (float) (p.data()[i] * k);
		return out;
	}

	/** The result panel's title: the model's variant. */
	static String resultTitle(ColorizeResult r) {
		return "Colorized (" + r.variant().name() + ")";
	}

	/** 0..255 RGB as 8-bit RGB pixels, rounded and clipped as 8-bit files are written. */
	private static ColorProcessor rgb(RgbImage img) {
		return (ColorProcessor) ImagePlusAdapter.toImagePlus("", img).getProcessor();
	}

	/** A score map through the Fire table over {@link MapDisplay#LOW}..{@link MapDisplay#HIGH}, as ImageJ shows it. */
	static ColorProcessor fire(FloatPlane map) {
		return (ColorProcessor) MapDisplay.image("", map).getProcessor().convertToRGB();
	}

	private static Figure draw(String heading, List<Panel> panels, boolean bar) {
		int w = panels.get(0).pixels().getWidth(), h = panels.get(0).pixels().getHeight();
		int font = Math.max(12, Math.min(32, Math.round(Math.max(w, h) / 22f)));
		int pad = Math.max(8, font / 2), titleH = Math.round(font * 1.6f), headingH = Math.round(font * 2.1f);
		Font titleFont = new Font(Font.SANS_SERIF, Font.PLAIN, font), headingFont = new Font(Font.SANS_SERIF, Font.BOLD, font + 2);
		int barW = Math.max(10, font), barH = h;
		ColorProcessor probe = new ColorProcessor(1, 1);
		probe.setAntialiasedText(true);
		probe.setFont(titleFont);
		int labelsW = bar ? pad / 2 + probe.getStringWidth("0.5") + pad : 0;
		int barArea = bar ? pad / 2 + barW + labelsW : 0;
		int width = pad + panels.size() * (w + pad) + barArea;
		probe.setFont(headingFont);
		width = Math.max(width, 2 * pad + probe.getStringWidth(heading));
		int height = headingH + titleH + h + pad;
		ColorProcessor out = new ColorProcessor(width, height);
		out.setColor(Color.WHITE);
		out.fill();
		out.setAntialiasedText(true);
		out.setColor(Color.BLACK);
		out.setFont(headingFont);
		out.drawString(heading, pad, headingH - font / 2);
		Map<String, Rectangle> where = new LinkedHashMap<>();
		int x = pad, y = headingH + titleH;
		out.setFont(titleFont);
		for (Panel p : panels) {
			out.setColor(Color.BLACK);
			out.drawString(fit(out, p.title(), w), x, y - font / 3);
			out.insert(p.pixels(), x, y);
			where.put(p.title(), new Rectangle(x, y, w, h));
			x += w + pad;
		}
		Rectangle barRect = null;
		if (bar) {
			barRect = new Rectangle(x - pad / 2, y, barW, barH);
			drawBar(out, barRect, titleFont, font);
		}
		ImagePlus imp = new ImagePlus(heading, out);
		imp.setProperty("Info", info(heading, where, barRect));
		return new Figure(imp, Collections.unmodifiableMap(where), barRect);
	}

	/** The Fire table from 1 (top) to 0 (bottom), ticks and labels 1, 0.5, 0 to its right. */
	private static void drawBar(ColorProcessor out, Rectangle r, Font font, int size) {
		IndexColorModel lut = LutLoader.getLut("fire");
		for (int j = 0; j < r.height; j++) {
			int index = (int) Math.round(255.0 * (r.height - 1 - j) / (r.height - 1));
			out.setColor(new Color(lut.getRGB(index)));
			out.drawLine(r.x, r.y + j, r.x + r.width - 1, r.y + j);
		}
		out.setColor(Color.BLACK);
		out.setFont(font);
		for (double v : new double[] { MapDisplay.HIGH, (MapDisplay.LOW + MapDisplay.HIGH) / 2, MapDisplay.LOW }) {
			int ty = r.y + (int) Math.round((MapDisplay.HIGH - v) / (MapDisplay.HIGH - MapDisplay.LOW) * (r.height - 1));
			out.drawLine(r.x + r.width, ty, r.x + r.width + 3, ty);
			String label = v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
			int baseline = Math.max(r.y + size, Math.min(r.y + r.height, ty + size / 2 - 1));
			out.drawString(label, r.x + r.width + 5, baseline);
		}
	}

	/** The text, shortened with "..." until it fits {@code width} pixels. */
	private static String fit(ColorProcessor ip, String text, int width) {
		if (ip.getStringWidth(text) <= width) return text;
		String t = text;
		while (t.length() > 1 && ip.getStringWidth(t + "...") > width) t = t.substring(0, t.length() - 1);
		return t + "...";
	}

	private static String info(String heading, Map<String, Rectangle> where, Rectangle bar) {
		StringBuilder sb = new StringBuilder("Cycle Colorization composite\n").append(heading).append('\n');
		where.forEach((t, r) -> sb.append(String.format(Locale.ROOT, "panel %s at x=%d y=%d (%dx%d)%n", t, r.x, r.y, r.width, r.height)));
		if (bar != null) sb.append("colour bar: Fire, cycle SSIM 0 (bottom) to 1 (top)\n");
		return sb.toString();
	}
}
