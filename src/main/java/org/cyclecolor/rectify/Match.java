package org.cyclecolor.rectify;

/**
 * One keypoint match between the gray image (g) and the colour image (c), in each image's own
 * pixel coordinates (centre of the top-left pixel at 0, 0), with the ratio of the two keypoint
 * scales (colour / gray, about the ratio of the cameras' focal lengths in pixels).
 */
public final class Match {

	public final double gx;
	public final double gy;
	public final double cx;
	public final double cy;
	public final double scaleRatio;

	public Match(double gx, double gy, double cx, double cy, double scaleRatio) {
		this.gx = gx;
		this.gy = gy;
		this.cx = cx;
		this.cy = cy;
		this.scaleRatio = scaleRatio;
	}

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "(%.1f,%.1f)->(%.1f,%.1f)", gx, gy, cx, cy);
	}
}
