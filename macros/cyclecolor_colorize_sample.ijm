// Cycle Colorization: colorize the bundled sample pair and check the result.
//
// Uses the sample pair if it is open (File > Open Samples), else opens it from the plugin jar
// (its colour camera is on the right, the largest disparity 40 px). Shows the colorized mono
// image and the cycle SSIM map, and prints the cycle SSIM; with the argument output=[file.png]
// it writes the colorized image instead (never over an existing file).
//
// In ImageJ/Fiji: Plugins > Cycle Colorization > Macros > Colorize the Sample Pair... (asks for a
// model unless the suite bundles one). Headless:
//   java -cp ij.jar:Cycle_Colorization.jar:lib/* ij.ImageJ -batch cyclecolor_colorize_sample.ijm \
//       "model=[/models/authors.onnx] output=[/tmp/sample-colorized.png]"

argument = getArgument() + " ";
model = call("ij.Macro.getValue", argument, "model", "");
output = call("ij.Macro.getValue", argument, "output", "");
if (model == "" && argument == " ") {
	Dialog.create("Colorize the Sample Pair");
	Dialog.addFile("Model (.onnx; empty: bundled)", "");
	Dialog.show();
	model = Dialog.getString();
}
mono = "sample-mono.png";
colour = "sample-color.png";
if (!isOpen(mono) || !isOpen(colour)) {
	samples = call("org.cyclecolor.ij1.Macros.openSamples", "which=pair");
	List.setList(samples);
	mono = List.get("image1");
	colour = List.get("image2");
}
options = "gray=[" + mono + "] color=[" + colour + "] max_disparity=40 color_side=right";
if (model != "")
	options = options + " model=[" + model + "]";
if (output != "")
	options = options + " output=[" + output + "] map=[" + File.getDirectory(output) + File.getNameWithoutExtension(output) + "-cycle-ssim.tif]";
summary = call("org.cyclecolor.ij1.Macros.cycleCheck", options);
List.setList(summary);
print("Colorized " + mono + " with " + colour + " (" + List.get("variant") + ", working scale 1/" + List.get("scale") + "): cycle SSIM "
	+ d2s(List.getValue("cycle_ssim_cbcr"), 4) + " on Cb, Cr; " + d2s(List.getValue("cycle_ssim_rgb"), 4) + " on RGB");
if (output != "")
	print("Colorized image written to " + output);
List.clear();
