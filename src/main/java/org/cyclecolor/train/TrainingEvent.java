package org.cyclecolor.train;

import java.util.Map;

/**
 * Progress of a training run after one step.
 *
 * @param step steps done so far (1 after the first)
 * @param steps the steps the run goes to
 * @param terms this step's loss terms by name ({@link Objective#TOTAL} first)
 * @param stepsPerSecond over the recent steps
 * @param etaSeconds time left at that rate
 * @param elapsedSeconds training time so far (a resumed run includes its earlier time)
 */
public record TrainingEvent(int step, int steps, Map<String, Double> terms, double stepsPerSecond, double etaSeconds,
	double elapsedSeconds)
{

	/** "1h05m" or "3m07s". */
	public static String duration(double seconds) {
		long t = Math.round(seconds);
		return t >= 3600 ? String.format(java.util.Locale.ROOT, "%dh%02dm", t / 3600, t % 3600 / 60)
			: String.format(java.util.Locale.ROOT, "%dm%02ds", t / 60, t % 60);
	}

	/** One line: step, total loss, speed and time left. */
	public String summary() {
		return String.format(java.util.Locale.ROOT, "step %d/%d, loss %.4f, %.2f steps/s, %s left", step, steps,
			terms.getOrDefault(Objective.TOTAL, Double.NaN), stepsPerSecond, duration(etaSeconds));
	}
}
