package org.cyclecolor.synth;

import java.nio.file.Path;
import java.util.Map;

/** Something that yields a colour stereo pair on demand: a scene folder, or a photo made into a pair. */
interface StereoSource {

	String id();

	int width();

	int height();

	/** The source files by role, for provenance. */
	Map<String, Path> files();

	/** Loads (or makes) the stereo pair; the same source always gives the same pixels. */
	StereoViews load();
}
