package org.cyclecolor.synth;

import org.cyclecolor.UserException;
import org.cyclecolor.method.ColorSide;

/**
 * How {@link Datasets#open} reads a dataset and turns it into mono/colour pairs.
 *
 * @param kind what the path holds, or {@link Kind#AUTO} to recognise it
 * @param grayView which view of a stereo pair (or synthesized photo pair) becomes the gray image
 * @param degradation the simulated cameras and noise (ready-made pairs take the noise only)
 * @param seed seeds every random choice (noise, photo scenes): the same seed gives the same pairs
 * @param colorSide where the colour camera is, for pairs folders that do not say (no manifest); null = not given
 * @param maxDisparity the largest disparity to suggest for every pair, pixels; 0 = from ground truth, the
 *        manifest, the known rig, or an estimate from the images
 * @param onProblem fail on broken items, or skip and list them
 * @param photos how pairs are synthesized from single photos
 * @param pairsPerPhoto how many different pairs (scenes) each photo gives
 */
public record DatasetOptions(Kind kind, MonoColorProtocol.GrayView grayView, Degradation degradation, long seed,
	ColorSide colorSide, int maxDisparity, OnProblem onProblem, PhotoStereo.Settings photos, int pairsPerPhoto)
{

	/** What a dataset path holds. */
	public enum Kind {
		/** Recognise it from the files (see {@link Datasets#open}). */
		AUTO,
		/** Ready-made mono/colour pairs: mono/ + color/, a list file, or one folder per pair. */
		PAIRS,
		/** Colour stereo pairs (one folder per scene with left and right views). */
		STEREO,
		/** Single colour photos, made into stereo pairs. */
		PHOTOS
	}

	public DatasetOptions {
		if (kind == null || grayView == null || degradation == null || onProblem == null || photos == null) {
			throw new IllegalArgumentException("Dataset options must all be given (colorSide may be null).");
		}
		if (maxDisparity < 0) throw new UserException("The maximum disparity must be positive (or 0 to suggest one), got " + maxDisparity + ".");
		if (pairsPerPhoto < 1 || pairsPerPhoto > 1000) {
			throw new UserException("Pairs per photo must be between 1 and 1000, got " + pairsPerPhoto + ".");
		}
	}

	/** Recognise the kind, left view gray, clean, seed 1, fail on broken items, one pair per photo. */
	public static DatasetOptions defaults() {
		return new DatasetOptions(Kind.AUTO, MonoColorProtocol.GrayView.LEFT, Degradation.CLEAN, 1, null, 0, OnProblem.FAIL,
			PhotoStereo.Settings.DEFAULT, 1);
	}

	public DatasetOptions withKind(Kind k) {
		return new DatasetOptions(k, grayView, degradation, seed, colorSide, maxDisparity, onProblem, photos, pairsPerPhoto);
	}

	public DatasetOptions withGrayView(MonoColorProtocol.GrayView g) {
		return new DatasetOptions(kind, g, degradation, seed, colorSide, maxDisparity, onProblem, photos, pairsPerPhoto);
	}

	public DatasetOptions withDegradation(Degradation d) {
		return new DatasetOptions(kind, grayView, d, seed, colorSide, maxDisparity, onProblem, photos, pairsPerPhoto);
	}

	public DatasetOptions withSeed(long s) {
		return new DatasetOptions(kind, grayView, degradation, s, colorSide, maxDisparity, onProblem, photos, pairsPerPhoto);
	}

	public DatasetOptions withColorSide(ColorSide c) {
		return new DatasetOptions(kind, grayView, degradation, seed, c, maxDisparity, onProblem, photos, pairsPerPhoto);
	}

	public DatasetOptions withMaxDisparity(int d) {
		return new DatasetOptions(kind, grayView, degradation, seed, colorSide, d, onProblem, photos, pairsPerPhoto);
	}

	public DatasetOptions withOnProblem(OnProblem p) {
		return new DatasetOptions(kind, grayView, degradation, seed, colorSide, maxDisparity, p, photos, pairsPerPhoto);
	}

	public DatasetOptions withPhotos(PhotoStereo.Settings p, int perPhoto) {
		return new DatasetOptions(kind, grayView, degradation, seed, colorSide, maxDisparity, onProblem, p, perPhoto);
	}
}
