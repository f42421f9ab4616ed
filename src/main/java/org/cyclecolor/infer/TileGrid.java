package org.cyclecolor.infer;

import java.util.ArrayList;
import java.util.List;

/**
 * Tiles that cover an image too large for one network run. The image is cut into a grid of cores
 * (columns and rows on multiples of {@code align}, so strided layers see the same sample grid as
 * for the whole image). A tile's run covers its core widened by half a blending band on each
 * inner side and by the network's receptive field beyond that (its <em>input</em>, clipped to the
 * image); it contributes the widened core, weighted by linear ramps across each band that its
 * neighbour complements, so the weights of all tiles sum to one everywhere (callers still divide
 * by the sum they accumulate, which makes that exact in float arithmetic). With margins at least
 * the receptive field, every contributed pixel is the one the whole image would give (up to
 * float rounding); the band also hides what little differs for position-dependent networks.
 */
public final class TileGrid {

	/**
	 * One tile: its input rectangle [x0, x1) x [y0, y1) and its core [cx0, cx1) x [cy0, cy1)
	 * (image coordinates).
	 */
	public record Tile(int x0, int y0, int x1, int y1, int cx0, int cy0, int cx1, int cy1) {
		public int width() {
			return x1 - x0;
		}

		public int height() {
			return y1 - y0;
		}
	}

	private final int width, height, halfBand;
	private final int[] columns, rows;
	private final List<Tile> tiles = new ArrayList<>();

	private TileGrid(int width, int height, int[] columns, int[] rows, ReceptiveField margin, int halfBand) {
		this.width = width;
		this.height = height;
		this.columns = columns;
		this.rows = rows;
		this.halfBand = halfBand;
		for (int j = 0; j + 1 < rows.length; j++) {
			for (int i = 0; i + 1 < columns.length; i++) {
				int cx0 = columns[i], cx1 = columns[i + 1], cy0 = rows[j], cy1 = rows[j + 1];
				tiles.add(new Tile(Math.max(0, cx0 - halfBand - margin.left()), Math.max(0, cy0 - halfBand - margin.up()),
					Math.min(width, cx1 + halfBand + margin.right()), Math.min(height, cy1 + halfBand + margin.down()), cx0, cy0, cx1,
					cy1));
			}
		}
	}

	/**
	 * The grid with the fewest input pixels in all whose tiles' inputs hold at most
	 * {@code maxTilePixels} (one tile when the image does); when no grid can (the margins alone
	 * exceed it), the one whose largest tile is smallest.
	 *
	 * @param margin the receptive field (per side), in the image's frame
	 * @param align core boundaries and margins on multiples of this (the network's size multiple)
	 * @param band width of the blending band between neighbouring cores (rounded up to 2 * align)
	 */
	public static TileGrid plan(int width, int height, long maxTilePixels, ReceptiveField margin, int align, int band) {
		if (width <= 0 || height <= 0 || align <= 0) throw new IllegalArgumentException("Invalid image or alignment.");
		int half = roundUp(Math.max(0, band) / 2, align);
		ReceptiveField m = new ReceptiveField(roundUp(margin.left(), align), roundUp(margin.right(), align), roundUp(margin.up(), align),
			roundUp(margin.down(), align), margin.positionDependent());
		if ((long) width * height <= maxTilePixels) return new TileGrid(width, height, new int[] { 0, width }, new int[] { 0, height }, m, 0);
		int maxX = Math.max(1, width / align), maxY = Math.max(1, height / align);
		int[] best = null;
		long bestTotal = Long.MAX_VALUE, bestLargest = Long.MAX_VALUE;
		boolean bestFits = false;
		for (int nx = 1; nx <= Math.min(maxX, 256); nx++) {
			for (int ny = 1; ny <= Math.min(maxY, 256); ny++) {
				int cw = roundUp(ceilDiv(width, nx), align), ch = roundUp(ceilDiv(height, ny), align);
				if ((long) (nx - 1) * cw >= width || (long) (ny - 1) * ch >= height) continue; // an empty last core
				if (nx > 1 && cw < 2 * half + align || ny > 1 && ch < 2 * half + align) continue; // bands would overlap
				long tw = Math.min(width, cw + (nx > 1 ? half + m.left() + m.right() + half : 0));
				long th = Math.min(height, ch + (ny > 1 ? half + m.up() + m.down() + half : 0));
				long largest = tw * th;
				long total = largest * nx * ny;
				boolean fits = largest <= maxTilePixels;
				if (fits && (!bestFits || total < bestTotal) || !fits && !bestFits && largest < bestLargest) {
					best = new int[] { nx, ny, cw, ch };
					bestTotal = total;
					bestLargest = largest;
					bestFits = fits;
				}
			}
		}
		return new TileGrid(width, height, cuts(width, best[0], best[2]), cuts(height, best[1], best[3]), m, half);
	}

	private static int[] cuts(int size, int n, int core) {
		int[] c = new int[n + 1];
		for (int i = 0; i < n; i++) c[i] = i * core;
		c[n] = size;
		return c;
	}

	private static int ceilDiv(int a, int b) {
		return (a + b - 1) / b;
	}

	private static int roundUp(int v, int m) {
		return (v + m - 1) / m * m;
	}

	public List<Tile> tiles() {
		return tiles;
	}

	public int columns() {
		return columns.length - 1;
	}

	public int rows() {
		return rows.length - 1;
	}

	/** Input pixels of all tiles over image pixels: the cost of the margins (1 for a single tile). */
	public double overhead() {
		long sum = 0;
		for (Tile t : tiles) sum += (long) t.width() * t.height();
		return sum / ((double) width * height);
	}

	/** The largest tile input, in pixels. */
	public long largestTile() {
		long m = 0;
		for (Tile t : tiles) m = Math.max(m, (long) t.width() * t.height());
		return m;
	}

	/**
	 * The tile's blending weights along x for image columns [t.x0, t.x1): 1 inside its core, ramps
	 * across the bands it shares with its neighbours, 0 beyond.
	 */
	public float[] weightsX(Tile t) {
		return weights(t.x0(), t.x1(), t.cx0(), t.cx1(), width);
	}

	/** The same along y, for rows [t.y0, t.y1). */
	public float[] weightsY(Tile t) {
		return weights(t.y0(), t.y1(), t.cy0(), t.cy1(), height);
	}

	private float[] weights(int from, int to, int c0, int c1, int size) {
		float[] w = new float[to - from];
		for (int i = from; i < to; i++) {
			double up = c0 == 0 ? 1 : ramp(i, c0), down = c1 == size ? 1 : 1 - ramp(i, c1);
			w[i - from] = (float) Math.min(up, down);
		}
		return w;
	}

	/** Rises from 0 to 1 across [c - halfBand, c + halfBand); a step at c without a band. */
	private double ramp(int i, int c) {
		if (halfBand == 0) return i >= c ? 1 : 0;
		return Math.max(0, Math.min(1, (i + 0.5 - (c - halfBand)) / (2.0 * halfBand)));
	}

	@Override
	public String toString() {
		return columns() + "x" + rows() + " tiles";
	}
}
