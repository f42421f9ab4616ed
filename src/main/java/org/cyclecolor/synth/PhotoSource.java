package org.cyclecolor.synth;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stereo pair made from a photo: the photo file, which of its variants (each variant is a
 * different random scene), and the settings. The scene's seed mixes the dataset seed, the photo's
 * name and the variant, so each photo and variant gets its own scene.
 */
record PhotoSource(String id, Path photo, int variant, PhotoStereo.Settings settings, long seed, int width, int height)
	implements StereoSource
{

	@Override
	public Map<String, Path> files() {
		return Map.of("photo", photo);
	}

	@Override
	public StereoViews load() {
		long sceneSeed = GradientNoise.mix(GradientNoise.mix(seed) + 31L * Folders.stem(photo).hashCode() + variant);
		StereoViews v = PhotoStereo.synthesize(id, PairImages.readColor(photo), settings, sceneSeed);
		Map<String, String> prov = new LinkedHashMap<>();
		prov.put("photo", photo.toAbsolutePath().normalize().toString());
		prov.put("variant", Integer.toString(variant));
		prov.putAll(v.provenance());
		return new StereoViews(v.id(), v.left(), v.right(), v.leftDisparity(), v.rightDisparity(), v.leftOcclusion(),
			v.rightOcclusion(), v.maxDisparity(), prov);
	}
}
