package org.cyclecolor.eval;

import java.nio.file.Path;

import ij.ImagePlus;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.synth.DatasetPair;
import org.cyclecolor.synth.MonoColorPair;
import org.cyclecolor.synth.PairDataset;
import org.cyclecolor.synth.PairFolder;

/**
 * The authors' own results where the dataset has them ({@code authors_cyclecnn_output.png} of the
 * Cycle-CNN real pairs, {@code authors_aaai19_output.png} of the AAAI-19 synthesized pairs): a row
 * that shows what the published method produced on the same pair. The files are read as they are;
 * a result narrower or shorter than the pair (the Cycle-CNN outputs keep 250 of 256 columns) is
 * completed with the gray image, without colour, at the right and bottom — those pixels lie in the
 * border the scores leave out when the colour camera is on the left. There is no second pass: the
 * files hold one colorization.
 */
public final class AuthorsOutputMethod implements EvaluationMethod {

	public static final String NAME = "authors-output";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String notApplicable(PairDataset.Entry entry) {
		return entry.files().containsKey(PairFolder.AUTHORS_OUTPUT) ? null : "the dataset has no authors' result file for it";
	}

	@Override
	public RgbImage colorize(DatasetPair item, PairDataset.Entry entry, Progress progress) {
		Path file = entry.files().get(PairFolder.AUTHORS_OUTPUT);
		if (file == null) throw new UserException("Scene " + entry.id() + " has no authors' result file.");
		ImagePlus imp = ImageFiles.read(file);
		if (imp.getType() != ImagePlus.COLOR_RGB) {
			throw new UserException("The authors' result " + file + " is not an 8-bit RGB image.");
		}
		RgbImage out = ImagePlusAdapter.toRgb(imp, Double.NaN);
		MonoColorPair pair = item.pair();
		if (out.width() > pair.width() || out.height() > pair.height()) {
			throw new UserException("The authors' result " + file + " is " + out.width() + "x" + out.height()
				+ ", larger than the pair (" + pair.width() + "x" + pair.height() + ").");
		}
		if (out.width() == pair.width() && out.height() == pair.height()) return out;
		progress.log(String.format("%s: the authors' result is %dx%d; completed to %dx%d with the gray image (no colour).",
			entry.id(), out.width(), out.height(), pair.width(), pair.height()));
		return completedWithGray(out, pair.gray());
	}

	@Override
	public String noSecondPass() {
		return "the authors' result files hold a first colorization only";
	}

	@Override
	public RgbImage colorizeBack(MonoColorPair pair, RgbImage first, Progress progress) {
		throw new UnsupportedOperationException(noSecondPass());
	}

	/** {@code part} at the top left of a gray image of the gray plane's size. */
	static RgbImage completedWithGray(RgbImage part, FloatPlane gray) {
		int w = gray.width(), pw = part.width();
		RgbImage base = EightBit.of(RgbImage.ofGray(gray, 255));
		FloatPlane[] c = new FloatPlane[3];
		for (int k = 0; k < 3; k++) {
			c[k] = base.channel(k).copy();
			float[] d = c[k].data(), s = part.channel(k).data();
			for (int y = 0; y < part.height(); y++) System.arraycopy(s, y * pw, d, y * w, pw);
		}
		return new RgbImage(c[0], c[1], c[2], 255);
	}
}
