package org.cyclecolor.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.real.FloatType;

import org.cyclecolor.UserException;
import org.junit.jupiter.api.Test;

class ImagePlusAdapterTest {

	@Test
	void floatProcessorIsWrappedWithoutCopy() {
		FloatProcessor fp = new FloatProcessor(4, 3);
		FloatPlane p = ImagePlusAdapter.toPlane(fp);
		assertSame(fp.getPixels(), p.data());
		RandomAccess<FloatType> ra = p.img().randomAccess();
		ra.setPosition(new long[] { 2, 1 });
		ra.get().set(7f);
		assertEquals(7f, fp.getf(2, 1));
		ImagePlus back = ImagePlusAdapter.toImagePlus("t", p);
		assertSame(p.data(), back.getProcessor().getPixels());
	}

	@Test
	void integerTypesAreConvertedWithTheirFullScale() {
		ShortProcessor sp = new ShortProcessor(2, 1);
		sp.set(0, 0, 65535);
		assertEquals(65535f, ImagePlusAdapter.toPlane(sp).get(0, 0));
		assertEquals(65535, ImagePlusAdapter.typeFullScale(new ImagePlus("s", sp)));
		assertEquals(255, ImagePlusAdapter.typeFullScale(new ImagePlus("b", new ByteProcessor(2, 2))));
		assertTrue(Double.isNaN(ImagePlusAdapter.typeFullScale(new ImagePlus("f", new FloatProcessor(2, 2)))));
	}

	@Test
	void rgbRoundTripsThroughColorProcessor() {
		ColorProcessor cp = new ColorProcessor(3, 2);
		cp.set(1, 1, 0xff102030);
		RgbImage rgb = ImagePlusAdapter.toRgb(new ImagePlus("c", cp), Double.NaN);
		assertEquals(0x10, rgb.r().get(1, 1));
		assertEquals(0x20, rgb.g().get(1, 1));
		assertEquals(0x30, rgb.b().get(1, 1));
		ImagePlus back = ImagePlusAdapter.toImagePlus("c2", rgb);
		assertEquals(0xff102030, back.getProcessor().get(1, 1));
	}

	@Test
	void grayStoredAsRgbIsDetected() {
		ColorProcessor cp = new ColorProcessor(3, 2);
		cp.setColor(new java.awt.Color(40, 40, 40));
		cp.fill();
		assertTrue(ImagePlusAdapter.toRgb(new ImagePlus("g", cp), Double.NaN).isGray(0));
		cp.set(0, 0, 0xff282929);
		assertTrue(!ImagePlusAdapter.toRgb(new ImagePlus("g", cp), Double.NaN).isGray(0));
	}

	@Test
	void stacksAreRefusedWithAClearMessage() {
		ImageStack st = new ImageStack(4, 4);
		st.addSlice(new ByteProcessor(4, 4));
		st.addSlice(new ByteProcessor(4, 4));
		UserException e = assertThrows(UserException.class,
			() -> ImagePlusAdapter.requireSingleImage(new ImagePlus("two", st), "gray", false));
		assertTrue(e.getMessage().contains("stack of 2 planes"), e.getMessage());
	}
}
