package org.cyclecolor.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.synth.DatasetPair;
import org.cyclecolor.synth.DatasetProblem;
import org.cyclecolor.synth.GroundTruth;
import org.cyclecolor.synth.MonoColorPair;
import org.cyclecolor.synth.PairDataset;
import org.cyclecolor.synth.PairFolder;
import org.cyclecolor.synth.PairManifest;

/**
 * Writes a dataset to disk as the trainer and the evaluator see it: {@code mono/ID.png} (8-bit
 * gray), {@code color/ID.png} (8-bit RGB), and when there is ground truth {@code gt/ID-color.png},
 * {@code gt/ID-disparity.tif} (32-bit, pixels, NaN unknown) and {@code gt/ID-occlusion.png} (0
 * visible, 255 occluded, 128 unknown), plus a {@link PairManifest}. The folder reads back as a
 * pairs dataset with the same pixels and ground truth.
 */
public final class SynthesizeDataset {

	public static final String MONO_DIR = "mono", COLOR_DIR = "color", GT_DIR = "gt";

	private SynthesizeDataset() {}

	/**
	 * What was written.
	 *
	 * @param manifest the manifest file
	 * @param written the ids written, in order
	 * @param withTruth how many of them have ground truth files
	 * @param skipped items left out: broken when the dataset was opened, or failing to load
	 */
	public record Result(Path manifest, List<String> written, int withTruth, List<DatasetProblem> skipped) {}

	/**
	 * @param limit write at most this many pairs (the first ones); 0 = all
	 * @param skipBroken go on when a pair fails to load (it is listed in the result); otherwise stop
	 * @param overwrite replace existing files; otherwise any existing target is an error and nothing is written
	 * @param generator what made the dataset (command, options, version), stored in the manifest
	 */
	public static Result run(PairDataset dataset, Path dir, int limit, boolean skipBroken, boolean overwrite,
		Map<String, Object> generator, Progress progress)
	{
		List<PairDataset.Entry> entries = dataset.entries();
		int n = limit > 0 ? Math.min(limit, entries.size()) : entries.size();
		// Check every target before writing anything.
		Path manifestFile = dir.resolve(PairManifest.FILE_NAME);
		ImageFiles.prepareTarget(manifestFile, overwrite);
		for (int i = 0; i < n; i++) {
			for (Path p : targets(dir, entries.get(i).id()).values()) {
				if (entries.get(i).groundTruth() || !p.startsWith(dir.resolve(GT_DIR))) ImageFiles.prepareTarget(p, overwrite);
			}
		}
		List<PairManifest.Item> items = new ArrayList<>();
		List<String> written = new ArrayList<>();
		List<DatasetProblem> skipped = new ArrayList<>(dataset.problems());
		int withTruth = 0;
		for (int i = 0; i < n; i++) {
			progress.checkCancelled();
			String id = entries.get(i).id();
			progress.report(i / (double) n, "pair " + (i + 1) + " of " + n + ": " + id);
			DatasetPair pair;
			try {
				pair = dataset.load(i);
			}
			catch (UserException e) {
				if (!skipBroken) throw e;
				progress.log("Skipped " + id + ": " + e.getMessage());
				skipped.add(new DatasetProblem(id, List.copyOf(entries.get(i).files().values()), e.getMessage()));
				continue;
			}
			items.add(write(pair, dir, overwrite));
			written.add(id);
			if (pair.hasGroundTruth()) withTruth++;
		}
		if (items.isEmpty()) {
			throw new UserException("No pair could be written to " + dir + "; every one failed:" + DatasetProblem.list(skipped));
		}
		progress.report(1, "writing the manifest");
		writeAtomically(manifestFile, new PairManifest(generator, items).toJson());
		return new Result(manifestFile, written, withTruth, skipped);
	}

	/** The files of pair {@code id} by manifest role. */
	static Map<String, Path> targets(Path dir, String id) {
		Map<String, Path> m = new LinkedHashMap<>();
		m.put(PairManifest.MONO, dir.resolve(MONO_DIR).resolve(id + ".png"));
		m.put(PairManifest.COLOR, dir.resolve(COLOR_DIR).resolve(id + ".png"));
		m.put(PairManifest.GT_COLOR, dir.resolve(GT_DIR).resolve(id + "-color.png"));
		m.put(PairManifest.GT_DISPARITY, dir.resolve(GT_DIR).resolve(id + "-disparity.tif"));
		m.put(PairManifest.GT_OCCLUSION, dir.resolve(GT_DIR).resolve(id + "-occlusion.png"));
		return m;
	}

	private static PairManifest.Item write(DatasetPair item, Path dir, boolean overwrite) {
		MonoColorPair p = item.pair();
		Map<String, Path> t = targets(dir, p.id());
		Map<String, String> files = new LinkedHashMap<>();
		ImageFiles.write(ImagePlusAdapter.toGray8(p.id(), p.gray(), 1), t.get(PairManifest.MONO), overwrite);
		ImageFiles.write(ImagePlusAdapter.toImagePlus(p.id(), p.color()), t.get(PairManifest.COLOR), overwrite);
		files.put(PairManifest.MONO, relative(dir, t.get(PairManifest.MONO)));
		files.put(PairManifest.COLOR, relative(dir, t.get(PairManifest.COLOR)));
		GroundTruth truth = item.groundTruth().orElse(null);
		if (truth != null) {
			ImageFiles.write(ImagePlusAdapter.toImagePlus(p.id(), truth.color()), t.get(PairManifest.GT_COLOR), overwrite);
			files.put(PairManifest.GT_COLOR, relative(dir, t.get(PairManifest.GT_COLOR)));
			if (truth.disparity() != null) {
				ImagePlus d = ImagePlusAdapter.toImagePlus(p.id() + " disparity", truth.disparity());
				d.setProperty("Info", "Ground-truth disparity of mono/" + p.id() + ".png in pixels (NaN unknown): mono(x, y) = "
					+ "color(x " + (p.colorSide().sign() > 0 ? "+" : "-") + " d, y).\n");
				d.getProcessor().resetMinAndMax();
				ImageFiles.write(d, t.get(PairManifest.GT_DISPARITY), overwrite);
				files.put(PairManifest.GT_DISPARITY, relative(dir, t.get(PairManifest.GT_DISPARITY)));
			}
			if (truth.occlusion() != null) {
				ImageFiles.write(occlusion8(p.id(), truth.occlusion()), t.get(PairManifest.GT_OCCLUSION), overwrite);
				files.put(PairManifest.GT_OCCLUSION, relative(dir, t.get(PairManifest.GT_OCCLUSION)));
			}
		}
		return new PairManifest.Item(p.id(), files, p.colorSide(), p.maxDisparity(), p.provenance());
	}

	private static String relative(Path dir, Path file) {
		return dir.relativize(file).toString().replace('\\', '/');
	}
	private static ImagePlus occlusion8(String title, FloatPlane mask) {
		float[] d = mask.data();
		byte[] px = new byte[d.length];
		for (int i = 0; i < d.length; i++) px[i] = (byte) PairFolder.maskCode(d[i]);
		return new ImagePlus(title + " occlusion", new ByteProcessor(mask.width(), mask.height(), px));
	}

	private static void writeAtomically(Path file, String text) {
		Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(tmp, text, StandardCharsets.UTF_8);
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UserException("Could not write " + file + " (" + e.getMessage() + "); check that the folder is writable.", e);
		}
		finally {
			try {
				Files.deleteIfExists(tmp);
			}
			catch (IOException ignored) {
				// best effort: a hidden temporary file
			}
		}
	}
}
