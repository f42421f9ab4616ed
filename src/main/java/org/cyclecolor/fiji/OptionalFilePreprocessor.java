package org.cyclecolor.fiji;

import java.io.File;

import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;
import org.scijava.widget.InputHarvester;

/**
 * Keeps SciJava's file prompt away from the suite's commands when the one input a macro left out is
 * a file. SciJava's FilePreprocessor (priority just below this one) opens a file chooser whenever a
 * single {@code File} input is unresolved — even an optional one such as Rectify Pair's calibration —
 * and cancels the command with an empty reason when no file comes back (always, headless). For the
 * suite's commands this runs first: an optional file left out keeps its default (none); a required
 * one is asked for with a file chooser when there is a display, and otherwise left to the command,
 * whose own check says which file is missing. A closed chooser cancels with a sentence.
 */
@Plugin(type = PreprocessorPlugin.class, priority = InputHarvester.PRIORITY + 0.75)
public final class OptionalFilePreprocessor extends AbstractPreprocessorPlugin {

	@Parameter(required = false)
	private UIService ui;

	@Override
	public void process(Module module) {
		if (!module.getInfo().getDelegateClassName().startsWith(OptionalFilePreprocessor.class.getPackageName() + ".")) return;
		ModuleItem<File> file = soleUnresolvedFile(module);
		if (file == null) return;
		if (file.isRequired() && ui != null && !ui.isHeadless()) {
			File chosen = ui.chooseFile(file.getValue(module), file.getWidgetStyle());
			if (chosen == null) {
				cancel("No file was chosen for '" + file.getLabel() + "'; run the command again and choose one.");
				return;
			}
			file.setValue(module, chosen);
		}
		module.resolveInput(file.getName());
	}

	/** The one unresolved input when it is a file; null when none, several, or another type is unresolved. */
	@SuppressWarnings("unchecked")
	static ModuleItem<File> soleUnresolvedFile(Module module) {
		ModuleItem<File> found = null;
		for (ModuleItem<?> in : module.getInfo().inputs()) {
			if (module.isInputResolved(in.getName())) continue;
			if (!File.class.isAssignableFrom(in.getType()) || found != null) return null;
			found = (ModuleItem<File>) in;
		}
		return found;
	}
}
