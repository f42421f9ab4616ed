package org.cyclecolor.train;

import java.nio.file.Path;

/** Receives a training run's events (on the training thread; keep the work short). */
public interface TrainingListener {

	TrainingListener NONE = new TrainingListener() {};

	/** After every step. */
	default void onStep(TrainingEvent event) {}

	/** After a checkpoint was written. */
	default void onCheckpoint(Path checkpoint, int step) {}
}
