package org.cyclecolor.cli;

import org.cyclecolor.train.TrainingConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cyclecolor pretrain-ssm}: pre-train the structure-similarity network of the structure loss. */
@Command(name = "pretrain-ssm", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class, sortOptions = false,
	usageHelpAutoWidth = true, header = "Pre-train the structure-similarity network that the learned structure loss uses.",
	description = { "The paper's protocol: registered gray and colour images (here: each synthesized pair's gray image and its true "
		+ "colour, recorded by the dataset's colour camera and noise), the colour luminance warped by a random map (seeds of "
		+ "1x1 to 5x5 values of variance 1, 5, 10, 20 or 40 px², interpolated bicubically), and the SSIM map of the two as "
		+ "the target, L1 loss. The model written holds the pre-trained network (and the starting model's other networks, "
		+ "unchanged); give it to 'train --ssm'.", "" },
	footer = { "", "Example:", "  cyclecolor pretrain-ssm photos/ --preset camera --steps 3000 -o ssm.onnx", "",
		"Exit codes: 0 done, 2 wrong command line, 3 input to fix (message says how), 1 unexpected, 130 cancelled (checkpoint kept)." })
public final class PretrainSsmCommand extends TrainingCommandBase {

	@Option(names = "--init", paramLabel = "MODEL", defaultValue = "scratch",
		description = "Put the pre-trained network into a copy of this model (.onnx), or 'scratch' (default: ${DEFAULT-VALUE}).")
	private String initModel;

	@Option(names = "--crop", paramLabel = "WxH", defaultValue = "128x128",
		description = "Crop size, multiples of 4 (default: ${DEFAULT-VALUE}).")
	private String crop;

	@Override
	TrainingConfig config() {
		int[] wh = parseCrop(crop);
		return new TrainingConfig(TrainingConfig.Mode.STRUCTURE_SIMILARITY, TrainingConfig.StructureLoss.NONE, 0, 0, 0, false, wh[0],
			wh[1], learningRate, seed, steps == null ? 2000 : steps, checkpointEvery, shrinkFactor());
	}

	@Override
	String init() {
		return initModel;
	}
}
