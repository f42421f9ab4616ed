package org.cyclecolor.synth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.method.ColorizationInput;

/**
 * What a colorization method (and the self-supervised cycle training) may see of a pair: the mono
 * camera's gray plane and the colour camera's image, both in 0..255 and of one size, rectified so
 * that matches lie on the same row; where the colour camera sits; a suggested largest disparity;
 * and a name. It holds no ground truth and no reference to any: a dataset's ground truth travels
 * beside it in {@link DatasetPair}, so code given only {@code MonoColorPair}s cannot read it.
 *
 * @param id a short name, unique within its dataset and usable as a file name (no '/')
 * @param gray the mono image, 0..255
 * @param color the colour reference, full scale 255
 * @param colorSide where the colour camera is: {@code gray(x) ≈ color(x + colorSide.sign() · d)}
 * @param maxDisparity a suggested largest disparity to search, pixels (≥ 1); may exceed the width of a crop
 * @param provenance where the pair came from and how it was made (source files, preset, seed...), in order
 */
public record MonoColorPair(String id, FloatPlane gray, RgbImage color, ColorSide colorSide, int maxDisparity,
	Map<String, String> provenance)
{

	public MonoColorPair {
		if (id == null || id.isEmpty() || id.contains("/") || id.contains("\\")) {
			throw new IllegalArgumentException("A pair needs a non-empty id without path separators, got '" + id + "'.");
		}
		if (!gray.sameSize(color.r())) {
			throw new IllegalArgumentException("Pair " + id + ": gray " + gray + " and colour " + color + " differ in size.");
		}
		if (color.maxValue() != 255) {
			throw new IllegalArgumentException("Pair " + id + ": the colour image must be in 0..255 units.");
		}
		if (colorSide == null) throw new IllegalArgumentException("Pair " + id + ": the colour camera side is missing.");
		if (maxDisparity < 1) throw new IllegalArgumentException("Pair " + id + ": max disparity " + maxDisparity + " < 1.");
		provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
	}

	public int width() {
		return gray.width();
	}

	public int height() {
		return gray.height();
	}

	/**
	 * The pair as a colorization method's input; the disparity to search is capped at
	 * {@code width − 1} (a crop can be narrower than the scene's disparity range).
	 */
	public ColorizationInput input() {
		return new ColorizationInput(gray, color, colorSide, Math.min(maxDisparity, width() - 1));
	}

	/** The rectangle [x0, x0+w) × [y0, y0+h) of both images (same coordinates: the pair is rectified). */
	public MonoColorPair crop(int x0, int y0, int w, int h) {
		Map<String, String> p = new LinkedHashMap<>(provenance);
		p.put("crop", w + "x" + h + "+" + x0 + "+" + y0);
		return new MonoColorPair(id, gray.crop(x0, y0, w, h), color.crop(x0, y0, w, h), colorSide, maxDisparity, p);
	}

	@Override
	public String toString() {
		return "MonoColorPair[" + id + ", " + width() + "x" + height() + ", colour " + colorSide.key() + ", max disparity "
			+ maxDisparity + "]";
	}
}
