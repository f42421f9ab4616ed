package org.cyclecolor.rectify;

import boofcv.struct.calib.CameraPinholeBrown;

/**
 * A calibrated stereo pair: two pinhole cameras with Brown radial-tangential lens distortion and
 * the rigid motion between them, {@code X2 = R X1 + T} (a point in camera 1's frame to camera
 * 2's frame; OpenCV's {@code stereoCalibrate} convention). Image sizes are 0 when the file does
 * not say.
 */
public final class StereoCalibration {

	public final CameraPinholeBrown camera1;
	public final CameraPinholeBrown camera2;
	/** Row-major 3x3 rotation, camera 1 to camera 2. */
	public final double[] rotation;
	/** Translation, camera 1 to camera 2 (any length unit). */
	public final double[] translation;
	/** What the file was read as, e.g. "OpenCV YAML". */
	public final String format;

	public StereoCalibration(CameraPinholeBrown camera1, CameraPinholeBrown camera2, double[] rotation,
		double[] translation, String format)
	{
		if (rotation.length != 9 || translation.length != 3) {
			throw new IllegalArgumentException("Rotation must have 9 values and translation 3.");
		}
		this.camera1 = camera1;
		this.camera2 = camera2;
		this.rotation = rotation.clone();
		this.translation = translation.clone();
		this.format = format;
	}

	/** The same rig with the cameras' roles swapped (X1 = R^T X2 - R^T T). */
	public StereoCalibration swapped() {
		double[] rt = Mat3.transpose(rotation);
		double[] t = Mat3.times(rt, translation[0], translation[1], translation[2]);
		return new StereoCalibration(camera2, camera1, rt, new double[] { -t[0], -t[1], -t[2] }, format);
	}

	/** Distance between the optical centres, in the file's unit. */
	public double baseline() {
		return Math.sqrt(translation[0] * translation[0] + translation[1] * translation[1]
			+ translation[2] * translation[2]);
	}
}
