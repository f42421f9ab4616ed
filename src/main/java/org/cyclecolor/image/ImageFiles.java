package org.cyclecolor.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import ij.ImagePlus;
import ij.io.FileInfo;
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
		PixelBudget.check(path);
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

	/**
	 * The file formats {@link #write} understands, by extension, and the images each holds:
	 * <pre>
	 *            8-bit gray  16-bit gray  32-bit gray  RGB  16-bit RGB*  32-bit RGB*  stacks
	 *   TIFF        yes         yes          yes       yes     yes          yes        yes
	 *   PNG         yes         yes           -        yes      -            -          -
	 *   PGM         yes         yes           -         -       -            -          -
	 *   PPM          -           -            -        yes     yes           -          -
	 *   JPEG, BMP   yes          -            -        yes      -            -          -
	 * </pre>
	 * (* a 3-channel composite). JPEG is lossy; the others keep every value.
	 */
	public enum Format {
		PNG, TIFF, JPEG, BMP, PGM, PPM, PNM;

		/** The format of a file name's extension; a {@link UserException} when there is none. */
		public static Format of(Path path) {
			String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
			int dot = name.lastIndexOf('.');
			String ext = dot < 0 ? "" : name.substring(dot + 1);
			switch (ext) {
				case "png": return PNG;
				case "tif": case "tiff": return TIFF;
				case "jpg": case "jpeg": return JPEG;
				case "bmp": return BMP;
				case "pgm": return PGM;
				case "ppm": return PPM;
				case "pnm": return PNM;
				default:
					throw new UserException("Cannot tell the image format of " + path.getFileName()
						+ "; end the name with .tif, .png, .jpg, .bmp, .pgm or .ppm.");
			}
		}

		/** True when this format stores {@code imp} (see the table above). */
		public boolean holds(ImagePlus imp) {
			if (this == TIFF) return true;
			boolean single = imp.getStackSize() == 1;
			int depth = imp.getBitDepth();
			switch (this) {
				case PNG: return single && (depth == 8 || depth == 16 || depth == 24);
				case JPEG: case BMP: return single && (depth == 8 || depth == 24);
				case PGM: return PnmWriter.isGray(imp);
				case PPM: return PnmWriter.isColor(imp);
				default: return PnmWriter.isGray(imp) || PnmWriter.isColor(imp);
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
		// FileSaver retitles the image and points its file info at the (temporary) file: undo that.
		String title = imp.getTitle();
		boolean changes = imp.changes;
		FileInfo fileInfo = imp.getOriginalFileInfo();
		try {
			writeAtomically(path, overwrite, tmp -> {
				FileSaver saver = new FileSaver(imp);
				String t = tmp.toString();
				boolean ok;
				switch (format) {
					case PNG: ok = saver.saveAsPng(t); break;
					case TIFF: ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(t) : saver.saveAsTiff(t); break;
					case JPEG: ok = saver.saveAsJpeg(t); break;
					case BMP: ok = saver.saveAsBmp(t); break;
					default:
						PnmWriter.write(imp, tmp);
						ok = true;
				}
				if (!ok || !Files.exists(tmp)) {
					throw new UserException("Could not write " + path + "; check that the folder is writable and the disk has space.");
				}
				// ImageJ's PNG, JPEG and BMP writers do not report a short write (a full disk): check the file's own end.
				requireComplete(tmp, format, path);
			});
		}
		finally {
			imp.setTitle(title);
			imp.changes = changes;
			imp.setFileInfo(fileInfo);
		}
	}

	/** The chunk every complete PNG file ends with: length 0, "IEND", its CRC. */
	private static final byte[] PNG_END = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82 };

	/**
	 * Checks that a freshly written file is whole, from what its format says about its own end:
	 * a PNG ends with its IEND chunk, a JPEG with the end-of-image marker, a BMP is as long as its
	 * header says. A disk that fills up mid-write leaves none of these, and ImageJ's writers do not
	 * notice (they return success). Other formats are written by code that reports every short write.
	 *
	 * @throws UserException naming {@code target} when the file is incomplete
	 */
	static void requireComplete(Path file, Format format, Path target) throws IOException {
		long size = Files.size(file);
		boolean whole;
		switch (format) {
			case PNG: whole = endsWith(file, size, PNG_END); break;
			case JPEG: whole = endsWith(file, size, new byte[] { (byte) 0xFF, (byte) 0xD9 }); break;
			case BMP: {
				byte[] h = head(file, 6);
				long declared = h.length < 6 ? -1
					: (h[2] & 0xFFL) | (h[3] & 0xFFL) << 8 | (h[4] & 0xFFL) << 16 | (h[5] & 0xFFL) << 24;
				whole = h.length == 6 && h[0] == 'B' && h[1] == 'M' && declared == size;
				break;
			}
			default: whole = size > 0;
		}
		if (!whole) {
			throw new UserException("Could not write " + target + " completely (only " + size + " bytes were written); check that "
				+ "the disk has space.");
		}
	}

	private static boolean endsWith(Path file, long size, byte[] tail) throws IOException {
		if (size < tail.length) return false;
		try (java.nio.channels.SeekableByteChannel c = Files.newByteChannel(file)) {
			java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(tail.length);
			c.position(size - tail.length);
			while (b.hasRemaining() && c.read(b) > 0) {
				// read the last bytes
			}
			return java.util.Arrays.equals(b.array(), tail);
		}
	}

	private static byte[] head(Path file, int n) throws IOException {
		try (java.io.InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(n);
		}
	}

	/**
	 * Writes a text file (a table, a report) in UTF-8 the same careful way as images: refused over
	 * an existing file unless {@code overwrite}, written to a hidden temporary file in the same
	 * folder and renamed into place.
	 */
	public static void writeText(Path path, String text, boolean overwrite) {
		writeAtomically(path, overwrite, tmp -> Files.writeString(tmp, text, java.nio.charset.StandardCharsets.UTF_8));
	}

	/** What goes into the temporary file: written (and checked) completely before the rename. */
	public interface Content {
		void writeTo(Path temporary) throws IOException;
	}

	/**
	 * Writes any file the careful way: refused over an existing file unless {@code overwrite}
	 * ({@link #prepareTarget}), made under a hidden temporary name in the same folder (with the
	 * same extension, which some writers need) and renamed into place only when complete, so that
	 * a failure leaves neither a partial file nor a temporary one, and the old file survives it.
	 */
	public static void writeAtomically(Path path, boolean overwrite, Content content) {
		prepareTarget(path, overwrite);
		String name = path.getFileName().toString();
		int dot = name.lastIndexOf('.');
		Path tmp = path.toAbsolutePath().getParent().resolve("." + name + ".tmp-" + ProcessHandle.current().pid() + "-"
			+ System.nanoTime() + (dot > 0 ? name.substring(dot) : ""));
		try {
			content.writeTo(tmp);
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
	 * Checks, before any work is done, that an image like {@code like} (its type and stack size
	 * matter, not its pixels) can be written at {@code path}: a known extension whose format holds
	 * it, and a target that {@link #prepareTarget} accepts.
	 */
	public static void checkOutput(Path path, ImagePlus like, boolean overwrite) {
		checkFormatHolds(Format.of(path), like, path);
		prepareTarget(path, overwrite);
	}

	/** True when both paths exist and are the same file (links and relative paths resolved): an output that is an input. */
	public static boolean isSameFile(Path a, Path b) {
		try {
			return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
		}
		catch (IOException e) {
			return false;
		}
	}

	/**
	 * Checks that an output may be written at {@code path}: its folder exists (it is created when
	 * missing) and, unless {@code overwrite}, no file is there yet.
	 */
	public static void prepareTarget(Path path, boolean overwrite) {
		if (Files.exists(path) && !overwrite) {
			throw new UserException("The output file " + path + " already exists; choose another name or allow "
				+ "overwriting (--overwrite on the command line, overwrite in macros).");
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
		// before any work: a read-only folder otherwise fails only when the result is written
		if (!Files.isWritable(dir)) {
			throw new UserException("The output folder " + dir + " cannot be written; choose another folder or change its permissions.");
		}
	}

	private static void checkFormatHolds(Format format, ImagePlus imp, Path path) {
		if (format.holds(imp)) return;
		String name = path.getFileName().toString();
		String base = name.substring(0, name.lastIndexOf('.'));
		StringBuilder options = new StringBuilder();
		for (Format f : new Format[] { Format.TIFF, Format.PNG, Format.PGM, Format.PPM }) {
			if (f.holds(imp)) options.append(options.length() == 0 ? "" : " or ").append(base).append('.')
				.append(f == Format.TIFF ? "tif" : f.name().toLowerCase(Locale.ROOT));
		}
		throw new UserException(format + " cannot store " + describe(imp) + "; save it as " + options + ".");
	}

	/** "an 8-bit gray image", "a 16-bit RGB image (3 channels)", "a stack of 5 planes", ... */
	static String describe(ImagePlus imp) {
		int depth = imp.getBitDepth();
		if (imp.getType() == ImagePlus.COLOR_RGB) return imp.getStackSize() == 1 ? "an RGB image" : "a stack of "
			+ imp.getStackSize() + " RGB planes";
		if (imp.getStackSize() == 3 && imp.getNChannels() == 3) return "a " + depth + "-bit RGB image (3 channels)";
		if (imp.getStackSize() > 1) return "a stack of " + imp.getStackSize() + " planes";
		return (depth == 8 ? "an " : "a ") + depth + "-bit gray image";
	}
}
