package org.cyclecolor.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cyclecolor.Progress;
import org.cyclecolor.ThreadCount;
import org.cyclecolor.UserException;
import org.cyclecolor.infer.ModelTarget;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.synth.SampleGenerator;
import org.cyclecolor.synth.SamplePair;
import org.cyclecolor.train.Checkpoint;
import org.cyclecolor.train.TrainingBatch;

/**
 * Turns a training checkpoint into a model file without training further: the way a run that is
 * still going (or was stopped) becomes a model, and how the shipped default model is packaged
 * ({@code scripts/package-default-model}). The checkpoint's provenance (command, data, steps,
 * losses, wall time, software versions) goes into the model's metadata; a structure-similarity
 * network can be taken from another model or checkpoint (a pretrain-ssm run), so that fine-tuning
 * with the learned structure loss works from the exported model. The file is written as training
 * writes it ({@link ModelExport}): temporary name, ONNX Runtime parity checked, then renamed.
 */
public final class CheckpointExport {

	/** Width and height of the synthesized pair the runtimes are compared on. */
	static final int PARITY_WIDTH = 128, PARITY_HEIGHT = 64;

	private final Path checkpoint;
	private final Path output;
	private Path structureNetwork;
	private boolean overwrite;
	private int threads;

	private List<Path> relativeTo = List.of();

	public CheckpointExport(Path checkpoint, Path output) {
		this.checkpoint = checkpoint;
		this.output = output;
	}

	/** A model (.onnx) or checkpoint (.ckpt) whose pre-trained structure-similarity network to include. */
	public CheckpointExport structureNetwork(Path modelOrCheckpoint) {
		this.structureNetwork = modelOrCheckpoint;
		return this;
	}

	public CheckpointExport overwrite(boolean o) {
		this.overwrite = o;
		return this;
	}

	/**
	 * Folders whose absolute paths are cut from the provenance (datasets then read as their folder
	 * names relative to these, e.g. "photos/kodak"); a value that still holds an absolute path is
	 * refused, so that a model to share names no folder of the machine it was trained on.
	 */
	public CheckpointExport relativeTo(List<Path> roots) {
		this.relativeTo = List.copyOf(roots);
		return this;
	}

	/** Threads for the parity check, 0 = one per core. */
	public CheckpointExport threads(int n) {
		this.threads = ThreadCount.check(n);
		return this;
	}

	/** An absolute path in a provenance value: a slash after a start, blank, bracket, quote, equals sign or comma. */
	private static final java.util.regex.Pattern ABSOLUTE = java.util.regex.Pattern.compile("(^|[\\s(\\[\"'=,:;])/[A-Za-z0-9._-]");

	private Provenance relativized(Provenance p) {
		Map<String, String> out = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : p.entries().entrySet()) {
			String v = e.getValue();
			for (Path root : relativeTo) {
				String r = root.toAbsolutePath().normalize().toString();
				v = v.replace(r + "/", "").replace(r, ".");
			}
			if (ABSOLUTE.matcher(v).find()) {
				throw new UserException("The run's record '" + e.getKey() + "' still names a folder of this machine (" + v + "); give "
					+ "that folder's parent with --relative-to too.");
			}
			out.put(e.getKey(), v);
		}
		return Provenance.of(out);
	}

	/** Writes the model; returns a summary (model, step, networks, parity, size). */
	public Map<String, Object> run(Progress progress) {
		ModelTarget.check(output, overwrite, "my-rig.onnx", checkpoint, structureNetwork);
		Checkpoint c = Checkpoint.read(checkpoint);
		progress.log(String.format(Locale.ROOT, "Checkpoint %s: %s, step %d of %d, %.0f s of training.", checkpoint.getFileName(),
			c.config().mode().key(), c.step(), c.config().steps(), c.wallSeconds()));
		ModelBundle model = c.model();
		Provenance p = model.provenance().with("exported_from", String.format(Locale.ROOT, "checkpoint %s at step %d (target %d)",
			checkpoint.getFileName(), c.step(), c.config().steps()));
		if (structureNetwork != null) {
			ModelBundle s = StructureNetworkSource.read(structureNetwork);
			if (!StructureNetworkSource.pretrained(s) || !StructureNetworkSource.fits(s, model)) {
				throw new UserException("The file " + structureNetwork.getFileName() + " holds no pre-trained " + model.variant().name()
					+ " structure-similarity network; give a model or checkpoint written by pretrain-ssm for this variant.");
			}
			model = model.with(NetworkKind.STRUCTURE_SIMILARITY, s.weights(NetworkKind.STRUCTURE_SIMILARITY));
			for (Map.Entry<String, String> e : s.provenance().entries().entrySet()) {
				if (e.getKey().startsWith("ssm_")) p = p.with(e.getKey(), e.getValue());
			}
			p = p.with("ssm_exported_from", structureNetwork.getFileName().toString());
		}
		if (!relativeTo.isEmpty()) p = relativized(p);
		model = model.withProvenance(p);
		ModelExport.Parity parity = ModelExport.write(model, output, overwrite, parityExample(model), threads, progress);
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("model", output.toAbsolutePath().toString());
		s.put("checkpoint", checkpoint.toAbsolutePath().toString());
		s.put("variant", model.variant().name());
		s.put("step", c.step());
		s.put("target_steps", c.config().steps());
		s.put("networks", model.networks().stream().map(NetworkKind::key).toList());
		s.put("parity", parity.describe());
		try {
			s.put("bytes", Files.size(output));
		}
		catch (java.io.IOException e) {
			throw new UserException("The model " + output + " was written but cannot be read back (" + e.getMessage() + ").", e);
		}
		return s;
	}

	/** A synthesized pair (the sample generator's scene) in the network's frame: what the runtimes are compared on. */
	static TrainingBatch parityExample(ModelBundle model) {
		SamplePair pair = SampleGenerator.generate(new SampleGenerator.Settings(PARITY_WIDTH, PARITY_HEIGHT, 12, 3), Progress.NONE);
		return TrainingBatch.of(model.variant(), pair.mono(), pair.color(), org.cyclecolor.method.ColorSide.RIGHT, null);
	}
}
