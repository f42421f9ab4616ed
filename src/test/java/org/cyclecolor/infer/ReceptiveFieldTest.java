package org.cyclecolor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Variants;

/**
 * The receptive field read off the graph against the network itself: one input pixel is changed
 * and the output pixels that change must all lie within the field (and the field must not be
 * much wider than what changes, or tiles would waste their margins).
 */
class ReceptiveFieldTest {

	@Test
	void cyclecnnFieldBoundsWhatAChangedPixelReaches() {
		ReceptiveField f = ReceptiveField.of(Variants.get("cyclecnn").graph(NetworkKind.COLORIZATION));
		assertFalse(f.positionDependent());
		assertEquals(f.right() + 47, f.left(), "the 48 candidates reach 47 columns further left");
		int w = 256, h = 128, px = 132, py = 64;
		try (ColorizationModel m = TestModels.open(TestModels.cyclecnn())) {
			YCbCrImage[] pair = TestModels.pair(w, h, 5, 9, YCbCrRange.FULL);
			NetworkOutput base = m.colorize(pair[0], pair[1], ColorSide.RIGHT); // RIGHT: the network's own frame
			for (int which = 0; which < 2; which++) {
				YCbCrImage[] changed = { copy(pair[0]), copy(pair[1]) };
				changed[which].y().set(px, py, changed[which].y().get(px, py) + 40);
				NetworkOutput o = m.colorize(changed[0], changed[1], ColorSide.RIGHT);
				int minX = w, maxX = -1, minY = h, maxY = -1;
				for (int y = 0; y < h; y++) {
					for (int x = 0; x < w; x++) {
						boolean differs = false;
						for (int k = 0; k < o.weights().candidates() && !differs; k++) differs = o.weights().get(k, x, y) != base.weights().get(k, x, y);
						if (!differs) continue;
						minX = Math.min(minX, x);
						maxX = Math.max(maxX, x);
						minY = Math.min(minY, y);
						maxY = Math.max(maxY, y);
					}
				}
				String what = (which == 0 ? "target" : "reference") + " pixel changed";
				System.out.printf(Locale.ROOT, "%s: outputs change over x %d..%d, y %d..%d; field %s%n", what, minX - px, maxX - px, minY - py,
					maxY - py, f);
				assertTrue(maxX >= 0, what + ": something changes");
				// an output pixel at x reads inputs x - left .. x + right, so a changed input reaches px - right .. px + left
				assertTrue(px - minX <= f.right() && maxX - px <= f.left(), what + " along x");
				assertTrue(py - minY <= f.down() && maxY - py <= f.up(), what + " along y");
				assertTrue(maxY - py >= f.up() / 2 && py - minY >= f.down() / 2, what + ": the field is not loose");
			}
		}
	}

	@Test
	void refinementFieldIsTwoResNetsDeep() {
		// two 18-layer ResNets in a row, each a 5x5 and seventeen 3x3 convolutions: 2 + 17 per side, twice
		ReceptiveField f = ReceptiveField.of(Variants.get("cyclecnn").graph(NetworkKind.REFINEMENT));
		assertEquals(new ReceptiveField(38, 38, 38, 38, false), f);
		ReceptiveField authors = ReceptiveField.of(Variants.get("authors-aaai20").graph(NetworkKind.COLORIZATION));
		assertTrue(authors.positionDependent(), "the authors' geometry channels see the image size");
		assertEquals(authors.right() + 48, authors.left(), "candidates from 1 to 48");
	}

	private static YCbCrImage copy(YCbCrImage im) {
		return new YCbCrImage(im.y().copy(), im.cb().copy(), im.cr().copy(), im.range(), im.maxValue());
	}
}
