package org.cyclecolor.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.google.gson.JsonObject;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.method.ColorSide;

/**
 * Ready-made mono/colour pairs on disk, in one of three layouts:
 * <ul>
 * <li>a folder with {@code mono/} and {@code color/} holding files of matching names (any image
 * format, matched by the name without extension), optionally a {@link PairManifest} with each
 * pair's colour side, suggested disparity and ground truth (as {@code synthesize} writes);</li>
 * <li>a list file, one {@code mono,color} line of paths per pair (relative to the list's folder);</li>
 * <li>one folder per pair: {@code mono.*} + {@code color.*} (the Cycle-CNN authors' real pairs,
 * colour camera on the LEFT), or {@code gray_left.*} + {@code color_right.*} +
 * {@code color_left_groundtruth.*} (the AAAI-19 authors' synthesized pairs, gray in studio-range Y,
 * converted here to full-range luma), or the suite's rendered sample ({@code sample-mono.png},
 * {@code sample-color.png} and its ground truth).</li>
 * </ul>
 * Opening checks every pair (partners present, files readable, sizes equal) from file headers and
 * either refuses with a list of every broken pair or skips them ({@link OnProblem}).
 */
public final class PairFolder implements PairDataset {

	/** File name prefix of the rendered sample ({@code pipeline.GenerateSample}: sample-mono.png, ...). */
	static final String SAMPLE = "sample";
	/** The authors' released networks search 48 disparities (their hyperparams.json). */
	static final int AUTHORS_MAX_DISPARITY = 48;
	/** Roles of files that are not inputs and not ground truth, recorded for evaluation. */
	public static final String AUTHORS_OUTPUT = "authors_output";

	/** One pair, as found when the folder was opened. maxDisparity 0 = estimate from the images. */
	private record Item(String id, Map<String, Path> files, ColorSide side, int maxDisparity, boolean studioGray,
		int width, int height, Map<String, String> provenance)
	{}

	private final String name;
	private final List<Item> items;
	private final List<Entry> entries;
	private final List<DatasetProblem> problems;
	private final Degradation degradation;
	private final long seed;
	private final Map<String, Integer> estimated = new ConcurrentHashMap<>();

	private PairFolder(String name, List<Item> items, List<DatasetProblem> problems, DatasetOptions options) {
		this.name = name;
		this.items = List.copyOf(items);
		this.problems = List.copyOf(problems);
		this.degradation = options.degradation();
		this.seed = options.seed();
		List<Entry> list = new ArrayList<>();
		for (Item it : items) {
			list.add(new Entry(it.id(), it.width(), it.height(), it.files().containsKey(PairManifest.GT_COLOR), it.files()));
		}
		this.entries = Collections.unmodifiableList(list);
		if (options.degradation().monoCamera() != null) {
			// Fail now rather than at the first load: ready-made gray images cannot go through a mono camera.
			options.degradation().grayOfGray(FloatPlane.filled(1, 1, 0), new Random(0));
		}
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public List<Entry> entries() {
		return entries;
	}

	@Override
	public List<DatasetProblem> problems() {
		return problems;
	}

	// ---------------------------------------------------------------- opening

	/** True when {@code dir} has {@code mono/} and {@code color/} subfolders. */
	public static boolean isPairsFolder(Path dir) {
		return Files.isDirectory(dir.resolve("mono")) && Files.isDirectory(dir.resolve("color"));
	}

	/** True when {@code dir} holds one pair in the authors' layouts ({@code mono.*} + {@code color.*}, or AAAI-19's). */
	public static boolean isPairScene(Path dir) {
		if (!Files.isDirectory(dir)) return false;
		return Folders.findByStem(dir, "mono") != null && Folders.findByStem(dir, "color") != null
			|| Folders.findByStem(dir, "gray_left") != null && Folders.findByStem(dir, "color_right") != null
			|| Folders.findByStem(dir, SAMPLE + "-mono") != null && Folders.findByStem(dir, SAMPLE + "-color") != null;
	}

	/** Opens a folder with {@code mono/} and {@code color/} (and maybe a manifest). */
	public static PairFolder open(Path dir, DatasetOptions options, Progress progress) {
		if (!isPairsFolder(dir)) {
			throw new UserException("The folder " + dir + " is not a pairs folder: it needs mono/ and color/ subfolders "
				+ "holding images of matching names.");
		}
		PairManifest manifest = PairManifest.readOrNull(dir);
		List<DatasetProblem> problems = new ArrayList<>();
		List<Item> items = new ArrayList<>();
		if (manifest != null) {
			progress.log("Reading " + manifest.items().size() + " pairs from " + dir.resolve(PairManifest.FILE_NAME) + ".");
			for (PairManifest.Item m : manifest.items()) {
				Map<String, Path> files = new LinkedHashMap<>();
				m.files().forEach((role, rel) -> files.put(role, dir.resolve(rel)));
				ColorSide side = options.colorSide() != null ? options.colorSide() : m.colorSide();
				int maxD = options.maxDisparity() > 0 ? options.maxDisparity() : m.maxDisparity();
				check(m.id(), files, side, maxD, false, m.provenance(), items, problems);
			}
		}
		else {
			Map<String, Path> mono = imagesByStem(dir.resolve("mono"), problems, progress);
			Map<String, Path> color = imagesByStem(dir.resolve("color"), problems, progress);
			if (mono.isEmpty() && color.isEmpty() && problems.isEmpty()) {
				throw new UserException("The folders " + dir.resolve("mono") + " and " + dir.resolve("color") + " hold no "
					+ "images; put the mono camera's images in mono/ and the colour camera's in color/, with matching names.");
			}
			ColorSide side = requireSide(options, dir);
			Set<String> stems = new HashSet<>(mono.keySet());
			stems.addAll(color.keySet());
			for (String stem : stems.stream().sorted().toList()) {
				Path m = mono.get(stem), c = color.get(stem);
				if (m == null || c == null) {
					Path have = m != null ? m : c;
					String missing = m == null ? "mono/" : "color/";
					problems.add(new DatasetProblem(stem, List.of(have), "has no partner in " + missing + " (expected "
						+ missing + stem + ".png or another image format)"));
					continue;
				}
				Map<String, Path> files = new LinkedHashMap<>();
				files.put(PairManifest.MONO, m);
				files.put(PairManifest.COLOR, c);
				check(stem, files, side, options.maxDisparity(), false, Map.of(), items, problems);
			}
		}
		return finish("the pairs folder " + dir, dir.toString(), items, problems, options);
	}

	/**
	 * Opens a list file: one pair per line, {@code mono,color} (paths relative to the file's folder
	 * or absolute); blank lines, lines starting with '#', and a first line "mono,color" are skipped.
	 */
	public static PairFolder openList(Path file, DatasetOptions options, Progress progress) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UserException("Cannot read the list file " + file + " (" + e.getMessage() + "); check the path.", e);
		}
		ColorSide side = requireSide(options, file);
		Path base = file.toAbsolutePath().getParent();
		List<DatasetProblem> problems = new ArrayList<>();
		List<Item> items = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		boolean first = true;
		for (int n = 1; n <= lines.size(); n++) {
			String line = lines.get(n - 1).strip();
			if (line.isEmpty() || line.startsWith("#")) continue;
			if (first && line.replace(" ", "").equalsIgnoreCase("mono,color")) {
				first = false;
				continue;
			}
			first = false;
			String[] parts = line.split(",", -1);
			if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
				problems.add(new DatasetProblem("line " + n, List.of(file), "line " + n + " is not 'mono,color' (two paths "
					+ "separated by one comma): " + line));
				continue;
			}
			Path m = base.resolve(parts[0].strip()), c = base.resolve(parts[1].strip());
			String id = Folders.stem(m);
			if (!ids.add(id)) id = id + "-line" + n; // same file name in two folders
			ids.add(id);
			Map<String, Path> files = new LinkedHashMap<>();
			files.put(PairManifest.MONO, m);
			files.put(PairManifest.COLOR, c);
			check(id, files, side, options.maxDisparity(), false, Map.of("list_line", Integer.toString(n)), items, problems);
		}
		if (items.isEmpty() && problems.isEmpty()) {
			throw new UserException("The list file " + file + " names no pairs; write one 'mono,color' line of image paths per pair.");
		}
		return finish("the list file " + file, file.toString(), items, problems, options);
	}

	/** Opens folders that each hold one pair in the authors' layouts (see the class comment). */
	public static PairFolder openScenes(Path root, List<Path> sceneDirs, DatasetOptions options, Progress progress) {
		List<DatasetProblem> problems = new ArrayList<>();
		List<Item> items = new ArrayList<>();
		for (Path dir : sceneDirs) {
			String id = dir.getFileName().toString();
			Map<String, Path> files = new LinkedHashMap<>();
			Map<String, String> prov = new LinkedHashMap<>();
			prov.put("scene", dir.toAbsolutePath().normalize().toString());
			Path grayLeft = Folders.findByStem(dir, "gray_left");
			if (grayLeft != null) {
				// The AAAI-19 authors' synthesized pairs: left gray (studio Y), right colour, left truth.
				files.put(PairManifest.MONO, grayLeft);
				files.put(PairManifest.COLOR, Folders.findByStem(dir, "color_right"));
				Path truth = Folders.findByStem(dir, "color_left_groundtruth");
				if (truth != null) files.put(PairManifest.GT_COLOR, truth);
				Path out = Folders.findByStem(dir, "authors_aaai19_output");
				if (out != null) files.put(AUTHORS_OUTPUT, out);
				prov.put("layout", "AAAI-19 synthesized pairs (colour camera on the right; gray_left is "
					+ "studio-range Y, converted to full range)");
				int maxD = options.maxDisparity() > 0 ? options.maxDisparity() : AUTHORS_MAX_DISPARITY;
				ColorSide side = options.colorSide() != null ? options.colorSide() : ColorSide.RIGHT;
				check(id, files, side, maxD, true, prov, items, problems);
				continue;
			}
			if (Folders.findByStem(dir, SAMPLE + "-mono") != null) {
				// The suite's own rendered sample (cyclecolor sample): mono left, colour right, full ground truth.
				files.put(PairManifest.MONO, Folders.findByStem(dir, SAMPLE + "-mono"));
				files.put(PairManifest.COLOR, Folders.findByStem(dir, SAMPLE + "-color"));
				putIfFound(files, PairManifest.GT_COLOR, dir, SAMPLE + "-gt-color");
				putIfFound(files, PairManifest.GT_DISPARITY, dir, SAMPLE + "-gt-disparity");
				putIfFound(files, PairManifest.GT_OCCLUSION, dir, SAMPLE + "-occlusion");
				prov.put("layout", "the rendered sample of cyclecolor sample (colour camera on the right)");
				ColorSide side = options.colorSide() != null ? options.colorSide() : ColorSide.RIGHT;
				check(id, files, side, options.maxDisparity(), false, prov, items, problems);
				continue;
			}
			Path mono = Folders.findByStem(dir, "mono"), color = Folders.findByStem(dir, "color");
			if (mono == null || color == null) {
				problems.add(new DatasetProblem(id, List.of(dir), "holds neither mono.* + color.* nor gray_left.* + color_right.*"));
				continue;
			}
			files.put(PairManifest.MONO, mono);
			files.put(PairManifest.COLOR, color);
			JsonObject meta = StereoScene.readMetaOrNull(dir);
			Path authors = Folders.findByStem(dir, "authors_cyclecnn_output");
			if (authors != null) files.put(AUTHORS_OUTPUT, authors);
			ColorSide side = options.colorSide();
			if (side == null && meta != null) side = StereoScene.colorSideOrNull(meta, dir);
			if (side == null && authors != null) side = ColorSide.LEFT; // the Cycle-CNN authors' rig
			if (side == null) side = requireSide(options, dir);
			int maxD = options.maxDisparity();
			if (maxD == 0 && meta != null) maxD = StereoScene.positiveIntOrZero(meta, "max_disparity", dir);
			if (maxD == 0 && authors != null) maxD = AUTHORS_MAX_DISPARITY;
			if (authors != null) {
				prov.put("layout", "Cycle-CNN authors' real pairs (colour camera on the left)");
			}
			check(id, files, side, maxD, false, prov, items, problems);
		}
		// Say what was decided for the user: the layouts recognised and the conventions they imply.
		items.stream().map(it -> it.provenance().get("layout")).filter(l -> l != null).distinct().forEach(layout -> progress.log(
			"Read " + items.stream().filter(it -> layout.equals(it.provenance().get("layout"))).count() + " pair(s) as " + layout
				+ "."));
		return finish("the folder " + root, root.toString(), items, problems, options);
	}

	private static void putIfFound(Map<String, Path> files, String role, Path dir, String stem) {
		Path p = Folders.findByStem(dir, stem);
		if (p != null) files.put(role, p);
	}

	private static PairFolder finish(String what, String name, List<Item> items, List<DatasetProblem> problems,
		DatasetOptions options)
	{
		DatasetProblem.failIfAny(problems, options.onProblem(), what, "fix or remove them");
		if (items.isEmpty()) {
			throw new UserException(capitalise(what) + " has no usable pair; every one is broken:" + DatasetProblem.list(problems));
		}
		return new PairFolder(name, items, problems, options);
	}

	private static ColorSide requireSide(DatasetOptions options, Path where) {
		if (options.colorSide() != null) return options.colorSide();
		throw new UserException("Say where the colour camera is for the pairs in " + where + " (colour side left or right: "
			+ "left when mono(x) matches color(x + d), right when it matches color(x - d)); no manifest.json says it.");
	}

	/** The folder's images by name without extension; non-images are ignored (and logged), duplicates are problems. */
	private static Map<String, Path> imagesByStem(Path dir, List<DatasetProblem> problems, Progress progress) {
		Map<String, Path> out = new TreeMap<>();
		Set<String> duplicate = new HashSet<>();
		int ignored = 0;
		for (Path p : Folders.list(dir)) {
			if (!Folders.isImage(p)) {
				ignored++;
				continue;
			}
			String stem = Folders.stem(p);
			Path before = out.putIfAbsent(stem, p);
			if (before != null && duplicate.add(stem)) {
				problems.add(new DatasetProblem(stem, List.of(before, p), "two images with the same name; keep one"));
			}
		}
		for (String stem : duplicate) out.remove(stem);
		if (ignored > 0) progress.log("Ignored " + ignored + " file(s) in " + dir + " that are not images.");
		return out;
	}

	/** Checks that the files exist, are readable images of one size; adds the item or a problem. */
	private static void check(String id, Map<String, Path> files, ColorSide side, int maxDisparity, boolean studioGray,
		Map<String, String> provenance, List<Item> items, List<DatasetProblem> problems)
	{
		List<String> reasons = new ArrayList<>();
		List<Path> involved = new ArrayList<>();
		int[] size = null;
		String sizeOf = null;
		for (Map.Entry<String, Path> f : files.entrySet()) {
			Path p = f.getValue();
			if (p == null) {
				reasons.add("no " + f.getKey() + " image");
				continue;
			}
			if (f.getKey().equals(AUTHORS_OUTPUT)) continue; // a result to compare with, of its own size
			if (!Files.isRegularFile(p)) {
				involved.add(p);
				reasons.add(p.getFileName() + " is missing");
				continue;
			}
			int[] s;
			try {
				s = PairImages.size(p);
			}
			catch (UserException e) {
				involved.add(p);
				reasons.add(p.getFileName() + " cannot be read as an image");
				continue;
			}
			if (size == null) {
				size = s;
				sizeOf = p.getFileName().toString();
			}
			else if (s[0] != size[0] || s[1] != size[1]) {
				involved.add(p);
				reasons.add("sizes differ: " + sizeOf + " is " + size[0] + "x" + size[1] + ", " + p.getFileName() + " is " + s[0]
					+ "x" + s[1]);
			}
		}
		if (!reasons.isEmpty() || size == null) {
			if (involved.isEmpty()) involved.addAll(files.values().stream().filter(p -> p != null).toList());
			problems.add(new DatasetProblem(id, involved, String.join("; ", reasons)));
			return;
		}
		items.add(new Item(id, files, side, maxDisparity, studioGray, size[0], size[1], provenance));
	}

	private static String capitalise(String s) {
		return Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	// ---------------------------------------------------------------- loading

	@Override
	public DatasetPair load(int index) {
		return load(index, true);
	}

	@Override
	public MonoColorPair loadPair(int index) {
		return load(index, false).pair();
	}

	private DatasetPair load(int index, boolean withTruth) {
		Item it = items.get(index);
		Path monoFile = it.files().get(PairManifest.MONO), colorFile = it.files().get(PairManifest.COLOR);
		FloatPlane stored = PairImages.readGray(monoFile);
		FloatPlane gray = it.studioGray() ? studioToFull(stored) : stored;
		RgbImage color = PairImages.readColor(colorFile);
		if (!gray.sameSize(color.r())) {
			throw new UserException("The images of pair " + it.id() + " differ in size: " + monoFile + " is " + gray.width() + "x"
				+ gray.height() + ", " + colorFile + " is " + color.width() + "x" + color.height() + "; give images of one size.");
		}
		int maxD = it.maxDisparity() > 0 ? it.maxDisparity()
			: estimated.computeIfAbsent(it.id(), k -> suggestDisparity(it, gray, color));
		long base = GradientNoise.mix(seed * 0x9E3779B97F4A7C15L + it.id().hashCode());
		FloatPlane g = degradation.grayOfGray(gray, new Random(GradientNoise.mix(base + 1)));
		RgbImage c = degradation.changesColor() ? degradation.color(color, new Random(GradientNoise.mix(base + 2))) : color;
		Map<String, String> prov = new LinkedHashMap<>(it.provenance());
		prov.put("mono", monoFile.toAbsolutePath().normalize().toString());
		prov.put("color", colorFile.toAbsolutePath().normalize().toString());
		if (degradation != Degradation.CLEAN) {
			prov.put("degradation", degradation.describe());
			prov.put("seed", Long.toString(seed));
		}
		if (it.maxDisparity() == 0) {
			prov.put("max_disparity_from", it.files().containsKey(PairManifest.GT_DISPARITY) ? "ground truth" : "estimate");
		}
		MonoColorPair pair = new MonoColorPair(it.id(), g, c, it.side(), maxD, prov);
		GroundTruth truth = withTruth && it.files().containsKey(PairManifest.GT_COLOR) ? readTruth(it) : null;
		return new DatasetPair(pair, truth);
	}

	private static GroundTruth readTruth(Item it) {
		RgbImage color = PairImages.readColor(it.files().get(PairManifest.GT_COLOR));
		Path dFile = it.files().get(PairManifest.GT_DISPARITY), oFile = it.files().get(PairManifest.GT_OCCLUSION);
		FloatPlane disparity = dFile == null ? null : PairImages.readFloat(dFile);
		FloatPlane occlusion = oFile == null ? null : maskFromCodes(PairImages.readFloat(oFile));
		return new GroundTruth(color, disparity, occlusion);
	}

	/** An occlusion mask from its 8-bit codes: 0 visible, 255 occluded, 128 unknown. */
	static FloatPlane maskFromCodes(FloatPlane codes) {
		FloatPlane out = new FloatPlane(codes.width(), codes.height());
		float[] s = codes.data(), d = out.data();
		for (int i = 0; i < s.length; i++) {
			float v = s[i];
			d[i] = v < 64 ? GroundTruth.VISIBLE : v > 192 ? GroundTruth.OCCLUDED : Float.NaN;
		}
		return out;
	}

	/** The 8-bit code of an occlusion mask value: 0 visible, 255 occluded, 128 unknown. */
	public static int maskCode(float v) {
		return v == GroundTruth.VISIBLE ? 0 : v == GroundTruth.OCCLUDED ? 255 : 128;
	}

	/** The largest ground-truth disparity (rounded up) when there is a map, otherwise an estimate from the images. */
	private static int suggestDisparity(Item it, FloatPlane gray, RgbImage color) {
		Path dFile = it.files().get(PairManifest.GT_DISPARITY);
		if (dFile != null) {
			float max = 0;
			for (float v : PairImages.readFloat(dFile).data()) if (Float.isFinite(v) && v > max) max = v;
			if (max > 0) return (int) Math.ceil(max);
		}
		return estimate(gray, color, it.side());
	}

	private static int estimate(FloatPlane gray, RgbImage color, ColorSide side) {
		FloatPlane luma = YCbCr.luma(color);
		// DisparityRange wants left(x) ≈ right(x − d): with the colour camera on the right, gray is left.
		return side == ColorSide.RIGHT ? DisparityRange.estimate(gray, luma) : DisparityRange.estimate(luma, gray);
	}

	/** Full-range luma from BT.601 studio-range Y: (Y − 16) · 255 / 219. */
	static FloatPlane studioToFull(FloatPlane y) {
		FloatPlane out = new FloatPlane(y.width(), y.height());
		float[] s = y.data(), d = out.data();
		for (int i = 0; i < s.length; i++) d[i] = (float) ((s[i] - 16) * 255.0 / 219.0);
		return out;
	}
}
