package org.cyclecolor.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;

import org.cyclecolor.UserException;

/**
 * Reads and writes image files through ImageJ: PNG, TIFF, JPEG, BMP, PGM/PPM, and what else
 * ImageJ opens. Writing picks the format from the file extension, refuses to overwrite unless
 * asked, and writes to a temporary file in the same folder first so that a failed write never
 * leaves a half-written file in place of a good one.
 */
public final class ImageFiles {

	private ImageFiles() {}

	/** Opens an image file; a clear {@link UserException} when it is missing or unreadable. */
	public static ImagePlus read(Path path) {
		if (path == null) throw new UserException("No image file was given; pass the path of an image.");
		if (!Files.exists(path)) {
			throw new UserException("The image file " + path + " does not exist; check the path.");
		}
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new UserException("The image file " + path + " cannot be read; check that it is a readable file.");
		}
		ImagePlus imp;
		try {
			imp = new Opener().openImage(path.toAbsolutePath().toString());
		}
		catch (RuntimeException e) {
			imp = null;
		}
		if (imp == null) {
			throw new UserException("ImageJ cannot read " + path.getFileName()
				+ " as an image; use PNG, TIFF, JPEG, BMP or PGM/PPM.");
		}
		if (imp.getTitle() == null || imp.getTitle().isEmpty()) imp.setTitle(path.getFileName().toString());
		return imp;
	}

	/** The file formats {@link #write} understands, by extension. */
	public enum Format {
		PNG, TIFF, JPEG, BMP, PNM;

		static Format of(Path path) {
			String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
			int dot = name.lastIndexOf('.');
			String ext = dot < 0 ? "" : name.substring(dot + 1);
			switch (ext) {
				case "png": return PNG;
				case "tif": case "tiff": return TIFF;
				case "jpg": case "jpeg": return JPEG;
				case "bmp": return BMP;
				case "pgm": case "ppm": case "pnm": return PNM;
				default:
					throw new UserException("Cannot tell the image format of " + path.getFileName()
						+ "; end the name with .png, .tif, .jpg, .bmp, .pgm or .ppm.");
			}
		}
	}

	/**
	 * Writes {@code imp} to {@code path} in the format its extension names.
	 *
	 * @param overwrite replace an existing file; when false an existing file is an error
	 */
	public static void write(ImagePlus imp, Path path, boolean overwrite) {
		Format format = Format.of(path);
		checkFormatHolds(format, imp, path);
		prepareTarget(path, overwrite);
		Path dir = path.toAbsolutePath().getParent();
		String name = path.getFileName().toString();
		Path tmp = dir.resolve("." + name + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime()
			+ name.substring(name.lastIndexOf('.')));
		try {
			FileSaver saver = new FileSaver(imp);
			String t = tmp.toString();
			boolean ok;
			switch (format) {
				case PNG: ok = saver.saveAsPng(t); break;
				case TIFF: ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(t) : saver.saveAsTiff(t); break;
				case JPEG: ok = saver.saveAsJpeg(t); break;
				case BMP: ok = saver.saveAsBmp(t); break;
				default: ok = saver.saveAsPgm(t); break;
			}
			if (!ok || !Files.exists(tmp)) {
				throw new UserException("Could not write " + path + "; check that the folder is writable and the disk has space.");
			}
			Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UserException("Could not write " + path + " (" + e.getMessage()
				+ "); check that the folder is writable and the disk has space.", e);
		}
		finally {
			try {
				Files.deleteIfExists(tmp);
			}
			catch (IOException ignored) {
				// best effort: the temporary file is hidden and harmless
			}
		}
	}

	/**
	 * Checks that an output may be written at {@code path}: its folder exists (it is created when
	 * missing) and, unless {@code overwrite}, no file is there yet.
	 */
	public static void prepareTarget(Path path, boolean overwrite) {
		if (Files.exists(path) && !overwrite) {
			throw new UserException("The output file " + path + " already exists; choose another name or allow overwriting (--overwrite).");
		}
		if (Files.isDirectory(path)) {
			throw new UserException("The output path " + path + " is a folder; give a file name.");
		}
		Path dir = path.toAbsolutePath().getParent();
		try {
			Files.createDirectories(dir);
		}
		catch (IOException e) {
			throw new UserException("Cannot create the output folder " + dir + "; check the path and permissions.", e);
		}
	}

	private static void checkFormatHolds(Format format, ImagePlus imp, Path path) {
		int depth = imp.getBitDepth();
		boolean stack = imp.getStackSize() > 1;
		if (format == Format.TIFF) return;
		if (stack) {
			throw new UserException("Only TIFF holds a stack of " + imp.getStackSize() + " planes; save "
				+ path.getFileName() + " as .tif.");
		}
		boolean fits;
		switch (format) {
			case PNG: fits = depth == 8 || depth == 16 || depth == 24; break;
			case JPEG: case BMP: case PNM: fits = depth == 8 || depth == 24; break;
			default: fits = true;
		}
		if (!fits) {
			throw new UserException(format + " cannot store a " + depth + "-bit image; save " + path.getFileName()
				+ " as .tif" + (depth == 16 ? " or .png" : "") + ".");
		}
	}
}
