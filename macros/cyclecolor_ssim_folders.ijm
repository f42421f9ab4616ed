// Cycle Colorization: SSIM maps of two folders of images, pair by pair.
//
// For every image in the first folder that has a file of the same name in the second folder,
// writes <name>-ssim.tif (the SSIM map) to the output folder, and a table ssim.csv with the
// mean SSIM of each pair. Existing files are never overwritten (remove them, or pick a new
// output folder).
//
// In ImageJ/Fiji: Plugins > Cycle Colorization > Macros > SSIM Maps of Two Folders... (asks for
// the folders). Headless:
//   java -cp ij.jar:Cycle_Colorization.jar:lib/* ij.ImageJ -batch cyclecolor_ssim_folders.ijm \
//       "first=[/data/results] second=[/data/truth] output=[/data/ssim] mode=cbcr"
// mode: luminance (default), rgb, cbcr, r, g, b, cb, cr.

argument = getArgument() + " ";
first = call("ij.Macro.getValue", argument, "first", "");
second = call("ij.Macro.getValue", argument, "second", "");
output = call("ij.Macro.getValue", argument, "output", "");
mode = call("ij.Macro.getValue", argument, "mode", "luminance");
if (first == "" || second == "" || output == "") {
	Dialog.create("SSIM Maps of Two Folders");
	Dialog.addDirectory("First folder", first);
	Dialog.addDirectory("Second folder", second);
	Dialog.addDirectory("Output folder", output);
	Dialog.addChoice("Channels", newArray("luminance", "rgb", "cbcr", "r", "g", "b", "cb", "cr"), mode);
	Dialog.show();
	first = Dialog.getString();
	second = Dialog.getString();
	output = Dialog.getString();
	mode = Dialog.getChoice();
}
first = withSlash(first);
second = withSlash(second);
output = withSlash(output);
if (!File.isDirectory(first) || !File.isDirectory(second))
	exit("Cycle Colorization: the folders " + first + " and " + second + " must both exist.");
File.makeDirectory(output);
table = output + "ssim.csv";
if (File.exists(table))
	exit("Cycle Colorization: " + table + " already exists; remove it or choose another output folder.");

lines = "name,ssim,mode,data_range,map";
files = getFileList(first);
count = 0;
for (i = 0; i < files.length; i++) {
	name = files[i];
	if (!isImage(name) || !File.exists(second + name))
		continue;
	map = output + File.getNameWithoutExtension(name) + "-ssim.tif";
	result = call("org.cyclecolor.ij1.Macros.ssimMap", "image1=[" + first + name + "] image2=[" + second + name
		+ "] mode=" + mode + " output=[" + map + "]");
	List.setList(result);
	lines = lines + "\n" + name + "," + d2s(List.getValue("ssim"), 6) + "," + mode + "," + List.get("data_range") + "," + map;
	count++;
	showProgress(i + 1, files.length);
}
File.saveString(lines + "\n", table);
List.clear();
print("SSIM of " + count + " image pairs written to " + table);

function withSlash(path) {
	if (path != "" && !endsWith(path, File.separator) && !endsWith(path, "/"))
		return path + File.separator;
	return path;
}

function isImage(name) {
	lower = toLowerCase(name);
	extensions = newArray(".png", ".tif", ".tiff", ".jpg", ".jpeg", ".bmp", ".pgm", ".ppm");
	for (k = 0; k < extensions.length; k++)
		if (endsWith(lower, extensions[k]))
			return true;
	return false;
}
