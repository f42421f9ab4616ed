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

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.cyclecolor.UserException;
import org.cyclecolor.method.ColorSide;

/**
 * {@code manifest.json} of a pairs folder: for each pair its files (relative to the folder), where
 * the colour camera is, the suggested largest disparity, and the ground-truth files when there are
 * any. The {@code synthesize} command writes it; {@link PairFolder} reads it, so a synthesized
 * dataset on disk reads back exactly as it was made.
 *
 * <pre>
 * { "format": "cyclecolor-pairs", "version": 1, "generator": { ... },
 *   "pairs": [ { "id": "mb2005-art", "mono": "mono/mb2005-art.png", "color": "color/mb2005-art.png",
 *                "color_side": "right", "max_disparity": 75,
 *                "gt_color": "gt/mb2005-art-color.png", "gt_disparity": "gt/mb2005-art-disparity.tif",
 *                "gt_occlusion": "gt/mb2005-art-occlusion.png", "provenance": { ... } } ] }
 * </pre>
 */
public final class PairManifest {

	public static final String FILE_NAME = "manifest.json";
	public static final String FORMAT = "cyclecolor-pairs";
	public static final int VERSION = 1;

	/** File roles of a pair; those starting with "gt_" are ground truth. */
	public static final String MONO = "mono", COLOR = "color", GT_COLOR = "gt_color", GT_DISPARITY = "gt_disparity",
		GT_OCCLUSION = "gt_occlusion";

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
		.serializeSpecialFloatingPointValues().create();

	/**
	 * One pair of the manifest.
	 *
	 * @param files relative paths by role ({@link #MONO}, {@link #COLOR}, optional ground-truth roles)
	 */
	public record Item(String id, Map<String, String> files, ColorSide colorSide, int maxDisparity,
		Map<String, String> provenance)
	{
		public Item {
			files = new LinkedHashMap<>(files);
			provenance = new LinkedHashMap<>(provenance);
		}
	}

	private final Map<String, Object> generator;
	private final List<Item> items;

	public PairManifest(Map<String, Object> generator, List<Item> items) {
		this.generator = new LinkedHashMap<>(generator);
		this.items = List.copyOf(items);
	}

	public Map<String, Object> generator() {
		return generator;
	}

	public List<Item> items() {
		return items;
	}

	/** The manifest as pretty-printed JSON. */
	public String toJson() {
		JsonObject root = new JsonObject();
		root.addProperty("format", FORMAT);
		root.addProperty("version", VERSION);
		root.add("generator", GSON.toJsonTree(generator));
		JsonArray pairs = new JsonArray();
		for (Item it : items) {
			JsonObject o = new JsonObject();
			o.addProperty("id", it.id());
			it.files().forEach(o::addProperty);
			o.addProperty("color_side", it.colorSide().key());
			o.addProperty("max_disparity", it.maxDisparity());
			o.add("provenance", GSON.toJsonTree(it.provenance()));
			pairs.add(o);
		}
		root.add("pairs", pairs);
		return GSON.toJson(root) + "\n";
	}

	/** Reads {@code dir/manifest.json}; null when there is none. */
	public static PairManifest readOrNull(Path dir) {
		Path file = dir.resolve(FILE_NAME);
		if (!Files.isRegularFile(file)) return null;
		JsonObject root;
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			JsonElement e = JsonParser.parseReader(in);
			if (!e.isJsonObject()) throw bad(file, "it is not a JSON object");
			root = e.getAsJsonObject();
		}
		catch (IOException | JsonParseException e) {
			throw new UserException("The manifest " + file + " is not valid JSON (" + e.getMessage() + "); fix or remove it.", e);
		}
		if (!root.has("format") || !FORMAT.equals(root.get("format").getAsString())) {
			throw bad(file, "its \"format\" is not \"" + FORMAT + "\"");
		}
		if (root.get("version").getAsInt() > VERSION) {
			throw new UserException("The manifest " + file + " has version " + root.get("version") + ", newer than this "
				+ "version of the suite understands (" + VERSION + "); update the suite.");
		}
		if (!root.has("pairs") || !root.get("pairs").isJsonArray()) throw bad(file, "it has no \"pairs\" list");
		List<Item> items = new ArrayList<>();
		int n = 0;
		for (JsonElement e : root.getAsJsonArray("pairs")) {
			n++;
			try {
				JsonObject o = e.getAsJsonObject();
				Map<String, String> files = new LinkedHashMap<>();
				for (String role : new String[] { MONO, COLOR, GT_COLOR, GT_DISPARITY, GT_OCCLUSION }) {
					if (o.has(role)) files.put(role, o.get(role).getAsString());
				}
				if (!files.containsKey(MONO) || !files.containsKey(COLOR)) throw new IllegalStateException("no mono or color file");
				Map<String, String> prov = new LinkedHashMap<>();
				if (o.has("provenance")) {
					o.getAsJsonObject("provenance").entrySet().forEach(en -> prov.put(en.getKey(), en.getValue().getAsString()));
				}
				items.add(new Item(o.get("id").getAsString(), files, ColorSide.fromKey(o.get("color_side").getAsString()),
					o.get("max_disparity").getAsInt(), prov));
			}
			catch (RuntimeException ex) {
				throw bad(file, "pair number " + n + " lacks id, mono, color, color_side or max_disparity (" + ex.getMessage() + ")");
			}
		}
		Map<String, Object> gen = new LinkedHashMap<>();
		if (root.has("generator") && root.get("generator").isJsonObject()) {
			root.getAsJsonObject("generator").entrySet().forEach(en -> gen.put(en.getKey(), en.getValue().toString()));
		}
		return new PairManifest(gen, items);
	}

	private static UserException bad(Path file, String what) {
		return new UserException("The manifest " + file + " cannot be used: " + what + "; fix it or remove it to match mono/ "
			+ "and color/ by file name.");
	}
}
