package org.cyclecolor.train;

/**
 * Lets a user interface stop a run early and keep its model ("Finish"), as opposed to cancelling
 * it (through {@link org.cyclecolor.Progress#isCancelled()}), which keeps only the checkpoint.
 */
public final class TrainingControl {

	private volatile boolean finish;

	/** Stop after the current step, write the checkpoint and the model. */
	public void requestFinish() {
		finish = true;
	}

	public boolean finishRequested() {
		return finish;
	}
}
