package org.cyclecolor.train;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cyclecolor.synth.DatasetPair;
import org.cyclecolor.synth.TestFiles;

/** Writes {@link MemoryPairs} as a pairs folder (mono/ and color/ PNGs, no manifest: colour camera on the left). */
public final class PairFolders {

	private PairFolders() {}

	/** {@code n} pairs of {@code w x h} in {@code dir}/mono and {@code dir}/color. */
	public static Path write(Path dir, int n, int w, int h) throws java.io.IOException {
		Files.createDirectories(dir.resolve("mono"));
		Files.createDirectories(dir.resolve("color"));
		MemoryPairs pairs = new MemoryPairs(n, w, h, 3, 5);
		for (int i = 0; i < n; i++) {
			DatasetPair p = pairs.load(i);
			TestFiles.writeGray(p.pair().gray(), dir.resolve("mono/" + p.id() + ".png"));
			TestFiles.writeRgb(p.pair().color(), dir.resolve("color/" + p.id() + ".png"));
		}
		return dir;
	}
}
