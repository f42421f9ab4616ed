package org.cyclecolor.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomCropsTest {

	private static List<PairDataset.Entry> entries(int... sizes) {
		List<PairDataset.Entry> list = new java.util.ArrayList<>();
		for (int i = 0; i < sizes.length; i += 2) list.add(new PairDataset.Entry("p" + i / 2, sizes[i], sizes[i + 1], true, Map.of()));
		return list;
	}

	/** One rectangle for the pair and every ground-truth map: cropped pixels equal the originals at the offset. */
	@Test
	void cropsPairAndGroundTruthAlike() {
		StereoViews v = PhotoStereo.synthesize("s", TestPhotos.photo(120, 80, 1), new PhotoStereo.Settings(12, 1, 2), 1);
		DatasetPair full = MonoColorProtocol.make(v, StereoViews.Side.LEFT, "s", Degradation.NOISY, 1, true);
		RandomCrops crops = new RandomCrops(entries(120, 80), 50, 30, 7);
		for (long step = 0; step < 5; step++) {
			RandomCrops.Crop c = crops.at(step);
			DatasetPair cut = c.apply(full);
			GroundTruth t = cut.groundTruth().orElseThrow(), ft = full.groundTruth().orElseThrow();
			for (int y = 0; y < 30; y++) {
				for (int x = 0; x < 50; x++) {
					int fx = c.x() + x, fy = c.y() + y;
					assertEquals(full.pair().gray().get(fx, fy), cut.pair().gray().get(x, y));
					assertEquals(full.pair().color().b().get(fx, fy), cut.pair().color().b().get(x, y));
					assertEquals(ft.color().g().get(fx, fy), t.color().g().get(x, y));
					assertEquals(ft.disparity().get(fx, fy), t.disparity().get(x, y));
					assertEquals(ft.occlusion().get(fx, fy), t.occlusion().get(x, y));
				}
			}
			assertEquals(full.pair().colorSide(), cut.pair().colorSide());
			assertEquals(c.width() + "x" + c.height() + "+" + c.x() + "+" + c.y(), cut.pair().provenance().get("crop"));
		}
	}

	/** Step n's crop depends on the seed and n only: a resumed run sees the same crops. */
	@Test
	void cropOfAStepDependsOnlyOnSeedAndStep() {
		List<PairDataset.Entry> e = entries(300, 200, 256, 256, 640, 480);
		RandomCrops a = new RandomCrops(e, 128, 96, 3), b = new RandomCrops(e, 128, 96, 3), c = new RandomCrops(e, 128, 96, 4);
		assertEquals(a.at(1000), b.at(1000));
		assertEquals(a.at(17), b.at(17));
		int differ = 0;
		for (long s = 0; s < 50; s++) if (!a.at(s).equals(c.at(s))) differ++;
		assertTrue(differ > 45);
	}

	/** Items and positions are uniform: every item is used, positions reach both ends of the range. */
	@Test
	void coversItemsAndPositionsUniformly() {
		List<PairDataset.Entry> e = entries(100, 60, 200, 60, 300, 60);
		RandomCrops crops = new RandomCrops(e, 100, 60, 1);
		int[] count = new int[3];
		int maxX = 0, minX = Integer.MAX_VALUE;
		for (long s = 0; s < 3000; s++) {
			RandomCrops.Crop c = crops.at(s);
			count[c.index()]++;
			assertTrue(c.x() >= 0 && c.x() + 100 <= e.get(c.index()).width() && c.y() == 0);
			if (c.index() == 2) {
				maxX = Math.max(maxX, c.x());
				minX = Math.min(minX, c.x());
			}
		}
		for (int n : count) assertEquals(1000, n, 100);
		assertEquals(0, minX);
		assertEquals(200, maxX);
	}

	@Test
	void aCropLargerThanAnImageNamesTheImageAndItsSize() {
		UserException e = assertThrows(UserException.class, () -> new RandomCrops(entries(512, 256, 300, 400, 511, 300), 512,
			256, 1));
		assertTrue(e.getMessage().contains("512x256 is larger than 2 images"), e.getMessage());
		assertTrue(e.getMessage().contains("p1 is 300x400") && e.getMessage().contains("p2 is 511x300"), e.getMessage());
		assertThrows(UserException.class, () -> new RandomCrops(entries(10, 10), 0, 5, 1));
		assertThrows(UserException.class, () -> new RandomCrops(List.of(), 5, 5, 1));
		DatasetPair small = new DatasetPair(new MonoColorPair("tiny", FloatPlane.filled(40, 30, 1),
			TestPhotos.photo(40, 30, 1), org.cyclecolor.method.ColorSide.RIGHT, 8, Map.of()), null);
		e = assertThrows(UserException.class, () -> RandomCrops.crop(small, 64, 32, new Random(1)));
		assertTrue(e.getMessage().contains("tiny is 40x30"), e.getMessage());
	}

	@Test
	void loadsAndCropsFromADataset(@TempDir Path tmp) {
		TestFiles.writeRgb(TestPhotos.photo(120, 80, 1), tmp.resolve("a.png"));
		TestFiles.writeRgb(TestPhotos.photo(140, 90, 2), tmp.resolve("b.png"));
		PairDataset d = Datasets.open(tmp, DatasetOptions.defaults().withPhotos(new PhotoStereo.Settings(12, 1, 2), 2),
			Progress.NONE);
		assertEquals(4, d.size());
		RandomCrops crops = new RandomCrops(d.entries(), 64, 48, 5);
		DatasetPair p = crops.next(d, 3);
		assertEquals(64, p.pair().width());
		assertTrue(p.hasGroundTruth());
		MonoColorPair u = crops.next(d.withoutGroundTruth(), 3);
		assertArrayEquals(p.pair().gray().data(), u.gray().data());
		assertNotEquals(crops.at(3), crops.at(4));
	}
}
