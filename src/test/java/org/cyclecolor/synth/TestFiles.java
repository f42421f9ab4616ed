package org.cyclecolor.synth;

import java.nio.file.Path;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.ShortProcessor;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;

/** Writes test images to files. */
public final class TestFiles {

	private TestFiles() {}

	public static void writeRgb(RgbImage rgb, Path path) {
		ImageFiles.write(ImagePlusAdapter.toImagePlus("rgb", rgb), path, true);
	}

	/** An 8-bit gray file of the plane (rounded, clipped). */
	public static void writeGray(FloatPlane p, Path path) {
		byte[] px = new byte[p.size()];
		for (int i = 0; i < px.length; i++) px[i] = (byte) ImagePlusAdapter.to8bit(p.data()[i]);
		ImageFiles.write(new ImagePlus("gray", new ByteProcessor(p.width(), p.height(), px)), path, true);
	}

	/** A 16-bit gray file of the plane (values as they are). */
	public static void writeGray16(FloatPlane p, Path path) {
		short[] px = new short[p.size()];
		for (int i = 0; i < px.length; i++) px[i] = (short) Math.round(p.data()[i]);
		ImageFiles.write(new ImagePlus("gray16", new ShortProcessor(p.width(), p.height(), px, null)), path, true);
	}
}
