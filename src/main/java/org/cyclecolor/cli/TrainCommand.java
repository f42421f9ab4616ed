package org.cyclecolor.cli;

import java.nio.file.Path;

import org.cyclecolor.UserException;
import org.cyclecolor.pipeline.TrainOperation;
import org.cyclecolor.train.TrainingConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cyclecolor train}: train or fine-tune the colorization network on pairs, with the cycle losses or supervised. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class, sortOptions = false,
	usageHelpAutoWidth = true, header = "Train or fine-tune the colorization network (cycle losses on real pairs, or supervised).",
	description = { "Cycle mode (the paper's, default) learns from mono/colour pairs without ground truth: it colorizes twice, there "
		+ "and back, and compares the reconstruction with the colour image (L = 1 L_ss + 1 L_cc + 0.1 L_smooth). Supervised mode "
		+ "learns chroma from synthesized pairs' ground truth. Each pair is shrunk as colorization shrinks it (its disparities "
		+ "fit the network's candidates, about its working width: 512 px for cyclecnn-guided, 256 for cyclecnn); random crops; RMSProp. A checkpoint is written every --checkpoint-every steps and when the run ends "
		+ "(Ctrl+C keeps it; --resume continues exactly). The model is written only after ONNX Runtime was checked to compute "
		+ "what the trainer computed.", "" },
	footer = { "", "Examples:", "  cyclecolor train /data/rig --color-side left -o rig.onnx --steps 2000",
		"  cyclecolor train /data/rig --color-side left -o rig.onnx --steps 4000 --resume",
		"  cyclecolor train stereo/ photos/ --mode supervised --init scratch --preset noisy -o synth.onnx", "",
		"Exit codes: 0 done, 2 wrong command line, 3 input to fix (message says how), 1 unexpected, 130 cancelled (checkpoint kept)." })
public final class TrainCommand extends TrainingCommandBase {

	@Option(names = "--mode", paramLabel = "MODE", defaultValue = "cycle",
		description = "cycle (no ground truth needed), supervised (synthesized pairs), or refinement (the refinement network "
			+ "alone, supervised, on a fixed colorization network's results) (default: ${DEFAULT-VALUE}).")
	private String mode;

	@Option(names = "--init", paramLabel = "MODEL", description = "Start from this model (.onnx), a bundled one (default, cyclecnn), "
		+ "or 'scratch' for fresh weights (default: the shipped default model).")
	private String initModel;

	@Option(names = "--ssm", paramLabel = "MODEL", description = "Take the structure-similarity network from this model or checkpoint "
		+ "(made by pretrain-ssm; default: the starting model's, else the default model's).")
	private Path ssm;

	@Option(names = "--structure-loss", paramLabel = "KIND", defaultValue = "learned",
		description = "learned (the pre-trained structure-similarity network), ssim, or none (default: ${DEFAULT-VALUE}).")
	private String structureLoss;

	@Option(names = "--lambda", paramLabel = "SS,CC,SMOOTH", split = ",", defaultValue = "1,1,0.1",
		description = "Weights of L_ss, L_cc and L_smooth (default: ${DEFAULT-VALUE}).")
	private double[] lambda;

	@Option(names = "--no-refinement", description = "Do not train the refinement CNN.")
	private boolean noRefinement;

	@Option(names = "--crop", paramLabel = "WxH", defaultValue = "512x256",
		description = "Crop size after shrinking, multiples of 4 (default: ${DEFAULT-VALUE}, the paper's).")
	private String crop;

	@Override
	TrainingConfig config() {
		TrainingConfig.Mode m = TrainingConfig.Mode.fromKey(mode);
		if (m == TrainingConfig.Mode.STRUCTURE_SIMILARITY) {
			throw new UserException("The structure-similarity network is pre-trained by its own command, pretrain-ssm.");
		}
		if (lambda.length != 3) throw new UserException("--lambda takes three weights SS,CC,SMOOTH, e.g. 1,1,0.1; got " + lambda.length + ".");
		int[] wh = parseCrop(crop);
		return new TrainingConfig(m, TrainingConfig.StructureLoss.fromKey(structureLoss), lambda[0], lambda[1], lambda[2],
			!noRefinement, wh[0], wh[1], learningRate, seed, steps == null ? 2000 : steps, checkpointEvery, shrinkFactor());
	}

	@Override
	String init() {
		return initModel;
	}

	@Override
	TrainOperation configure(TrainOperation op) {
		return op.structureNetwork(ssm);
	}
}
