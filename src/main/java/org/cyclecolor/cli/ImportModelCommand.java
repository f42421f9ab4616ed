package org.cyclecolor.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cyclecolor.pipeline.ImportAuthorsModel;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cyclecolor import-model}: the Cycle-CNN authors' released Keras weights to an ONNX model. */
@Command(name = "import-model", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
	sortOptions = false, usageHelpAutoWidth = true,
	header = "Import the Cycle-CNN authors' released weights (Keras HDF5) as an ONNX model.",
	description = { "Reads the authors' s0.h5 (github.com/bupt-wx/Colorization-Towards-Real-Monochrome-Color-Camera-Systems, "
		+ "model/s0.h5, MIT licence) and writes an ONNX model of variant authors-aaai20: studio-range YCbCr, 48 candidates, "
		+ "images rotated by 180 degrees for a colour camera on the left, as the authors ran it. The written model is read "
		+ "back and run once to check it.", "" },
	footer = { "", "Example:", "  cyclecolor import-model s0.h5 -o authors.onnx --json", "",
		"Exit codes: 0 done, 2 wrong command line, 3 input to fix (message says how), 1 unexpected, 130 cancelled." })
public final class ImportModelCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "WEIGHTS", description = "The authors' Keras weights file (s0.h5 or shared_cost_weight.hdf5).")
	private Path weights;

	@Mixin
	private ModelOutputOptions model;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		return model.run(spec, "import-model", new ImportAuthorsModel(weights, model.output).overwrite(model.overwrite)::run,
			s -> String.format(Locale.ROOT, "Wrote %s: variant %s, %d parameters, %d candidates, %s-range YCbCr (%.1f s).%n",
				s.get("model"), s.get("variant"), (Integer) s.get("parameters"), (Integer) s.get("candidates"), s.get("color_range"),
				(Double) s.get("seconds")));
	}
}
