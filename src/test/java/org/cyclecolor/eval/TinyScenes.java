package org.cyclecolor.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.cyclecolor.image.FloatPlane;
import org.cyclecolor.image.RgbImage;
import org.cyclecolor.synth.TestFiles;

/**
 * Small colour stereo scenes written as the shared data's stereo folders are (left.png, right.png,
 * 16-bit disparities of both views, meta.json): a textured background at disparity 3 and a
 * textured square in front at disparity 8, so that the left view has occluded pixels beside the
 * square. Convention: left(x) = right(x - d).
 */
public final class TinyScenes {

	public static final int WIDTH = 72, HEIGHT = 48, BACK = 3, FRONT = 8;

	private TinyScenes() {}

	/** Writes scene {@code id} into {@code root/id}; the square's position and the textures follow from the seed. */
	public static Path write(Path root, String id, long seed) throws IOException {
		Random rnd = new Random(seed);
		int margin = FRONT + 4;
		RgbImage back = texture(WIDTH + margin, HEIGHT, rnd), front = texture(WIDTH + margin, HEIGHT, rnd);
		int fx0 = 24 + rnd.nextInt(12), fy0 = 10 + rnd.nextInt(8), fw = 16 + rnd.nextInt(8), fh = 14 + rnd.nextInt(8);
		RgbImage left = blank(), right = blank();
		FloatPlane dl = new FloatPlane(WIDTH, HEIGHT), dr = new FloatPlane(WIDTH, HEIGHT);
		for (int y = 0; y < HEIGHT; y++) {
			for (int x = 0; x < WIDTH; x++) {
				boolean inFront = x >= fx0 && x < fx0 + fw && y >= fy0 && y < fy0 + fh;
				copy(inFront ? front : back, x, left, x, y);
				dl.set(x, y, inFront ? FRONT : BACK);
				// Right view pixel x shows the left view's point at x + d: the square where it lands, else the background.
				boolean frontHere = x + FRONT >= fx0 && x + FRONT < fx0 + fw && y >= fy0 && y < fy0 + fh;
				copy(frontHere ? front : back, frontHere ? x + FRONT : x + BACK, right, x, y);
				dr.set(x, y, frontHere ? FRONT : BACK);
			}
		}
		Path dir = Files.createDirectories(root.resolve(id));
		TestFiles.writeRgb(left, dir.resolve("left.png"));
		TestFiles.writeRgb(right, dir.resolve("right.png"));
		TestFiles.writeGray16(dl, dir.resolve("disp_left.png"));
		TestFiles.writeGray16(dr, dir.resolve("disp_right.png"));
		Files.writeString(dir.resolve("meta.json"), "{\"left\": \"left.png\", \"right\": \"right.png\", \"disp_left\": "
			+ "\"disp_left.png\", \"disp_right\": \"disp_right.png\", \"disp_divisor\": 1}\n");
		return dir;
	}

	/** Smooth colour waves over fine luminance noise, values within 20..235. */
	public static RgbImage texture(int w, int h, Random rnd) {
		FloatPlane[] c = { new FloatPlane(w, h), new FloatPlane(w, h), new FloatPlane(w, h) };
		double[] f = new double[6];
		for (int k = 0; k < f.length; k++) f[k] = 0.05 + 0.2 * rnd.nextDouble();
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double t = 128 + 40 * (rnd.nextDouble() - 0.5);
				for (int k = 0; k < 3; k++) {
					double v = t + 60 * Math.sin(f[2 * k] * x + f[2 * k + 1] * y + k);
					c[k].set(x, y, (float) Math.max(20, Math.min(235, Math.round(v))));
				}
			}
		}
		return new RgbImage(c[0], c[1], c[2], 255);
	}

	private static RgbImage blank() {
		return new RgbImage(new FloatPlane(WIDTH, HEIGHT), new FloatPlane(WIDTH, HEIGHT), new FloatPlane(WIDTH, HEIGHT), 255);
	}

	private static void copy(RgbImage from, int fx, RgbImage to, int x, int y) {
		for (int k = 0; k < 3; k++) to.channel(k).set(x, y, from.channel(k).get(fx, y));
	}
}
