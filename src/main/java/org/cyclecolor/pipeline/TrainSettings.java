package org.cyclecolor.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.cyclecolor.UserException;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.synth.DatasetOptions;
import org.cyclecolor.synth.Degradation;
import org.cyclecolor.synth.MonoColorProtocol;
import org.cyclecolor.train.TrainingConfig;

/**
 * The options of a training run as Fiji's Train... dialog and the {@code train} macro function
 * take them (text and numbers, the same names as their keys), turned into a {@link TrainOperation}.
 * The command line has its own, richer options ({@code cli.TrainCommand}); the meanings are the same.
 */
public final class TrainSettings {

	/** cycle, supervised or ssm (pre-training the structure-similarity network). */
	public String mode = "cycle";
	/** "default" (the shipped model), "scratch", or a model file (.onnx). */
	public String init = "default";
	/** A model made by pre-training whose structure-similarity network the learned structure loss uses; null = the starting model's. */
	public Path ssm;
	/** learned, ssim or none. */
	public String structureLoss = "learned";
	/** "WIDTHxHEIGHT" after shrinking. */
	public String crop = "512x256";
	public int steps = 2000;
	public double learningRate = 1e-3;
	public long seed = 1;
	public int checkpointEvery = 100;
	/** 0 = one per core. */
	public int threads;
	public boolean refinement = true;
	/** clean, noisy or camera (synthesized pairs). */
	public String preset = "clean";
	/** left, right or both (stereo scenes and photos). */
	public String grayView = "left";
	/** left, right, or "" (from the manifest or the known rig). */
	public String colorSide = "";
	/** 0 = from ground truth, the manifest, the known rig or an estimate. */
	public int maxDisparity;
	public boolean resume;
	public boolean overwrite;

	/** The operation on {@code data} writing {@code output}; {@code command} is recorded in the model. */
	public TrainOperation operation(List<Path> data, Path output, String command) {
		TrainingConfig c = config();
		return new TrainOperation(data, datasetOptions(), output).config(c).init(init.equals("default") ? null : init).structureNetwork(ssm)
			.resume(resume).resumeSteps(resume ? steps : 0).overwrite(overwrite).threads(threads).command(command);
	}

	TrainingConfig config() {
		TrainingConfig.Mode m = TrainingConfig.Mode.fromKey(mode);
		int[] wh = crop(crop);
		if (steps < 1) throw new UserException("The number of steps must be at least 1, got " + steps + ".");
		if (checkpointEvery < 1) throw new UserException("Checkpoints must be at least 1 step apart, got " + checkpointEvery + ".");
		TrainingConfig c = TrainingConfig.paper().withMode(m).withCrop(wh[0], wh[1]).withSteps(steps).withSeed(seed)
			.withCheckpointEvery(checkpointEvery).withLearningRate(learningRate).withRefinement(refinement && m != TrainingConfig.Mode.STRUCTURE_SIMILARITY);
		return m == TrainingConfig.Mode.CYCLE ? c.withStructure(TrainingConfig.StructureLoss.fromKey(structureLoss))
			: c.withStructure(TrainingConfig.StructureLoss.NONE);
	}

	DatasetOptions datasetOptions() {
		DatasetOptions o = DatasetOptions.defaults().withDegradation(Degradation.preset(preset)).withMaxDisparity(maxDisparity);
		try {
			o = o.withGrayView(MonoColorProtocol.GrayView.valueOf(grayView.trim().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException e) {
			throw new UserException("The gray view must be left, right or both, got '" + grayView + "'.");
		}
		if (colorSide != null && !colorSide.isBlank()) {
			try {
				o = o.withColorSide(ColorSide.fromKey(colorSide.trim()));
			}
			catch (IllegalArgumentException e) {
				throw new UserException("The colour side must be left or right, got '" + colorSide + "'.");
			}
		}
		return o;
	}

	/** "512x256" as {width, height}. */
	static int[] crop(String s) {
		String[] p = s.trim().toLowerCase(Locale.ROOT).split("x");
		if (p.length == 2) {
			try {
				return new int[] { Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()) };
			}
			catch (NumberFormatException e) {
				// fall through to the message
			}
		}
		throw new UserException("The crop takes WIDTHxHEIGHT, e.g. 512x256; got '" + s + "'.");
	}
}
