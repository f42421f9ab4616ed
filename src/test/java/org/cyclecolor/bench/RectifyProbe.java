package org.cyclecolor.bench;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.cyclecolor.Progress;
import org.cyclecolor.image.*;
import org.cyclecolor.rectify.*;

public class RectifyProbe {
	public static void main(String[] a) {
		for (String dir : a[0].split(",")) {
			Path d = Paths.get("../shared/data", dir);
			RgbImage l = ImagePlusAdapter.toRgb(ImageFiles.read(d.resolve("left.png")), Double.NaN);
			RgbImage r = ImagePlusAdapter.toRgb(ImageFiles.read(d.resolve("right.png")), Double.NaN);
			for (String ft : a[1].split(",")) {
				RectifyOptions o = new RectifyOptions();
				o.features = FeatureType.fromKey(ft);
				o.equalize = a.length < 3 || Boolean.parseBoolean(a[2]);
				long t0 = System.nanoTime();
				try {
					PairRectifier.Output out = PairRectifier.rectify(YCbCr.luma(l), r, o, new Progress() {
						public void report(double f, String m) { if (m != null) System.out.printf("  %.2fs %s%n", (System.nanoTime() - t0) / 1e9, m); }
						public boolean isCancelled() { return false; } });
					System.out.printf("%s %s: %.2fs %s%n", dir, ft, (System.nanoTime() - t0) / 1e9, org.cyclecolor.cli.JsonOutput.toJson(out.report.toMap()).replaceAll("\\s+", " "));
				} catch (Exception e) {
					System.out.printf("%s %s: FAIL %s%n", dir, ft, e.getMessage());
				}
			}
		}
		System.exit(0);
	}
}
