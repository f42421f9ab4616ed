package org.cyclecolor.pipeline;

import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.io.FileSaver;
import ij.process.ColorProcessor;

import org.cyclecolor.UserException;
import org.cyclecolor.train.Objective;
import org.cyclecolor.train.TrainingConfig;

/**
 * The loss curves of a training run as an ImageJ {@link Plot}, ready to read or print: a title
 * naming the model and the run (mode, crop, structure loss, learning rate), the training step on
 * x, the loss on a logarithmic y axis (terms of different sizes fit), one curve per term with a
 * legend that says what each term is (the paper's equation where there is one). Each point is the
 * mean of a block of consecutive steps (about a hundredth of the run; single steps are too noisy
 * to read). Headless it renders to PNG; in Fiji a window shows it live.
 */
public final class LossPlot {

	private static final Color[] COLORS = { Color.BLACK, new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c),
		new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b) };

	/** What each loss term is, for the legend (all are dimensionless). */
	private static final Map<String, String> TERMS = Map.of(
		Objective.TOTAL, "total (the \u03bb-weighted sum that trains M)",
		Objective.STRUCTURE, "structure L_ss = 1 - SSIM(I_G, W-weighted Y), eq. 1",
		Objective.CYCLE, "cycle L_cc = 1 - SSIM(R_C, R'_C) on Cb, Cr, eq. 2",
		Objective.SMOOTHNESS, "smoothness L_smooth of W, eq. 3",
		Objective.SUPERVISED, "supervised: chroma MSE vs ground truth (of full scale\u00b2)",
		Objective.REFINEMENT, "refinement: chroma MSE (of full scale\u00b2)",
		Objective.SSM, "structure network: mean |SSM - SSIM map|");

	private LossPlot() {}

	/** The plot's title: the model and how it is trained. */
	public static String title(String model, TrainingConfig c) {
		StringBuilder sb = new StringBuilder("Training losses of ").append(model).append(": ").append(c.mode().key()).append(" mode");
		sb.append(", crop ").append(c.cropWidth()).append('x').append(c.cropHeight());
		if (c.mode() == TrainingConfig.Mode.CYCLE) sb.append(", structure loss ").append(c.structure().key());
		sb.append(String.format(Locale.ROOT, ", RMSProp lr %s", c.learningRate()));
		return sb.toString();
	}

	/** What a term is, for the legend; the name itself for terms this class does not know. */
	static String describe(String term) {
		return TERMS.getOrDefault(term, term);
	}

	/** The plot of the history (step i + 1 is element i). */
	public static Plot of(String title, List<Map<String, Double>> history) {
		int w = window(history.size());
		Plot plot = new Plot(title, "training step", w == 1 ? "loss (dimensionless, log scale)"
			: "loss (dimensionless; mean of " + w + " steps; log scale)");
		plot.setFrameSize(760, 380);
		plot.setFont(Font.PLAIN, 15);
		plot.setAxisLabelFont(Font.PLAIN, 16);
		plot.setLogScaleY();
		Map<String, double[][]> curves = curves(history);
		if (sameAsAnother(history, Objective.TOTAL)) curves.remove(Objective.TOTAL);
		int i = 0;
		StringBuilder legend = new StringBuilder();
		double min = Double.POSITIVE_INFINITY, max = 0;
		for (Map.Entry<String, double[][]> e : curves.entrySet()) {
			double[][] c = e.getValue();
			if (c[0].length == 0) continue;
			for (double v : c[1]) {
				if (v > 0) {
					min = Math.min(min, v);
					max = Math.max(max, v);
				}
			}
			plot.setColor(COLORS[i % COLORS.length]);
			plot.setLineWidth(e.getKey().equals(Objective.TOTAL) ? 2 : 1);
			plot.addPoints(c[0], c[1], Plot.LINE);
			legend.append(describe(e.getKey())).append('\n');
			i++;
		}
		if (legend.length() > 0) {
			plot.setColor(Color.BLACK);
			plot.setFont(Font.PLAIN, 13);
			plot.addLegend(legend.toString().trim(), "top-right");
		}
		if (max > 0) plot.setLimits(1, Math.max(2, history.size()), min / 1.2, max * 1.6);
		return plot;
	}

	/** True when another term equals {@code term} at every step (e.g. total = supervised): one curve is enough. */
	static boolean sameAsAnother(List<Map<String, Double>> history, String term) {
		if (history.isEmpty()) return false;
		for (String other : history.get(0).keySet()) {
			if (other.equals(term)) continue;
			boolean same = true;
			for (Map<String, Double> h : history) {
				Double a = h.get(term), b = h.get(other);
				if (a == null || b == null || Double.compare(a, b) != 0) {
					same = false;
					break;
				}
			}
			if (same) return true;
		}
		return false;
	}

	/** Writes the plot of the history as a PNG (works headless), under its title. */
	public static void writePng(String title, List<Map<String, Double>> history, Path path) {
		ImagePlus imp = titled(title, of(title, history).getImagePlus());
		if (!new FileSaver(imp).saveAsPng(path.toString())) {
			throw new UserException("Could not write the loss plot " + path + "; check that the folder is writable.");
		}
	}

	/** The rendered plot under a title band: the title's first part in bold, what follows ": " on a second line. */
	static ImagePlus titled(String title, ImagePlus plot) {
		int colon = title.indexOf(": ");
		String first = colon < 0 ? title : title.substring(0, colon), second = colon < 0 ? "" : title.substring(colon + 2);
		int band = second.isEmpty() ? 34 : 58, pad = 12;
		ColorProcessor out = new ColorProcessor(plot.getWidth(), plot.getHeight() + band);
		out.setColor(Color.WHITE);
		out.fill();
		out.insert(plot.getProcessor().convertToRGB(), 0, band);
		out.setAntialiasedText(true);
		out.setColor(Color.BLACK);
		out.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
		out.drawString(first, pad, 26);
		out.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
		if (!second.isEmpty()) out.drawString(second, pad, 50);
		return new ImagePlus(title, out);
	}

	/** Window of the moving mean: about a hundredth of the run, at least 1. */
	static int window(int steps) {
		return Math.max(1, steps / 100);
	}

	/** Per term: {steps, moving means} (only positive values can go on a log axis). */
	static Map<String, double[][]> curves(List<Map<String, Double>> history) {
		int w = window(history.size());
		Map<String, double[][]> out = new LinkedHashMap<>();
		List<String> terms = new ArrayList<>();
		for (Map<String, Double> h : history) for (String k : h.keySet()) if (!terms.contains(k)) terms.add(k);
		for (String t : terms) {
			List<double[]> pts = new ArrayList<>();
			double sum = 0;
			int n = 0;
			for (int s = 0; s < history.size(); s++) {
				Double v = history.get(s).get(t);
				if (v == null || !Double.isFinite(v)) continue;
				sum += v;
				n++;
				if (n == w || s == history.size() - 1) {
					double mean = sum / n;
					if (mean > 0) pts.add(new double[] { s + 1, mean });
					sum = 0;
					n = 0;
				}
			}
			double[][] c = new double[2][pts.size()];
			for (int j = 0; j < pts.size(); j++) {
				c[0][j] = pts.get(j)[0];
				c[1][j] = pts.get(j)[1];
			}
			out.put(t, c);
		}
		return out;
	}
}
