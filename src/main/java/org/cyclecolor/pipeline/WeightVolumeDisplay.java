package org.cyclecolor.pipeline;

import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.infer.WeightVolume;
import org.cyclecolor.infer.WeightVolumeMaps;

/**
 * The weight volume W and what it says, as ImageJ images at the working scale (spatially
 * calibrated: one working pixel is {@code factor} full-resolution pixels, so coordinates and
 * measurements read in the full image's pixels):
 * <ul>
 * <li>a hyperstack with one slice per candidate, its z calibration the candidate's disparity in
 * full-resolution pixels (slice labels "d = 12 px");</li>
 * <li>the best disparity (argmax) and the W-weighted mean disparity, a two-slice stack with the
 * "ice" lookup table over 0 .. the largest disparity the candidates cover, and a calibration bar;</li>
 * <li>the confidence: the largest weight and the normalised entropy (0 = sure, 1 = undecided),
 * a two-slice stack with the "fire" lookup table over 0..1.</li>
 * </ul>
 */
final class WeightVolumeDisplay {

	private WeightVolumeDisplay() {}

	static ImagePlus volume(String title, WeightVolume w, int factor) {
		ImageStack st = new ImageStack(w.width(), w.height());
		for (int k = 0; k < w.candidates(); k++) {
			st.addSlice(String.format(Locale.ROOT, "d = %d px", factor * w.disparity(k)),
				new FloatProcessor(w.width(), w.height(), w.plane(k).data()));
		}
		ImagePlus imp = new ImagePlus(title, st);
		imp.setDimensions(1, w.candidates(), 1);
		imp.setOpenAsHyperStack(true);
		Calibration cal = calibration(factor);
		cal.pixelDepth = factor;
		cal.zOrigin = -w.disparity(0);
		cal.setZUnit("px disparity");
		imp.setCalibration(cal);
		imp.setDisplayRange(0, 1);
		imp.setProperty("Info", info(w, factor));
		return imp;
	}

	static ImagePlus disparity(String title, WeightVolumeMaps m, WeightVolume w, int factor) {
		double covered = factor * (double) w.disparity(w.candidates() - 1);
		ImagePlus imp = MapDisplay.stack(title, List.of("best disparity (px)", "mean disparity (px)"),
			List.of(m.bestDisparity(), m.meanDisparity()), "ice", 0, covered);
		imp.setCalibration(calibration(factor));
		imp.setProperty("Info", info(w, factor));
		return imp;
	}

	static ImagePlus confidence(String title, WeightVolumeMaps m, WeightVolume w, int factor) {
		List<FloatPlane> maps = List.of(m.maxWeight(), m.entropy());
		ImagePlus imp = MapDisplay.stack(title, List.of("largest weight", "normalised entropy"), maps, "fire", 0, 1);
		imp.setCalibration(calibration(factor));
		imp.setProperty("Info", info(w, factor));
		return imp;
	}

	private static Calibration calibration(int factor) {
		Calibration cal = new Calibration();
		cal.pixelWidth = factor;
		cal.pixelHeight = factor;
		cal.setUnit("px");
		return cal;
	}

	private static String info(WeightVolume w, int factor) {
		return String.format(Locale.ROOT, "Cycle Colorization weight volume%n%d candidates, disparities %d..%d px (full resolution)%n"
			+ "colour camera on the %s: candidate d of pixel x is colour pixel x %s d%nworking scale 1/%d: %dx%d%n", w.candidates(),
			factor * w.disparity(0), factor * w.disparity(w.candidates() - 1), w.side().key(), w.side().sign() > 0 ? "+" : "-", factor,
			w.width(), w.height());
	}
}
