package org.cyclecolor.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.image.YCbCr;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.synth.DatasetPair;
import org.cyclecolor.synth.DatasetProblem;
import org.cyclecolor.synth.GroundTruth;
import org.cyclecolor.synth.MonoColorPair;
import org.cyclecolor.synth.PairDataset;

/**
 * A small in-memory dataset of synthesized pairs for training tests: a smooth random colour
 * texture seen by a mono camera (its luma) and, shifted by a known disparity, by a colour camera
 * on the left ({@code gray(x) = luma(color(x + shift))}); the ground truth is the gray view's colour.
 */
final class MemoryPairs implements PairDataset {

	private final List<DatasetPair> pairs = new ArrayList<>();
	private final List<Entry> entries = new ArrayList<>();

	/** {@code n} pairs of {@code w x h} with disparities {@code shift}, {@code shift + 1}, ... */
	MemoryPairs(int n, int w, int h, int shift, long seed) {
		for (int i = 0; i < n; i++) add(pair("p" + i, w, h, shift + i, seed + i));
	}

	void add(DatasetPair p) {
		pairs.add(p);
		MonoColorPair m = p.pair();
		entries.add(new Entry(m.id(), m.width(), m.height(), true, Map.of()));
	}

	/** A textured scene: sums of random sinusoids per channel, 0..255, wider by the shift. */
	static DatasetPair pair(String id, int w, int h, int shift, long seed) {
		Random r = new Random(seed);
		int wide = w + shift;
		FloatPlane[] scene = new FloatPlane[3];
		double[][] f = new double[9][4];
		for (double[] row : f) for (int i = 0; i < 4; i++) row[i] = r.nextDouble();
		for (int c = 0; c < 3; c++) {
			scene[c] = new FloatPlane(wide, h);
			for (int y = 0; y < h; y++) for (int x = 0; x < wide; x++) {
				double v = 0;
				for (int k = 0; k < 3; k++) {
					double[] g = f[c * 3 + k];
					v += Math.sin(0.05 + g[0] * 0.5 * x + g[1] * 0.4 * y + 6 * g[2]) * (0.4 + g[3]);
				}
				scene[c].set(x, y, (float) Math.max(0, Math.min(255, 128 + 45 * v)));
			}
		}
		RgbImage wideImg = new RgbImage(scene[0], scene[1], scene[2], 255);
		// gray(x) = scene(x + shift), colour(x) = scene(x): gray(x) = colour(x + shift), the colour camera on the left.
		RgbImage truth = wideImg.crop(shift, 0, w, h);
		RgbImage color = wideImg.crop(0, 0, w, h);
		FloatPlane gray = YCbCr.luma(truth);
		MonoColorPair p = new MonoColorPair(id, gray, color, ColorSide.LEFT, shift + 2, Map.of("test", "memory"));
		return new DatasetPair(p, new GroundTruth(truth, null, null));
	}

	@Override
	public String name() {
		return "memory pairs";
	}

	@Override
	public List<Entry> entries() {
		return entries;
	}

	@Override
	public List<DatasetProblem> problems() {
		return List.of();
	}

	@Override
	public DatasetPair load(int index) {
		return pairs.get(index);
	}
}
