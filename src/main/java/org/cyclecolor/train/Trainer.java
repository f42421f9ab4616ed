package org.cyclecolor.train;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;

import org.cyclecolor.CancelledException;
import org.cyclecolor.Progress;
import org.cyclecolor.UserException;
import org.cyclecolor.Version;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.Provenance;

/**
 * Runs a training: steps of the {@link Objective} on the crops of {@link TrainingData}, RMSProp
 * updates, a checkpoint every N steps, at the start, and when the run ends in any way (done,
 * finished early, cancelled); events after every step. A run resumed from its checkpoint continues
 * bit for bit: the crops depend on the seed and the step only, the optimizer state is saved, and
 * PyTorch is deterministic on the CPU for a fixed number of threads.
 * <p>
 * A loss that becomes NaN or infinite stops the run before the weights change, keeping the last
 * checkpoint written; running out of memory stops it with a suggested crop size.
 */
public final class Trainer {

	/** How a run ended. */
	public enum Ending {
		/** All steps done. */
		COMPLETED,
		/** Stopped early by {@link TrainingControl#requestFinish()}: the model is kept. */
		FINISHED_EARLY
	}

	/** The result of a run that did not fail or get cancelled. */
	public record Outcome(Ending ending, ModelBundle model, int step, double wallSeconds, List<Map<String, Double>> history,
		Map<String, Double> finalLosses)
	{
	}

	/** What to start from: a checkpoint to resume, or a model and the run's configuration. */
	public record Start(ModelBundle model, TrainingConfig config, Checkpoint resume) {

		public static Start fresh(ModelBundle model, TrainingConfig config) {
			return new Start(model, config, null);
		}

		/** @param steps the number of steps to reach (may extend the original run), 0 = as before */
		public static Start resume(Checkpoint c, int steps) {
			return new Start(c.model(), steps > 0 ? c.config().withSteps(steps) : c.config(), c);
		}
	}

	private final Start start;
	private final TrainingData data;
	private final Path checkpoint;
	private final int threads;
	private final Map<String, String> info = new LinkedHashMap<>();

	/**
	 * @param checkpoint where the run's checkpoint is written (and replaced as it goes)
	 * @param threads PyTorch intra-op threads, 0 = one per core
	 * @param info about the run for provenance and the checkpoint (e.g. "command", "data"), in order
	 */
	public Trainer(Start start, TrainingData data, Path checkpoint, int threads, Map<String, String> info) {
		this.start = start;
		this.data = data;
		this.checkpoint = checkpoint;
		this.threads = threads;
		this.info.putAll(info);
		if (start.resume() != null) {
			String fp = fingerprint(data);
			if (!fp.equals(start.resume().dataFingerprint())) {
				throw new UserException("The checkpoint " + checkpoint.getFileName() + " was made on other data (different pairs or sizes); "
					+ "resume with the same datasets and options, or start a new run.");
			}
		}
	}

	public TrainingConfig config() {
		return start.config();
	}

	/** Identifies the data's items and shrunk sizes, on which the crop of every step depends. */
	public static String fingerprint(TrainingData data) {
		long h = 1125899906842597L;
		for (var e : data.entries()) {
			String s = e.id() + ":" + e.width() + "x" + e.height();
			for (int i = 0; i < s.length(); i++) h = 31 * h + s.charAt(i);
		}
		return data.size() + " pairs, " + Long.toHexString(h);
	}

	/**
	 * Trains until the configured number of steps, an early finish, a cancel ({@link CancelledException},
	 * after the checkpoint is written) or a failure ({@link UserException}).
	 */
	public Outcome run(Progress progress, TrainingListener listener, TrainingControl control) {
		TrainingConfig config = start.config();
		Checkpoint resume = start.resume();
		int step = resume == null ? 0 : resume.step();
		double wall = resume == null ? 0 : resume.wallSeconds();
		List<Map<String, Double>> history = new ArrayList<>(resume == null ? List.of() : resume.history());
		if (step >= config.steps()) {
			progress.log("The checkpoint is already at step " + step + " (target " + config.steps() + "); its model is written as it is.");
			return new Outcome(step > config.steps() ? Ending.FINISHED_EARLY : Ending.COMPLETED,
				resume.model().withProvenance(provenance(step, wall, history)), step, wall, history,
				recentMeans(history, 100));
		}
		boolean structure = config.mode() == TrainingConfig.Mode.STRUCTURE_SIMILARITY;
		boolean refinementOnly = config.mode() == TrainingConfig.Mode.REFINEMENT;
		Set<NetworkKind> trained = EnumSet.of(structure ? NetworkKind.STRUCTURE_SIMILARITY
			: refinementOnly ? NetworkKind.REFINEMENT : NetworkKind.COLORIZATION);
		if (structure && !start.model().has(NetworkKind.STRUCTURE_SIMILARITY)) {
			throw new UserException("The variant " + start.model().variant().name() + " has no structure-similarity network to pre-train.");
		}
		if (refinementOnly && !start.model().has(NetworkKind.REFINEMENT)) {
			throw new UserException("The starting model (" + start.model().variant().name() + ") has no refinement network to train; "
				+ "start from a model that has one.");
		}
		if (!structure && !refinementOnly && config.trainRefinement() && start.model().variant().has(NetworkKind.REFINEMENT)) {
			if (!start.model().has(NetworkKind.REFINEMENT)) {
				throw new UserException("The starting model has no refinement network to train; train without refinement.");
			}
			trained.add(NetworkKind.REFINEMENT);
		}
		Set<NetworkKind> fixed = config.needsStructureNetwork() ? EnumSet.of(NetworkKind.STRUCTURE_SIMILARITY)
			: EnumSet.noneOf(NetworkKind.class);
		if (refinementOnly) fixed.add(NetworkKind.COLORIZATION);
		if (config.needsStructureNetwork() && !start.model().has(NetworkKind.STRUCTURE_SIMILARITY)) {
			throw new UserException("The learned structure loss needs a pre-trained structure-similarity network, and the starting "
				+ "model has none; pre-train one (pretrain-ssm) and pass it, or choose the SSIM structure loss.");
		}
		progress.log(String.format(Locale.ROOT, "Training %s (%s) on %d pairs, %dx%d crops, %s, steps %d to %d.",
			start.model().variant().name(), config.mode().key(), data.size(), config.cropWidth(), config.cropHeight(),
			structure ? "L1 against the SSIM maps of randomly warped registered pairs" : refinementOnly
				? "the refinement alone, chroma MSE against ground truth, on the fixed colorization network's results"
				: config.mode() == TrainingConfig.Mode.CYCLE ? "λ = (" + config.lambdaStructure() + ", " + config.lambdaCycle() + ", "
				+ config.lambdaSmooth() + "), structure loss " + config.structure().key() : "chroma MSE against ground truth",
			step + 1, config.steps()));
		try (NDManager manager = DjlRuntime.start(threads);
			TrainingNetworks nets = new TrainingNetworks(start.model(), trained, fixed, manager);
			RmsProp optimizer = new RmsProp(manager, nets.trainableParameters(), (float) config.learningRate(),
				resume == null ? null : resume.optimizer())) {
			info.putIfAbsent("software", "Cycle Colorization " + Version.get() + " (" + DjlRuntime.versions() + ", Java "
				+ System.getProperty("java.version") + ")");
			StepRunner runner = new StepRunner(nets, new Objective(config), optimizer, manager);
			if (resume == null) save(nets, optimizer, step, wall, history, listener);
			int lastSaved = step;
			Deque<Double> recent = new ArrayDeque<>();
			try {
				while (step < config.steps()) {
					progress.checkCancelled();
					if (control.finishRequested()) {
						save(nets, optimizer, step, wall, history, listener);
						progress.log("Training finished early at step " + step + " of " + config.steps() + ".");
						return outcome(Ending.FINISHED_EARLY, nets, step, wall, history);
					}
					long t0 = System.nanoTime();
					TrainingBatch batch = data.batch(step);
					StepRunner.Result r = runStep(runner, batch, config);
					if (!r.finite()) {
						throw new UserException(String.format(Locale.ROOT, "Training stopped at step %d: the %s loss became %s. The last good "
							+ "checkpoint (step %d) is kept in %s; resume from it with a lower learning rate (now %s).", step + 1,
							r.nonFinite(), r.terms().get(r.nonFinite()), lastSaved, checkpoint, config.learningRate()));
					}
					double seconds = (System.nanoTime() - t0) / 1e9;
					wall += seconds;
					step++;
					history.add(r.terms());
					recent.addLast(seconds);
					if (recent.size() > 20) recent.removeFirst();
					double perStep = recent.stream().mapToDouble(Double::doubleValue).average().orElse(seconds);
					TrainingEvent event = new TrainingEvent(step, config.steps(), r.terms(), 1 / perStep, perStep * (config.steps() - step),
						wall);
					listener.onStep(event);
					progress.report((double) step / config.steps(), "Training: " + event.summary());
					if (step % config.checkpointEvery() == 0 || step == config.steps()) {
						save(nets, optimizer, step, wall, history, listener);
						lastSaved = step;
					}
				}
			}
			catch (CancelledException e) {
				save(nets, optimizer, step, wall, history, listener);
				progress.log("Training cancelled at step " + step + "; the checkpoint " + checkpoint + " holds its state.");
				throw e;
			}
			return outcome(Ending.COMPLETED, nets, step, wall, history);
		}
	}

	private StepRunner.Result runStep(StepRunner runner, TrainingBatch batch, TrainingConfig config) {
		try {
			return runner.step(batch);
		}
		catch (EngineException | OutOfMemoryError e) {
			UserException u = OutOfMemory.explain(e, config.cropWidth(), config.cropHeight());
			if (u != null) throw u;
			throw e;
		}
	}

	private void save(TrainingNetworks nets, RmsProp optimizer, int step, double wall, List<Map<String, Double>> history,
		TrainingListener listener)
	{
		ModelBundle b = nets.toBundle(provenance(step, wall, history));
		new Checkpoint(b, optimizer.state(), step, start.config(), fingerprint(data), wall, info, history).write(checkpoint);
		listener.onCheckpoint(checkpoint, step);
	}

	private Outcome outcome(Ending ending, TrainingNetworks nets, int step, double wall, List<Map<String, Double>> history) {
		return new Outcome(ending, nets.toBundle(provenance(step, wall, history)), step, wall, history, recentMeans(history, 100));
	}

	/** Where the weights come from, for the model file's metadata. */
	private Provenance provenance(int step, double wall, List<Map<String, Double>> history) {
		Map<String, String> p = new LinkedHashMap<>();
		TrainingConfig c = start.config();
		boolean structure = c.mode() == TrainingConfig.Mode.STRUCTURE_SIMILARITY;
		// Pre-training describes the structure-similarity network only: its keys stay apart (ssm_*).
		String k = structure ? "ssm_" : "training_";
		p.put("weights", structure ? "structure-similarity network pre-trained by Cycle Colorization (the colorization network is "
			+ "not trained by this run)" : "trained by Cycle Colorization's trainer (" + c.mode().key() + " mode)");
		p.put(k + "data", String.join("; ", data.names()));
		p.put(k + "steps", Integer.toString(step));
		Map<String, Double> losses = recentMeans(history, 100);
		StringBuilder sb = new StringBuilder();
		for (Map.Entry<String, Double> e : losses.entrySet()) {
			sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(String.format(Locale.ROOT, " %.5f", e.getValue()));
		}
		if (sb.length() > 0) p.put(k + "losses", sb + " (mean of the last " + Math.min(100, history.size()) + " steps)");
		p.put(k + "wall_time", String.format(Locale.ROOT, "%.0f s", wall));
		// The configuration's step count is the target; training_steps is the step actually reached.
		for (Map.Entry<String, String> e : c.describe().entrySet()) {
			p.put(k + (e.getKey().equals("steps") ? "target_steps" : e.getKey()), e.getValue());
		}
		for (Map.Entry<String, String> e : info.entrySet()) p.put(structure && !e.getKey().startsWith("ssm_") ? "ssm_" + e.getKey()
			: e.getKey(), e.getValue());
		Provenance before = start.model().provenance();
		if (start.resume() != null) {
			// A resumed run: the checkpoint's provenance already holds the earlier stages.
			for (Map.Entry<String, String> e : before.entries().entrySet()) p.putIfAbsent(e.getKey(), e.getValue());
			return Provenance.of(p);
		}
		for (Map.Entry<String, String> e : before.entries().entrySet()) {
			String key = e.getKey();
			if (key.startsWith("ssm_") || key.startsWith("earlier_")) {
				// the structure network's pre-training, and the stage before the previous one
				p.putIfAbsent(key, e.getValue());
			}
			else if (!structure && (key.startsWith("training_") || key.equals("command") || key.equals("started_from"))) {
				// the previous stage of the colorization network
				p.putIfAbsent("earlier_" + key, e.getValue());
			}
			else if (structure && (key.startsWith("training_") || key.equals("command") || key.equals("started_from")
				|| key.equals("weights"))) {
				// the colorization network this pre-training carries along unchanged
				p.putIfAbsent(key.equals("weights") ? "colorization_weights" : key, e.getValue());
			}
		}
		return Provenance.of(p);
	}

	/** The mean of each term over the last {@code n} steps. */
	public static Map<String, Double> recentMeans(List<Map<String, Double>> history, int n) {
		Map<String, Double> sum = new LinkedHashMap<>();
		Map<String, Integer> count = new LinkedHashMap<>();
		for (Map<String, Double> h : history.subList(Math.max(0, history.size() - n), history.size())) {
			for (Map.Entry<String, Double> e : h.entrySet()) {
				sum.merge(e.getKey(), e.getValue(), Double::sum);
				count.merge(e.getKey(), 1, Integer::sum);
			}
		}
		sum.replaceAll((k, v) -> v / count.get(k));
		return sum;
	}
}
