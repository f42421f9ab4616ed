package org.cyclecolor.infer;

import java.util.HashMap;
import java.util.Map;

import org.cyclecolor.model.Graph;
import org.cyclecolor.model.Node;
import org.cyclecolor.model.Op;

/**
 * How far an output pixel of a network reaches into its inputs: the pixels left, right, above and
 * below it (in the network's own frame, input pixels) whose values can change it. Read off the
 * graph, so it follows any variant: convolutions and transposed convolutions by their kernel,
 * stride and padding (at the grid scale of their value), the candidate shifts by their range,
 * SSIM windows by their radius. Bounds are conservative (never smaller than the truth).
 * <p>
 * Tiling uses it: a tile whose margins are at least this wide computes its inner pixels exactly
 * as the whole image would — unless the network looks at absolute positions
 * ({@link #positionDependent()}: the authors' geometry channels depend on the image size).
 *
 * @param left pixels to the left (towards smaller x) of the output pixel
 * @param right pixels to the right
 * @param up pixels above (towards smaller y)
 * @param down pixels below
 * @param positionDependent the network sees absolute positions, so tiles differ slightly however wide their margins
 */
public record ReceptiveField(int left, int right, int up, int down, boolean positionDependent) {

	/** The reach of a value: its grid scale (input pixels per value pixel) and extents. */
	private record Reach(int scale, int left, int right, int up, int down) {
		static final Reach INPUT = new Reach(1, 0, 0, 0, 0);

		Reach union(Reach o) {
			return new Reach(Math.max(scale, o.scale), Math.max(left, o.left), Math.max(right, o.right), Math.max(up, o.up),
				Math.max(down, o.down));
		}
	}

	/** The reach of the graph's outputs into its inputs. */
	public static ReceptiveField of(Graph graph) {
		Map<String, Reach> reach = new HashMap<>();
		for (Graph.Input in : graph.inputs()) reach.put(in.name(), Reach.INPUT);
		boolean positional = false;
		for (Node n : graph.nodes()) {
			Reach r = null;
			for (String i : n.inputs()) r = r == null ? reach.get(i) : r.union(reach.get(i));
			if (n.op() instanceof Op.GeometryChannels) positional = true;
			reach.put(n.name(), through(n.op(), r));
		}
		Reach out = null;
		for (String o : graph.outputs()) out = out == null ? reach.get(o) : out.union(reach.get(o));
		return new ReceptiveField(out.left, out.right, out.up, out.down, positional);
	}

	private static Reach through(Op op, Reach r) {
		int g = r.scale;
		if (op instanceof Op.Conv c) {
			// output j reads value pixels s*j - p .. s*j - p + k - 1; its anchor is g*s*j
			int before = g * c.padBefore(), after = g * (c.kernel() - c.padBefore() - c.stride());
			return new Reach(g * c.stride(), r.left + before, Math.max(0, r.right + after), r.up + before,
				Math.max(0, r.down + after));
		}
		if (op instanceof Op.ConvTranspose t) {
			if (g % t.stride() != 0) {
				throw new IllegalArgumentException("A transposed convolution brings a value finer than its input: " + t);
			}
			int fine = g / t.stride();
			// output o reads value pixels (o + p - k + 1)/s .. (o + p)/s
			int before = fine * (t.kernel() - 1 - t.padBefore()), after = fine * t.padBefore() + g - fine;
			return new Reach(fine, r.left + before, r.right + after, r.up + before, r.down + after);
		}
		if (op instanceof Op.AveragePool a) {
			return through(new Op.Conv(2, 1, 1, a.factor(), a.factor(), 0, 0, false), r);
		}
		if (op instanceof Op.Upsample2) {
			// linear interpolation reads the neighbouring value on each side: a stride-2 transposed
			// convolution with the kernel (1/4, 3/4, 3/4, 1/4)
			return through(new Op.ConvTranspose(2, 1, 1, 4, 2, 1, 1, false), r);
		}
		if (op instanceof Op.ShiftCandidates s) {
			// candidate k of column x is column x - firstShift - k
			return new Reach(g, r.left + g * (s.firstShift() + s.candidates() - 1), r.right, r.up, r.down);
		}
		if (op instanceof Op.Propagate pr) {
			int reach = g * pr.reach();
			return new Reach(g, r.left + reach, r.right + reach, r.up + reach, r.down + reach);
		}
		if (op instanceof Op.ShiftedCorrelation c) {
			return new Reach(g, r.left + g * (c.firstShift() + c.candidates() - 1), r.right, r.up, r.down);
		}
		if (op instanceof Op.ShiftedWeightedSum sw) {
			return new Reach(g, r.left + g * (sw.firstShift() + sw.candidates() - 1), r.right, r.up, r.down);
		}
		if (op instanceof Op.SsimComponents s) {
			int radius = g * (s.window() / 2);
			return new Reach(g, r.left + radius, r.right + radius, r.up + radius, r.down + radius);
		}
		return r; // pointwise over the image: activations, sums, softmax over candidates, channel selections
	}

	/** The same field seen through a frame: a horizontal flip swaps left and right, a vertical one up and down. */
	public ReceptiveField flipped(boolean horizontal, boolean vertical) {
		return new ReceptiveField(horizontal ? right : left, horizontal ? left : right, vertical ? down : up, vertical ? up : down,
			positionDependent);
	}

	/** The widest reach in any direction. */
	public int max() {
		return Math.max(Math.max(left, right), Math.max(up, down));
	}
}
