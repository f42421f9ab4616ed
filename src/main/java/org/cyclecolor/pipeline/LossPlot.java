package org.cyclecolor.pipeline;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.io.FileSaver;

import org.cyclecolor.UserException;

/**
 * The loss curves of a training run as an ImageJ {@link Plot}: one curve per term, each point the
 * mean of a block of consecutive steps (about a hundredth of the run; single steps are too noisy
 * to read), on a logarithmic axis so terms of different sizes fit. Headless it renders to PNG; in Fiji a window shows it live.
 */
public final class LossPlot {

	private static final Color[] COLORS = { Color.BLACK, new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c),
		new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b) };

	private LossPlot() {}

	/** The plot of the history (step i + 1 is element i). */
	public static Plot of(String title, List<Map<String, Double>> history) {
		Plot plot = new Plot(title, "step", "loss (mean over " + window(history.size()) + " steps)");
		plot.setLogScaleY();
		plot.setSize(720, 420);
		Map<String, double[][]> curves = curves(history);
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
			plot.setLineWidth(e.getKey().equals("total") ? 2 : 1);
			plot.addPoints(c[0], c[1], Plot.LINE);
			legend.append(e.getKey()).append('\n');
			i++;
		}
		if (legend.length() > 0) {
			plot.setColor(Color.BLACK);
			plot.addLegend(legend.toString().trim(), "top-right");
		}
		if (max > 0) plot.setLimits(1, Math.max(2, history.size()), min / 1.2, max * 1.2);
		return plot;
	}

	/** Writes the plot of the history as a PNG (works headless). */
	public static void writePng(String title, List<Map<String, Double>> history, Path path) {
		ImagePlus imp = of(title, history).getImagePlus();
		if (!new FileSaver(imp).saveAsPng(path.toString())) {
			throw new UserException("Could not write the loss plot " + path + "; check that the folder is writable.");
		}
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
