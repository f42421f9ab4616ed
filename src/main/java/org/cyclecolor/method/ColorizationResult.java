package org.cyclecolor.method;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.YCbCrImage;

/**
 * A colorized image (Y is the mono image's gray, Cb and Cr come from the method) and any maps the
 * method can show about itself, by name: e.g. "disparity", "confidence", "valid".
 */
public final class ColorizationResult {

	private final YCbCrImage image;
	private final Map<String, FloatPlane> maps;

	public ColorizationResult(YCbCrImage image, Map<String, FloatPlane> maps) {
		this.image = image;
		this.maps = Collections.unmodifiableMap(new LinkedHashMap<>(maps));
	}

	public ColorizationResult(YCbCrImage image) {
		this(image, Map.of());
	}

	public YCbCrImage image() {
		return image;
	}

	/** Named diagnostic maps of the image's size, in insertion order. */
	public Map<String, FloatPlane> maps() {
		return maps;
	}
}
