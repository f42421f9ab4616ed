package org.cyclecolor.rectify;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;

/**
 * A picture to check a rectification at a glance: the rectified gray and colour images side by
 * side, a few epipolar lines (rows, now) running through both, and the inlier matches marked in
 * both images, green when their rows agree within 0.5 px, yellow within 1.5 px, red beyond; a
 * header line gives the report's key numbers.
 */
public final class DiagnosticImage {

	/** Widest diagnostic image (pixels); larger pairs are shown scaled down. */
	static final int MAX_WIDTH = 2000;
	/** Narrowest diagnostic image; smaller pairs are shown enlarged. */
	static final int MIN_WIDTH = 1100;
	private static final int EPIPOLAR_LINES = 12;
	private static final int HEADER = 26;

	private DiagnosticImage() {}

	/** Renders the diagnostic of {@code out}; {@code grayMax} is the gray image's full scale. */
	public static RgbImage render(PairRectifier.Output out, double grayMax) {
		int w = out.gray.width(), h = out.gray.height();
		// large pairs shrink to MAX_WIDTH; small ones grow to MIN_WIDTH so marks and text stay legible
		double scale = Math.min(Math.max(1, MIN_WIDTH / (2.0 * w + 10)), MAX_WIDTH / (2.0 * w + 10));
		int sw = (int) Math.round(w * scale), sh = (int) Math.round(h * scale), gap = 10;
		BufferedImage img = new BufferedImage(2 * sw + gap, sh + HEADER, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setColor(Color.DARK_GRAY);
		g.fillRect(0, 0, img.getWidth(), img.getHeight());
		g.drawImage(toImage(out.gray, out.gray, out.gray, grayMax, out.valid), 0, HEADER, sw, sh, null);
		RgbImage c = out.color;
		g.drawImage(toImage(c.r(), c.g(), c.b(), c.maxValue(), out.valid), sw + gap, HEADER, sw, sh, null);

		PairStats stats = PairStats.of(out.rectification, out.matches, out.inliers);
		double[] a = new double[2], b = new double[2];
		// epipolar lines through evenly spread inliers (sorted by row)
		Integer[] order = new Integer[out.inliers.length];
		for (int i = 0; i < order.length; i++) order[i] = i;
		java.util.Arrays.sort(order, (p, q) -> Double.compare(out.matches.get(out.inliers[p]).gy,
			out.matches.get(out.inliers[q]).gy));
		g.setStroke(new BasicStroke(1f));
		g.setColor(new Color(0, 220, 255, 170));
		int lines = Math.min(EPIPOLAR_LINES, order.length);
		for (int k = 0; k < lines; k++) {
			Match m = out.matches.get(out.inliers[order[(int) ((k + 0.5) * order.length / lines)]]);
			out.rectification.grayToOutput(m.gx, m.gy, a);
			int y = HEADER + (int) Math.round(a[1] * scale);
			g.drawLine(0, y, img.getWidth(), y);
		}
		for (int k = 0; k < out.inliers.length; k++) {
			Match m = out.matches.get(out.inliers[k]);
			out.rectification.grayToOutput(m.gx, m.gy, a);
			out.rectification.colorToOutput(m.cx, m.cy, b);
			double err = stats.vertical[k];
			g.setColor(err <= 0.5 ? new Color(60, 230, 60) : err <= 1.5 ? new Color(250, 220, 0) : new Color(255, 50, 50));
			mark(g, a[0] * scale, HEADER + a[1] * scale);
			mark(g, sw + gap + b[0] * scale, HEADER + b[1] * scale);
		}
		RectificationReport r = out.report;
		g.setColor(Color.WHITE);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
		g.drawString(String.format(Locale.ROOT, "%s: %d/%d inliers | rows differ median %.2f px, 95%% %.2f px | "
			+ "disparity %.1f..%.1f px | colour camera %s", r.model, r.inliers, r.matches, r.verticalMedian, r.vertical95,
			r.disparityMin, r.disparityMax, r.colorSide == null ? "side unknown" : "on the " + r.colorSide.key()), 6, 18);
		g.dispose();
		return fromImage(img);
	}

	private static void mark(Graphics2D g, double x, double y) {
		g.drawOval((int) Math.round(x) - 3, (int) Math.round(y) - 3, 6, 6);
	}

	private static BufferedImage toImage(FloatPlane r, FloatPlane gp, FloatPlane b, double max, boolean[] valid) {
		int w = r.width(), h = r.height();
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		double k = 255 / max;
		int[] px = new int[w * h];
		for (int i = 0; i < px.length; i++) {
			int rr = clip(r.data()[i] * k), gg = clip(gp.data()[i] * k), bb = clip(b.data()[i] * k);
			if (!valid[i]) {
				// invalid pixels shown dimmed, so the covered area is visible
				rr = 40 + rr / 4;
				gg = 20 + gg / 4;
				bb = 40 + bb / 4;
			}
			px[i] = (rr << 16) | (gg << 8) | bb;
		}
		System.arraycopy(px, 0, ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData(), 0, px.length);
		return img;
	}

	private static int clip(double v) {
		return v <= 0 ? 0 : v >= 255 ? 255 : (int) (v + 0.5);
	}

	private static RgbImage fromImage(BufferedImage img) {
		int w = img.getWidth(), h = img.getHeight();
		int[] px = img.getRGB(0, 0, w, h, null, 0, w);
		FloatPlane r = new FloatPlane(w, h), gp = new FloatPlane(w, h), b = new FloatPlane(w, h);
		for (int i = 0; i < px.length; i++) {
			r.data()[i] = (px[i] >> 16) & 0xff;
			gp.data()[i] = (px[i] >> 8) & 0xff;
			b.data()[i] = px[i] & 0xff;
		}
		return new RgbImage(r, gp, b, 255);
	}
}
