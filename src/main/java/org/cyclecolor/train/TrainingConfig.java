package org.cyclecolor.train;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.cyclecolor.UserException;

/**
 * Everything that decides what a training run computes: the objective and its weights, crops,
 * optimizer, seed and length. Two runs with the same configuration, data and initial model give
 * the same weights (on the CPU, with the same number of threads).
 *
 * @param mode self-supervised cycle training or supervised training against ground truth
 * @param structure which structure loss the cycle objective uses (ignored in supervised mode)
 * @param lambdaStructure λ1, weight of L_ss
 * @param lambdaCycle λ2, weight of L_cc
 * @param lambdaSmooth λ3, weight of L_smooth
 * @param trainRefinement train the refinement CNN beside M (cycle mode: on the second-time result
 *        R'_C against R_C; supervised: on the first result against the ground truth)
 * @param cropWidth, cropHeight crop size in working-scale pixels (multiples of 4)
 * @param learningRate RMSProp's learning rate
 * @param seed seeds the crops (and nothing else is random)
 * @param steps the number of steps to reach (a resumed run continues to it)
 * @param checkpointEvery write a checkpoint every this many steps
 * @param shrink the integer factor pairs are shrunk by (block means, as the inference engine
 *        shrinks) before cropping; 0 = per pair, as the inference engine chooses: the smallest
 *        factor at which its largest disparity fits the network's candidates and its width is
 *        about the variant's working width or less (512 px for cyclecnn-guided, 256 for cyclecnn)
 */
public record TrainingConfig(Mode mode, StructureLoss structure, double lambdaStructure, double lambdaCycle, double lambdaSmooth,
	boolean trainRefinement, int cropWidth, int cropHeight, double learningRate, long seed, int steps, int checkpointEvery,
	int shrink)
{

	/** What the network learns from. */
	public enum Mode {
		/** The paper's cycle: real pairs without ground truth (L_ss, L_cc, L_smooth). */
		CYCLE("cycle"),
		/** Chroma against the gray view's ground truth (Dong et al. 2019), synthesized pairs only. */
		SUPERVISED("supervised"),
		/**
		 * The refinement CNN alone against the gray view's ground truth, on the results of a fixed
		 * colorization network: e.g. teaching it to remove the colour camera's noise without
		 * making M blur.
		 */
		REFINEMENT("refinement"),
		/**
		 * Pre-training of the structure-similarity network (paper, "Structure similarity loss"):
		 * registered gray and colour luminance, the colour one randomly warped; target its SSIM map.
		 */
		STRUCTURE_SIMILARITY("ssm");

		private final String key;

		Mode(String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}

		public static Mode fromKey(String key) {
			for (Mode m : values()) if (m.key.equalsIgnoreCase(key.trim())) return m;
			throw new UserException("Unknown training mode '" + key + "'; use cycle, supervised, refinement or ssm.");
		}
	}

	/** The structure term of the cycle objective. */
	public enum StructureLoss {
		/** The paper's L_ss: the pre-trained structure-similarity network. */
		LEARNED("learned"),
		/** The ablation's variant: plain SSIM between the gray image and the first result's luminance. */
		SSIM("ssim"),
		/** No structure term (the ablation's "no structure similarity loss"). */
		NONE("none");

		private final String key;

		StructureLoss(String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}

		public static StructureLoss fromKey(String key) {
			for (StructureLoss s : values()) if (s.key.equalsIgnoreCase(key.trim())) return s;
			throw new UserException("Unknown structure loss '" + key + "'; use learned, ssim or none.");
		}
	}

	/** The paper's settings: cycle mode, learned L_ss, λ = (1, 1, 0.1), RMSProp 1e-3, 256x512 crops. */
	public static TrainingConfig paper() {
		return new TrainingConfig(Mode.CYCLE, StructureLoss.LEARNED, 1, 1, 0.1, true, 512, 256, 1e-3, 1, 10000, 100, 0);
	}

	public TrainingConfig {
		if (mode == null || structure == null) throw new IllegalArgumentException("mode and structure must be given");
		for (double l : new double[] { lambdaStructure, lambdaCycle, lambdaSmooth }) {
			if (!(l >= 0) || Double.isInfinite(l)) throw new UserException("Loss weights must be 0 or positive, got " + l + ".");
		}
		if (cropWidth < 16 || cropHeight < 16 || cropWidth % 4 != 0 || cropHeight % 4 != 0) {
			throw new UserException("The crop size must be at least 16x16 and a multiple of 4 on both sides, got " + cropWidth + "x"
				+ cropHeight + "; e.g. 256x128 or 512x256.");
		}
		if (!(learningRate > 0) || learningRate > 1) throw new UserException("The learning rate must be in (0, 1], got " + learningRate + ".");
		if (steps < 1) throw new UserException("The number of steps must be at least 1, got " + steps + ".");
		if (checkpointEvery < 1) throw new UserException("Checkpoints must be written every 1 or more steps, got " + checkpointEvery + ".");
		if (shrink < 0 || shrink > 16) {
			throw new UserException("The shrink factor must be 1 to 16, or 0 to fit each pair's disparities; got " + shrink + ".");
		}
		if (mode == Mode.CYCLE && lambdaStructure + lambdaCycle + lambdaSmooth == 0) {
			throw new UserException("All loss weights are 0: nothing would be learned; give at least one a positive weight.");
		}
	}

	public TrainingConfig withMode(Mode m) {
		return new TrainingConfig(m, structure, lambdaStructure, lambdaCycle, lambdaSmooth, trainRefinement, cropWidth, cropHeight,
			learningRate, seed, steps, checkpointEvery, shrink);
	}

	public TrainingConfig withStructure(StructureLoss s) {
		return new TrainingConfig(mode, s, lambdaStructure, lambdaCycle, lambdaSmooth, trainRefinement, cropWidth, cropHeight,
			learningRate, seed, steps, checkpointEvery, shrink);
	}

	public TrainingConfig withLambdas(double structureWeight, double cycleWeight, double smoothWeight) {
		return new TrainingConfig(mode, structure, structureWeight, cycleWeight, smoothWeight, trainRefinement, cropWidth, cropHeight,
			learningRate, seed, steps, checkpointEvery, shrink);
	}

	public TrainingConfig withRefinement(boolean train) {
		return new TrainingConfig(mode, structure, lambdaStructure, lambdaCycle, lambdaSmooth, train, cropWidth, cropHeight,
			learningRate, seed, steps, checkpointEvery, shrink);
	}

	public TrainingConfig withCrop(int width, int height) {
		return new TrainingConfig(mode, structure, lambdaStructure, lambdaCycle, lambdaSmooth, trainRefinement, width, height,
			learningRate, seed, steps, checkpointEvery, shrink);
	}

	public TrainingConfig withLearningRate(double lr) {
		return new TrainingConfig(mode, structure, lambdaStructure, lambdaCycle, lambdaSmooth, trainRefinement, cropWidth, cropHeight,
			lr, seed, steps, checkpointEvery, shrink);
	}

	public TrainingConfig withSeed(long s) {
		return new TrainingConfig(mode, structure, lambdaStructure, lambdaCycle, lambdaSmooth, trainRefinement, cropWidth, cropHeight,
			learningRate, s, steps, checkpointEvery, shrink);
	}

	public TrainingConfig withSteps(int n) {
		return new TrainingConfig(mode, structure, lambdaStructure, lambdaCycle, lambdaSmooth, trainRefinement, cropWidth, cropHeight,
			learningRate, seed, n, checkpointEvery, shrink);
	}

	public TrainingConfig withCheckpointEvery(int n) {
		return new TrainingConfig(mode, structure, lambdaStructure, lambdaCycle, lambdaSmooth, trainRefinement, cropWidth, cropHeight,
			learningRate, seed, steps, n, shrink);
	}

	public TrainingConfig withShrink(int s) {
		return new TrainingConfig(mode, structure, lambdaStructure, lambdaCycle, lambdaSmooth, trainRefinement, cropWidth, cropHeight,
			learningRate, seed, steps, checkpointEvery, s);
	}

	/** True when the objective uses the pre-trained structure-similarity network. */
	public boolean needsStructureNetwork() {
		return mode == Mode.CYCLE && structure == StructureLoss.LEARNED && lambdaStructure > 0;
	}

	/** The settings as text (checkpoints, model provenance). */
	public Map<String, String> describe() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("mode", mode.key());
		if (mode == Mode.CYCLE) {
			m.put("structure_loss", structure.key());
			m.put("lambdas", String.format(Locale.ROOT, "ss=%s cc=%s smooth=%s", num(lambdaStructure), num(lambdaCycle), num(lambdaSmooth)));
		}
		m.put("train_refinement", Boolean.toString(trainRefinement));
		m.put("crop", cropWidth + "x" + cropHeight);
		m.put("optimizer", "RMSProp lr=" + num(learningRate) + " rho=" + RmsProp.RHO + " eps=" + RmsProp.EPS + ", batch 1");
		m.put("seed", Long.toString(seed));
		m.put("steps", Integer.toString(steps));
		m.put("checkpoint_every", Integer.toString(checkpointEvery));
		m.put("shrink", shrink == 0 ? "auto (disparities fit, about the working width)" : Integer.toString(shrink));
		return m;
	}

	private static String num(double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
	}
}
