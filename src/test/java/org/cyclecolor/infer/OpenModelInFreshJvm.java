package org.cyclecolor.infer;

import java.nio.file.Path;

import org.cyclecolor.Progress;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.YCbCrImage;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.method.ColorSide;

/** Opens a model and colorizes a tiny pair on the main thread of a fresh JVM (ColorizationModelTest). */
public final class OpenModelInFreshJvm {

	private OpenModelInFreshJvm() {}

	public static void main(String[] args) {
		try (ColorizationModel m = ColorizationModel.open(Path.of(args[0]), RuntimeOptions.cpu(1), Progress.NONE)) {
			FloatPlane p = FloatPlane.filled(16, 8, 128);
			YCbCrImage s = new YCbCrImage(p, p, p, YCbCrRange.STUDIO, 255);
			NetworkOutput out = m.colorize(s, s, ColorSide.LEFT);
			System.out.println("colorized " + out.cb().width() + "x" + out.cb().height());
		}
	}
}
