// Cycle Colorization: evaluate colorization methods on a dataset folder.
//
// Runs each method on each scene and scores it (first time against the ground truth where the
// dataset has one, second time - the cycle - against the colour image), and writes scenes.csv,
// summary.csv, report.md, plots/*.png and sheets/<scene>.png to the output folder. Existing
// files are never overwritten (pick a new output folder). Prints each method's means.
//
// In ImageJ/Fiji: Plugins > Cycle Colorization > Macros > Evaluate Methods on a Dataset... (asks for
// the folders). Headless:
//   java -cp ij.jar:Cycle_Colorization.jar:lib/* ij.ImageJ -batch cyclecolor_evaluate.ijm \
//       "dataset=[/data/stereo] output=[/data/eval] methods=[unwarped,welsh,stereo-levin] preset=noisy include=[mb2005-*]"
// methods: unwarped, welsh, stereo-levin, authors-output; preset: clean (default) or noisy.

argument = getArgument() + " ";
dataset = call("ij.Macro.getValue", argument, "dataset", "");
output = call("ij.Macro.getValue", argument, "output", "");
methods = call("ij.Macro.getValue", argument, "methods", "unwarped,welsh,stereo-levin");
preset = call("ij.Macro.getValue", argument, "preset", "clean");
include = call("ij.Macro.getValue", argument, "include", "");
if (dataset == "" || output == "") {
	Dialog.create("Evaluate Methods on a Dataset");
	Dialog.addDirectory("Dataset folder", dataset);
	Dialog.addDirectory("Output folder", output);
	Dialog.addString("Methods (comma-separated)", methods, 30);
	Dialog.addChoice("Cameras and noise", newArray("clean", "noisy"), preset);
	Dialog.addString("Scenes (patterns; empty = all)", include, 30);
	Dialog.show();
	dataset = Dialog.getString();
	output = Dialog.getString();
	methods = Dialog.getString();
	preset = Dialog.getChoice();
	include = Dialog.getString();
}
options = "dataset=[" + dataset + "] output=[" + output + "] methods=[" + methods + "] preset=" + preset;
if (include != "")
	options = options + " include=[" + include + "]";
result = call("org.cyclecolor.ij1.Macros.evaluate", options);
List.setList(result);
print("Evaluated " + List.get("methods") + " on " + List.getValue("scenes") + " scene(s); "
	+ List.getValue("skipped") + " broken item(s) skipped.");
names = split(List.get("methods"), ",");
for (i = 0; i < names.length; i++) {
	m = names[i];
	line = "  " + m + ": " + List.getValue(m + "_ok") + " ok, " + List.getValue(m + "_failed") + " failed";
	line = line + described(m, "cbcr_ssim", "first-time Cb/Cr SSIM") + described(m, "cycle_cbcr_ssim", "second-time Cb/Cr SSIM");
	print(line);
}
print("Report: " + List.get("report"));
List.clear();

// ", <label> <value>" when the result has the value, else nothing.
function described(method, key, label) {
	value = List.get(method + "_" + key);
	if (value == "")
		return "";
	return ", " + label + " " + d2s(parseFloat(value), 4);
}
