package org.cyclecolor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cyclecolor.pipeline.CheckpointExport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cyclecolor export-checkpoint}: the model of a training checkpoint, without training further. */
@Command(name = "export-checkpoint", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
	sortOptions = false, usageHelpAutoWidth = true, header = "Write the model held by a training checkpoint (.ckpt) as an ONNX model.",
	description = { "For a run that is still going, was stopped, or whose model should be packaged with another structure-similarity "
		+ "network. The checkpoint's record of the run (command, data, steps, losses, wall time, versions) goes into the model's "
		+ "metadata; the model is written only after ONNX Runtime was checked to compute what the trainer computes.", "" },
	footer = { "", "Examples:", "  cyclecolor export-checkpoint runs/rig.ckpt -o rig-step800.onnx",
		"  cyclecolor export-checkpoint runs/supervised.ckpt --ssm runs/ssm.ckpt -o default.onnx", "",
		"Exit codes: 0 done, 2 wrong command line, 3 input to fix (message says how), 1 unexpected." })
public final class ExportCheckpointCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "CHECKPOINT", description = "The training checkpoint (.ckpt).")
	private Path checkpoint;

	@Mixin
	private ModelOutputOptions model;

	@Option(names = "--ssm", paramLabel = "FILE",
		description = "Include the structure-similarity network of this model or checkpoint (made by pretrain-ssm), or of a "
			+ "bundled model (default, cyclecnn).")
	private Path ssm;

	@Option(names = "--relative-to", paramLabel = "DIR", split = ",",
		description = "Name every file and folder of the run's record relative to these folders (e.g. the data root), and refuse a "
			+ "record that still holds an absolute path: for models shared with others.")
	private List<Path> relativeTo = new ArrayList<>();

	@Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "Threads for the parity check, 0 = one per core.")
	private int threads;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		return model.run(spec, "export-checkpoint", new CheckpointExport(checkpoint, model.output).structureNetwork(ssm)
			.relativeTo(relativeTo).overwrite(model.overwrite).threads(threads)::run, s -> String.format(Locale.ROOT,
				"Wrote %s (%s, step %s of %s, networks %s, %d bytes).%n", s.get("model"), s.get("variant"), s.get("step"),
				s.get("target_steps"), s.get("networks"), (Long) s.get("bytes")));
	}
}
