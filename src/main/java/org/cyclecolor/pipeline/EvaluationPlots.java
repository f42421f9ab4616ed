package org.cyclecolor.pipeline;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import org.cyclecolor.eval.EvaluationResult;
import org.cyclecolor.eval.MethodSummary;
import org.cyclecolor.eval.SceneRecord;

/**
 * The evaluation's plots, drawn with ImageJ's {@link Plot} (headless: rendered to an image, saved
 * as PNG): per-scene bars of a score, one bar per method; and the first-time against the
 * second-time SSIM of every scene, one colour per method, with the linear correlation coefficient
 * of each method in its legend (the paper's Table 3).
 */
public final class EvaluationPlots {

	/** Colours of the methods, in the run's order (Paul Tol's "bright" scheme, colour-blind safe). */
	static final Color[] COLORS = { new Color(0x4477AA), new Color(0xEE6677), new Color(0x228833), new Color(0xCCBB44),
		new Color(0x66CCEE), new Color(0xAA3377), new Color(0xBBBBBB), new Color(0x222222) };

	private static final int FRAME_WIDTH = 560;
	private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

	/** A plot ready to save: the file name (in plots/), a caption, the image. */
	public record Figure(String fileName, String caption, ImagePlus image) {}

	/** A score plotted per scene: its axis label and how to read it off a record. */
	public record Metric(String fileName, String axis, Function<SceneRecord, Double> value) {}

	public static final Metric FIRST_CBCR_SSIM = new Metric("ssim-per-scene.png", "Cb/Cr SSIM, first time (vs ground truth)",
		r -> r.all() == null ? Double.NaN : r.all().cbcrSsim());
	public static final Metric FIRST_CBCR_PSNR = new Metric("psnr-per-scene.png", "Cb/Cr PSNR (dB), first time (vs ground truth)",
		r -> r.all() == null ? Double.NaN : r.all().cbcrPsnr());
	public static final Metric CYCLE_CBCR_SSIM = new Metric("cycle-ssim-per-scene.png",
		"Cb/Cr SSIM, second time (cycle, vs colour image)", r -> r.cycle() == null ? Double.NaN : r.cycle().cbcrSsim());

	private EvaluationPlots() {}

	/** Every plot the result supports, in the report's order. */
	public static List<Figure> all(EvaluationResult result) {
		List<Figure> out = new ArrayList<>();
		if (result.hasGroundTruth()) {
			out.add(new Figure(FIRST_CBCR_SSIM.fileName(), "First-time Cb/Cr SSIM per scene", perScene(result, FIRST_CBCR_SSIM)));
			out.add(new Figure(FIRST_CBCR_PSNR.fileName(), "First-time Cb/Cr PSNR per scene", perScene(result, FIRST_CBCR_PSNR)));
		}
		if (result.hasCycle()) {
			out.add(new Figure(CYCLE_CBCR_SSIM.fileName(), "Second-time (cycle) Cb/Cr SSIM per scene",
				perScene(result, CYCLE_CBCR_SSIM)));
		}
		if (result.hasGroundTruth() && result.hasCycle()) {
			out.add(new Figure("first-vs-second-rgb-ssim.png", "First- against second-time RGB SSIM, LCC per method",
				firstVsSecond(result, false)));
			out.add(new Figure("first-vs-second-cbcr-ssim.png", "First- against second-time Cb/Cr SSIM, LCC per method",
				firstVsSecond(result, true)));
		}
		return out;
	}

	/** The plot file names {@link #all} can make (to check for existing files before a run). */
	public static List<String> fileNames() {
		return List.of(FIRST_CBCR_SSIM.fileName(), FIRST_CBCR_PSNR.fileName(), CYCLE_CBCR_SSIM.fileName(),
			"first-vs-second-rgb-ssim.png", "first-vs-second-cbcr-ssim.png");
	}

	/**
	 * Horizontal bars, one group per scene (top to bottom in the run's order), one bar per method;
	 * scenes' names to the left of the frame, the methods' legend above it. A method that failed or
	 * does not apply to a scene gets no bar but a note.
	 */
	public static ImagePlus perScene(EvaluationResult result, Metric metric) {
		List<String> scenes = result.scenes(), methods = result.methods();
		int ns = scenes.size(), nm = methods.size();
		double[][] v = new double[ns][nm];
		String[][] notes = new String[ns][nm];
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (SceneRecord r : result.records()) {
			int s = scenes.indexOf(r.scene()), m = methods.indexOf(r.method());
			double x = r.ok() ? metric.value().apply(r) : Double.NaN;
			v[s][m] = x;
			if (!r.ok()) notes[s][m] = r.status().label();
			if (Double.isFinite(x)) {
				lo = Math.min(lo, x);
				hi = Math.max(hi, x);
			}
		}
		double[] range = axisRange(lo, hi, metric.axis().contains("SSIM"));
		Plot plot = new Plot(metric.axis(), metric.axis(), "");
		int group = Math.max(26, 10 * nm + 10);
		plot.setFrameSize(FRAME_WIDTH, group * ns);
		plot.setLimits(range[0], range[1], -0.5, ns - 0.5);
		plot.setFormatFlags(Plot.X_NUMBERS | Plot.X_TICKS | Plot.X_MINOR_TICKS | Plot.X_GRID);
		double slot = 0.8 / nm;
		for (int m = 0; m < nm; m++) {
			Color c = COLORS[m % COLORS.length];
			ArrayList<float[]> bars = new ArrayList<>();
			for (int s = 0; s < ns; s++) {
				if (!Double.isFinite(v[s][m])) continue;
				double top = centre(s, ns) + 0.4 - m * slot;
				bars.add(new float[] { (float) range[0], (float) top, (float) Math.max(range[0], Math.min(range[1], v[s][m])),
					(float) (top - 0.85 * slot) });
			}
			plot.setColor(c, c);
			if (!bars.isEmpty()) plot.drawShapes("rectangles", bars);
		}
		plot.setColor(Color.DARK_GRAY);
		plot.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 10));
		for (int s = 0; s < ns; s++) {
			for (int m = 0; m < nm; m++) {
				if (notes[s][m] != null) {
					plot.addText(methods.get(m) + ": " + notes[s][m], range[0] + 0.01 * (range[1] - range[0]),
						centre(s, ns) + 0.4 - (m + 0.85) * slot);
				}
			}
		}
		plot.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		ImagePlus rendered = plot.getImagePlus();
		Rectangle frame = plot.getDrawingFrame();
		return withSceneLabelsAndLegend(rendered, frame, scenes, methods, ns, metric.axis());
	}

	/** Scene s at the top for s = 0: its group's centre on the y axis. */
	private static double centre(int s, int ns) {
		return ns - 1 - s;
	}

	/** A range that shows differences: SSIM from a round value below the smallest to 1; PSNR with 5 % margins. */
	static double[] axisRange(double lo, double hi, boolean ssim) {
		if (!Double.isFinite(lo)) return ssim ? new double[] { 0, 1 } : new double[] { 0, 50 };
		if (ssim) {
			double from = Math.floor(Math.min(lo, 0.999) * 10 - 0.5) / 10;
			return new double[] { Math.max(-1, Math.min(from, 0.9)), 1 };
		}
		double span = Math.max(hi - lo, 1);
		return new double[] { Math.floor(Math.max(0, lo - 0.3 * span)), Math.ceil(hi + 0.05 * span) };
	}

	/** The rendered plot with the scenes' names in a strip to its left and a legend of the methods above it. */
	private static ImagePlus withSceneLabelsAndLegend(ImagePlus rendered, Rectangle frame, List<String> scenes,
		List<String> methods, int ns, String title)
	{
		ImageProcessor plotIp = rendered.getProcessor().convertToRGB();
		ColorProcessor probe = new ColorProcessor(1, 1);
		probe.setFont(LABEL_FONT);
		FontMetrics fm = probe.getFontMetrics();
		int labelWidth = 0;
		for (String s : scenes) labelWidth = Math.max(labelWidth, fm.stringWidth(s));
		int left = Math.max(0, labelWidth + 14 - frame.x);
		int legendHeight = 28;
		int w = plotIp.getWidth() + left, h = plotIp.getHeight() + legendHeight;
		ColorProcessor out = new ColorProcessor(w, h);
		out.setColor(Color.WHITE);
		out.fill();
		out.insert(plotIp, left, legendHeight);
		// Without y numbers the plot still prints the y range at the frame's corners: cover it with the labels' strip.
		out.setColor(Color.WHITE);
		out.fillRect(0, legendHeight, left + frame.x - 1, frame.y + frame.height + 2);
		out.setAntialiasedText(true);
		out.setFont(LABEL_FONT);
		out.setColor(Color.BLACK);
		for (int s = 0; s < ns; s++) {
			// The group's centre in pixels: the y axis runs from -0.5 (bottom of the frame) to ns - 0.5 (top).
			double fromTop = (ns - 0.5 - centre(s, ns)) / ns;
			int y = legendHeight + frame.y + (int) Math.round(fromTop * frame.height) + fm.getAscent() / 2 - 1;
			out.drawString(scenes.get(s), left + frame.x - 8 - fm.stringWidth(scenes.get(s)), y);
		}
		int x = left + frame.x;
		for (int m = 0; m < methods.size(); m++) {
			out.setColor(COLORS[m % COLORS.length]);
			out.fillRect(x, 9, 14, 12);
			out.setColor(Color.BLACK);
			out.drawString(methods.get(m), x + 19, 21);
			x += 19 + fm.stringWidth(methods.get(m)) + 18;
		}
		return new ImagePlus(title, out);
	}

	/**
	 * Each scene's first-time SSIM (x) against its second-time SSIM (y), one colour per method, the
	 * method's linear correlation coefficient across scenes in the legend, and the diagonal.
	 */
	public static ImagePlus firstVsSecond(EvaluationResult result, boolean cbcr) {
		String what = cbcr ? "Cb/Cr SSIM" : "RGB SSIM";
		Plot plot = new Plot("First- vs second-time " + what, what + ", first time (vs ground truth)",
			what + ", second time (vs colour image)");
		plot.setFrameSize(FRAME_WIDTH, FRAME_WIDTH * 3 / 4);
		double lo = 1;
		List<String> labels = new ArrayList<>();
		List<MethodSummary> summaries = result.summaries();
		for (int m = 0; m < summaries.size(); m++) {
			MethodSummary s = summaries.get(m);
			double[][] pts = MethodSummary.ssimPairs(result.of(s.method()), cbcr);
			if (pts.length == 0) continue;
			double[] x = new double[pts.length], y = new double[pts.length];
			for (int i = 0; i < pts.length; i++) {
				x[i] = pts[i][0];
				y[i] = pts[i][1];
				lo = Math.min(lo, Math.min(x[i], y[i]));
			}
			double lcc = cbcr ? s.lccCbcrSsim() : s.lccRgbSsim();
			Color c = COLORS[m % COLORS.length];
			plot.setColor(c, c);
			plot.setLineWidth(2);
			plot.add("circle", x, y);
			labels.add(s.method() + (Double.isNaN(lcc) ? " (" + pts.length + " scenes)"
				: String.format(Locale.ROOT, " (LCC %.4f, %d scenes)", lcc, pts.length)));
		}
		double from = axisRange(lo, 1, true)[0];
		plot.setLimits(from, 1, from, 1);
		plot.setLineWidth(1);
		plot.setColor(Color.GRAY);
		plot.drawDottedLine(from, from, 1, 1, 2);
		plot.setColor(Color.BLACK);
		plot.addLegend(String.join("\n", labels));
		plot.setLegend(null, Plot.BOTTOM_RIGHT);
		return new ImagePlus("First- vs second-time " + what, plot.getImagePlus().getProcessor().convertToRGB());
	}
}
