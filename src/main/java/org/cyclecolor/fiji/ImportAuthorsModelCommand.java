package org.cyclecolor.fiji;

import java.io.File;
import java.util.Locale;
import java.util.Map;

import org.cyclecolor.pipeline.ImportAuthorsModel;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins &gt; Cycle Colorization &gt; Import Authors' Model...: the Cycle-CNN authors' released
 * Keras weights ({@code s0.h5}) to an ONNX model that Colorize... and Cycle Check... can use.
 * <p>
 * Macro: {@code run("Import Authors' Model...", "weights=/path/s0.h5 output=/path/authors.onnx overwrite");}
 */
@Plugin(type = Command.class, headless = true, menu = { @Menu(label = MenuOrder.PLUGINS), @Menu(label = MenuOrder.SUITE),
	@Menu(label = "Import Authors' Model...", weight = MenuOrder.IMPORT_AUTHORS_MODEL) },
	description = "Import the Cycle-CNN authors' released weights (Keras HDF5) as an ONNX model")
public final class ImportAuthorsModelCommand extends SuiteCommand {

	@Parameter(label = "Authors' weights (s0.h5)", style = "open,extensions:h5/hdf5", persist = false,
		description = "model/s0.h5 from github.com/bupt-wx/Colorization-Towards-Real-Monochrome-Color-Camera-Systems")
	private File weights = new File("s0.h5");

	@Parameter(label = "ONNX model to write", style = "save,extensions:onnx", persist = false)
	private File output = new File("authors-aaai20.onnx");

	@Parameter(label = "Replace an existing model", persist = false)
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Model written")
	private String model;

	@Override
	String title() {
		return "Import Authors' Model";
	}

	@Override
	void work(StatusProgress progress) {
		Map<String, Object> s = new ImportAuthorsModel(weights.toPath(), output.toPath()).overwrite(overwrite).run(progress);
		model = (String) s.get("model");
		log.info(String.format(Locale.ROOT, "Import Authors' Model: wrote %s (variant %s, %d parameters, %s-range YCbCr)", model,
			s.get("variant"), (Integer) s.get("parameters"), s.get("color_range")));
	}
}
