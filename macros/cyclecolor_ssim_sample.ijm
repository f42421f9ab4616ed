// Cycle Colorization: SSIM map of the bundled sample pair.
//
// Uses the sample pair if it is open (File > Open Samples), else opens it from the plugin jar.
// Compares the mono camera's image with the luminance of the colour camera's image. The two
// cameras see the scene from two places, so the map is dark where parallax moves things
// (near objects, occlusion edges) and bright where the views agree: it shows where a
// colorization has to carry colours across.
//
// In ImageJ/Fiji: Plugins > Cycle Colorization > Macros > SSIM Map of the Sample Pair
// (the map opens in a window). Headless, writing the map to a file:
//   java -cp ij.jar:Cycle_Colorization.jar:lib/* ij.ImageJ -batch cyclecolor_ssim_sample.ijm "output=[/tmp/sample-ssim.tif]"

output = call("ij.Macro.getValue", getArgument() + " ", "output", "");
mono = "sample-mono.png";
colour = "sample-color.png";
if (!isOpen(mono) || !isOpen(colour)) {
	// Not open yet (File > Open Samples would open them): open the pair from the plugin jar.
	samples = call("org.cyclecolor.ij1.Macros.openSamples", "which=pair");
	List.setList(samples);
	mono = List.get("image1");
	colour = List.get("image2");
}
options = "image1=[" + mono + "] image2=[" + colour + "] mode=luminance";
if (output != "")
	options = options + " output=[" + output + "]";
result = call("org.cyclecolor.ij1.Macros.ssimMap", options);
List.setList(result);
print("SSIM of " + mono + " and the luminance of " + colour + ": " + d2s(List.getValue("ssim"), 4));
if (output != "")
	print("SSIM map written to " + output);
List.clear();
