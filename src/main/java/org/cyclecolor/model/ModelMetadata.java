package org.cyclecolor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cyclecolor.image.YCbCrRange;

/**
 * What a model file says about itself, as text key/value pairs (ONNX {@code metadata_props}):
 * the variant and its settings, the networks present, the tensor interface and the provenance.
 * Readers rebuild the variant from the registry and check that every declared setting matches it.
 */
public final class ModelMetadata {

	/** The format of these keys; raise when their meaning changes. */
	public static final int FORMAT = 1;

	public static final String PREFIX = "cyclecolor.";
	public static final String FORMAT_KEY = PREFIX + "format";
	public static final String VARIANT = PREFIX + "variant";
	public static final String NETWORKS = PREFIX + "networks";
	public static final String CANDIDATES = PREFIX + "candidates";
	/** The most disparity candidates a model may declare (the shipped networks have 48 or 96). */
	public static final int MAX_CANDIDATES = 1024;
	public static final String FIRST_SHIFT = PREFIX + "first_shift";
	public static final String OUT_OF_IMAGE = PREFIX + "out_of_image";
	public static final String COLOR_RANGE = PREFIX + "color_range";
	public static final String NATIVE_SIDE = PREFIX + "native_color_side";
	public static final String UPSIDE_DOWN = PREFIX + "upside_down";
	public static final String SIZE_MULTIPLE = PREFIX + "size_multiple";
	public static final String SEARCH = PREFIX + "search";
	public static final String INTERFACE = PREFIX + "interface";
	public static final String PROVENANCE = PREFIX + "provenance.";

	private ModelMetadata() {}

	/** The metadata of a bundle (without software version and date, which the writer adds). */
	public static Map<String, String> of(ModelBundle bundle) {
		Variant v = bundle.variant();
		Map<String, String> m = new LinkedHashMap<>();
		m.put(FORMAT_KEY, Integer.toString(FORMAT));
		m.put(VARIANT, v.name());
		List<String> nets = new ArrayList<>();
		for (NetworkKind k : bundle.networks()) nets.add(k.key());
		m.put(NETWORKS, String.join(",", nets));
		m.put(CANDIDATES, Integer.toString(v.candidates()));
		m.put(FIRST_SHIFT, Integer.toString(v.firstShift()));
		m.put(OUT_OF_IMAGE, v.settings().outOfImage().key());
		m.put(COLOR_RANGE, v.colorRange().key());
		m.put(NATIVE_SIDE, Variant.NATIVE_SIDE.key());
		m.put(UPSIDE_DOWN, Boolean.toString(v.upsideDown()));
		m.put(SIZE_MULTIPLE, Integer.toString(v.sizeMultiple()));
		m.put(SEARCH, "candidate k (0.." + (v.candidates() - 1) + ") of target column x is reference column x - "
			+ v.firstShift() + " - k in the network's frame (colour camera on the right); flip both images left to right "
			+ "for a colour camera on the left" + (v.upsideDown() ? ", and always top to bottom (the network sees images upside down)" : ""));
		m.put(INTERFACE, interfaceText(bundle));
		for (Map.Entry<String, String> e : bundle.provenance().entries().entrySet()) {
			m.put(PROVENANCE + e.getKey(), e.getValue());
		}
		return m;
	}

	private static String interfaceText(ModelBundle bundle) {
		String range = bundle.variant().colorRange().key() + "-range BT.601 YCbCr, 0..255 float";
		StringBuilder sb = new StringBuilder();
		sb.append("target, reference: (N, 3, H, W) ").append(range).append(", channels [Y, Cb, Cr], H and W multiples of ")
			.append(bundle.variant().sizeMultiple()).append("; chroma: (N, 2, H, W) [Cb, Cr] 0..255; luminance: (N, 1, H, W)"
				+ " W-weighted reference Y 0..255; weights: (N, D, H, W) softmax over the D candidates");
		if (bundle.has(NetworkKind.REFINEMENT)) sb.append("; colorized: (N, 3, H, W) [Y, Cb, Cr]; refined: (N, 2, H, W) [Cb, Cr]");
		if (bundle.has(NetworkKind.STRUCTURE_SIMILARITY)) {
			sb.append("; gray, warped_luminance: (N, 1, H, W) Y 0..255; structure_similarity: (N, 1, H, W)");
		}
		return sb.toString();
	}

	/**
	 * The variant a file's metadata declares, checked against the registry.
	 *
	 * @throws IllegalArgumentException with a sentence saying what does not fit
	 */
	public static Variant variant(Map<String, String> meta) {
		String format = meta.get(FORMAT_KEY);
		String name = meta.get(VARIANT);
		if (format == null || name == null) {
			throw new IllegalArgumentException("it carries no Cycle Colorization metadata (" + VARIANT + ")");
		}
		int f = parseInt(meta, FORMAT_KEY);
		if (f > FORMAT) throw new IllegalArgumentException("it was written by a newer version (metadata format " + f + ")");
		if (!Variants.names().contains(name)) {
			throw new IllegalArgumentException("its variant '" + name + "' is not known to this version (known: " + Variants.names() + ")");
		}
		int candidates = parseInt(meta, CANDIDATES);
		if (candidates < 1 || candidates > MAX_CANDIDATES) {
			throw new IllegalArgumentException("its " + CANDIDATES + " is " + candidates + ", outside 1.." + MAX_CANDIDATES);
		}
		Variant v = Variants.get(name, candidates);
		expect(meta, FIRST_SHIFT, Integer.toString(v.firstShift()), name);
		expect(meta, OUT_OF_IMAGE, v.settings().outOfImage().key(), name);
		expect(meta, COLOR_RANGE, v.colorRange().key(), name);
		expect(meta, UPSIDE_DOWN, Boolean.toString(v.upsideDown()), name);
		expect(meta, SIZE_MULTIPLE, Integer.toString(v.sizeMultiple()), name);
		expect(meta, NATIVE_SIDE, Variant.NATIVE_SIDE.key(), name);
		return v;
	}

	/** The networks a file declares, in {@link NetworkKind} order. */
	public static List<NetworkKind> networks(Map<String, String> meta) {
		String s = meta.getOrDefault(NETWORKS, NetworkKind.COLORIZATION.key());
		List<NetworkKind> out = new ArrayList<>();
		for (String k : s.split(",")) {
			try {
				out.add(NetworkKind.fromKey(k.trim()));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("it declares an unknown network '" + k + "'");
			}
		}
		return out;
	}

	/** The colour range a file declares. */
	public static YCbCrRange colorRange(Map<String, String> meta) {
		return YCbCrRange.fromKey(meta.getOrDefault(COLOR_RANGE, ""));
	}

	/** The provenance entries ({@code cyclecolor.provenance.*}). */
	public static Provenance provenance(Map<String, String> meta) {
		Map<String, String> p = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : meta.entrySet()) {
			if (e.getKey().startsWith(PROVENANCE)) p.put(e.getKey().substring(PROVENANCE.length()), e.getValue());
		}
		return Provenance.of(p);
	}

	private static void expect(Map<String, String> meta, String key, String expected, String variant) {
		String got = meta.get(key);
		if (got == null || !got.equals(expected)) {
			throw new IllegalArgumentException("it declares " + key.substring(PREFIX.length()) + " = " + got + " but variant "
				+ variant + " uses " + expected);
		}
	}

	private static int parseInt(Map<String, String> meta, String key) {
		String s = meta.get(key);
		try {
			return Integer.parseInt(s.trim());
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("its " + key + " is not a number: " + s);
		}
	}
}
