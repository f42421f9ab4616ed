package org.cyclecolor.cli;

import org.cyclecolor.UserException;
import org.cyclecolor.method.ColorSide;
import org.cyclecolor.synth.DatasetOptions;
import org.cyclecolor.synth.Degradation;
import org.cyclecolor.synth.MonoColorProtocol;
import org.cyclecolor.synth.OnProblem;
import org.cyclecolor.synth.PhotoStereo;

import picocli.CommandLine.Option;

/** How the training commands read their datasets (the same meanings as {@code synthesize}'s options). */
public final class DatasetOptionsMixin {

	@Option(names = "--kind", paramLabel = "KIND", defaultValue = "auto",
		description = "What the dataset paths hold: auto, pairs, stereo or photos (default: ${DEFAULT-VALUE}).")
	DatasetOptions.Kind kind;

	@Option(names = "--preset", paramLabel = "NAME", defaultValue = "clean",
		description = "Synthesized pairs: cameras and noise, clean, noisy (sigma 0.01 mono, 0.03 colour), mixed (each image "
			+ "between clean and 1.25x noisy; for training) or camera "
			+ "(default: ${DEFAULT-VALUE}).")
	String preset;

	@Option(names = "--gray-view", paramLabel = "VIEW", defaultValue = "left",
		description = "Stereo scenes and photos: which view becomes the mono image, left, right or both (default: ${DEFAULT-VALUE}).")
	MonoColorProtocol.GrayView grayView;

	@Option(names = "--color-side", paramLabel = "SIDE",
		description = "Pairs folders without a manifest: where the colour camera is, left (mono(x) = color(x + d)) or right.")
	String colorSide;

	@Option(names = "--max-disparity", paramLabel = "PX", defaultValue = "0",
		description = "Largest disparity of every pair; 0 = from ground truth, the manifest, the known rig, or an estimate "
			+ "(default: ${DEFAULT-VALUE}).")
	int maxDisparity;

	@Option(names = "--pairs-per-photo", paramLabel = "N", defaultValue = "1",
		description = "Photos: how many different scenes per photo (default: ${DEFAULT-VALUE}).")
	int pairsPerPhoto;

	@Option(names = "--photo-max-disparity", paramLabel = "PX", defaultValue = "32",
		description = "Photos: largest disparity of the random scenes (default: ${DEFAULT-VALUE}).")
	int photoMaxDisparity;

	@Option(names = "--data-seed", paramLabel = "N", defaultValue = "1",
		description = "Seeds the synthesized noise and photo scenes (default: ${DEFAULT-VALUE}).")
	long dataSeed;

	@Option(names = "--skip-broken", description = "Leave out broken pairs (listed) instead of stopping.")
	boolean skipBroken;

	/** The options as the dataset readers take them. */
	public DatasetOptions options() {
		DatasetOptions o = DatasetOptions.defaults().withKind(kind).withGrayView(grayView).withDegradation(Degradation.preset(preset))
			.withSeed(dataSeed).withMaxDisparity(maxDisparity).withOnProblem(skipBroken ? OnProblem.SKIP : OnProblem.FAIL)
			.withPhotos(new PhotoStereo.Settings(photoMaxDisparity, PhotoStereo.Settings.DEFAULT.minObjects(),
				PhotoStereo.Settings.DEFAULT.maxObjects()), pairsPerPhoto);
		if (colorSide != null) {
			try {
				o = o.withColorSide(ColorSide.fromKey(colorSide));
			}
			catch (IllegalArgumentException e) {
				throw new UserException("--color-side takes left or right, got '" + colorSide + "'.");
			}
		}
		return o;
	}
}
