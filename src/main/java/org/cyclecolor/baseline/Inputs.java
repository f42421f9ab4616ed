package org.cyclecolor.baseline;

import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.method.ColorizationInput;

/** Checks every baseline makes on its input before working. */
final class Inputs {

	private Inputs() {}

	/** NaN or infinite pixels (possible in 32-bit images) would poison every statistic and solve. */
	static void requireFinite(ColorizationInput input) {
		requireFinite(input.gray(), "gray");
		for (int c = 0; c < 3; c++) requireFinite(input.reference().channel(c), "colour reference");
	}

	private static void requireFinite(FloatPlane p, String role) {
		int i = p.firstNonFinite();
		if (i >= 0) {
			throw new UserException("The " + role + " image has a NaN or infinite value at (" + (i % p.width()) + ", "
				+ (i / p.width()) + "); replace such pixels (e.g. Process > Math > Remove NaNs...) first.");
		}
	}
}
