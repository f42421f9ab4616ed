#!/usr/bin/env bash
# Regenerates the screenshots in docs/images/screenshots/ from real ImageJ 1.54p windows on a
# virtual display (Xvfb), with the plugin installed the way a plain ImageJ user installs it (the
# jar in plugins/, its libraries on the class path).
#
# What the pictures show: ImageJ 1.54p's own windows — the sample pair opened from
# File > Open Samples, results of the macro facade (colorized image, cycle SSIM map, disparity,
# confidence), the About box, and the dialog of a bundled macro (an ImageJ GenericDialog). Plain
# ImageJ cannot show the SciJava command dialogs (Colorize..., Cycle Check..., ...); Fiji draws
# those itself, so they are not pictured here.
#
# Needs: mvn package (target/Cycle_Colorization-*.jar and target/lib/), Xvfb, xdotool, ImageMagick.
# Model: the default model bundled with the plugin; MODEL=/path/to/model.onnx pictures another one.
# Also writes docs/images/composite-sample.png, the Cycle Check's side-by-side figure with the
# sample's ground truth.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${BUILD:-$root/target}
jar=$(ls "$build"/Cycle_Colorization-*.jar 2>/dev/null | grep -v -e sources -e javadoc -e tests | head -1 || true)
[ -n "$jar" ] || { echo "run mvn package first" >&2; exit 1; }
for tool in Xvfb xdotool import; do
	command -v $tool >/dev/null || { echo "$tool is missing (apt-get install xvfb xdotool imagemagick)" >&2; exit 1; }
done
out=$root/docs/images/screenshots
mkdir -p "$out"
work=$(mktemp -d)
xvfb_pid=
ij_pid=
cleanup() {
	[ -n "$ij_pid" ] && kill "$ij_pid" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/home/plugins"
cp "$jar" "$work/home/plugins/"
cp=$(ls "$build"/lib/*.jar | tr '\n' ':')

# The macro key naming the model, or nothing: the bundled default model.
model=
[ -n "${MODEL:-}" ] && model="model=[$MODEL]"

display=:$((70 + RANDOM % 20))
Xvfb $display -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
sleep 2

# The macro ImageJ runs: every picture is one window, taken by window id.
cat > "$work/shots.ijm" <<MACRO
out = "$out/";
function shot(file) {
	wait(1500);
	exec("sh", "-c", "import -window \$(xdotool search --name '^" + getTitle() + "\$' | head -1) " + out + file);
}
run("Cycle Colorization Sample Pair (mono + colour)");
selectImage("sample-mono.png"); setLocation(10, 120);
shot("sample-mono.png");
selectImage("sample-color.png"); setLocation(560, 120);
shot("sample-color.png");
run("SSIM Map of the Sample Pair");
setLocation(10, 120);
shot("ssim-map-sample.png");
close();
r = call("org.cyclecolor.ij1.Macros.colorize", "gray=[sample-mono.png] color=[sample-color.png] $model disparity=[$work/disparity.tif] confidence=[$work/confidence.tif]");
setLocation(10, 120);
shot("colorized-sample.png");
close();
r = call("org.cyclecolor.ij1.Macros.cycleCheck", "gray=[sample-mono.png] color=[sample-color.png] $model composite=[$root/docs/images/composite-sample.png] ground_truth=[$root/sample-data/sample-gt-color.png] overwrite");
setLocation(10, 120);
shot("cycle-ssim-map-sample.png");
close();
r = call("org.cyclecolor.ij1.Macros.weightVolume", "gray=[sample-mono.png] color=[sample-color.png] $model");
for (i = 1; i <= nImages; i++) {
	selectImage(i);
	t = getTitle();
	if (indexOf(t, "disparity") >= 0) { setLocation(10, 120); shot("best-disparity-sample.png"); }
	if (indexOf(t, "confidence") >= 0) { setLocation(10, 120); shot("confidence-sample.png"); }
}
print("SHOTS-DONE");
run("About Cycle Colorization...");
runMacro("$root/macros/cyclecolor_batch_raw_pairs.ijm", "");
MACRO

# Modal dialogs block the macro: take them from here, then close them.
dialog() { # window name, file; "ok": then click its OK button (centred at the bottom)
	local id
	for _ in $(seq 1 900); do # the network runs first: minutes on a busy machine
		id=$(xdotool search --name "^$1\$" 2>/dev/null | head -1 || true)
		[ -n "$id" ] && break
		sleep 1
	done
	[ -n "$id" ] || { echo "no window '$1'" >&2; import -window root "${FAILSHOT:-/dev/null}" 2>/dev/null || true; return 1; }
	sleep 1.5
	import -window "$id" "$out/$2"
	if [ "${3:-}" = ok ]; then
		eval "$(xdotool getwindowgeometry --shell "$id")"
		xdotool mousemove --window "$id" $((WIDTH / 2)) $((HEIGHT - 15)) click 1
	fi
}

java -Xmx3g -cp "$cp" ij.ImageJ -ijpath "$work/home" -macro "$work/shots.ijm" > "$work/ij.log" 2>&1 &
ij_pid=$!
dialog "About Cycle Colorization" about.png ok
dialog "Colorize Raw Pairs in a Folder" dialog-batch-raw-pairs.png
sleep 1
grep -q SHOTS-DONE "$work/home/ij.log" 2>/dev/null || true
kill "$ij_pid" 2>/dev/null || true
ij_pid=
ls -l "$out"
