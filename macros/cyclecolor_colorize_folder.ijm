// Cycle Colorization: colorize every mono/colour pair of a folder, with the cycle check.
//
// Layout: <folder>/mono/NAME.ext and <folder>/color/NAME.ext, rectified (Rectify Pairs in a
// Folder... makes them). Writes <output>/NAME-colorized.png (or .tif for 16/32-bit mono images),
// <output>/NAME-cycle-ssim.tif (the cycle SSIM map on Cb and Cr) and a table cycle.csv with each
// pair's cycle SSIM, working scale and colour camera side. The model is loaded once for all
// pairs. Existing files are never overwritten.
//
// Headless (plain ImageJ 1.x or Fiji):
//   java -cp ij.jar:Cycle_Colorization.jar:lib/* ij.ImageJ -batch cyclecolor_colorize_folder.ijm \
//       "folder=[/data/rig] output=[/data/rig/colorized] model=[/models/authors.onnx] max_disparity=auto color_side=auto"
// Without model the model bundled with the suite is used (when this version has one).

argument = getArgument() + " ";
dir = call("ij.Macro.getValue", argument, "folder", "");
model = call("ij.Macro.getValue", argument, "model", "");
if (dir == "") {
	Dialog.create("Colorize Pairs in a Folder");
	Dialog.addDirectory("Folder with mono/ and color/", "");
	Dialog.addFile("Model (.onnx; empty: bundled)", model);
	Dialog.show();
	dir = Dialog.getString();
	model = Dialog.getString();
}
dir = withSlash(dir);
out = withSlash(call("ij.Macro.getValue", argument, "output", dir + "colorized"));
maxDisparity = call("ij.Macro.getValue", argument, "max_disparity", "auto");
side = call("ij.Macro.getValue", argument, "color_side", "auto");
if (!File.isDirectory(dir + "mono") || !File.isDirectory(dir + "color"))
	exit("Cycle Colorization: the folder " + dir + " needs a mono/ and a color/ subfolder with the images of each pair under the same name.");
File.makeDirectory(out);
table = out + "cycle.csv";
if (File.exists(table))
	exit("Cycle Colorization: " + table + " already exists; remove it or choose another output folder.");

lines = "name,cycle_ssim_cbcr,cycle_ssim_rgb,scale,max_disparity,color_side,colorized";
names = getFileList(dir + "mono");
done = 0;
for (i = 0; i < names.length; i++) {
	name = names[i];
	if (endsWith(name, "/") || !File.exists(dir + "color" + File.separator + name))
		continue;
	stem = File.getNameWithoutExtension(name);
	extension = ".png";
	if (endsWith(toLowerCase(name), ".tif") || endsWith(toLowerCase(name), ".tiff"))
		extension = ".tif";
	result = out + stem + "-colorized" + extension;
	options = "gray=[" + dir + "mono" + File.separator + name + "] color=[" + dir + "color" + File.separator + name + "]"
		+ " max_disparity=" + maxDisparity + " color_side=" + side
		+ " output=[" + result + "] map=[" + out + stem + "-cycle-ssim.tif]";
	if (model != "")
		options = options + " model=[" + model + "]";
	summary = call("org.cyclecolor.ij1.Macros.cycleCheck", options);
	List.setList(summary);
	lines = lines + "\n" + stem + "," + d2s(List.getValue("cycle_ssim_cbcr"), 6) + "," + d2s(List.getValue("cycle_ssim_rgb"), 6)
		+ "," + List.get("scale") + "," + List.get("max_disparity") + "," + List.get("color_side") + "," + result;
	print("Colorize: " + name + ": cycle SSIM " + d2s(List.getValue("cycle_ssim_cbcr"), 4) + " (Cb, Cr)");
	done++;
	showProgress(i + 1, names.length);
}
File.saveString(lines + "\n", table);
List.clear();
print("Colorize: " + done + " pairs written to " + out);

function withSlash(path) {
	if (path != "" && !endsWith(path, File.separator) && !endsWith(path, "/"))
		return path + File.separator;
	return path;
}
