package org.cyclecolor.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.cyclecolor.model.Op;

/**
 * SSIM as a differentiable DJL computation, with the evaluation's definition ({@code metrics.Ssim},
 * scikit-image's {@code structural_similarity} with a Gaussian window): 11x11 window of sigma 1.5,
 * K1 = 0.01, K2 = 0.03, population moments, data range 255. The map covers the interior only,
 * where the window lies inside the image ("valid" filtering, H - 10 by W - 10), so its mean is
 * exactly the mean {@code metrics.Ssim} reports; there is no border rule to differ on.
 * <p>
 * Values are centred on 128 before the moments are taken: variances and covariance do not change,
 * and float32 keeps their precision (E[x^2] - mu^2 of 0..255 values loses ~1e-2 otherwise).
 */
public final class DjlSsim {

	/** Pixels left out at each edge: half the window. */
	public static final int BORDER = 5;
	private static final float CENTRE = 128f;
	private static final double K1 = 0.01, K2 = 0.03, RANGE = 255;

	private DjlSsim() {}

	/**
	 * The SSIM map of two one-channel batches (N, 1, H, W), H and W at least 11: (N, 1, H - 10, W - 10).
	 *
	 * @param scope owns the arrays made here
	 */
	public static NDArray map(NDManager scope, NDArray a, NDArray b) {
		Shape s = a.getShape();
		if (s.dimension() != 4 || s.get(1) != 1 || !s.equals(b.getShape())) {
			throw new IllegalArgumentException("SSIM needs two (N, 1, H, W) arrays of one shape, got " + s + " and " + b.getShape() + ".");
		}
		if (s.get(2) < 2 * BORDER + 1 || s.get(3) < 2 * BORDER + 1) {
			throw new IllegalArgumentException("SSIM needs at least 11x11 pixels, got " + s + ".");
		}
		long n = s.get(0);
		NDArray x = a.sub(CENTRE), y = b.sub(CENTRE);
		// The five moments filtered in one go: stacked along the batch axis, a row then a column pass.
		NDArray stack = NDArrays.concat(new NDList(x, y, x.mul(x), y.mul(y), x.mul(y)), 0);
		NDArray f = filter(scope, stack, a.getDataType());
		NDArray muX = f.get("0:" + n), muY = f.get(n + ":" + 2 * n);
		NDArray exx = f.get(2 * n + ":" + 3 * n), eyy = f.get(3 * n + ":" + 4 * n), exy = f.get(4 * n + ":" + 5 * n);
		NDArray vx = exx.sub(muX.mul(muX)), vy = eyy.sub(muY.mul(muY)), cov = exy.sub(muX.mul(muY));
		NDArray mx = muX.add(CENTRE), my = muY.add(CENTRE);
		float c1 = (float) Math.pow(K1 * RANGE, 2), c2 = (float) Math.pow(K2 * RANGE, 2);
		NDArray num = Scalars.mul(mx.mul(my), 2).add(c1).mul(Scalars.mul(cov, 2).add(c2));
		NDArray den = mx.mul(mx).add(my.mul(my)).add(c1).mul(vx.add(vy).add(c2));
		return num.div(den);
	}

	/** Mean SSIM over the interior, one value per batch (N). */
	public static NDArray mean(NDManager scope, NDArray a, NDArray b) {
		NDArray m = map(scope, a, b);
		return m.reshape(m.getShape().get(0), -1).mean(new int[] { 1 });
	}

	/** Gaussian filtering without padding: (M, 1, H, W) to (M, 1, H - 10, W - 10). */
	private static NDArray filter(NDManager scope, NDArray x, DataType type) {
		float[] taps = Op.SsimComponents.standard().taps();
		int k = taps.length;
		NDArray row = kernel(scope, taps, new Shape(1, 1, 1, k), type);
		NDArray col = kernel(scope, taps, new Shape(1, 1, k, 1), type);
		NDArray bias = scope.zeros(new Shape(1), type);
		NDArray r = conv(x, row, bias);
		return conv(r, col, bias);
	}

	private static NDArray kernel(NDManager scope, float[] taps, Shape shape, DataType type) {
		NDArray a = scope.create(taps, shape);
		return type == DataType.FLOAT32 ? a : a.toType(type, false);
	}

	private static NDArray conv(NDArray x, NDArray w, NDArray b) {
		return x.getNDArrayInternal().convolution(x, w, b, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1).singletonOrThrow();
	}
}
