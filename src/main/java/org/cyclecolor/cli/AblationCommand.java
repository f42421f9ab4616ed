package org.cyclecolor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.cyclecolor.pipeline.AblationOperation;
import org.cyclecolor.train.TrainingConfig;
import org.cyclecolor.train.TrainingEvent;
import org.cyclecolor.train.TrainingListener;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cyclecolor ablation}: the paper's Table 4 variants at a small budget. */
@Command(name = "ablation", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class, sortOptions = false,
	usageHelpAutoWidth = true, header = "Fine-tune with each cycle loss left out in turn and compare the second-time SSIM (Table 4).",
	description = { "Trains the same starting model in cycle mode five times, with the same seed and crops: the full objective "
		+ "(L_ss + L_cc + 0.1 L_smooth), without L_cc, without L_ss, without L_smooth, and with SSIM as L_ss. Then measures "
		+ "each model's second-time colorization (there and back, network M only) against the colour images: the mean SSIM "
		+ "of Cb and Cr. Without a pre-trained structure-similarity network (--ssm) the full objective uses SSIM as L_ss "
		+ "and that row is not run twice. Models, checkpoints, loss logs and ablation.csv go into the output folder.", "" },
	footer = { "", "Example:", "  cyclecolor ablation /data/rig --color-side left --init rig.onnx --ssm ssm.onnx --steps 100 -o ablation/",
		"", "Exit codes: 0 done, 2 wrong command line, 3 input to fix (message says how), 1 unexpected, 130 cancelled." })
public final class AblationCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "DATASET", description = "Training data (as for train).")
	private List<Path> datasets;

	@Option(names = { "-o", "--output" }, paramLabel = "FOLDER", required = true, description = "Folder for the variants' models and ablation.csv.")
	private Path output;

	@Option(names = "--eval", paramLabel = "DATASET", description = "Measure on these pairs instead of the training pairs (repeatable).")
	private List<Path> evaluation = new ArrayList<>();

	@Option(names = "--init", paramLabel = "MODEL", description = "Starting model (.onnx), a bundled one (default, cyclecnn), or 'scratch' "
		+ "(default: the shipped default model).")
	private String init;

	@Option(names = "--ssm", paramLabel = "MODEL", description = "A model with a pre-trained structure-similarity network (pretrain-ssm; default: the "
		+ "starting model's, else the default model's).")
	private Path ssm;

	@Option(names = "--crop", paramLabel = "WxH", defaultValue = "96x48", description = "Crop size (default: ${DEFAULT-VALUE}).")
	private String crop;

	@Option(names = "--steps", paramLabel = "N", defaultValue = "80", description = "Steps per variant (default: ${DEFAULT-VALUE}).")
	private int steps;

	@Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "0.001", description = "RMSProp learning rate (default: ${DEFAULT-VALUE}).")
	private double learningRate;

	@Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seeds the crops (default: ${DEFAULT-VALUE}).")
	private long seed;

	@Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "PyTorch threads, 0 = one per core (default: ${DEFAULT-VALUE}).")
	private int threads;

	@Mixin
	private DatasetOptionsMixin data;

	@Option(names = "--overwrite", description = "Replace the variants' files and ablation.csv in the folder.")
	private boolean overwrite;

	@Option(names = "--json", description = "Print a JSON summary on standard output (messages go to standard error).")
	private boolean json;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		int[] wh = TrainingCommandBase.parseCrop(crop);
		TrainingConfig c = TrainingConfig.paper().withCrop(wh[0], wh[1]).withSteps(steps).withSeed(seed).withLearningRate(learningRate)
			.withCheckpointEvery(Math.max(1, steps));
		ConsoleProgress progress = new ConsoleProgress(System.err, json).cancelOnInterrupt(TrainingCommandBase.TRAINING_GRACE_SECONDS);
		try {
			List<AblationOperation.Row> rows = new AblationOperation(datasets, evaluation, data.options(), output).config(c).init(init)
				.structureNetwork(ssm).threads(threads).overwrite(overwrite).run(progress, new TrainingListener() {
					@Override
					public void onStep(TrainingEvent e) {
						if (e.step() % 20 == 0 || e.step() == e.steps()) progress.log("  " + e.summary());
					}
				});
			progress.done();
			PrintWriter out = spec.commandLine().getOut();
			if (json) {
				Map<String, Object> s = JsonOutput.header("ablation");
				s.put("folder", output.toAbsolutePath().toString());
				List<Map<String, Object>> list = new ArrayList<>();
				for (AblationOperation.Row r : rows) {
					Map<String, Object> m = new LinkedHashMap<>();
					m.put("variant", r.variant() == null ? "start" : r.variant().key);
					m.put("objective", r.objective());
					m.put("second_time_ssim", r.secondTimeSsim());
					m.put("final_losses", r.finalLosses());
					m.put("wall_seconds", r.wallSeconds());
					list.add(m);
				}
				s.put("rows", list);
				JsonOutput.print(out, s);
			}
			else {
				out.print(AblationOperation.table(rows));
				out.printf(Locale.ROOT, "(%d steps of %s crops per variant; files in %s)%n", steps, crop, output);
				out.flush();
			}
			return ExitCode.OK;
		}
		finally {
			progress.done();
		}
	}
}
