package org.cyclecolor.infer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.Resampler;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.matching.MatchingPrior;
import org.cyclecolor.matching.SgmMatcher;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Variant;

/**
 * One colorization pass of a model over a full-resolution pair: both images shrunk to the working
 * scale (area averaging), the colorization network M run there — in tiles when the pair needs more
 * memory than the budget allows — the chroma brought back to full resolution guided by the
 * target's full-resolution luminance, and the refinement network run at full resolution (tiled
 * too). Images are in the model's YCbCr range, 0..255. Sizes the network cannot take are padded
 * by reflection and cropped back; the padding goes where no real pixel searches for candidates
 * (after the last column in the network's frame), so it never stands in for image content.
 */
public final class InferenceEngine {

	/** Memory for one network run (tensors of one tile) unless the caller says otherwise: 1 GiB. */
	public static final long DEFAULT_MEMORY_BUDGET = 1L << 30;
	/** Width of the band in which neighbouring tiles are blended (working pixels for M, full pixels for the refinement). */
	static final int BLEND_BAND = 8;

	private final ColorizationModel model;
	private final ChromaUpsampler upsampler;
	private final long memoryBudget;

	/**
	 * @param memoryBudget bytes one network run may use; the pair is tiled to stay within it
	 */
	public InferenceEngine(ColorizationModel model, ChromaUpsampler upsampler, long memoryBudget) {
		if (memoryBudget <= 0) throw new IllegalArgumentException("The memory budget must be positive.");
		this.model = model;
		this.upsampler = upsampler;
		this.memoryBudget = memoryBudget;
	}

	public ColorizationModel model() {
		return model;
	}

	/**
	 * What one pass gives: chroma and the W-weighted reference luminance at full resolution (the
	 * model's range), the weight volume at the working scale (when kept), the working scale
	 * factor, the largest disparity the caller gave (0 = none), whether the refinement ran, the tilings used, and
	 * milliseconds per stage.
	 */
	public record Pass(FloatPlane cb, FloatPlane cr, FloatPlane warpedLuminance, WeightVolume weights, int factor, int maxDisparity,
		boolean refined, TileGrid networkTiles, TileGrid refinementTiles, Map<String, Double> stageMillis) {

		/** The pass's chroma with {@code y} as luminance. */
		public YCbCrImage image(FloatPlane y, Variant variant) {
			return new YCbCrImage(y, cb, cr, variant.colorRange(), 255);
		}
	}

	/**
	 * Colorizes {@code target} with {@code reference} (one size, the model's range, 0..255).
	 *
	 * @param side where the colour camera sits relative to the target's camera
	 * @param factor the working scale: both images are shrunk by this integer factor for M
	 * @param refine run the refinement network (ignored when the model has none)
	 * @param keepWeights return the weight volume (working scale)
	 */
	public Pass run(YCbCrImage target, YCbCrImage reference, ColorSide side, int factor, boolean refine, boolean keepWeights,
		Progress progress)
	{
		return run(target, reference, side, factor, 0, refine, keepWeights, progress);
	}

	/**
	 * As {@link #run(YCbCrImage, YCbCrImage, ColorSide, int, boolean, boolean, Progress)}, telling
	 * guided networks how far their matching prior needs to search.
	 *
	 * @param maxDisparity the largest disparity between the images (full-resolution pixels), or 0
	 *        for as far as the network's candidates reach
	 */
	public Pass run(YCbCrImage target, YCbCrImage reference, ColorSide side, int factor, int maxDisparity, boolean refine,
		boolean keepWeights, Progress progress)
	{
		if (factor < 1) throw new IllegalArgumentException("The working scale factor must be at least 1, got " + factor + ".");
		if (target.width() != reference.width() || target.height() != reference.height()) {
			throw new IllegalArgumentException("Target " + target + " and reference " + reference + " differ in size.");
		}
		Map<String, Double> ms = new LinkedHashMap<>();
		boolean doRefine = refine && model.hasRefinement();
		double networkShare = doRefine ? 0.7 : 0.9;
		long t0 = System.nanoTime();
		progress.report(0, "shrinking to the working scale");
		YCbCrImage t = shrink(target, factor), r = shrink(reference, factor);
		int ww = t.width(), wh = t.height();
		long t1 = System.nanoTime();
		ms.put("shrink", millis(t0, t1));
		progress.checkCancelled();

		Variant v = model.variant();
		MatchingPrior prior = null;
		if (model.needsPrior()) {
			progress.report(0.01, "semi-global matching (the network's prior)");
			int reach = WorkingScale.largestShift(v);
			int range = maxDisparity > 0 ? Math.min(reach, (maxDisparity + factor - 1) / factor + 1) : reach;
			prior = MatchingPrior.estimate(new SgmMatcher(), t.y(), r.y(), side, range);
			long tp = System.nanoTime();
			ms.put("prior", millis(t1, tp));
			t1 = tp;
			progress.checkCancelled();
		}
		int mult = v.sizeMultiple();
		int pw = roundUp(ww, mult), ph = roundUp(wh, mult);
		// Pad where no real pixel looks for candidates: after the last column in the network's frame.
		int ox = v.frame(side).flipHorizontal() ? pw - ww : 0;
		YCbCrImage tp = pad(t, pw, ph, ox), rp = pad(r, pw, ph, ox);
		MatchingPrior pp = prior == null ? null
			: new MatchingPrior(reflect(prior.disparity(), pw, ph, ox), reflect(prior.confidence(), pw, ph, ox));
		ReceptiveField field = ReceptiveField.of(v.graph(NetworkKind.COLORIZATION));
		field = field.flipped(v.frame(side).flipHorizontal(), v.frame(side).flipVertical());
		long maxPixels = Math.max(1, (long) (memoryBudget / MemoryEstimate.bytesPerPixel(v.graph(NetworkKind.COLORIZATION))));
		TileGrid grid = TileGrid.plan(pw, ph, maxPixels, field, mult, BLEND_BAND);
		NetworkTiles m = runColorization(tp, rp, pp, side, grid, keepWeights, progress.sub(0.02, networkShare));
		FloatPlane[] working = { m.out[0].crop(ox, 0, ww, wh), m.out[1].crop(ox, 0, ww, wh), m.out[2].crop(ox, 0, ww, wh) };
		WeightVolume weights = keepWeights ? cropVolume(m.weights, pw, ph, ox, ww, wh, v.firstShift(), side) : null;
		long t2 = System.nanoTime();
		ms.put("network", millis(t1, t2));

		progress.report(networkShare, "bringing the chroma to full resolution");
		FloatPlane[] full = upsampler.upsample(working, t.y(), target.y(), factor);
		FloatPlane[] chroma = { full[0], full[1] };
		long t3 = System.nanoTime();
		ms.put("upsample", millis(t2, t3));
		progress.checkCancelled();

		TileGrid refineGrid = null;
		if (doRefine) {
			YCbCrImage colorized = new YCbCrImage(target.y(), chroma[0], chroma[1], target.range(), 255);
			ReceptiveField rf = ReceptiveField.of(v.graph(NetworkKind.REFINEMENT));
			long maxRefine = Math.max(1, (long) (memoryBudget / MemoryEstimate.bytesPerPixel(v.graph(NetworkKind.REFINEMENT))));
			refineGrid = TileGrid.plan(target.width(), target.height(), maxRefine, rf, 1, BLEND_BAND);
			chroma = runRefinement(colorized, refineGrid, progress.sub(networkShare + 0.05, 1));
			ms.put("refine", millis(t3, System.nanoTime()));
		}
		progress.report(1, null);
		return new Pass(chroma[0], chroma[1], full[2], weights, factor, maxDisparity, doRefine, grid, refineGrid, ms);
	}

	/** M's outputs over the padded working image: cb, cr, luminance, and the weight planes when kept. */
	private record NetworkTiles(FloatPlane[] out, float[] weights) {}

	private NetworkTiles runColorization(YCbCrImage t, YCbCrImage r, MatchingPrior prior, ColorSide side, TileGrid grid,
		boolean keepWeights, Progress progress)
	{
		int w = t.width(), h = t.height(), d = model.variant().candidates();
		Blend blend = new Blend(w, h, 3, keepWeights ? d : 0);
		List<TileGrid.Tile> tiles = grid.tiles();
		for (int i = 0; i < tiles.size(); i++) {
			progress.checkCancelled();
			progress.report((double) i / tiles.size(), tiles.size() == 1 ? "running the colorization network"
				: String.format(Locale.ROOT, "colorization network, tile %d of %d", i + 1, tiles.size()));
			TileGrid.Tile tile = tiles.get(i);
			MatchingPrior p = prior == null ? null : prior.crop(tile.x0(), tile.y0(), tile.width(), tile.height());
			NetworkOutput o = model.colorize(crop(t, tile), crop(r, tile), p, side);
			blend.add(grid, tile, new FloatPlane[] { o.cb(), o.cr(), o.luminance() }, o.weights().data());
		}
		progress.report(1, null);
		return new NetworkTiles(blend.result(), keepWeights ? blend.volume() : null);
	}

	private FloatPlane[] runRefinement(YCbCrImage colorized, TileGrid grid, Progress progress) {
		Blend blend = new Blend(colorized.width(), colorized.height(), 2, 0);
		List<TileGrid.Tile> tiles = grid.tiles();
		for (int i = 0; i < tiles.size(); i++) {
			progress.checkCancelled();
			progress.report((double) i / tiles.size(), tiles.size() == 1 ? "running the refinement network"
				: String.format(Locale.ROOT, "refinement network, tile %d of %d", i + 1, tiles.size()));
			TileGrid.Tile tile = tiles.get(i);
			blend.add(grid, tile, model.refine(crop(colorized, tile)), null);
		}
		progress.report(1, null);
		return blend.result();
	}

	/** Accumulates tiles' outputs weighted by their blending weights, then divides by the weights' sum. */
	private static final class Blend {
		private final int w, h, candidates;
		private final FloatPlane[] sums;
		private final float[] volume;
		private final float[] weight;

		Blend(int w, int h, int planes, int candidates) {
			this.w = w;
			this.h = h;
			this.candidates = candidates;
			sums = new FloatPlane[planes];
			for (int c = 0; c < planes; c++) sums[c] = new FloatPlane(w, h);
			volume = candidates > 0 ? new float[candidates * w * h] : null;
			weight = new float[w * h];
		}

		void add(TileGrid grid, TileGrid.Tile t, FloatPlane[] planes, float[] tileVolume) {
			float[] wx = grid.weightsX(t), wy = grid.weightsY(t);
			int tw = t.width(), th = t.height();
			for (int y = 0; y < th; y++) {
				if (wy[y] == 0) continue;
				for (int x = 0; x < tw; x++) {
					float k = wx[x] * wy[y];
					if (k == 0) continue;
					int i = (t.y0() + y) * w + t.x0() + x, j = y * tw + x;
					weight[i] += k;
					for (int c = 0; c < sums.length; c++) sums[c].data()[i] += k * planes[c].data()[j];
					if (volume != null) {
						for (int q = 0; q < candidates; q++) volume[q * w * h + i] += k * tileVolume[q * tw * th + j];
					}
				}
			}
		}

		FloatPlane[] result() {
			for (int i = 0; i < weight.length; i++) {
				float k = weight[i];
				if (k == 1f) continue;
				for (FloatPlane s : sums) s.data()[i] /= k;
				if (volume != null) for (int q = 0; q < candidates; q++) volume[q * w * h + i] /= k;
			}
			return sums;
		}

		float[] volume() {
			return volume;
		}
	}

	private static WeightVolume cropVolume(float[] v, int pw, int ph, int ox, int w, int h, int firstShift, ColorSide side) {
		int d = v.length / (pw * ph);
		float[] out = new float[d * w * h];
		for (int k = 0; k < d; k++) {
			for (int y = 0; y < h; y++) System.arraycopy(v, (k * ph + y) * pw + ox, out, (k * h + y) * w, w);
		}
		return new WeightVolume(d, w, h, firstShift, side, out);
	}

	private static YCbCrImage shrink(YCbCrImage im, int factor) {
		if (factor == 1) return im;
		return new YCbCrImage(Resampler.shrink(im.y(), factor), Resampler.shrink(im.cb(), factor), Resampler.shrink(im.cr(), factor),
			im.range(), im.maxValue());
	}

	private static YCbCrImage crop(YCbCrImage im, TileGrid.Tile t) {
		if (t.x0() == 0 && t.y0() == 0 && t.width() == im.width() && t.height() == im.height()) return im;
		return new YCbCrImage(im.y().crop(t.x0(), t.y0(), t.width(), t.height()), im.cb().crop(t.x0(), t.y0(), t.width(), t.height()),
			im.cr().crop(t.x0(), t.y0(), t.width(), t.height()), im.range(), im.maxValue());
	}

	/**
	 * The image mirrored (without repeating the edge) to pw x ph: below its bottom edge, and
	 * beyond its right edge or, when {@code ox > 0}, by {@code ox} columns before its left edge.
	 */
	static YCbCrImage pad(YCbCrImage im, int pw, int ph, int ox) {
		if (pw == im.width() && ph == im.height()) return im;
		return new YCbCrImage(reflect(im.y(), pw, ph, ox), reflect(im.cb(), pw, ph, ox), reflect(im.cr(), pw, ph, ox), im.range(),
			im.maxValue());
	}

	static FloatPlane reflect(FloatPlane p, int pw, int ph, int ox) {
		int w = p.width(), h = p.height();
		FloatPlane out = new FloatPlane(pw, ph);
		for (int y = 0; y < ph; y++) {
			int sy = mirror(y, h);
			for (int x = 0; x < pw; x++) out.data()[y * pw + x] = p.data()[sy * w + mirror(x - ox, w)];
		}
		return out;
	}

	/** Index i mirrored into 0..n-1 (…, 2, 1, 0, 1, 2, …, n-2, n-1, n-2, …); n = 1 repeats the pixel. */
	static int mirror(int i, int n) {
		if (n == 1) return 0;
		int period = 2 * (n - 1);
		int m = Math.floorMod(i, period);
		return m < n ? m : period - m;
	}

	private static int roundUp(int v, int m) {
		return (v + m - 1) / m * m;
	}

	private static double millis(long from, long to) {
		return (to - from) / 1e6;
	}
}
