package org.cyclecolor.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.cyclecolor.UserException;

/** Listing the image files of dataset folders. */
final class Folders {

	/** Extensions read as images (ImageJ opens them all). */
	static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "tif", "tiff", "jpg", "jpeg", "bmp", "gif", "pgm", "ppm",
		"pnm");

	private Folders() {}

	/** Lower-case extension without the dot, or "" when there is none. */
	static String extension(Path p) {
		String name = p.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/** The name without its extension. */
	static String stem(Path p) {
		String name = p.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot <= 0 ? name : name.substring(0, dot);
	}

	static boolean isHidden(Path p) {
		String name = p.getFileName().toString();
		return name.startsWith(".") || name.equals("Thumbs.db") || name.equals("desktop.ini");
	}

	static boolean isImage(Path p) {
		return Files.isRegularFile(p) && IMAGE_EXTENSIONS.contains(extension(p));
	}

	/** The folder's entries (files and folders), hidden ones left out, sorted by name. */
	static List<Path> list(Path dir) {
		try (Stream<Path> s = Files.list(dir)) {
			List<Path> out = new ArrayList<>();
			s.filter(p -> !isHidden(p)).sorted().forEach(out::add);
			return out;
		}
		catch (IOException e) {
			throw new UserException("Cannot list the folder " + dir + " (" + e.getMessage() + "); check the path and permissions.", e);
		}
	}

	/** The image file of the folder whose name without extension is {@code stem} (ignoring case), or null. */
	static Path findByStem(Path dir, String stem) {
		if (!Files.isDirectory(dir)) return null;
		Path found = null;
		for (Path p : list(dir)) {
			if (isImage(p) && stem(p).equalsIgnoreCase(stem)) {
				if (found != null) {
					throw new UserException("The folder " + dir + " holds two images named " + stem + " (" + found.getFileName()
						+ " and " + p.getFileName() + "); keep one.");
				}
				found = p;
			}
		}
		return found;
	}
}
