package org.cyclecolor.synth;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.method.ColorSide;

/**
 * A folder holding one rectified colour stereo pair, as in the shared test data's {@code stereo/}:
 * a {@code meta.json} names the views ({@code left}, {@code right}) and optional ground-truth
 * disparities ({@code disp_left}, {@code disp_right}, stored value / {@code disp_divisor} pixels,
 * stored 0 = unknown unless {@code disp_zero_is_unknown} is false). Without {@code meta.json} the
 * views are the files named {@code left.*} and {@code right.*}, without ground truth.
 */
public final class StereoScene implements StereoSource {

	private final String id;
	private final Path dir;
	private final Path left;
	private final Path right;
	private final Path leftDisparity;
	private final Path rightDisparity;
	private final double divisor;
	private final boolean zeroIsUnknown;
	private final int width;
	private final int height;
	/** The estimated largest disparity when there is no ground truth (0 until first estimated). */
	private volatile int estimated;

	private StereoScene(String id, Path dir, Path left, Path right, Path leftDisparity, Path rightDisparity,
		double divisor, boolean zeroIsUnknown, int width, int height)
	{
		this.id = id;
		this.dir = dir;
		this.left = left;
		this.right = right;
		this.leftDisparity = leftDisparity;
		this.rightDisparity = rightDisparity;
		this.divisor = divisor;
		this.zeroIsUnknown = zeroIsUnknown;
		this.width = width;
		this.height = height;
	}

	/** True when {@code dir} looks like a stereo scene: a meta.json naming "left" and "right", or left.* and right.* files. */
	public static boolean isScene(Path dir) {
		if (!Files.isDirectory(dir)) return false;
		JsonObject meta = readMetaOrNull(dir);
		if (meta != null && meta.has("left") && meta.has("right")) return true;
		return Folders.findByStem(dir, "left") != null && Folders.findByStem(dir, "right") != null;
	}

	/**
	 * Reads the scene's description and checks its files (present, readable, of one size) without
	 * loading pixels.
	 *
	 * @throws UserException listing what is wrong with the scene
	 */
	public static StereoScene open(Path dir) {
		String id = dir.getFileName().toString();
		JsonObject meta = readMetaOrNull(dir);
		List<String> problems = new ArrayList<>();
		Path left, right, dl = null, dr = null;
		double divisor = 1;
		boolean zeroUnknown = true;
		if (meta != null && meta.has("left") && meta.has("right")) {
			left = dir.resolve(string(meta, "left", dir));
			right = dir.resolve(string(meta, "right", dir));
			if (meta.has("disp_left")) dl = dir.resolve(string(meta, "disp_left", dir));
			if (meta.has("disp_right")) dr = dir.resolve(string(meta, "disp_right", dir));
			if (meta.has("disp_divisor")) divisor = number(meta, "disp_divisor", dir);
			if (meta.has("disp_zero_is_unknown")) zeroUnknown = meta.get("disp_zero_is_unknown").getAsBoolean();
			if (!(divisor > 0)) {
				throw new UserException("The scene " + dir + " has disp_divisor " + divisor + " in meta.json; it must be positive.");
			}
		}
		else {
			left = Folders.findByStem(dir, "left");
			right = Folders.findByStem(dir, "right");
			if (left == null || right == null) {
				throw new UserException("The folder " + dir + " is not a stereo scene: it needs left and right images "
					+ "(left.png, right.png) or a meta.json naming them.");
			}
		}
		int[] size = null;
		for (Path p : new Path[] { left, right, dl, dr }) {
			if (p == null) continue;
			try {
				if (!Files.isRegularFile(p)) {
					problems.add(p.getFileName() + " is missing");
					continue;
				}
				int[] s = PairImages.size(p);
				if (size == null) size = s;
				else if (s[0] != size[0] || s[1] != size[1]) {
					problems.add(p.getFileName() + " is " + s[0] + "x" + s[1] + " but " + left.getFileName() + " is "
						+ size[0] + "x" + size[1]);
				}
			}
			catch (UserException e) {
				problems.add(p.getFileName() + " cannot be read as an image");
			}
		}
		if (!problems.isEmpty() || size == null) {
			throw new UserException("The stereo scene " + dir + " is broken: " + String.join("; ", problems) + ".");
		}
		return new StereoScene(id, dir, left, right, dl, dr, divisor, zeroUnknown, size[0], size[1]);
	}

	@Override
	public String id() {
		return id;
	}

	public Path dir() {
		return dir;
	}

	@Override
	public int width() {
		return width;
	}

	@Override
	public int height() {
		return height;
	}

	/** Whether a ground-truth disparity map is given for the view. */
	public boolean hasDisparity(StereoViews.Side side) {
		return (side == StereoViews.Side.LEFT ? leftDisparity : rightDisparity) != null;
	}

	/** The scene's files by role: left, right, and disp_left / disp_right when present. */
	@Override
	public Map<String, Path> files() {
		Map<String, Path> m = new LinkedHashMap<>();
		m.put("left", left);
		m.put("right", right);
		if (leftDisparity != null) m.put("disp_left", leftDisparity);
		if (rightDisparity != null) m.put("disp_right", rightDisparity);
		return m;
	}

	/**
	 * Loads the views and their disparities. The suggested largest disparity is the largest known
	 * ground-truth disparity, rounded up; without ground truth it is estimated from the images
	 * ({@link DisparityRange}).
	 */
	@Override
	public StereoViews load() {
		RgbImage l = PairImages.readColor(left);
		RgbImage r = PairImages.readColor(right);
		FloatPlane dl = leftDisparity == null ? null : disparity(leftDisparity);
		FloatPlane dr = rightDisparity == null ? null : disparity(rightDisparity);
		Map<String, String> prov = new LinkedHashMap<>();
		prov.put("scene", dir.toAbsolutePath().normalize().toString());
		files().forEach((role, p) -> prov.put(role, p.getFileName().toString()));
		int maxDisparity;
		if (dl != null || dr != null) {
			double max = Math.max(maxFinite(dl), maxFinite(dr));
			maxDisparity = Math.max(1, (int) Math.ceil(max));
			prov.put("max_disparity_from", "ground truth");
		}
		else {
			if (estimated == 0) estimated = DisparityRange.estimate(l, r);
			maxDisparity = estimated;
			prov.put("max_disparity_from", "estimate");
		}
		return new StereoViews(id, l, r, dl, dr, null, null, maxDisparity, prov);
	}

	private FloatPlane disparity(Path p) {
		FloatPlane raw = PairImages.readFloat(p);
		if (raw.width() != width || raw.height() != height) {
			throw new UserException("The disparity map " + p + " is " + raw.width() + "x" + raw.height() + " but the views are "
				+ width + "x" + height + "; give a map of the views' size.");
		}
		float[] d = raw.data();
		for (int i = 0; i < d.length; i++) {
			float v = d[i];
			d[i] = (zeroIsUnknown && v == 0) || !Float.isFinite(v) ? Float.NaN : (float) (v / divisor);
		}
		return raw;
	}

	private static double maxFinite(FloatPlane p) {
		if (p == null) return 0;
		double max = 0;
		for (float v : p.data()) if (Float.isFinite(v) && v > max) max = v;
		return max;
	}

	/** The folder's meta.json, or null when there is none. */
	static JsonObject readMetaOrNull(Path dir) {
		Path meta = dir.resolve("meta.json");
		if (!Files.isRegularFile(meta)) return null;
		try (Reader in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
			JsonElement e = JsonParser.parseReader(in);
			if (!e.isJsonObject()) throw new UserException("The file " + meta + " is not a JSON object; fix or remove it.");
			return e.getAsJsonObject();
		}
		catch (IOException | JsonParseException e) {
			throw new UserException("The file " + meta + " is not valid JSON (" + e.getMessage() + "); fix or remove it.", e);
		}
	}

	private static String string(JsonObject meta, String key, Path dir) {
		JsonElement e = meta.get(key);
		if (e == null || !e.isJsonPrimitive() || e.getAsString().isEmpty()) {
			throw new UserException("The meta.json of " + dir + " has no file name under \"" + key + "\".");
		}
		return e.getAsString();
	}

	/** The colour camera's side a meta.json names, or null when it names none; anything but left or right is refused. */
	static ColorSide colorSideOrNull(JsonObject meta, Path dir) {
		JsonElement e = meta.get("color_side");
		if (e == null || e.isJsonNull()) return null;
		try {
			if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) return ColorSide.fromKey(e.getAsString());
		}
		catch (IllegalArgumentException notASide) {
			// refused below, with the value as written
		}
		throw new UserException("The meta.json of " + dir + " says \"color_side\": " + e + "; write \"left\" or \"right\".");
	}

	/** A positive whole number a meta.json holds under {@code key}, or 0 when it holds none. */
	static int positiveIntOrZero(JsonObject meta, String key, Path dir) {
		JsonElement e = meta.get(key);
		if (e == null || e.isJsonNull()) return 0;
		try {
			double v = e.getAsDouble();
			if (v >= 1 && v <= Integer.MAX_VALUE && v == Math.rint(v)) return (int) v;
		}
		catch (RuntimeException ignored) {
			// refused below with the value as written
		}
		throw new UserException("The meta.json of " + dir + " says \"" + key + "\": " + e + "; write a positive whole number of pixels.");
	}

	private static double number(JsonObject meta, String key, Path dir) {
		try {
			return meta.get(key).getAsDouble();
		}
		catch (RuntimeException e) {
			throw new UserException("The meta.json of " + dir + " has no number under \"" + key + "\".", e);
		}
	}

	@Override
	public String toString() {
		return "StereoScene[" + id + ", " + width + "x" + height + "]";
	}
}
