package org.cyclecolor.backend;

import static org.cyclecolor.backend.BackendOpsTest.assertClose;
import static org.cyclecolor.backend.BackendOpsTest.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.cyclecolor.backend.BackendOpsTest.Backend;
import org.cyclecolor.model.GraphBuilder;
import org.cyclecolor.model.Op;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.model.Weights;

/**
 * The operations of the guided network ({@code cyclecnn-guided}) through both back-ends against
 * direct loops of their stated definitions.
 */
class GuidedOpsTest {

	@ParameterizedTest
	@EnumSource(Backend.class)
	void shiftedCorrelationIsTheMeanProductPerGroup(Backend b) throws Exception {
		GraphBuilder g = new GraphBuilder(null, 1e-3);
		g.input("a", 6);
		g.input("x", 6);
		g.node("y", new Op.ShiftedCorrelation(4, 1, 3), "a", "x");
		Tensor a = random(1, 1, 6, 3, 7), x = random(1, 1, 6, 3, 7);
		Tensor y = b.run(g.build("y"), new Weights(), Map.of("a", a, "x", x)).get("y");
		Tensor v = Reference.shift(x, 4, 1);
		Tensor expected = Tensor.zeros(1, 3, 4, 3, 7);
		int hw = 21;
		for (int grp = 0; grp < 3; grp++) for (int k = 0; k < 4; k++) for (int p = 0; p < hw; p++) {
			double s = 0;
			for (int c = 2 * grp; c < 2 * grp + 2; c++) s += a.data()[c * hw + p] * v.data()[(c * 4 + k) * hw + p];
			expected.data()[(grp * 4 + k) * hw + p] = (float) (s / 2);
		}
		assertClose(expected, y, 1e-6, "shifted correlation");
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void shiftedWeightedSumIsTheWeightedSumOfTheShiftedVolume(Backend b) throws Exception {
		GraphBuilder g = new GraphBuilder(null, 1e-3);
		g.input("w", 4);
		g.input("x", 3);
		g.node("y", new Op.ShiftedWeightedSum(4, 1), "w", "x");
		Tensor wt = random(1, 1, 4, 3, 6), x = random(1, 1, 3, 3, 6);
		Tensor y = b.run(g.build("y"), new Weights(), Map.of("w", wt, "x", x)).get("y");
		assertClose(Reference.weightedSum(wt, Reference.shift(x, 4, 1)), y, 1e-5, "shifted weighted sum");
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void priorVolumeIsAGaussianBumpScaledByConfidence(Backend b) throws Exception {
		Tensor prior = Tensor.zeros(1, 2, 2, 3);
		float[] d = { 0f, 2.5f, 7f, 12f, 4f, 1f }, c = { 1f, 0.5f, 0f, 1f, 1f, 0.25f };
		System.arraycopy(d, 0, prior.data(), 0, 6);
		System.arraycopy(c, 0, prior.data(), 6, 6);
		for (double scale : new double[] { 1, 0.25 }) {
			Op.PriorVolume op = new Op.PriorVolume(5, 1, 1.5, scale);
			Tensor y = b.run(BackendOpsTest.single(op, 2), new Weights(), Map.of("x", prior)).get("y");
			assertArrayEquals(new int[] { 1, 1, 5, 2, 3 }, y.shape());
			for (int k = 0; k < 5; k++) for (int p = 0; p < 6; p++) {
				double diff = 1 + k - scale * d[p];
				assertEquals(c[p] * Math.exp(-diff * diff / (2 * 1.5 * 1.5)), y.data()[k * 6 + p], 1e-6, "k " + k + " p " + p);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void priorPenaltyIsATruncatedLogGaussianScaledByConfidence(Backend b) throws Exception {
		Tensor prior = Tensor.zeros(1, 2, 2, 3);
		float[] d = { 0f, 2.5f, 7f, 12f, 4f, 1f }, c = { 1f, 0.5f, 0f, 1f, 1f, 0.25f };
		System.arraycopy(d, 0, prior.data(), 0, 6);
		System.arraycopy(c, 0, prior.data(), 6, 6);
		for (double scale : new double[] { 1, 0.25 }) {
			Op.PriorPenalty op = new Op.PriorPenalty(5, 1, 0.5, scale, 8);
			Tensor y = b.run(BackendOpsTest.single(op, 2), new Weights(), Map.of("x", prior)).get("y");
			assertArrayEquals(new int[] { 1, 1, 5, 2, 3 }, y.shape());
			for (int k = 0; k < 5; k++) for (int p = 0; p < 6; p++) {
				double diff = 1 + k - scale * d[p];
				assertEquals(-c[p] * Math.min(diff * diff / (2 * 0.25), 8), y.data()[k * 6 + p], 1e-5, "k " + k + " p " + p);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void upsample2InterpolatesLinearlyWithClampedEdges(Backend b) throws Exception {
		// a map: both image axes
		Tensor x = random(1, 1, 2, 3, 4);
		Tensor y = b.run(BackendOpsTest.single(new Op.Upsample2(), 2), new Weights(), Map.of("x", x)).get("y");
		assertClose(upsampled(x, new int[] { 3, 4 }, 2), y, 1e-6, "upsample map");
		// a volume: the candidate axis too
		Tensor v = b.run(BackendOpsTest.onVolume(new Op.Upsample2(), 2, 3), new Weights(), Map.of("x", x)).get("y");
		assertClose(upsampled(Reference.shift(x, 3, 0), new int[] { 3, 3, 4 }, 2), v, 1e-6, "upsample volume");
	}

	/** Direct loop: out index o on each axis reads input o/2 and its neighbour on the side o falls. */
	private static Tensor upsampled(Tensor x, int[] sp, int channels) {
		int rank = sp.length;
		int[] osp = new int[rank];
		int n = 1, on = 1;
		for (int i = 0; i < rank; i++) {
			osp[i] = 2 * sp[i];
			n *= sp[i];
			on *= osp[i];
		}
		int[] shape = new int[rank + 2];
		shape[0] = 1;
		shape[1] = channels;
		System.arraycopy(osp, 0, shape, 2, rank);
		Tensor out = Tensor.zeros(shape);
		for (int c = 0; c < channels; c++) {
			for (int o = 0; o < on; o++) {
				int[] pos = new int[rank];
				for (int a = rank - 1, r = o; a >= 0; a--) {
					pos[a] = r % osp[a];
					r /= osp[a];
				}
				// separable: sum over the 2^rank corners of per-axis weights
				double s = 0;
				for (int corner = 0; corner < (1 << rank); corner++) {
					double wgt = 1;
					int idx = 0;
					for (int a = 0; a < rank; a++) {
						int i = pos[a] / 2;
						boolean other = ((corner >> a) & 1) == 1;
						int j = other ? (pos[a] % 2 == 0 ? i - 1 : i + 1) : i;
						j = Math.max(0, Math.min(sp[a] - 1, j));
						wgt *= other ? 0.25 : 0.75;
						idx = idx * sp[a] + j;
					}
					s += wgt * x.data()[c * n + idx];
				}
				out.data()[c * on + o] = (float) s;
			}
		}
		return out;
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void averagePoolAndChannelReshapes(Backend b) throws Exception {
		Tensor x = random(1, 1, 2, 4, 8);
		Tensor y = b.run(BackendOpsTest.single(new Op.AveragePool(2), 2), new Weights(), Map.of("x", x)).get("y");
		assertArrayEquals(new int[] { 1, 2, 2, 4 }, y.shape());
		for (int c = 0; c < 2; c++) for (int i = 0; i < 2; i++) for (int j = 0; j < 4; j++) {
			double s = 0;
			for (int u = 0; u < 2; u++) for (int v = 0; v < 2; v++) s += x.data()[(c * 4 + 2 * i + u) * 8 + 2 * j + v];
			assertEquals(s / 4, y.data()[(c * 2 + i) * 4 + j], 1e-6);
		}
		// volume -> channels (c * D + k) -> volume gives the volume back
		GraphBuilder g = new GraphBuilder(null, 1e-3);
		g.input("x", 2);
		g.node("v", new Op.ShiftCandidates(3, 0), "x");
		g.node("m", new Op.CandidatesAsChannels(), "v");
		g.node("y", new Op.ChannelsAsCandidates(2), "m");
		Map<String, Tensor> out = b.run(g.build("m", "y"), new Weights(), Map.of("x", x));
		Tensor vol = Reference.shift(x, 3, 0);
		assertArrayEquals(new int[] { 1, 6, 4, 8 }, out.get("m").shape());
		assertArrayEquals(vol.data(), out.get("m").data(), 0f);
		assertClose(vol, out.get("y"), 0, "round trip");
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void propagationFollowsItsDefinition(Backend b) throws Exception {
		GraphBuilder g = new GraphBuilder(null, 1e-3);
		g.input("x", 2);
		g.input("a", 8);
		g.input("g", 1);
		g.node("max", new Op.MaxChannels(), "a");
		int[] dil = { 2, 1, 3 };
		g.node("y", new Op.Propagate(dil, 0.5), "x", "a", "g");
		Tensor x = random(10, 1, 2, 5, 6), a = random(2, 1, 8, 5, 6), gate = random(2, 1, 1, 5, 6);
		Map<String, Tensor> out = b.run(g.build("y", "max"), new Weights(), Map.of("x", x, "a", a, "g", gate));
		int h = 5, w = 6, hw = h * w;
		for (int p = 0; p < hw; p++) {
			float m = Float.NEGATIVE_INFINITY;
			for (int j = 0; j < 8; j++) m = Math.max(m, a.data()[j * hw + p]);
			assertEquals(m, out.get("max").data()[p], 0f);
		}
		double[] cur = new double[2 * hw];
		for (int i = 0; i < cur.length; i++) cur[i] = x.data()[i];
		for (int t = 0; t < 3; t++) {
			double[] next = new double[cur.length];
			for (int c = 0; c < 2; c++) for (int yy = 0; yy < h; yy++) for (int xx = 0; xx < w; xx++) {
				int p = yy * w + xx;
				double z = 0, sum = 0;
				for (int j = 0; j < 8; j++) z += Math.exp(a.data()[j * hw + p]);
				for (int j = 0; j < 8; j++) {
					int ny = Math.max(0, Math.min(h - 1, yy + dil[t] * Op.Propagate.NEIGHBOURS[j][0]));
					int nx = Math.max(0, Math.min(w - 1, xx + dil[t] * Op.Propagate.NEIGHBOURS[j][1]));
					sum += Math.exp(a.data()[j * hw + p]) / z * cur[c * hw + ny * w + nx];
				}
				double gg = 1 / (1 + Math.exp(-(gate.data()[p] + 0.5)));
				next[c * hw + p] = gg * x.data()[c * hw + p] + (1 - gg) * sum;
			}
			cur = next;
		}
		Tensor y = out.get("y");
		for (int i = 0; i < cur.length; i++) assertEquals(cur[i], y.data()[i], 1e-4, "value " + i);
	}
}
