package org.cyclecolor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tiles cover the image once (weights sum to one), on the alignment grid, with their margins, within the budget. */
class TileGridTest {

	@Test
	void weightsSumToOneAndTilesHoldTheirMarginsAndBudget() {
		ReceptiveField field = new ReceptiveField(78, 31, 31, 31, false);
		for (int[] c : new int[][] { { 1000, 752, 4, 120_000 }, { 300, 20, 4, 9000 }, { 4000, 3000, 1, 2_000_000 }, { 64, 64, 4, 1 << 20 } }) {
			int w = c[0], h = c[1], align = c[2];
			TileGrid g = TileGrid.plan(w, h, c[3], field, align, 8);
			double[] sum = new double[w * h];
			for (TileGrid.Tile t : g.tiles()) {
				assertTrue(t.width() * (long) t.height() <= c[3] || g.tiles().size() == 1, "budget " + t);
				assertEquals(0, t.x0() % align, t.toString());
				assertEquals(0, t.y0() % align, t.toString());
				float[] wx = g.weightsX(t), wy = g.weightsY(t);
				for (int y = 0; y < t.height(); y++) {
					for (int x = 0; x < t.width(); x++) {
						float k = wx[x] * wy[y];
						if (k == 0) continue;
						int ix = t.x0() + x, iy = t.y0() + y;
						sum[iy * w + ix] += k;
						// every contributed pixel has its whole receptive field inside the tile (or the image ends)
						assertTrue(ix - field.left() >= t.x0() || t.x0() == 0, "left margin " + t + " at " + ix);
						assertTrue(ix + field.right() < t.x1() || t.x1() == w, "right margin " + t + " at " + ix);
						assertTrue(iy - field.up() >= t.y0() || t.y0() == 0, "top margin " + t + " at " + iy);
						assertTrue(iy + field.down() < t.y1() || t.y1() == h, "bottom margin " + t + " at " + iy);
					}
				}
			}
			for (int i = 0; i < sum.length; i++) assertEquals(1, sum[i], 1e-6, g + " of " + w + "x" + h + " at " + i);
			System.out.println(w + "x" + h + " in " + c[3] + " px: " + g + ", overhead " + g.overhead());
		}
	}

	@Test
	void aPairThatFitsIsOneTile() {
		TileGrid g = TileGrid.plan(256, 196, 256 * 196, new ReceptiveField(78, 31, 31, 31, false), 4, 8);
		assertEquals(1, g.tiles().size());
		assertEquals(1.0, g.overhead());
	}
}
