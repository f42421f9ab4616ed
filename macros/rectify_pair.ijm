// Rectify every mono/colour pair of a folder with Plugins > Cycle Colorization > Rectify Pair...
//
// Layout: <folder>/mono/NAME.ext and <folder>/color/NAME.ext (the same NAME for the two images of a
// pair). Results go to <folder>/rectified/: NAME-gray-rectified.tif, NAME-color-rectified.png,
// NAME-valid.png (255 where both images have data) and NAME-rectification.png (diagnostic).
// The report of each pair (inliers, vertical error, disparity range, colour camera side) is written
// to the Log; see docs/commands/rectify-pair.md for every key.

dir = getDirectory("Folder with mono/ and color/ subfolders");
if (!File.isDirectory(dir + "mono") || !File.isDirectory(dir + "color"))
	exit("The folder needs a mono/ and a color/ subfolder with the images of each pair under the same name.");
out = dir + "rectified" + File.separator;
File.makeDirectory(out);
setBatchMode(true);
names = getFileList(dir + "mono");
done = 0;
for (i = 0; i < names.length; i++) {
	name = names[i];
	if (endsWith(name, "/") || !File.exists(dir + "color" + File.separator + name)) continue;
	stem = File.getNameWithoutExtension(name);
	open(dir + "mono" + File.separator + name);
	gray = getTitle();
	open(dir + "color" + File.separator + name);
	color = getTitle();
	// every key has a default; these are the defaults, spelled out to show what can be set
	run("Rectify Pair...", "gray=[" + gray + "] color=[" + color + "] gray_camera=1 features=sift model=auto "
		+ "interpolation=bicubic frame=full color_side=auto max_features=1000 threshold=1.5");
	saveIfOpen(stem + "-gray-rectified", out + stem + "-gray-rectified.tif", "Tiff");
	saveIfOpen(stem + "-color-rectified", out + stem + "-color-rectified.png", "PNG");
	saveIfOpen(stem + "-valid", out + stem + "-valid.png", "PNG");
	saveIfOpen(stem + "-rectification", out + stem + "-rectification.png", "PNG");
	close("*");
	done++;
}
setBatchMode(false);
print("Rectify Pair: " + done + " pairs written to " + out);

function saveIfOpen(title, path, format) {
	if (isOpen(title)) {
		selectImage(title);
		saveAs(format, path);
	} else {
		print("Rectify Pair: no image '" + title + "' (see the messages above)");
	}
}
