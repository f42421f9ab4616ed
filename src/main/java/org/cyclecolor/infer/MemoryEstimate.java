package org.cyclecolor.infer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cyclecolor.model.Dims;
import org.cyclecolor.model.Graph;
import org.cyclecolor.model.Graph.Input;
import org.cyclecolor.model.Node;

/**
 * The memory one run of a network needs per input pixel, read off its graph: walking the nodes
 * in order, the largest sum of the float32 values alive at once (a value lives from the node that
 * makes it to the last node that reads it; inputs and outputs throughout). ONNX Runtime frees and
 * reuses buffers the same way, but its graph has more nodes than the description (the exporter
 * writes candidate shifts and polyphase transposed convolutions as several ONNX operations) and
 * it adds working space of its own (convolution buffers, its arena's rounding), which
 * {@link #RUNTIME_OVERHEAD} covers: the measured growth of peak resident memory during one run,
 * over this estimate, was 1.15 (cyclecnn refinement, 512x512 and 1024x780), 1.5 (authors-aaai20 M,
 * 256x256) and 1.75 (cyclecnn M, 256x256 and 512x256), ONNX Runtime 1.29 on the CPU.
 */
public final class MemoryEstimate {

	/** Measured peak resident memory of a session run divided by the live-value estimate, rounded up. */
	public static final double RUNTIME_OVERHEAD = 2.0;

	private MemoryEstimate() {}

	/** Bytes of the largest set of values alive at once, for one {@code width} x {@code height} input. */
	public static long liveBytes(Graph graph, int width, int height) {
		Map<String, Dims> shapes = graph.shapes(height, width);
		List<Node> nodes = graph.nodes();
		Map<String, Integer> lastUse = new HashMap<>();
		for (int i = 0; i < nodes.size(); i++) for (String in : nodes.get(i).inputs()) lastUse.put(in, i);
		for (String out : graph.outputs()) lastUse.put(out, nodes.size());
		long live = 0;
		for (Input in : graph.inputs()) {
			live += bytes(shapes.get(in.name()));
			lastUse.put(in.name(), nodes.size()); // the caller's input buffers stay until the run ends
		}
		long peak = live;
		Map<Integer, Long> freedAfter = new HashMap<>();
		for (Map.Entry<String, Integer> e : lastUse.entrySet()) {
			freedAfter.merge(e.getValue(), bytes(shapes.get(e.getKey())), Long::sum);
		}
		for (int i = 0; i < nodes.size(); i++) {
			Node n = nodes.get(i);
			if (lastUse.containsKey(n.name())) live += bytes(shapes.get(n.name()));
			peak = Math.max(peak, live);
			live -= freedAfter.getOrDefault(i, 0L);
		}
		return peak;
	}

	/**
	 * Estimated peak memory of one run per input pixel (bytes), the runtime's overhead included.
	 * Measured at a size where the per-pixel cost has settled (fixed costs are not per pixel).
	 */
	public static double bytesPerPixel(Graph graph) {
		int w = 256, h = 256;
		return RUNTIME_OVERHEAD * liveBytes(graph, w, h) / ((double) w * h);
	}

	private static long bytes(Dims d) {
		return d == null ? 0 : 4 * d.elements();
	}
}
