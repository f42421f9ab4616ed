package org.cyclecolor.ij1;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.WindowManager;

import org.cyclecolor.UserException;
import org.cyclecolor.Version;
import org.cyclecolor.eval.MethodSummary;
import org.cyclecolor.eval.Methods;
import org.cyclecolor.eval.Scores;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.Interpolation;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.pipeline.ColorizeOperation;
import org.cyclecolor.pipeline.ColorizeResult;
import org.cyclecolor.pipeline.EvaluateOperation;
import org.cyclecolor.pipeline.SsimMapOperation;
import org.cyclecolor.pipeline.RectifyOperation;
import org.cyclecolor.pipeline.SsimMapResult;
import org.cyclecolor.rectify.FeatureType;
import org.cyclecolor.rectify.GeometryFit;
import org.cyclecolor.rectify.Rectification;
import org.cyclecolor.rectify.RectifyOptions;
import org.cyclecolor.pipeline.TrainOperation;
import org.cyclecolor.pipeline.TrainSettings;
import org.cyclecolor.pipeline.TrainingRecorder;
import org.cyclecolor.train.TrainingControl;
import org.cyclecolor.train.TrainingEvent;
import org.cyclecolor.train.TrainingListener;
import org.cyclecolor.synth.MonoColorProtocol;

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

	/**
	 * Runs the facade function {@code function} (e.g. {@code rectify}) on {@code options}; a
	 * mistake comes back as {@code error=<sentence>} instead of stopping the macro, so that a batch
	 * macro can note it and go on with the next pair:
	 * {@code r = call("org.cyclecolor.ij1.Macros.attempt", "rectify", options);}
	 */
	public static String attempt(String function, String options) {
		java.lang.reflect.Method m;
		try {
			m = Macros.class.getMethod(function, String.class);
		}
		catch (NoSuchMethodException e) {
			m = null;
		}
		if (m == null || m.getName().equals("attempt") || m.getReturnType() != String.class) {
			return "error=There is no macro function '" + function + "' in Cycle Colorization; see docs/macros.md for the list.";
		}
		java.lang.reflect.Method f = m;
		return MacroCall.attempt(() -> {
			try {
				return (String) f.invoke(null, options);
			}
			catch (java.lang.reflect.InvocationTargetException e) {
				if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
				throw new IllegalStateException(e.getCause());
			}
			catch (IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
		});
	}

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

	/** Keys of the colorization functions' shared options (see {@link #colorize}). */
	private static final String[] COLORIZATION_KEYS = { "gray", "color", "model", "max_disparity", "color_side", "scale", "refine",
		"upsampler", "device", "threads", "overwrite" };

	/**
	 * Colorizes a mono camera's image with the colour camera's (see the Colorize... command).
	 * <p>
	 * Options: {@code gray}, {@code color} (required: paths or titles), {@code model} (.onnx; default
	 * the bundled model), {@code max_disparity} (pixels; auto or 0 = estimated), {@code color_side}
	 * (auto, left, right), {@code scale} (working scale factor; auto or 0), {@code refine} (default
	 * true; refine=false skips it), {@code upsampler} (joint-bilateral, guided-filter, bilinear),
	 * {@code device} (auto, cpu, cuda), {@code threads} (0 = one per core); outputs {@code output}
	 * (the colorized image), {@code weights} (.tif), {@code disparity} (.tif), {@code confidence}
	 * (.tif), {@code composite} (the side-by-side figure, .png or .tif; {@code ground_truth}, a path
	 * or title, adds its panel), and {@code overwrite}. Without {@code output} the colorized image is
	 * shown.
	 * <p>
	 * Returns: the summary of docs/commands/colorize.md (variant, device, color_side, max_disparity,
	 * scale, ..., timings) and the paths written: output, weights, disparity, confidence, composite.
	 */
	public static String colorize(String options) {
		return MacroCall.run("colorize", options, keys("output", "weights", "disparity", "confidence", "composite", "ground_truth"),
			(o, progress) -> {
			Path output = o.path("output"), weights = o.path("weights"), disparity = o.path("disparity"), confidence = o.path("confidence");
			Path composite = o.path("composite");
			precheck(o, output, weights, disparity, confidence, composite);
			ImagePlus truth = groundTruth(o);
			ColorizeResult r = colorization(o, "colorize").weights(weights != null || disparity != null || confidence != null).run(progress);
			boolean overwrite = o.flag("overwrite");
			MacroResult m = new MacroResult().putAll(r.summary());
			m.put("output", write(r.colorizedImage(), output, overwrite, true));
			m.put("weights", write(r.weightVolumeImage(), weights, overwrite, false));
			m.put("disparity", write(r.disparityImage(), disparity, overwrite, false));
			m.put("confidence", write(r.confidenceImage(), confidence, overwrite, false));
			m.put("composite", composite == null ? null : write(r.compositeImage(truth), composite, overwrite, false));
			return m;
		});
	}

	/**
	 * The cycle check (see the Cycle Check... command): colorizes, colorizes the colour image's
	 * luminance back, and compares.
	 * <p>
	 * Options: those of {@link #colorize} (without its outputs), {@code authors_second_pass}, and
	 * outputs {@code map} (cycle SSIM map, .tif), {@code reconstruction} (R'_C), {@code output}
	 * (the colorized image), {@code composite} (the side-by-side figure with the map and its colour
	 * bar; {@code ground_truth} adds its panel), {@code overwrite}. Without {@code map} the map is
	 * shown.
	 * <p>
	 * Returns: cycle_ssim_cbcr, cycle_ssim_cb, cycle_ssim_cr, cycle_ssim_rgb, cycle_second_pass,
	 * the colorize summary, and map, reconstruction, output, composite.
	 */
	public static String cycleCheck(String options) {
		return MacroCall.run("cycleCheck", options, keys("map", "reconstruction", "output", "authors_second_pass", "composite",
			"ground_truth"), (o, progress) -> {
			Path map = o.path("map"), reconstruction = o.path("reconstruction"), output = o.path("output"), composite = o.path("composite");
			precheck(o, map, reconstruction, output, composite);
			ImagePlus truth = groundTruth(o);
			ColorizeResult r = colorization(o, "cycleCheck").cycle(true, o.flag("authors_second_pass")).run(progress);
			boolean overwrite = o.flag("overwrite");
			MacroResult m = new MacroResult().putAll(r.summary());
			m.put("map", write(r.cycleMapImage(), map, overwrite, true));
			m.put("reconstruction", write(r.reconstructionImage(), reconstruction, overwrite, false));
			m.put("output", write(r.colorizedImage(), output, overwrite, false));
			m.put("composite", composite == null ? null : write(r.compositeImage(truth), composite, overwrite, false));
			return m;
		});
	}

	/**
	 * The weight volume and its maps (see the Weight Volume... command).
	 * <p>
	 * Options: those of {@link #colorize} (without its outputs), and outputs {@code weights}
	 * (hyperstack, .tif), {@code disparity} (.tif), {@code confidence} (.tif), {@code overwrite}.
	 * Without any output path all three are shown.
	 * <p>
	 * Returns: the colorize summary and weights, disparity, confidence.
	 */
	public static String weightVolume(String options) {
		return MacroCall.run("weightVolume", options, keys("weights", "disparity", "confidence"), (o, progress) -> {
			Path weights = o.path("weights"), disparity = o.path("disparity"), confidence = o.path("confidence");
			boolean show = weights == null && disparity == null && confidence == null;
			precheck(o, weights, disparity, confidence);
			ColorizeResult r = colorization(o, "weightVolume").weights(true).run(progress);
			boolean overwrite = o.flag("overwrite");
			MacroResult m = new MacroResult().putAll(r.summary());
			m.put("weights", write(r.weightVolumeImage(), weights, overwrite, show));
			m.put("disparity", write(r.disparityImage(), disparity, overwrite, show));
			m.put("confidence", write(r.confidenceImage(), confidence, overwrite, show));
			return m;
		});
	}

	/** The ground_truth option (a path or the title of an open image) for the composite, or null. */
	private static ImagePlus groundTruth(MacroOptions o) {
		String t = o.string("ground_truth", "");
		return t.isBlank() ? null : image(t);
	}

	private static String[] keys(String... extra) {
		String[] k = Arrays.copyOf(COLORIZATION_KEYS, COLORIZATION_KEYS.length + extra.length);
		System.arraycopy(extra, 0, k, COLORIZATION_KEYS.length, extra.length);
		return k;
	}

	/** The operation the shared keys describe. */
	private static ColorizeOperation colorization(MacroOptions o, String function) {
		ImagePlus g = image(o.required("gray", "the mono camera's image (a file path or the title of an open image)"));
		ImagePlus c = image(o.required("color", "the colour camera's image (a file path or the title of an open image)"));
		return new ColorizeOperation(g, c).model(o.path("model")).maxDisparity(autoOrInt(o, "max_disparity"))
			.colorSide(ColorizeOperation.parseSide(o.string("color_side", "auto"))).scale(orZero(autoOrInt(o, "scale")))
			.refine(!o.has("refine") || o.flag("refine")).upsampler(ColorizeOperation.parseUpsampler(o.string("upsampler", "joint-bilateral")))
			.device(ColorizeOperation.parseDevice(o.string("device", "auto"))).threads((int) o.number("threads", 0));
	}

	/** "auto", absent or 0 as null (automatic), else the whole number given. */
	private static Integer autoOrInt(MacroOptions o, String key) {
		String v = o.string(key, "auto").trim();
		if (v.equalsIgnoreCase("auto")) return null;
		double d = o.number(key, 0);
		if (d != Math.rint(d)) throw new UserException("The option " + key + "=" + v + " must be a whole number (or auto).");
		return d == 0 ? null : (int) d;
	}

	private static int orZero(Integer v) {
		return v == null ? 0 : v;
	}

	/** Refuses outputs that exist (unless overwrite) or cannot be written, before any work. */
	private static void precheck(MacroOptions o, Path... outputs) {
		for (Path p : outputs) {
			if (p == null) continue;
			ImageFiles.Format.of(p);
			ImageFiles.prepareTarget(p, o.flag("overwrite"));
		}
	}

	/**
	 * Rectifies a mono/colour pair (see the Rectify Pair... command).
	 * <p>
	 * Options, as the command's keys: {@code gray}, {@code color} (required: paths or titles),
	 * {@code calibration} (a stereo calibration file; without it the pair is rectified from its
	 * keypoints), {@code gray_camera} (1 or 2), {@code features} (sift, surf, surf-fast),
	 * {@code model} (auto, fundamental, homography), {@code interpolation} (bicubic, bilinear),
	 * {@code frame} (full, crop), {@code color_side} (auto, left, right), {@code max_features},
	 * {@code threshold} (pixels); outputs {@code out_gray}, {@code out_color}, {@code mask},
	 * {@code diagnostic}, and {@code overwrite}. Without {@code out_gray} and {@code out_color} the
	 * rectified images (and the mask and diagnostic, unless written) are shown.
	 * <p>
	 * Returns: the report (method, model, inliers, vertical_error_median_px, disparity_min_px,
	 * disparity_max_px, suggested_max_disparity, color_side, ...; docs/commands/rectify-pair.md)
	 * and out_gray, out_color, mask, diagnostic (paths written, or titles shown).
	 */
	public static String rectify(String options) {
		return MacroCall.run("rectify", options, new String[] { "gray", "color", "calibration", "gray_camera", "features", "model",
			"interpolation", "frame", "color_side", "max_features", "threshold", "out_gray", "out_color", "mask", "diagnostic",
			"overwrite" }, (o, progress) -> {
				ImagePlus g = image(o.required("gray", "the mono camera's image (a file path or the title of an open image)"));
				ImagePlus c = image(o.required("color", "the colour camera's image (a file path or the title of an open image)"));
				Path outGray = o.path("out_gray"), outColor = o.path("out_color"), mask = o.path("mask"), diagnostic = o.path("diagnostic");
				precheck(o, outGray, outColor, mask, diagnostic);
				boolean show = outGray == null && outColor == null;
				RectifyOptions r = new RectifyOptions();
				try {
					r.features = FeatureType.fromKey(o.string("features", "sift"));
					r.model = GeometryFit.Model.fromKey(o.string("model", "auto"));
					r.interpolation = Interpolation.fromKey(o.string("interpolation", "bicubic"));
					r.frame = Rectification.Frame.fromKey(o.string("frame", "full"));
				}
				catch (IllegalArgumentException e) {
					throw new UserException(e.getMessage());
				}
				r.colorSide = ColorizeOperation.parseSide(o.string("color_side", "auto"));
				r.maxFeatures = (int) o.number("max_features", r.maxFeatures);
				r.inlierThreshold = o.number("threshold", r.inlierThreshold);
				r.grayCamera = (int) o.number("gray_camera", r.grayCamera);
				r.calibration = o.path("calibration");
				RectifyOperation.Result result = RectifyOperation.run(g, c, r, true, progress);
				boolean overwrite = o.flag("overwrite");
				return new MacroResult().putAll(result.report.toMap())
					.put("out_gray", write(result.gray, outGray, overwrite, show))
					.put("out_color", write(result.color, outColor, overwrite, show))
					.put("mask", write(result.mask, mask, overwrite, show))
					.put("diagnostic", write(result.diagnostic, diagnostic, overwrite, show));
			});
	}

	/** Writes {@code imp} to {@code path} when given (returns the path), else shows it when asked (returns its title). */
	private static Object write(ImagePlus imp, Path path, boolean overwrite, boolean showWithoutPath) {
		if (imp == null) return null;
		if (path != null) {
			ImageFiles.write(imp, path, overwrite);
			return path.toAbsolutePath();
		}
		if (!showWithoutPath) return null;
		imp.show();
		return imp.getTitle();
	}

	/**
	 * Trains or fine-tunes the colorization network, or pre-trains the structure-similarity network
	 * (see the Train... command and docs/commands/train.md). Runs until done; the loss log (CSV),
	 * the loss plot (PNG) and the checkpoint are written beside the model.
	 * <p>
	 * Options: {@code data} (required: a pairs folder, list file, stereo scenes or photos),
	 * {@code output} (required: the .onnx to write), {@code mode} (cycle, supervised, ssm; default
	 * cycle), {@code init} (default, scratch or a model path), {@code structure_loss} (learned, ssim,
	 * none; learned takes the network of {@code ssm}, else the starting model's, else the default
	 * model's), {@code ssm} (a pre-trained structure network model), {@code crop} (default 512x256),
	 * {@code steps} (2000), {@code learning_rate} (0.001), {@code seed} (1), {@code checkpoint_every}
	 * (100), {@code threads} (0 = one per core), {@code no_refinement}, {@code preset} (clean, noisy,
	 * mixed, camera), {@code gray_view} (left, right, both), {@code color_side} (left, right),
	 * {@code max_disparity} (0 = known or estimated), {@code print_every} (log every N steps, 50),
	 * {@code resume}, {@code overwrite}.
	 * <p>
	 * Returns: model, checkpoint, log, plot, ending, steps, pairs, mode, variant, structure_network
	 * (which structure-similarity network the learned loss used, or none), wall_seconds, parity, and
	 * loss_&lt;term&gt; (the mean of the last 100 steps of each loss term).
	 */
	public static String train(String options) {
		return MacroCall.run("train", options, new String[] { "data", "output", "mode", "init", "structure_loss", "ssm", "crop", "steps",
			"learning_rate", "seed", "checkpoint_every", "threads", "no_refinement", "preset", "gray_view", "color_side", "max_disparity",
			"print_every", "resume", "overwrite" }, (o, progress) -> {
				Path data = Path.of(o.required("data", "the training data (a pairs folder, list file, stereo scenes or photos)"));
				Path output = Path.of(o.required("output", "the model file to write (.onnx)"));
				TrainSettings s = new TrainSettings();
				s.mode = o.string("mode", s.mode);
				s.init = o.string("init", s.init);
				s.structureLoss = o.string("structure_loss", s.structureLoss);
				s.ssm = o.path("ssm");
				s.crop = o.string("crop", s.crop);
				s.steps = integer(o, "steps", s.steps);
				s.learningRate = o.number("learning_rate", s.learningRate);
				s.seed = integer(o, "seed", (int) s.seed);
				s.checkpointEvery = integer(o, "checkpoint_every", s.checkpointEvery);
				s.threads = integer(o, "threads", s.threads);
				s.refinement = !o.flag("no_refinement");
				s.preset = o.string("preset", s.preset);
				s.grayView = o.string("gray_view", s.grayView);
				s.colorSide = o.string("color_side", "");
				s.maxDisparity = integer(o, "max_disparity", 0);
				s.resume = o.flag("resume");
				s.overwrite = o.flag("overwrite");
				int printEvery = Math.max(1, integer(o, "print_every", 50));
				TrainOperation op = s.operation(List.of(data), output, "macro train(\"" + options + "\")");
				Path log = TrainingRecorder.besideModel(output, "-losses.csv"), plot = TrainingRecorder.besideModel(output, "-losses.png");
				TrainOperation.Result r;
				try (TrainingRecorder recorder = new TrainingRecorder(log, plot, output.getFileName().toString(), op.config(), s.resume,
					op.checkpointPath(), s.overwrite, progress)) {
					r = op.run(progress, new TrainingListener() {
						@Override
						public void onStep(TrainingEvent e) {
							recorder.onStep(e);
							if (e.step() % printEvery == 0 || e.step() == e.steps()) progress.log("train: " + e.summary());
						}

						@Override
						public void onCheckpoint(Path checkpoint, int step) {
							recorder.onCheckpoint(checkpoint, step);
						}
					}, new TrainingControl());
					recorder.writePlot();
				}
				MacroResult out = new MacroResult().put("model", r.model().toAbsolutePath()).put("checkpoint", r.checkpoint().toAbsolutePath())
					.put("log", log.toAbsolutePath()).put("plot", plot.toAbsolutePath());
				for (String k : new String[] { "ending", "steps", "pairs", "mode", "variant", "structure_network", "wall_seconds", "parity" }) {
					out.put(k, r.summary().get(k));
				}
				for (Map.Entry<String, Double> e : r.outcome().finalLosses().entrySet()) out.put("loss_" + e.getKey(), e.getValue());
				return out;
			});
	}

	/**
	 * Evaluates methods on a dataset (see the Evaluate... command and docs/commands/evaluate.md):
	 * tables, report, plots and contact sheets written to a folder.
	 * <p>
	 * Options: {@code dataset}, {@code output} (required: folders), {@code methods} (comma-separated;
	 * default unwarped,welsh,stereo-levin), {@code preset} (clean, noisy; default clean), {@code include}
	 * (scene patterns), {@code limit}, {@code max_disparity}, {@code seed}, {@code gray_view} (left,
	 * right, both), {@code color_side} (left, right: pairs folders without a manifest), flags
	 * {@code no_cycle}, {@code no_contact_sheets}, {@code overwrite}.
	 * <p>
	 * Returns: report, scenes_csv, summary_csv, output_dir, scenes, skipped, methods, plots, sheets, and
	 * for each method m: m_ok, m_failed, m_rgb_psnr, m_rgb_ssim, m_cbcr_psnr, m_cbcr_ssim, m_delta_e
	 * (first time, with ground truth), m_cycle_rgb_ssim, m_cycle_cbcr_ssim, m_lcc_rgb_ssim,
	 * m_lcc_cbcr_ssim, m_seconds (absent values are left out).
	 */
	public static String evaluate(String options) {
		return MacroCall.run("evaluate", options, new String[] { "dataset", "output", "methods", "preset", "include", "limit",
			"max_disparity", "seed", "gray_view", "color_side", "no_cycle", "no_contact_sheets", "overwrite" }, (o, progress) -> {
				Path dataset = Path.of(o.required("dataset", "the dataset folder"));
				Path output = Path.of(o.required("output", "the folder to write the tables and pictures to"));
				String view = o.string("gray_view", "left").trim().toUpperCase(java.util.Locale.ROOT);
				MonoColorProtocol.GrayView grayView;
				try {
					grayView = MonoColorProtocol.GrayView.valueOf(view);
				}
				catch (IllegalArgumentException e) {
					throw new UserException("gray_view takes left, right or both, got '" + o.string("gray_view", "") + "'.");
				}
				String sideKey = o.string("color_side", null);
				ColorSide side = null;
				if (sideKey != null) {
					try {
						side = ColorSide.fromKey(sideKey);
					}
					catch (IllegalArgumentException e) {
						throw new UserException("color_side takes left or right, got '" + sideKey + "'.");
					}
				}
				EvaluateOperation.Result r = new EvaluateOperation(dataset, output).colorSide(side)
					.methods(o.string("methods", String.join(",", Methods.DEFAULT))).preset(o.string("preset", "clean"))
					.include(o.string("include", null)).limit((int) o.number("limit", 0))
					.maxDisparity((int) o.number("max_disparity", 0)).seed((long) o.number("seed", 1)).grayView(grayView)
					.cycle(!o.flag("no_cycle")).contactSheets(!o.flag("no_contact_sheets")).overwrite(o.flag("overwrite"))
					.command("call(\"org.cyclecolor.ij1.Macros.evaluate\", \"" + options + "\")").run(progress);
				MacroResult out = new MacroResult().put("report", r.report().toAbsolutePath())
					.put("scenes_csv", r.scenesCsv().toAbsolutePath()).put("summary_csv", r.summaryCsv().toAbsolutePath())
					.put("output_dir", r.outputDir().toAbsolutePath()).put("scenes", (double) r.evaluation().scenes().size())
					.put("skipped", (double) r.evaluation().skipped()).put("methods", r.evaluation().methods())
					.put("plots", r.plotFiles()).put("sheets", (double) r.sheets());
				for (MethodSummary m : r.evaluation().summaries()) {
					String k = m.method() + "_";
					out.put(k + "ok", (double) m.ok()).put(k + "failed", (double) m.failed());
					for (String name : Scores.NAMES) {
						if (m.all().n() > 0) out.put(k + name, m.all().get(name));
					}
					if (m.cycle().n() > 0) {
						out.put(k + "cycle_rgb_ssim", m.cycle().get("rgb_ssim")).put(k + "cycle_cbcr_ssim", m.cycle().get("cbcr_ssim"));
					}
					if (!Double.isNaN(m.lccCbcrSsim())) out.put(k + "lcc_rgb_ssim", m.lccRgbSsim()).put(k + "lcc_cbcr_ssim", m.lccCbcrSsim());
					if (!Double.isNaN(m.seconds())) out.put(k + "seconds", m.seconds());
				}
				return out;
			});
	}

	private static int integer(MacroOptions o, String key, int fallback) {
		double v = o.number(key, fallback);
		if (v != Math.rint(v)) throw new UserException("The option " + key + "=" + v + " must be a whole number.");
		return (int) v;
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
