package org.cyclecolor.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import org.cyclecolor.Progress;
import org.cyclecolor.image.ImageFiles;
import org.cyclecolor.image.ImagePlusAdapter;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.synth.DatasetOptions;
import org.cyclecolor.synth.Datasets;
import org.cyclecolor.synth.Degradation;
import org.cyclecolor.synth.DisparityRange;
import org.cyclecolor.synth.MonoColorProtocol;
import org.cyclecolor.synth.PairDataset;
import org.cyclecolor.synth.PhotoStereo;
import org.cyclecolor.synth.StereoScene;
import org.cyclecolor.synth.StereoViews;
import org.cyclecolor.synth.TestPhotos;

/**
 * How long making one training/evaluation pair takes: a photo made into a stereo pair, the
 * mono/colour protocol with each preset, a Middlebury scene loaded with its ground truth, and the
 * disparity-range estimate on a FlyingThings3D frame. Uses ../shared/data when present (a
 * synthetic 768×512 picture otherwise). Prints the median and the fastest of 7 runs, after 2
 * warm-up runs.
 *
 * <pre>scripts/bench DatasetBenchmark</pre>
 */
public final class DatasetBenchmark {

	private static final int WARMUP = 2, RUNS = 7;

	private DatasetBenchmark() {}

	public static void main(String[] args) {
		Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data");
		System.out.printf(Locale.ROOT, "DatasetBenchmark: %d cores, load average %.1f, Java %s%n",
			Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
			System.getProperty("java.version"));
		Path kodak = data.resolve("photos/kodak/kodim05.png");
		RgbImage photo = Files.exists(kodak) ? ImagePlusAdapter.toRgb(ImageFiles.read(kodak), Double.NaN)
			: TestPhotos.photo(768, 512, 1);
		String photoName = Files.exists(kodak) ? "kodim05 768x512" : "synthetic 768x512";
		StereoViews views = PhotoStereo.synthesize("p", photo, PhotoStereo.Settings.DEFAULT, 1);
		time("photo -> stereo pair (" + photoName + ", 32 px, 1-4 objects)",
			() -> PhotoStereo.synthesize("p", photo, PhotoStereo.Settings.DEFAULT, 1));
		for (Degradation d : new Degradation[] { Degradation.CLEAN, Degradation.NOISY, Degradation.CAMERA }) {
			time("protocol " + d.name() + " (768x512, with ground truth)",
				() -> MonoColorProtocol.make(views, StereoViews.Side.LEFT, "p", d, 1, true));
		}
		Path art = data.resolve("stereo/mb2005-art");
		if (Files.isDirectory(art)) {
			PairDataset d = Datasets.open(art, DatasetOptions.defaults().withDegradation(Degradation.NOISY), Progress.NONE);
			time("Middlebury 2005 Art 463x370: read, noisy pair, LR-check mask", () -> d.load(0));
		}
		Path ft = data.resolve("stereo/flyingthings3d-0000000");
		if (Files.isDirectory(ft)) {
			StereoViews v = StereoScene.open(ft).load();
			time("disparity range estimate, FlyingThings3D 960x540", () -> DisparityRange.estimate(v.left(), v.right()));
		}
	}

	private static void time(String what, Supplier<?> work) {
		for (int i = 0; i < WARMUP; i++) work.get();
		double[] ms = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long t0 = System.nanoTime();
			work.get();
			ms[i] = (System.nanoTime() - t0) / 1e6;
		}
		Arrays.sort(ms);
		System.out.printf(Locale.ROOT, "  %-70s median %7.1f ms, fastest %7.1f ms%n", what, ms[RUNS / 2], ms[0]);
	}
}
