package org.cyclecolor.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The training losses as differentiable DJL computations (paper, "Method"; DESIGN §4). Image
 * values are 0..255 YCbCr, batch-first. Each returns a scalar averaged over the batch.
 */
public final class Losses {

	private Losses() {}

	/**
	 * Cycle consistency, eq. (2): {@code 1 - ½ (SSIM(R_C^Cb, R'_C^Cb) + SSIM(R_C^Cr, R'_C^Cr))}.
	 *
	 * @param color the colour image's chroma R_C (N, 2, H, W) [Cb, Cr]
	 * @param secondTime the second-time result's chroma R'_C (N, 2, H, W)
	 */
	public static NDArray cycle(NDManager scope, NDArray color, NDArray secondTime) {
		NDArray cb = DjlSsim.mean(scope, channel(color, 0), channel(secondTime, 0));
		NDArray cr = DjlSsim.mean(scope, channel(color, 1), channel(secondTime, 1));
		return Scalars.mul(cb.add(cr), 0.5f).neg().add(1f).mean();
	}

	/**
	 * Spatial smoothness, eq. (3): {@code (1/N) sum over voxels (j, i, k) of sum over its
	 * 6-neighbours of |W_{j,i,k} - W_{j',i',k'}|}, N = the number of voxels. Each neighbouring pair
	 * is counted from both sides (twice); voxels at the volume's faces have fewer neighbours.
	 *
	 * @param weights W (B, D, H, W)
	 */
	public static NDArray smoothness(NDArray weights) {
		long d = weights.getShape().get(1), h = weights.getShape().get(2), w = weights.getShape().get(3);
		NDArray sum = weights.getManager().zeros(new ai.djl.ndarray.types.Shape(), weights.getDataType());
		if (d > 1) sum = sum.add(weights.get(":, 1:").sub(weights.get(":, :-1")).abs().sum());
		if (h > 1) sum = sum.add(weights.get(":, :, 1:").sub(weights.get(":, :, :-1")).abs().sum());
		if (w > 1) sum = sum.add(weights.get(":, :, :, 1:").sub(weights.get(":, :, :, :-1")).abs().sum());
		return Scalars.mul(sum, 2.0 / weights.getShape().size());
	}

	/**
	 * The learned structure-similarity loss, eq. (1): {@code 1 - mean(SSM(I_G, I_C))}. The map is
	 * clipped to SSIM's range [-1, 1] first: the network was taught SSIM maps, and outside that
	 * range its output means nothing — without the clip M could learn to push the fixed network's
	 * output above 1 instead of matching structure.
	 *
	 * @param ssm the structure-similarity map (N, 1, H, W) the pre-trained network gives for the
	 *        gray image and the first result's (W-weighted reference) luminance
	 */
	public static NDArray structureLearned(NDArray ssm) {
		return ssm.clip(-1f, 1f).mean().neg().add(1f);
	}

	/** The ablation's "SSIM as structure similarity loss": {@code 1 - SSIM(I_G^Y, I_C^Y)} (N, 1, H, W). */
	public static NDArray structureSsim(NDManager scope, NDArray gray, NDArray luminance) {
		return DjlSsim.mean(scope, gray, luminance).neg().add(1f).mean();
	}

	/**
	 * Mean squared error of 0..255 values, in units of full scale squared ((x/255 - y/255)^2): the
	 * supervised chroma loss against ground truth (Dong et al. 2019) and the refinement's L2 loss.
	 */
	public static NDArray meanSquared(NDArray a, NDArray b) {
		return Scalars.div(a.sub(b), 255f).square().mean();
	}

	/** L1 distance, mean over all values: the structure-similarity network's pre-training loss. */
	public static NDArray meanAbsolute(NDArray a, NDArray b) {
		return a.sub(b).abs().mean();
	}

	/** Channel c of (N, C, H, W) as (N, 1, H, W). */
	static NDArray channel(NDArray x, int c) {
		return x.get(":, " + c + ":" + (c + 1));
	}
}
