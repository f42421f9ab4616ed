package org.cyclecolor.ij1;

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.plugin.PlugIn;

import org.cyclecolor.Citation;
import org.cyclecolor.UserException;
import org.cyclecolor.Version;
import org.cyclecolor.infer.BundledModel;
import org.cyclecolor.infer.ModelDescription;

/** Help &gt; About Plugins &gt; Cycle Colorization: what the suite is, its version, how to cite it. */
public final class About implements PlugIn {

	/** The text shown (plain text; the dialog shows it as is). */
	public static String text() {
		return "Cycle Colorization " + Version.get() + "\n\n"
			+ "Colorizes the image of a monochrome camera with the image of a colour camera beside it,\n"
			+ "with the Cycle-CNN method, and checks the result without ground truth (cycle SSIM maps).\n"
			+ "Commands: Plugins > Cycle Colorization. Sample pair: File > Open Samples.\n"
			+ "Macros: call(\"org.cyclecolor.ij1.Macros.ssimMap\", \"image1=[...] image2=[...]\").\n"
			+ "Command line: java -jar Cycle_Colorization-" + Version.get() + ".jar --help\n\n"
			+ wrap(defaultModel(), 90) + "\n\n"
			+ "If you use it in your research, please cite:\n" + wrap(Citation.TEXT, 90) + "\n\n"
			+ "MIT License. https://github.com/cyclecolor/Cycle_Colorization";
	}

	/** The model colorization uses when none is chosen, named as results name it, with its provenance. */
	static String defaultModel() {
		try {
			ModelDescription d = BundledModel.description();
			if (d == null) return "Default model: none in this build; choose a model file (.onnx).";
			return "Default model (used when none is chosen): " + d.name() + ", " + d.variant() + ", " + d.version() + "; "
				+ d.training() + ".";
		}
		catch (UserException e) {
			return "Default model: " + e.getMessage();
		}
	}

	@Override
	public void run(String arg) {
		if (GraphicsEnvironment.isHeadless()) IJ.log(text());
		else IJ.showMessage("About Cycle Colorization", text());
	}

	private static String wrap(String s, int width) {
		StringBuilder out = new StringBuilder();
		int col = 0;
		for (String word : s.split(" ")) {
			if (col > 0 && col + word.length() + 1 > width) {
				out.append('\n');
				col = 0;
			}
			else if (col > 0) {
				out.append(' ');
				col++;
			}
			out.append(word);
			col += word.length();
		}
		return out.toString();
	}
}
