package org.cyclecolor.pipeline;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.plugin.LutLoader;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import org.cyclecolor.eval.Region;
import org.cyclecolor.eval.SceneImages;
import org.cyclecolor.eval.SceneRecord;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;

/**
 * One scene of an evaluation at a glance (a PNG per scene): a titled grid of labelled tiles —
 * the inputs (mono, colour reference) and the ground truth; each method's result with its scores;
 * its error map (ΔE76 against the ground truth, 0..{@value #MAX_DELTA_E}); and, when the second pass
 * ran, its cycle map (SSIM of the second-time result and the colour image on Cb and Cr, 0..1). Maps
 * use ImageJ's "Fire" table with a scale under the row; the scored region is outlined (the
 * border outside it is not counted).
 */
public final class ContactSheet {

	/** ΔE76 at the top of the error maps' scale (larger values look the same). */
	static final double MAX_DELTA_E = 20;
	/** Largest width of one tile, pixels. */
	static final int TILE_WIDTH = 320;

	private static final int PAD = 8, LABEL = 34, TITLE = 30, SCALE = 26;
	private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
	private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
	private static final Color REGION_OUTLINE = new Color(0x66CCEE);

	private ContactSheet() {}

	/** A labelled picture: two lines of caption under a title line. */
	private record Tile(ImageProcessor image, String label, String detail) {}

	/** The sheet of a scene, as an RGB image titled with the scene's id. */
	public static ImagePlus of(SceneImages s, String heading) {
		int w = s.gray().width(), h = s.gray().height();
		double scale = Math.min(1, (double) TILE_WIDTH / w);
		int tw = (int) Math.round(w * scale), th = (int) Math.round(h * scale);
		List<List<Tile>> rows = new ArrayList<>();
		List<String> scales = new ArrayList<>();

		List<Tile> inputs = new ArrayList<>();
		inputs.add(new Tile(rgb(RgbImage.ofGray(s.gray(), 255), tw, th), "mono (gray)", "input"));
		inputs.add(new Tile(rgb(s.reference(), tw, th), "colour reference", "input"));
		if (s.truth() != null) inputs.add(new Tile(rgb(s.truth(), tw, th), "ground truth", "the mono view's colour"));
		rows.add(inputs);
		scales.add(null);

		List<Tile> results = new ArrayList<>(), errors = new ArrayList<>(), cycles = new ArrayList<>();
		for (SceneImages.MethodImages m : s.methods()) {
			SceneRecord r = m.record();
			if (m.result() == null) {
				results.add(new Tile(blank(tw, th), r.method(), r.status().label()));
				continue;
			}
			String scores = r.all() == null ? String.format(Locale.ROOT, "%.1f s", r.seconds())
				: String.format(Locale.ROOT, "Cb/Cr %.2f dB, SSIM %.4f", r.all().cbcrPsnr(), r.all().cbcrSsim());
			results.add(new Tile(rgb(m.result(), tw, th), r.method(), scores));
			if (m.error() != null) {
				errors.add(new Tile(map(m.error(), 0, MAX_DELTA_E, s.region(), scale, tw, th), "ΔE76, " + r.method(),
					String.format(Locale.ROOT, "mean %.2f", r.all().deltaE())));
			}
			if (m.cycleSsim() != null) {
				cycles.add(new Tile(map(m.cycleSsim(), 0, 1, s.cycleRegion(), scale, tw, th), "cycle Cb/Cr SSIM, " + r.method(),
					String.format(Locale.ROOT, "mean %.4f", r.cycle().cbcrSsim())));
			}
		}
		rows.add(results);
		scales.add(null);
		if (!errors.isEmpty()) {
			rows.add(errors);
			scales.add(String.format(Locale.ROOT, "ΔE76: 0 (black) to %.0f or more (white); outline: scored pixels", MAX_DELTA_E));
		}
		if (!cycles.isEmpty()) {
			rows.add(cycles);
			scales.add("SSIM of the second-time result and the colour image on Cb, Cr: 0 (black) to 1 (white); outline: scored");
		}
		return draw(heading, rows, scales, tw, th);
	}

	private static ImagePlus draw(String heading, List<List<Tile>> rows, List<String> scales, int tw, int th) {
		int columns = rows.stream().mapToInt(List::size).max().orElse(1);
		int width = PAD + columns * (tw + PAD);
		int height = TITLE + PAD;
		for (String sc : scales) height += LABEL + th + PAD + (sc == null ? 0 : SCALE);
		// Wide enough for every scale's caption beside its bar (one method gives a narrow sheet).
		ColorProcessor probe = new ColorProcessor(1, 1);
		probe.setAntialiasedText(true);
		probe.setFont(FONT);
		for (String sc : scales) {
			if (sc != null) width = Math.max(width, PAD + Math.min(160, tw) + 8 + probe.getStringWidth(sc) + PAD);
		}
		ColorProcessor out = new ColorProcessor(Math.max(width, 420), height);
		out.setColor(Color.WHITE);
		out.fill();
		out.setAntialiasedText(true);
		out.setFont(TITLE_FONT);
		out.setColor(Color.BLACK);
		out.drawString(heading, PAD, TITLE - 8);
		int y = TITLE + PAD;
		for (int r = 0; r < rows.size(); r++) {
			int x = PAD;
			for (Tile t : rows.get(r)) {
				out.setFont(FONT);
				out.setColor(Color.BLACK);
				out.drawString(fit(out, t.label(), tw), x, y + 14);
				out.setColor(Color.DARK_GRAY);
				out.drawString(fit(out, t.detail(), tw), x, y + 29);
				out.insert(t.image(), x, y + LABEL);
				x += tw + PAD;
			}
			y += LABEL + th + PAD;
			if (scales.get(r) != null) {
				drawScale(out, PAD, y, Math.min(160, tw));
				out.setColor(Color.BLACK);
				out.setFont(FONT);
				out.drawString(scales.get(r), PAD + Math.min(160, tw) + 8, y + 13);
				y += SCALE;
			}
		}
		return new ImagePlus(heading, out);
	}

	/** The text, shortened with "..." until it fits {@code width} pixels. */
	private static String fit(ImageProcessor ip, String text, int width) {
		FontMetrics fm = ip.getFontMetrics();
		if (fm.stringWidth(text) <= width) return text;
		String t = text;
		while (t.length() > 1 && fm.stringWidth(t + "...") > width) t = t.substring(0, t.length() - 1);
		return t + "...";
	}

	private static ImageProcessor rgb(RgbImage img, int tw, int th) {
		return resize(ImagePlusAdapter.toImagePlus("", img).getProcessor(), tw, th);
	}

	private static ImageProcessor resize(ImageProcessor ip, int tw, int th) {
		if (ip.getWidth() == tw && ip.getHeight() == th) return ip;
		ip.setInterpolationMethod(ImageProcessor.BILINEAR);
		return ip.resize(tw, th, true);
	}

	private static ImageProcessor blank(int tw, int th) {
		ColorProcessor cp = new ColorProcessor(tw, th);
		cp.setColor(new Color(0xEEEEEE));
		cp.fill();
		return cp;
	}

	/** A map through the Fire table over [lo, hi], resized, with the scored region outlined when given. */
	private static ImageProcessor map(FloatPlane plane, double lo, double hi, Region region, double scale, int tw, int th) {
		IndexColorModel fire = LutLoader.getLut("fire");
		float[] d = plane.data();
		int[] px = new int[d.length];
		for (int i = 0; i < d.length; i++) {
			double v = Double.isNaN(d[i]) ? lo : (d[i] - lo) / (hi - lo);
			int k = (int) Math.round(255 * Math.max(0, Math.min(1, v)));
			px[i] = fire.getRGB(k);
		}
		ImageProcessor ip = resize(new ColorProcessor(plane.width(), plane.height(), px), tw, th);
		if (region != null) outline(ip, region, scale);
		return ip;
	}

	/** The bounding rectangle of the region's pixels, drawn in light blue (not in the Fire table). */
	private static void outline(ImageProcessor ip, Region region, double scale) {
		int x0 = region.width(), y0 = region.height(), x1 = -1, y1 = -1;
		boolean[] m = region.mask();
		for (int y = 0; y < region.height(); y++) {
			for (int x = 0; x < region.width(); x++) {
				if (!m[y * region.width() + x]) continue;
				x0 = Math.min(x0, x);
				x1 = Math.max(x1, x);
				y0 = Math.min(y0, y);
				y1 = Math.max(y1, y);
			}
		}
		if (x1 < 0) return;
		ip.setColor(REGION_OUTLINE);
		ip.drawRect((int) Math.floor(x0 * scale), (int) Math.floor(y0 * scale), (int) Math.ceil((x1 - x0 + 1) * scale),
			(int) Math.ceil((y1 - y0 + 1) * scale));
	}

	private static void drawScale(ColorProcessor out, int x, int y, int width) {
		IndexColorModel fire = LutLoader.getLut("fire");
		for (int i = 0; i < width; i++) {
			out.setColor(new Color(fire.getRGB((int) Math.round(255.0 * i / (width - 1)))));
			out.drawLine(x + i, y + 2, x + i, y + 16);
		}
		out.setColor(Color.GRAY);
		out.drawRect(x, y + 2, width, 15);
	}
}
