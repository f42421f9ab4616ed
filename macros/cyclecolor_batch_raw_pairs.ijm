// Cycle Colorization: from raw mono/colour pairs to checked results, for a whole folder.
//
// For every pair <folder>/mono/NAME.ext + <folder>/color/NAME.ext (straight from the cameras, not
// rectified): Rectify Pair (cropped to the area both images see), Colorize, Cycle Check. Writes
// into <output>/ (default <folder>/results/): NAME-gray-rectified.tif, NAME-color-rectified.png,
// NAME-rectification.png (the matches and rows), NAME-colorized.png, NAME-cycle-ssim.tif, and a
// table results.csv with each pair's rectification numbers and cycle SSIM. A pair that fails is
// listed in the table with its reason and the others go on. Existing files are never overwritten.
//
// Headless (plain ImageJ 1.x or Fiji):
//   java -cp ij.jar:Cycle_Colorization.jar:lib/* ij.ImageJ -batch cyclecolor_batch_raw_pairs.ijm \
//       "folder=[/data/rig] output=[/data/rig/results] model=[/models/authors.onnx] max_disparity=auto color_side=auto"
// Without model the model bundled with the suite is used (when this version has one).

argument = getArgument() + " ";
dir = call("ij.Macro.getValue", argument, "folder", "");
model = call("ij.Macro.getValue", argument, "model", "");
if (dir == "") {
	Dialog.create("Colorize Raw Pairs in a Folder");
	Dialog.addDirectory("Folder with mono/ and color/", "");
	Dialog.addFile("Model (.onnx; empty: bundled)", model);
	Dialog.show();
	dir = Dialog.getString();
	model = Dialog.getString();
}
dir = withSlash(dir);
out = withSlash(call("ij.Macro.getValue", argument, "output", dir + "results"));
maxDisparity = call("ij.Macro.getValue", argument, "max_disparity", "auto");
side = call("ij.Macro.getValue", argument, "color_side", "auto");
if (!File.isDirectory(dir + "mono") || !File.isDirectory(dir + "color"))
	exit("Cycle Colorization: the folder " + dir + " needs a mono/ and a color/ subfolder with the images of each pair under the same name.");
File.makeDirectory(out);
table = out + "results.csv";
if (File.exists(table))
	exit("Cycle Colorization: " + table + " already exists; remove it or choose another output folder.");

lines = "name,inliers,vertical_error_median_px,color_side,cycle_ssim_cbcr,cycle_ssim_rgb,scale,max_disparity,colorized,problem";
names = getFileList(dir + "mono");
done = 0;
for (i = 0; i < names.length; i++) {
	name = names[i];
	if (endsWith(name, "/") || !File.exists(dir + "color" + File.separator + name))
		continue;
	stem = File.getNameWithoutExtension(name);
	gray = out + stem + "-gray-rectified.tif";
	color = out + stem + "-color-rectified.png";
	rectify = "gray=[" + dir + "mono" + File.separator + name + "] color=[" + dir + "color" + File.separator + name + "]"
		+ " frame=crop color_side=" + side + " out_gray=[" + gray + "] out_color=[" + color + "]"
		+ " diagnostic=[" + out + stem + "-rectification.png]";
	report = tryCall("rectify", rectify);
	if (startsWith(report, "error=")) {
		lines = lines + "\n" + stem + ",,,,,,,,," + csv(substring(report, 6));
		print("Colorize raw pairs: " + name + ": " + substring(report, 6));
		continue;
	}
	List.setList(report);
	inliers = List.get("inliers");
	vertical = List.get("vertical_error_median_px");
	rectifiedSide = List.get("color_side");
	result = out + stem + "-colorized.png";
	check = "gray=[" + gray + "] color=[" + color + "] max_disparity=" + maxDisparity + " color_side=" + rectifiedSide
		+ " output=[" + result + "] map=[" + out + stem + "-cycle-ssim.tif]";
	if (model != "")
		check = check + " model=[" + model + "]";
	summary = tryCall("cycleCheck", check);
	if (startsWith(summary, "error=")) {
		lines = lines + "\n" + stem + "," + inliers + "," + vertical + "," + rectifiedSide + ",,,,,," + csv(substring(summary, 6));
		print("Colorize raw pairs: " + name + ": " + substring(summary, 6));
		continue;
	}
	List.setList(summary);
	lines = lines + "\n" + stem + "," + inliers + "," + vertical + "," + rectifiedSide + "," + d2s(List.getValue("cycle_ssim_cbcr"), 6)
		+ "," + d2s(List.getValue("cycle_ssim_rgb"), 6) + "," + List.get("scale") + "," + List.get("max_disparity") + "," + result + ",";
	print("Colorize raw pairs: " + name + ": " + inliers + " inliers, cycle SSIM " + d2s(List.getValue("cycle_ssim_cbcr"), 4) + " (Cb, Cr)");
	done++;
	showProgress(i + 1, names.length);
}
File.saveString(lines + "\n", table);
List.clear();
print("Colorize raw pairs: " + done + " pairs written to " + out);

// Runs a facade function; a mistake in one pair comes back as "error=<sentence>" instead of stopping the macro.
function tryCall(name, options) {
	return call("org.cyclecolor.ij1.Macros.attempt", name, options);
}

function csv(text) {
	return "\"" + replace(text, "\"", "'") + "\"";
}

function withSlash(path) {
	if (path != "" && !endsWith(path, File.separator) && !endsWith(path, "/"))
		return path + File.separator;
	return path;
}
