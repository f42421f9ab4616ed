// Cycle Colorization: fine-tune the colorization network on your own rig's pairs.
//
// The paper's self-supervised training: no ground truth is needed, only a folder with mono/ and
// color/ sub-folders holding the two cameras' images under matching names. The network colorizes
// each pair there and back and learns from how well the colour image is reconstructed. The model
// is written with its loss log (-losses.csv), loss plot (-losses.png) and checkpoint (.ckpt)
// beside it; a run that is stopped can be continued with "resume".
//
// In ImageJ/Fiji: Plugins > Cycle Colorization > Macros > Train on Pairs (asks for the folder and
// the model name). Headless, with any option of the train function (docs/commands/train.md):
//   java -cp ij.jar:Cycle_Colorization.jar:lib/* ij.ImageJ -batch cyclecolor_train_pairs.ijm \
//     "data=[/data/rig] output=[/data/rig.onnx] color_side=left steps=500"

args = getArgument();
if (args == "") {
	data = getDirectory("Pairs folder (with mono/ and color/)");
	Dialog.create("Train on Pairs");
	Dialog.addString("Model to write (.onnx)", data + "rig.onnx", 40);
	Dialog.addChoice("Colour camera side", newArray("left", "right"), "left");
	Dialog.addNumber("Steps", 500);
	Dialog.addString("Crop (WxH)", "256x128");
	Dialog.show();
	args = "data=[" + data + "] output=[" + Dialog.getString() + "] color_side=" + Dialog.getChoice()
		+ " steps=" + Dialog.getNumber() + " crop=" + Dialog.getString();
}
// Defaults for a first fine-tuning run of a few minutes; any option given wins.
if (indexOf(args, "steps=") < 0)
	args = args + " steps=500";
if (indexOf(args, "crop=") < 0)
	args = args + " crop=256x128";
// The structure loss is the paper's learned one: the structure-similarity network shipped in the
// default model, unless ssm=[model from pretrain-ssm] names another or structure_loss=ssim|none.
result = call("org.cyclecolor.ij1.Macros.train", args);
List.setList(result);
print("Trained " + List.get("steps") + " steps (" + List.get("ending") + ") on " + List.get("pairs") + " pairs: "
	+ List.get("model"));
print("Structure loss: " + List.get("structure_network"));
print("Mean loss of the last steps: " + d2s(List.getValue("loss_total"), 4) + "; curves in " + List.get("plot"));
List.clear();
