package org.cyclecolor.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;

import org.cyclecolor.UserException;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Tensor;
import org.cyclecolor.model.Variant;
import org.cyclecolor.model.Variants;
import org.cyclecolor.model.Weights;

/**
 * The complete state of a training run at the end of a step, in one file (a zip): the weights of
 * every network, the optimizer's accumulators, the step reached, the configuration, a fingerprint
 * of the data, the provenance so far and the loss history. Float values are stored bit for bit,
 * so a resumed run continues exactly as an uninterrupted one. Written to a temporary file in the
 * same folder and renamed over the old one: a crash never leaves half a checkpoint.
 *
 * @param step the number of steps done
 * @param config the run's configuration
 * @param dataFingerprint identifies the data's items and sizes (crops depend on them)
 * @param wallSeconds training time so far
 * @param info free text about the run (data, starting model, command), kept in order
 * @param history the loss terms of every step done, oldest first
 */
public record Checkpoint(ModelBundle model, Map<String, Tensor> optimizer, int step, TrainingConfig config,
	String dataFingerprint, double wallSeconds, Map<String, String> info, List<Map<String, Double>> history)
{

	public static final String FORMAT = "cyclecolor-checkpoint";
	public static final int VERSION = 1;
	private static final String STATE = "state.json", TENSORS = "tensors.bin";
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
		.disableHtmlEscaping().create();

	/** Writes the checkpoint atomically (temporary file in the same folder, then a rename). */
	public void write(Path path) {
		Path dir = path.toAbsolutePath().getParent();
		Path tmp = dir.resolve("." + path.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
		try {
			Files.createDirectories(dir);
			try (OutputStream o = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(o))) {
				zip.putNextEntry(new ZipEntry(STATE));
				zip.write(GSON.toJson(state()).getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
				zip.putNextEntry(new ZipEntry(TENSORS));
				DataOutputStream out = new DataOutputStream(zip);
				for (NetworkKind k : model.networks()) {
					Weights w = model.weights(k);
					for (String name : w.names()) writeTensor(out, "net/" + k.key() + "/" + name, w.get(name));
				}
				for (Map.Entry<String, Tensor> e : optimizer.entrySet()) writeTensor(out, "opt/" + e.getKey(), e.getValue());
				out.flush();
				zip.closeEntry();
			}
			Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UserException("Could not write the checkpoint " + path + " (" + e.getMessage()
				+ "); check that the folder is writable and the disk has space.", e);
		}
		finally {
			try {
				Files.deleteIfExists(tmp);
			}
			catch (IOException ignored) {
				// a hidden temporary file left behind is harmless
			}
		}
	}

	private Map<String, Object> state() {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("format", FORMAT);
		s.put("version", VERSION);
		s.put("step", step);
		s.put("variant", model.variant().name());
		s.put("candidates", model.variant().candidates());
		List<String> nets = new ArrayList<>();
		for (NetworkKind k : model.networks()) nets.add(k.key());
		s.put("networks", nets);
		s.put("config", configMap(config));
		s.put("data_fingerprint", dataFingerprint);
		s.put("wall_seconds", wallSeconds);
		s.put("provenance", model.provenance().entries());
		s.put("info", info);
		s.put("history", history);
		return s;
	}

	/** Reads a checkpoint; every way it can be wrong is a {@link UserException}. */
	public static Checkpoint read(Path path) {
		if (!Files.isRegularFile(path)) {
			throw new UserException("The checkpoint " + path + " does not exist; check the path (training writes it beside the model).");
		}
		Map<String, Object> state = null;
		Map<String, Tensor> tensors = new LinkedHashMap<>();
		try (InputStream in = Files.newInputStream(path); ZipInputStream zip = new ZipInputStream(new BufferedInputStream(in))) {
			ZipEntry e;
			while ((e = zip.getNextEntry()) != null) {
				if (e.getName().equals(STATE)) {
					state = GSON.fromJson(new String(zip.readAllBytes(), StandardCharsets.UTF_8), new TypeToken<Map<String, Object>>() {}.getType());
				}
				else if (e.getName().equals(TENSORS)) {
					DataInputStream din = new DataInputStream(new BufferedInputStream(zip));
					while (true) {
						String name;
						try {
							name = din.readUTF();
						}
						catch (java.io.EOFException end) {
							break;
						}
						tensors.put(name, readTensor(din));
					}
				}
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof UserException u) throw u;
			throw damaged(path, e.getMessage());
		}
		if (state == null || !FORMAT.equals(state.get("format"))) throw damaged(path, "it is not a Cycle Colorization checkpoint");
		if (((Number) state.get("version")).intValue() > VERSION) {
			throw new UserException("The checkpoint " + path.getFileName() + " was written by a newer version; update Cycle Colorization.");
		}
		try {
			Variant v = Variants.get((String) state.get("variant"), ((Number) state.get("candidates")).intValue());
			Map<NetworkKind, Weights> weights = new EnumMap<>(NetworkKind.class);
			Map<String, Tensor> opt = new LinkedHashMap<>();
			for (Map.Entry<String, Tensor> t : tensors.entrySet()) {
				String key = t.getKey();
				if (key.startsWith("opt/")) {
					opt.put(key.substring(4), t.getValue());
				}
				else {
					String rest = key.substring(4);
					int slash = rest.indexOf('/');
					NetworkKind k = NetworkKind.fromKey(rest.substring(0, slash));
					weights.computeIfAbsent(k, x -> new Weights()).put(rest.substring(slash + 1), t.getValue());
				}
			}
			@SuppressWarnings("unchecked")
			Map<String, String> prov = (Map<String, String>) state.get("provenance");
			ModelBundle model = new ModelBundle(v, weights, Provenance.of(prov));
			@SuppressWarnings("unchecked")
			Map<String, Object> c = (Map<String, Object>) state.get("config");
			@SuppressWarnings("unchecked")
			Map<String, String> info = (Map<String, String>) state.get("info");
			@SuppressWarnings("unchecked")
			List<Map<String, Double>> history = (List<Map<String, Double>>) state.get("history");
			return new Checkpoint(model, opt, ((Number) state.get("step")).intValue(), config(c), (String) state.get("data_fingerprint"),
				((Number) state.get("wall_seconds")).doubleValue(), info, history);
		}
		catch (UserException e) {
			throw e;
		}
		catch (RuntimeException e) {
			throw damaged(path, e.getMessage());
		}
	}

	private static UserException damaged(Path path, String why) {
		return new UserException("The checkpoint " + path.getFileName() + " cannot be read (" + why
			+ "); start from an earlier checkpoint or train from the model instead.");
	}

	private static void writeTensor(DataOutputStream out, String name, Tensor t) throws IOException {
		out.writeUTF(name);
		out.writeInt(t.rank());
		for (int d : t.shape()) out.writeInt(d);
		for (float f : t.data()) out.writeInt(Float.floatToRawIntBits(f));
	}

	private static Tensor readTensor(DataInputStream in) throws IOException {
		int rank = in.readInt();
		if (rank < 0 || rank > 8) throw new IOException("bad tensor rank " + rank);
		int[] shape = new int[rank];
		for (int i = 0; i < rank; i++) shape[i] = in.readInt();
		float[] data = new float[(int) Tensor.size(shape)];
		for (int i = 0; i < data.length; i++) data[i] = Float.intBitsToFloat(in.readInt());
		return new Tensor(shape, data);
	}

	static Map<String, Object> configMap(TrainingConfig c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("mode", c.mode().key());
		m.put("structure", c.structure().key());
		m.put("lambda_structure", c.lambdaStructure());
		m.put("lambda_cycle", c.lambdaCycle());
		m.put("lambda_smooth", c.lambdaSmooth());
		m.put("train_refinement", c.trainRefinement());
		m.put("crop_width", c.cropWidth());
		m.put("crop_height", c.cropHeight());
		m.put("learning_rate", c.learningRate());
		m.put("seed", Long.toString(c.seed()));
		m.put("steps", c.steps());
		m.put("checkpoint_every", c.checkpointEvery());
		m.put("shrink", c.shrink());
		return m;
	}

	static TrainingConfig config(Map<String, Object> m) {
		return new TrainingConfig(TrainingConfig.Mode.fromKey((String) m.get("mode")),
			TrainingConfig.StructureLoss.fromKey((String) m.get("structure")), num(m, "lambda_structure"), num(m, "lambda_cycle"),
			num(m, "lambda_smooth"), (Boolean) m.get("train_refinement"), (int) num(m, "crop_width"), (int) num(m, "crop_height"),
			num(m, "learning_rate"), Long.parseLong((String) m.get("seed")), (int) num(m, "steps"), (int) num(m, "checkpoint_every"),
			(int) num(m, "shrink"));
	}

	private static double num(Map<String, Object> m, String key) {
		Object o = m.get(key);
		if (!(o instanceof Number n)) throw new IllegalArgumentException("missing " + key);
		return n.doubleValue();
	}
}
