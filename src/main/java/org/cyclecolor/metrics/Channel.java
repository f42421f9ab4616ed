package org.cyclecolor.metrics;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;

/**
 * One channel of a colour image that a metric can compare: R, G, B, or full-range BT.601 Y, Cb,
 * Cr (in the image's own units, so 0..255 for 8-bit data).
 */
public enum Channel {
	R, G, B, Y, CB, CR;

	/** Lower-case name used in options, tables and JSON ("r", "y", "cb", ...). */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Display name ("R", "Y", "Cb", ...). */
	public String label() {
		switch (this) {
			case CB: return "Cb";
			case CR: return "Cr";
			default: return name();
		}
	}

	/** This channel of {@code rgb}; R, G, B are shared, Y, Cb, Cr computed. */
	public FloatPlane of(RgbImage rgb) {
		return planes(rgb, EnumSet.of(this)).get(this);
	}

	/** The given channels of {@code rgb}, converting to YCbCr at most once. */
	public static Map<Channel, FloatPlane> planes(RgbImage rgb, Set<Channel> channels) {
		Map<Channel, FloatPlane> out = new EnumMap<>(Channel.class);
		YCbCrImage ycc = null;
		for (Channel ch : channels) {
			switch (ch) {
				case R: out.put(ch, rgb.r()); break;
				case G: out.put(ch, rgb.g()); break;
				case B: out.put(ch, rgb.b()); break;
				case Y: out.put(ch, YCbCr.luma(rgb)); break;
				default:
					if (ycc == null) ycc = YCbCr.toYCbCr(rgb, YCbCrRange.FULL);
					out.put(ch, ch == CB ? ycc.cb() : ycc.cr());
			}
		}
		return out;
	}
}
