// Cycle Colorization: rectify every mono/colour pair of a folder.
//
// Layout: <folder>/mono/NAME.ext and <folder>/color/NAME.ext (the same NAME for the two images of
// a pair). Results go to <folder>/rectified/: NAME-gray-rectified.tif, NAME-color-rectified.png,
// NAME-valid.png (255 where both images have data) and NAME-rectification.png (diagnostic), and
// a table rectification.csv with each pair's report (inliers, vertical error, disparity range,
// suggested max disparity, colour camera side; docs/commands/rectify-pair.md explains every key).
// Existing files are never overwritten: remove them, or give another output folder.
//
// In ImageJ/Fiji: Plugins > Cycle Colorization > Macros > Rectify Pairs in a Folder... (asks for
// the folder). Plain ImageJ 1.x works too, also headless (the options are those of Rectify Pair):
//   java -cp ij.jar:Cycle_Colorization.jar:lib/* ij.ImageJ -batch cyclecolor_rectify_pair.ijm \
//       "folder=[/data/rig] output=[/data/rig/rectified] features=sift frame=crop"

argument = getArgument() + " ";
dir = call("ij.Macro.getValue", argument, "folder", "");
if (dir == "")
	dir = getDirectory("Folder with mono/ and color/ subfolders");
dir = withSlash(dir);
out = withSlash(call("ij.Macro.getValue", argument, "output", dir + "rectified"));
features = call("ij.Macro.getValue", argument, "features", "sift");
frame = call("ij.Macro.getValue", argument, "frame", "full");
calibration = call("ij.Macro.getValue", argument, "calibration", "");
if (!File.isDirectory(dir + "mono") || !File.isDirectory(dir + "color"))
	exit("Cycle Colorization: the folder " + dir + " needs a mono/ and a color/ subfolder with the images of each pair under the same name.");
File.makeDirectory(out);
table = out + "rectification.csv";
if (File.exists(table))
	exit("Cycle Colorization: " + table + " already exists; remove it or choose another output folder.");

keys = newArray("model", "inliers", "matches", "vertical_error_median_px", "vertical_error_p95_px", "disparity_min_px",
	"disparity_max_px", "suggested_max_disparity", "color_side");
lines = "name";
for (k = 0; k < keys.length; k++)
	lines = lines + "," + keys[k];
names = getFileList(dir + "mono");
done = 0;
for (i = 0; i < names.length; i++) {
	name = names[i];
	if (endsWith(name, "/") || !File.exists(dir + "color" + File.separator + name))
		continue;
	stem = File.getNameWithoutExtension(name);
	options = "gray=[" + dir + "mono" + File.separator + name + "] color=[" + dir + "color" + File.separator + name + "]"
		+ " features=" + features + " frame=" + frame
		+ " out_gray=[" + out + stem + "-gray-rectified.tif] out_color=[" + out + stem + "-color-rectified.png]"
		+ " mask=[" + out + stem + "-valid.png] diagnostic=[" + out + stem + "-rectification.png]";
	if (calibration != "")
		options = options + " calibration=[" + calibration + "]";
	report = call("org.cyclecolor.ij1.Macros.rectify", options);
	List.setList(report);
	line = stem;
	for (k = 0; k < keys.length; k++)
		line = line + "," + List.get(keys[k]);
	lines = lines + "\n" + line;
	print("Rectify Pair: " + name + ": " + List.get("inliers") + " inliers, rows differ by " + d2s(List.getValue("vertical_error_median_px"), 2)
		+ " px, disparity " + d2s(List.getValue("disparity_min_px"), 1) + ".." + d2s(List.getValue("disparity_max_px"), 1) + " px");
	done++;
	showProgress(i + 1, names.length);
}
File.saveString(lines + "\n", table);
List.clear();
print("Rectify Pair: " + done + " pairs written to " + out);

function withSlash(path) {
	if (path != "" && !endsWith(path, File.separator) && !endsWith(path, "/"))
		return path + File.separator;
	return path;
}
