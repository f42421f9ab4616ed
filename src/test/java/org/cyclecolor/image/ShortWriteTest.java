package org.cyclecolor.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import ij.ImagePlus;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.cyclecolor.UserException;

/**
 * A disk that fills up while an image is written must give an error, never a truncated file at the
 * final path with success: ImageJ's PNG, JPEG and BMP writers return success after a short write,
 * so every written file is checked against what its format says about its own end.
 */
class ShortWriteTest {

	@TempDir
	Path dir;

	/** An RGB image of noise: PNG cannot compress it, so its file is about 3 bytes per pixel. */
	static ImagePlus noise(int w, int h) {
		Random r = new Random(3);
		int[] px = new int[w * h];
		for (int i = 0; i < px.length; i++) px[i] = r.nextInt(1 << 24);
		return new ImagePlus("noise", new ColorProcessor(w, h, px));
	}

	@ParameterizedTest
	@ValueSource(strings = { "png", "jpg", "bmp" })
	void aTruncatedFileIsRefusedAndAWholeOneAccepted(String ext) throws IOException {
		Path whole = dir.resolve("whole." + ext);
		ImageFiles.write(noise(120, 80), whole, false);
		ImageFiles.Format f = ImageFiles.Format.of(whole);
		ImageFiles.requireComplete(whole, f, whole); // no exception
		byte[] bytes = Files.readAllBytes(whole);
		for (int keep : new int[] { 0, 1, bytes.length / 2, bytes.length - 1 }) {
			Path cut = dir.resolve("cut-" + keep + "." + ext);
			Files.write(cut, java.util.Arrays.copyOf(bytes, keep));
			UserException e = assertThrows(UserException.class, () -> ImageFiles.requireComplete(cut, f, whole), ext + " cut at " + keep);
			assertTrue(e.getMessage().startsWith("Could not write " + whole + " completely (only " + keep + " bytes"), e.getMessage());
		}
	}

	/** The real thing, where the machine allows it (root, tmpfs): a 64 KB file system. */
	@ParameterizedTest
	@ValueSource(strings = { "png", "bmp", "tif", "ppm" })
	void onAFullDiskNothingIsLeftAndTheErrorSaysSo(String ext) throws Exception {
		Path mount = dir.resolve("tiny");
		Files.createDirectories(mount);
		assumeTrue(mounted(mount), "cannot mount a tmpfs here (needs root): the truncation check is covered by the test above");
		try {
			Path out = mount.resolve("out." + ext);
			UserException e = assertThrows(UserException.class, () -> ImageFiles.write(noise(200, 150), out, false));
			assertTrue(e.getMessage().startsWith("Could not write " + out), e.getMessage());
			try (var s = Files.list(mount)) {
				assertEquals(0, s.count(), "neither the output nor a temporary file is left");
			}
		}
		finally {
			// lazily: ImageJ's BMP writer leaves its stream open after a failed write, until collected
			new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor();
		}
	}

	/** Issue 17 item 8: a folder that cannot be written is refused when the outputs are checked, before any work. */
	@Test
	void aFolderThatCannotBeWrittenIsRefusedBeforeAnyWork() throws Exception {
		Path folder = dir.resolve("read-only");
		Files.createDirectories(folder);
		// root may write anywhere on a writable file system: then a read-only tmpfs; otherwise the folder's mode
		boolean mount = mounted(folder, "ro,size=64k");
		if (!mount) folder.toFile().setWritable(false, false);
		try {
			assumeTrue(!Files.isWritable(folder), "neither a read-only mount nor a read-only mode is possible here");
			UserException e = assertThrows(UserException.class, () -> ImageFiles.checkOutput(folder.resolve("out.png"), noise(8, 8), false));
			assertEquals("The output folder " + folder + " cannot be written; choose another folder or change its permissions.", e.getMessage());
		}
		finally {
			if (mount) new ProcessBuilder("umount", "-l", folder.toString()).start().waitFor();
			else folder.toFile().setWritable(true, false);
		}
	}

	private static boolean mounted(Path mount) {
		return mounted(mount, "size=64k");
	}

	private static boolean mounted(Path mount, String options) {
		try {
			Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", mount.toString()).redirectErrorStream(true)
				.start();
			p.getInputStream().readAllBytes();
			return p.waitFor() == 0;
		}
		catch (IOException | InterruptedException e) {
			return false;
		}
	}
}
