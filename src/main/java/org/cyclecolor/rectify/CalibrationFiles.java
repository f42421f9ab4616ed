package org.cyclecolor.rectify;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import boofcv.struct.calib.CameraPinholeBrown;

import org.cyclecolor.UserException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads stereo calibration files:
 * <ul>
 * <li>OpenCV {@code FileStorage} YAML or XML as written after {@code stereoCalibrate}: camera
 * matrices {@code M1}/{@code K1}/{@code cameraMatrix1}, distortion {@code D1}/{@code distCoeffs1}
 * (k1 k2 p1 p2 [k3]), the same for camera 2, {@code R} and {@code T}; optional image size
 * {@code imageSize} [w, h] or {@code image_width}/{@code image_height}.</li>
 * <li>BoofCV's stereo YAML ({@code model: stereo_camera}, written by {@code CalibrationIO.save}):
 * {@code left}, {@code right} (pinhole + radial_tangential) and {@code rightToLeft}.</li>
 * </ul>
 */
public final class CalibrationFiles {

	private CalibrationFiles() {}

	/** Reads {@code path}, telling the format from its content. */
	public static StereoCalibration read(Path path) {
		if (path == null || !Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new UserException("The calibration file " + path + " does not exist or cannot be read; check the path.");
		}
		String text;
		try {
			text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UserException("The calibration file " + path + " cannot be read (" + e.getMessage() + ").", e);
		}
		try {
			String trimmed = text.stripLeading();
			if (trimmed.startsWith("<")) return opencv(readXml(text), "OpenCV XML");
			Map<String, Object> yaml = readYaml(text);
			if ("stereo_camera".equals(String.valueOf(yaml.get("model")))) return boofcv(yaml);
			return opencv(yaml, "OpenCV YAML");
		}
		catch (UserException e) {
			throw new UserException("Calibration file " + path.getFileName() + ": " + e.getMessage(), e);
		}
		catch (RuntimeException e) {
			throw new UserException("The calibration file " + path.getFileName() + " is not a readable OpenCV (YAML/XML) "
				+ "or BoofCV stereo calibration (" + e.getMessage() + "); see docs/commands/rectify-pair.md for the formats.", e);
		}
	}

	// ---------------------------------------------------------------- OpenCV

	private static final String[][] KEYS = {
		{ "M1", "K1", "cameraMatrix1", "camera_matrix1", "camera_matrix_1" },
		{ "D1", "distCoeffs1", "dist_coeffs1", "dist1", "distortion1" },
		{ "M2", "K2", "cameraMatrix2", "camera_matrix2", "camera_matrix_2" },
		{ "D2", "distCoeffs2", "dist_coeffs2", "dist2", "distortion2" },
		{ "R", "rotation" },
		{ "T", "translation" } };

	private static StereoCalibration opencv(Map<String, Object> m, String format) {
		double[] k1 = matrix(find(m, KEYS[0], "camera 1 matrix"), 9, "camera 1 matrix");
		double[] k2 = matrix(find(m, KEYS[2], "camera 2 matrix"), 9, "camera 2 matrix");
		double[] d1 = matrix(find(m, KEYS[1], "camera 1 distortion"), -1, "camera 1 distortion");
		double[] d2 = matrix(find(m, KEYS[3], "camera 2 distortion"), -1, "camera 2 distortion");
		double[] r = matrix(find(m, KEYS[4], "rotation R"), -1, "rotation R");
		double[] t = matrix(find(m, KEYS[5], "translation T"), 3, "translation T");
		if (r.length == 3) r = rodrigues(r);
		if (r.length != 9) throw new UserException("the rotation R has " + r.length + " values; expected 3x3 or 3x1");
		int[] size = imageSize(m);
		return new StereoCalibration(camera(k1, d1, size, "camera 1"), camera(k2, d2, size, "camera 2"), r, t, format);
	}

	private static Object find(Map<String, Object> m, String[] names, String what) {
		for (String n : names) {
			for (Map.Entry<String, Object> e : m.entrySet()) {
				if (e.getKey().equalsIgnoreCase(n)) return e.getValue();
			}
		}
		throw new UserException("no " + what + " (looked for " + String.join(", ", names) + ")");
	}

	private static int[] imageSize(Map<String, Object> m) {
		for (String k : new String[] { "imageSize", "image_size" }) {
			Object v = get(m, k);
			if (v != null) {
				double[] s = matrix(v, 2, k);
				return new int[] { (int) s[0], (int) s[1] };
			}
		}
		Object w = get(m, "image_width"), h = get(m, "image_height");
		if (w == null) w = get(m, "width");
		if (h == null) h = get(m, "height");
		if (w != null && h != null) return new int[] { (int) number(w), (int) number(h) };
		return new int[] { 0, 0 };
	}

	private static Object get(Map<String, Object> m, String key) {
		for (Map.Entry<String, Object> e : m.entrySet()) {
			if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
		}
		return null;
	}

	private static CameraPinholeBrown camera(double[] k, double[] d, int[] size, String which) {
		if (Math.abs(k[3]) > 1e-9 || Math.abs(k[6]) > 1e-9 || Math.abs(k[7]) > 1e-9 || Math.abs(k[8] - 1) > 1e-9) {
			throw new UserException("the " + which + " matrix is not an upper-triangular camera matrix [fx s cx; 0 fy cy; 0 0 1]");
		}
		if (d.length != 0 && d.length != 4 && d.length != 5 && d.length != 8 && d.length != 12 && d.length != 14) {
			throw new UserException("the " + which + " distortion has " + d.length + " coefficients; OpenCV writes 4, 5, 8, 12 or 14");
		}
		for (int i = 5; i < d.length; i++) {
			if (Math.abs(d[i]) > 1e-12) {
				throw new UserException("the " + which + " distortion uses OpenCV's rational, thin-prism or tilted model "
					+ "(coefficient " + (i + 1) + " is " + d[i] + "), which is not supported; calibrate with the standard "
					+ "5-coefficient model (k1 k2 p1 p2 k3)");
			}
		}
		CameraPinholeBrown c = new CameraPinholeBrown();
		c.fsetK(k[0], k[4], k[1], k[2], k[5], size[0], size[1]);
		double k1 = d.length > 0 ? d[0] : 0, k2 = d.length > 1 ? d[1] : 0, k3 = d.length > 4 ? d[4] : 0;
		c.fsetRadial(k1, k2, k3);
		c.fsetTangential(d.length > 2 ? d[2] : 0, d.length > 3 ? d[3] : 0);
		return c;
	}

	/** The values of an OpenCV matrix node (rows/cols/dt/data) or a plain list; {@code n} < 0: any count. */
	@SuppressWarnings("unchecked")
	private static double[] matrix(Object node, int n, String what) {
		Object data = node;
		if (node instanceof Map) {
			data = ((Map<String, Object>) node).get("data");
			if (data == null) throw new UserException("the " + what + " has no data");
		}
		double[] v;
		if (data instanceof List) {
			List<Object> l = (List<Object>) data;
			v = new double[l.size()];
			for (int i = 0; i < v.length; i++) v[i] = number(l.get(i));
		}
		else if (data instanceof Number) {
			v = new double[] { ((Number) data).doubleValue() };
		}
		else {
			String[] parts = String.valueOf(data).trim().split("[\\s,\\[\\]]+");
			List<Double> vals = new ArrayList<>();
			for (String p : parts) if (!p.isEmpty()) vals.add(Double.parseDouble(p));
			v = vals.stream().mapToDouble(Double::doubleValue).toArray();
		}
		if (n >= 0 && v.length != n) throw new UserException("the " + what + " has " + v.length + " values; expected " + n);
		for (double x : v) {
			if (!Double.isFinite(x)) throw new UserException("the " + what + " holds a non-finite value");
		}
		return v;
	}

	private static double number(Object o) {
		if (o instanceof Number) return ((Number) o).doubleValue();
		return Double.parseDouble(String.valueOf(o).trim());
	}

	/** Rotation matrix of a Rodrigues vector (OpenCV may store R as 3x1). */
	static double[] rodrigues(double[] r) {
		double theta = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
		if (theta < 1e-15) return Mat3.identity();
		double x = r[0] / theta, y = r[1] / theta, z = r[2] / theta;
		double c = Math.cos(theta), s = Math.sin(theta), v = 1 - c;
		return new double[] { c + x * x * v, x * y * v - z * s, x * z * v + y * s, y * x * v + z * s, c + y * y * v,
			y * z * v - x * s, z * x * v - y * s, z * y * v + x * s, c + z * z * v };
	}

	private static Map<String, Object> readYaml(String text) {
		// OpenCV writes a "%YAML:1.0" directive and "!!opencv-matrix" tags that YAML 1.1 parsers refuse.
		StringBuilder clean = new StringBuilder();
		for (String line : text.split("\r?\n")) {
			if (line.startsWith("%YAML")) continue;
			clean.append(line.replaceAll("!!opencv-[a-z-]+", "")).append('\n');
		}
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		Object doc = yaml.load(clean.toString());
		if (!(doc instanceof Map)) throw new UserException("the file is not a YAML mapping of named values");
		@SuppressWarnings("unchecked")
		Map<String, Object> m = (Map<String, Object>) doc;
		return m;
	}

	private static Map<String, Object> readXml(String text) throws UserException {
		Document doc;
		try {
			DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			DocumentBuilder b = f.newDocumentBuilder();
			doc = b.parse(new InputSource(new StringReader(text)));
		}
		catch (Exception e) {
			throw new UserException("the XML cannot be parsed (" + e.getMessage() + ")");
		}
		Map<String, Object> m = new LinkedHashMap<>();
		for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
			if (!(n instanceof Element)) continue;
			Element e = (Element) n;
			Element data = child(e, "data");
			if (data != null) {
				Map<String, Object> mat = new LinkedHashMap<>();
				mat.put("data", data.getTextContent());
				m.put(e.getTagName(), mat);
			}
			else {
				m.put(e.getTagName(), e.getTextContent().trim());
			}
		}
		return m;
	}

	private static Element child(Element e, String name) {
		for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element && ((Element) n).getTagName().equals(name)) return (Element) n;
		}
		return null;
	}

	// ---------------------------------------------------------------- BoofCV

	@SuppressWarnings("unchecked")
	private static StereoCalibration boofcv(Map<String, Object> m) {
		CameraPinholeBrown left = boofCamera((Map<String, Object>) require(m, "left"), "left");
		CameraPinholeBrown right = boofCamera((Map<String, Object>) require(m, "right"), "right");
		Map<String, Object> se3 = (Map<String, Object>) require(m, "rightToLeft");
		double[] r = matrix(require(se3, "rotation"), 9, "rightToLeft rotation");
		double[] t = { number(require(se3, "x")), number(require(se3, "y")), number(require(se3, "z")) };
		// BoofCV stores right-to-left (X_left = R X_right + T); camera 1 is the left one.
		StereoCalibration rightToLeft = new StereoCalibration(right, left, r, t, "BoofCV YAML");
		return rightToLeft.swapped();
	}

	@SuppressWarnings("unchecked")
	private static CameraPinholeBrown boofCamera(Map<String, Object> m, String which) {
		Map<String, Object> p = (Map<String, Object>) require(m, "pinhole");
		CameraPinholeBrown c = new CameraPinholeBrown();
		c.fsetK(number(require(p, "fx")), number(require(p, "fy")), number(p.getOrDefault("skew", 0.0)),
			number(require(p, "cx")), number(require(p, "cy")), (int) number(p.getOrDefault("width", 0)),
			(int) number(p.getOrDefault("height", 0)));
		Object dist = m.get("radial_tangential");
		if (dist instanceof Map) {
			Map<String, Object> d = (Map<String, Object>) dist;
			Object radial = d.get("radial");
			c.fsetRadial(radial == null ? new double[0] : matrix(radial, -1, which + " radial distortion"));
			c.fsetTangential(number(d.getOrDefault("t1", 0.0)), number(d.getOrDefault("t2", 0.0)));
		}
		else if (!"pinhole".equals(String.valueOf(m.get("model")))) {
			throw new UserException("the " + which + " camera model '" + m.get("model") + "' is not supported; use "
				+ "pinhole_radial_tangential");
		}
		return c;
	}

	private static Object require(Map<String, Object> m, String key) {
		Object v = m.get(key);
		if (v == null) throw new UserException("missing '" + key + "'");
		return v;
	}
}
