package org.cyclecolor.infer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.Version;
import org.cyclecolor.model.AuthorsAaai20;
import org.cyclecolor.model.Graph;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.ParamSpec;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.model.Variant;
import org.cyclecolor.model.Variants;
import org.cyclecolor.model.Weights;

/**
 * Imports the Cycle-CNN authors' released Keras weights ({@code s0.h5} or
 * {@code shared_cost_weight.hdf5}, Keras 2.1.6) as a model of variant {@code authors-aaai20}:
 * each Keras layer (AF*, GF*, Unet_*) is mapped to its parameter in the description and its
 * kernel transposed from TensorFlow's layout to ONNX's.
 */
public final class AuthorsModelImporter {

	/** Where the weights come from, for the model's provenance. */
	public static final String SOURCE = "github.com/bupt-wx/Colorization-Towards-Real-Monochrome-Color-Camera-Systems, model/s0.h5";

	/** What was imported. */
	public record Result(Path model, int parameters, String sourceSha256, ModelBundle bundle) {}

	private AuthorsModelImporter() {}

	/** Reads the HDF5 file into a bundle (not written anywhere). */
	public static ModelBundle read(Path h5) {
		checkReadable(h5);
		Variant variant = Variants.get(AuthorsAaai20.NAME);
		Graph graph = variant.graph(NetworkKind.COLORIZATION);
		Map<String, Dataset> datasets = new HashMap<>();
		String kerasVersion;
		try (HdfFile file = new HdfFile(h5)) {
			collect(file, datasets);
			kerasVersion = attribute(file, "keras_version");
			Weights w = new Weights();
			for (ParamSpec p : graph.params()) w.put(p.name(), load(h5, datasets, p));
			w.requireFits(graph);
			String sha = sha256(h5);
			Map<String, String> prov = new LinkedHashMap<>();
			prov.put("weights", "the Cycle-CNN authors' released network M (Dong et al., AAAI 2020), imported from "
				+ h5.getFileName() + (kerasVersion == null ? "" : " (Keras " + kerasVersion + ")"));
			prov.put("source", SOURCE);
			prov.put("source_sha256", sha);
			prov.put("license", "MIT (the authors' release)");
			prov.put("training_data", "the authors' real monochrome/colour pairs (MVCAM-SU1000C cameras, AAAI 2020 paper); "
				+ "training steps and schedule not published");
			prov.put("imported_by", "Cycle Colorization " + Version.get() + " import-model, " + LocalDate.now());
			return new ModelBundle(variant, Map.of(NetworkKind.COLORIZATION, w), Provenance.of(prov));
		}
		catch (UserException e) {
			throw e;
		}
		catch (RuntimeException e) {
			throw new UserException("The file " + h5.getFileName() + " cannot be read as HDF5 (" + e.getMessage()
				+ "); give the authors' s0.h5 Keras weights file.", e);
		}
	}

	/**
	 * Reads the HDF5 file, writes the ONNX model to {@code onnx} (atomically; an existing file
	 * only with {@code overwrite}) and checks that the written model reads back and runs.
	 */
	public static Result importTo(Path h5, Path onnx, boolean overwrite, Progress progress) {
		progress.report(0, "Reading " + h5.getFileName());
		ModelBundle bundle = read(h5);
		progress.checkCancelled();
		progress.report(0.4, "Writing " + onnx.getFileName());
		OnnxExporter.write(bundle, onnx, overwrite);
		progress.report(0.7, "Checking the written model");
		OnnxModelFile back = OnnxModelFile.read(onnx);
		try (ColorizationModel m = ColorizationModel.open(back, RuntimeOptions.cpu(1), Progress.NONE)) {
			m.runNative(NetworkKind.COLORIZATION, Map.of("target", Tensor.zeros(1, 3, 8, 64), "reference", Tensor.zeros(1, 3, 8, 64)));
		}
		progress.report(1, "Imported " + onnx.getFileName());
		long n = bundle.weights(NetworkKind.COLORIZATION).valueCount();
		progress.log("Imported " + n + " parameters of the authors' network from " + h5.getFileName() + " into " + onnx);
		return new Result(onnx, Math.toIntExact(n), bundle.provenance().get("source_sha256"), bundle);
	}

	/**
	 * The Keras layer and dataset of one of our parameters, e.g. {@code appearance.res3.2.conv.weight}
	 * -> {@code AFres34/kernel:0}.
	 */
	static String kerasName(String param) {
		String[] parts = param.split("\\.");
		String leaf = parts[parts.length - 1];
		boolean bn = parts[parts.length - 2].equals("bn");
		String layer = kerasLayer(param.substring(0, param.lastIndexOf('.', param.lastIndexOf('.') - 1)), bn);
		String ds;
		switch (leaf) {
			case "weight": ds = "kernel:0"; break;
			case "bias": ds = "bias:0"; break;
			case "gamma": ds = "gamma:0"; break;
			case "beta": ds = "beta:0"; break;
			case "running_mean": ds = "moving_mean:0"; break;
			case "running_var": ds = "moving_variance:0"; break;
			default: throw new IllegalArgumentException("Unexpected parameter " + param);
		}
		return layer + "/" + ds;
	}

	/** Keras layer of a conv (or, with {@code bn}, its BatchNorm) named by our block prefix. */
	private static String kerasLayer(String block, boolean bn) {
		String[] p = block.split("\\.");
		switch (p[0]) {
			case "appearance":
			case "geometry": {
				String tower = p[0].equals("appearance") ? "AF" : "GF";
				if (p[1].startsWith("res")) {
					int b = Integer.parseInt(p[1].substring(3));
					int conv = Integer.parseInt(p[2]); // 1 or 2 -> Keras 1/2 and 4/5
					return tower + "res" + b + ((conv - 1) * 3 + (bn ? 2 : 1));
				}
				int c = Integer.parseInt(p[1].substring(1)); // c1..c4 -> Keras 1/2, 4/5, 7/8, 10/11
				return tower + ((c - 1) * 3 + (bn ? 2 : 1));
			}
			case "unet": {
				String suffix = bn ? "2" : "1";
				switch (p[1]) {
					case "conv1": return "Unet_conv1_" + suffix;
					case "conv2": return "Unet_conv2_" + suffix;
					case "last": return "Unet_last_" + suffix;
					case "up0": return "Unet_up0" + suffix;
					case "up1": return "Unet_up1" + suffix;
					default: return "Unet_" + p[1] + "conv" + p[2] + suffix; // down0.1 -> Unet_down0conv11
				}
			}
			default:
				throw new IllegalArgumentException("No Keras layer for " + block);
		}
	}

	/** One parameter, read and moved from Keras' layout to ONNX's. */
	private static Tensor load(Path h5, Map<String, Dataset> datasets, ParamSpec p) {
		String name = kerasName(p.name());
		Dataset d = datasets.get(name);
		if (d == null) {
			throw new UserException("The file " + h5.getFileName() + " does not hold the Cycle-CNN authors' network: layer "
				+ name.substring(0, name.indexOf('/')) + " is missing; give their s0.h5 (the AAAI-19 dual-lens model is another network).");
		}
		int[] dims = d.getDimensions();
		Object flat = d.getDataFlat();
		float[] v;
		if (flat instanceof float[] f) v = f;
		else if (flat instanceof double[] dd) {
			v = new float[dd.length];
			for (int i = 0; i < dd.length; i++) v[i] = (float) dd[i];
		}
		else throw new UserException("The layer " + name + " in " + h5.getFileName() + " is not floating point; give the authors' s0.h5.");
		int[] want = p.shape();
		Tensor t;
		if (dims.length == 1) t = new Tensor(dims, v);
		else if (dims.length == 4) t = permute(dims, v, new int[] { 3, 2, 0, 1 }); // (kh, kw, in, out) -> (out, in, kh, kw)
		else if (dims.length == 5) {
			// Conv3D (kd, kh, kw, in, out) -> (out, in, kd, kh, kw); the authors' transposed conv
			// stores (kd, kh, kw, out, in), which the same move turns into ONNX's (in, out, kd, kh, kw).
			t = permute(dims, v, new int[] { 4, 3, 0, 1, 2 });
		}
		else t = new Tensor(dims, v);
		if (!t.hasShape(want)) {
			throw new UserException("The layer " + name + " in " + h5.getFileName() + " has shape " + Tensor.shapeString(dims)
				+ ", not the Cycle-CNN authors' network's; give their s0.h5.");
		}
		return t;
	}

	/** out axis i = in axis perm[i]. */
	static Tensor permute(int[] dims, float[] v, int[] perm) {
		int n = dims.length;
		int[] outDims = new int[n];
		for (int i = 0; i < n; i++) outDims[i] = dims[perm[i]];
		int[] inStride = new int[n];
		inStride[n - 1] = 1;
		for (int i = n - 2; i >= 0; i--) inStride[i] = inStride[i + 1] * dims[i + 1];
		float[] out = new float[v.length];
		int[] idx = new int[n];
		for (int o = 0; o < out.length; o++) {
			int src = 0;
			for (int i = 0; i < n; i++) src += idx[i] * inStride[perm[i]];
			out[o] = v[src];
			for (int i = n - 1; i >= 0; i--) {
				if (++idx[i] < outDims[i]) break;
				idx[i] = 0;
			}
		}
		return new Tensor(outDims, out);
	}

	/** Every dataset by its last two path components ("AF1/kernel:0"), wherever Keras nested it. */
	private static void collect(Group g, Map<String, Dataset> out) {
		for (Node n : g.getChildren().values()) {
			if (n instanceof Group child) collect(child, out);
			else if (n instanceof Dataset d) {
				String[] p = d.getPath().split("/");
				if (p.length >= 2) out.putIfAbsent(p[p.length - 2] + "/" + p[p.length - 1], d);
			}
		}
	}

	private static String attribute(Group g, String name) {
		Attribute a = g.getAttributes().get(name);
		if (a == null) return null;
		Object v = a.getData();
		return v == null ? null : v.toString();
	}

	private static void checkReadable(Path h5) {
		if (h5 == null) throw new UserException("No weights file was given; pass the authors' s0.h5.");
		if (!Files.exists(h5)) throw new UserException("The weights file " + h5 + " does not exist; check the path.");
		if (!Files.isRegularFile(h5) || !Files.isReadable(h5)) {
			throw new UserException("The weights file " + h5 + " cannot be read; check that it is a readable file.");
		}
	}

	private static String sha256(Path p) {
		try (InputStream in = Files.newInputStream(p)) {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			byte[] buf = new byte[1 << 16];
			for (int r; (r = in.read(buf)) > 0;) md.update(buf, 0, r);
			return HexFormat.of().formatHex(md.digest());
		}
		catch (IOException | NoSuchAlgorithmException e) {
			throw new UserException("Could not read " + p + " (" + e.getMessage() + ").", e);
		}
	}
}
