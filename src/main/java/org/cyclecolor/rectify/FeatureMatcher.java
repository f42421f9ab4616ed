package org.cyclecolor.rectify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import boofcv.abst.feature.associate.AssociateDescription;
import boofcv.abst.feature.detdesc.ConfigCompleteSift;
import boofcv.abst.feature.detdesc.DetectDescribePoint;
import boofcv.abst.feature.detect.interest.ConfigFastHessian;
import boofcv.factory.feature.associate.ConfigAssociateGreedy;
import boofcv.factory.feature.associate.FactoryAssociation;
import boofcv.factory.feature.detdesc.FactoryDetectDescribe;
import boofcv.struct.feature.AssociatedIndex;
import boofcv.struct.feature.TupleDesc_F64;
import boofcv.struct.image.GrayF32;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.Resampler;
import org.ddogleg.struct.DogArray;
import org.ddogleg.struct.FastAccess;

/**
 * Finds keypoint matches between a gray image and a colour image's luminance.
 * <p>
 * The two cameras differ in gain, gamma, noise and spectral response. Both images are first
 * histogram-equalised, which maps any monotonic brightness difference (gain, offset, gamma) to
 * nearly the same picture, then keypoints are detected (on a shrunken copy when the image is
 * larger than the detection size, for speed) and described; matches are mutual best matches that
 * pass Lowe's ratio test.
 */
public final class FeatureMatcher {

	/** Lowe's ratio: the best descriptor distance must be below this fraction of the second best. */
	static final double RATIO = 0.8;

	/** What was found. */
	public static final class Result {
		public final List<Match> matches;
		public final int grayFeatures;
		public final int colorFeatures;

		Result(List<Match> matches, int grayFeatures, int colorFeatures) {
			this.matches = matches;
			this.grayFeatures = grayFeatures;
			this.colorFeatures = colorFeatures;
		}
	}

	private final FeatureType type;
	private final int maxFeatures;
	private final int detectionSize;
	private final boolean equalize;

	/**
	 * @param maxFeatures most keypoints kept per image
	 * @param detectionSize images whose larger side exceeds this are shrunk by an integer factor
	 *          for detection (coordinates are mapped back to full resolution)
	 * @param equalize histogram-equalise both images first (robust to gain and gamma differences)
	 */
	public FeatureMatcher(FeatureType type, int maxFeatures, int detectionSize, boolean equalize) {
		if (maxFeatures < 10) throw new IllegalArgumentException("maxFeatures must be at least 10, got " + maxFeatures);
		if (detectionSize < 64) throw new IllegalArgumentException("detectionSize must be at least 64, got " + detectionSize);
		this.type = type;
		this.maxFeatures = maxFeatures;
		this.detectionSize = detectionSize;
		this.equalize = equalize;
	}

	/** Matches {@code gray} with {@code colorLuma}; values in any units (each is normalised). */
	public Result match(FloatPlane gray, FloatPlane colorLuma) {
		Detected g = detect(gray);
		Detected c = detect(colorLuma);
		AssociateDescription<TupleDesc_F64> associate = FactoryAssociation.greedy(
			new ConfigAssociateGreedy(true, RATIO), FactoryAssociation.scoreEuclidean(TupleDesc_F64.class, false));
		associate.setSource(g.descriptors);
		associate.setDestination(c.descriptors);
		associate.associate();
		FastAccess<AssociatedIndex> pairs = associate.getMatches();
		List<Match> matches = new ArrayList<>(pairs.size);
		for (int i = 0; i < pairs.size; i++) {
			AssociatedIndex a = pairs.get(i);
			matches.add(new Match(g.x[a.src], g.y[a.src], c.x[a.dst], c.y[a.dst], c.radius[a.dst] / g.radius[a.src]));
		}
		return new Result(matches, g.count(), c.count());
	}

	private static final class Detected {
		double[] x, y, radius;
		DogArray<TupleDesc_F64> descriptors;

		int count() {
			return x.length;
		}
	}

	private Detected detect(FloatPlane plane) {
		int factor = (int) Math.ceil(Math.max(plane.width(), plane.height()) / (double) detectionSize);
		FloatPlane small = Resampler.shrink(plane, Math.max(1, factor));
		GrayF32 img = toGray(small, equalize);
		DetectDescribePoint<GrayF32, TupleDesc_F64> dd = detector();
		dd.detect(img);
		int n = dd.getNumberOfFeatures();
		Detected d = new Detected();
		d.x = new double[n];
		d.y = new double[n];
		d.radius = new double[n];
		d.descriptors = new DogArray<>(dd::createDescription);
		double k = Math.max(1, factor);
		for (int i = 0; i < n; i++) {
			// centre of shrunken pixel i covers source pixels [i k, (i + 1) k): its centre is (i + 0.5) k - 0.5
			d.x[i] = (dd.getLocation(i).x + 0.5) * k - 0.5;
			d.y[i] = (dd.getLocation(i).y + 0.5) * k - 0.5;
			d.radius[i] = dd.getRadius(i) * k;
			d.descriptors.grow().setTo(dd.getDescription(i));
		}
		return d;
	}

	private DetectDescribePoint<GrayF32, TupleDesc_F64> detector() {
		switch (type) {
			case SIFT: {
				ConfigCompleteSift config = new ConfigCompleteSift();
				config.detector.maxFeaturesAll = maxFeatures;
				return FactoryDetectDescribe.sift(config, GrayF32.class);
			}
			case SURF_FAST: {
				ConfigFastHessian config = hessian();
				return FactoryDetectDescribe.surfFast(config, null, null, GrayF32.class);
			}
			default: {
				ConfigFastHessian config = hessian();
				return FactoryDetectDescribe.surfStable(config, null, null, GrayF32.class);
			}
		}
	}

	private ConfigFastHessian hessian() {
		ConfigFastHessian config = new ConfigFastHessian();
		config.maxFeaturesAll = maxFeatures;
		config.extract.threshold = 0;
		config.extract.radius = 2;
		config.initialSampleStep = 1;
		return config;
	}

	/**
	 * The plane as a BoofCV image in 0..255: histogram-equalised (rank of each value, from a
	 * 4096-bin histogram between the extremes), or linearly stretched between its 0.5th and 99.5th
	 * percentiles.
	 */
	static GrayF32 toGray(FloatPlane plane, boolean equalize) {
		float[] d = plane.data();
		float[] mm = plane.minMax();
		GrayF32 out = new GrayF32(plane.width(), plane.height());
		if (!(mm[1] > mm[0])) return out; // flat or all NaN: nothing to detect
		int bins = 4096;
		double scale = (bins - 1) / (double) (mm[1] - mm[0]);
		int[] hist = new int[bins];
		for (float v : d) {
			if (v == v) hist[(int) ((v - mm[0]) * scale)]++;
		}
		double[] cdf = new double[bins];
		long total = Arrays.stream(hist).asLongStream().sum();
		long run = 0;
		for (int b = 0; b < bins; b++) {
			// mid-rank of the bin, so equal values map to the middle of their range
			cdf[b] = (run + hist[b] / 2.0) / total;
			run += hist[b];
		}
		if (equalize) {
			for (int i = 0; i < d.length; i++) {
				float v = d[i];
				out.data[i] = v == v ? (float) (255 * cdf[(int) ((v - mm[0]) * scale)]) : 0;
			}
			return out;
		}
		double lo = percentile(cdf, 0.005, mm[0], scale), hi = percentile(cdf, 0.995, mm[0], scale);
		if (!(hi > lo)) {
			lo = mm[0];
			hi = mm[1];
		}
		double k = 255 / (hi - lo);
		for (int i = 0; i < d.length; i++) {
			float v = d[i];
			out.data[i] = v == v ? (float) Math.max(0, Math.min(255, (v - lo) * k)) : 0;
		}
		return out;
	}

	private static double percentile(double[] cdf, double q, double min, double scale) {
		for (int b = 0; b < cdf.length; b++) {
			if (cdf[b] >= q) return min + b / scale;
		}
		return min + (cdf.length - 1) / scale;
	}
}
