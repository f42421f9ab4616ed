package org.cyclecolor.synth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;

/**
 * Opens any dataset the suite understands from one path, recognising what it holds:
 * <ol>
 * <li>a file: a list of {@code mono,color} path pairs ({@link PairFolder#openList});</li>
 * <li>a folder with {@code mono/} and {@code color/}: ready-made pairs ({@link PairFolder#open});</li>
 * <li>a folder that is one stereo scene (left and right views) or one ready-made pair;</li>
 * <li>a folder of such folders (e.g. {@code stereo/}, {@code real-mono-color/},
 * {@code synthetic-mono-color/} of the shared data): all of them, stereo scenes made into pairs by
 * the synthesized protocol;</li>
 * <li>a folder of image files only: single photos, made into stereo pairs ({@link PhotoStereo}).</li>
 * </ol>
 * {@link DatasetOptions#kind()} can insist on one reading instead.
 */
public final class Datasets {

	private Datasets() {}

	public static PairDataset open(Path path, DatasetOptions options, Progress progress) {
		if (path == null) throw new UserException("No dataset was given; pass a folder or a list file.");
		if (!Files.exists(path)) throw new UserException("The dataset " + path + " does not exist; check the path.");
		DatasetOptions.Kind kind = options.kind();
		if (Files.isRegularFile(path)) {
			if (kind != DatasetOptions.Kind.AUTO && kind != DatasetOptions.Kind.PAIRS) {
				throw new UserException("The dataset " + path + " is a file; " + kind.name().toLowerCase() + " datasets are folders.");
			}
			return PairFolder.openList(path, options, progress);
		}
		if (kind == DatasetOptions.Kind.PHOTOS) return openPhotos(path, options, progress);
		if (PairFolder.isPairsFolder(path) && kind != DatasetOptions.Kind.STEREO) return PairFolder.open(path, options, progress);
		if (StereoScene.isScene(path) && kind != DatasetOptions.Kind.PAIRS) {
			return new StereoPairs(path.toString(), List.of(StereoScene.open(path)), List.of(), options);
		}
		if (PairFolder.isPairScene(path) && kind != DatasetOptions.Kind.STEREO) {
			return PairFolder.openScenes(path, List.of(path), options, progress);
		}
		List<Path> stereo = new ArrayList<>(), pairs = new ArrayList<>(), other = new ArrayList<>();
		int images = 0;
		for (Path p : Folders.list(path)) {
			if (Folders.isImage(p)) images++;
			if (!Files.isDirectory(p)) continue;
			if (StereoScene.isScene(p) && kind != DatasetOptions.Kind.PAIRS) stereo.add(p);
			else if (PairFolder.isPairScene(p) && kind != DatasetOptions.Kind.STEREO) pairs.add(p);
			else other.add(p);
		}
		if (stereo.isEmpty() && pairs.isEmpty()) {
			if (images > 0 && kind == DatasetOptions.Kind.AUTO) {
				progress.log("Reading the " + images + " images in " + path + " as single photos, each made into a stereo pair.");
				return openPhotos(path, options, progress);
			}
			throw new UserException("The folder " + path + " holds no dataset this suite recognises: give a folder with mono/ and "
				+ "color/, a list file, stereo scene folders (left and right images), pair folders (mono and color images), "
				+ "or a folder of photos.");
		}
		if (!stereo.isEmpty() && !pairs.isEmpty()) {
			throw new UserException("The folder " + path + " mixes stereo scenes (" + stereo.get(0).getFileName() + ", ...) and "
				+ "ready-made pairs (" + pairs.get(0).getFileName() + ", ...); open them separately or choose one kind.");
		}
		List<DatasetProblem> problems = new ArrayList<>();
		for (Path p : other) {
			problems.add(new DatasetProblem(p.getFileName().toString(), List.of(p), stereo.isEmpty()
				? "holds neither mono.* + color.* nor gray_left.* + color_right.*"
				: "is not a stereo scene (no left and right images, no meta.json naming them)"));
		}
		if (!pairs.isEmpty()) {
			// PairFolder.openScenes reports folders it cannot read; the unrecognised ones are added here.
			List<Path> all = new ArrayList<>(pairs);
			all.addAll(other);
			return PairFolder.openScenes(path, all, options, progress);
		}
		List<StereoScene> scenes = new ArrayList<>();
		for (Path p : stereo) {
			try {
				scenes.add(StereoScene.open(p));
			}
			catch (UserException e) {
				problems.add(new DatasetProblem(p.getFileName().toString(), List.of(p), e.getMessage()));
			}
		}
		return stereoPairs("the stereo folder " + path, path.toString(), scenes, problems, options);
	}

	private static PairDataset openPhotos(Path dir, DatasetOptions options, Progress progress) {
		List<PhotoSource> sources = new ArrayList<>();
		List<DatasetProblem> problems = new ArrayList<>();
		int ignored = 0;
		for (Path p : Folders.list(dir)) {
			if (!Folders.isImage(p)) {
				if (Files.isRegularFile(p)) ignored++;
				continue;
			}
			String stem = Folders.stem(p);
			int[] size;
			try {
				size = PairImages.size(p);
			}
			catch (UserException e) {
				problems.add(new DatasetProblem(stem, List.of(p), "cannot be read as an image"));
				continue;
			}
			if (options.photos().maxDisparity() > size[0] / 3) {
				problems.add(new DatasetProblem(stem, List.of(p), "is " + size[0] + "x" + size[1] + ", too narrow for a maximum "
					+ "disparity of " + options.photos().maxDisparity() + " px (at most a third of the width)"));
				continue;
			}
			for (int v = 0; v < options.pairsPerPhoto(); v++) {
				String id = options.pairsPerPhoto() == 1 ? stem : String.format("%s-%02d", stem, v);
				sources.add(new PhotoSource(id, p, v, options.photos(), options.seed(), size[0], size[1]));
			}
		}
		if (ignored > 0) progress.log("Ignored " + ignored + " file(s) in " + dir + " that are not images.");
		if (sources.isEmpty() && problems.isEmpty()) {
			throw new UserException("The photos folder " + dir + " holds no images; put colour photos (PNG, JPEG, TIFF...) there.");
		}
		return stereoPairs("the photos folder " + dir, dir.toString(), sources, problems, options);
	}

	private static PairDataset stereoPairs(String what, String name, List<? extends StereoSource> sources,
		List<DatasetProblem> problems, DatasetOptions options)
	{
		DatasetProblem.failIfAny(problems, options.onProblem(), what, "fix or remove them");
		if (sources.isEmpty()) {
			throw new UserException(Character.toUpperCase(what.charAt(0)) + what.substring(1)
				+ " has no usable item; every one is broken:" + DatasetProblem.list(problems));
		}
		return new StereoPairs(name, sources, problems, options);
	}
}
