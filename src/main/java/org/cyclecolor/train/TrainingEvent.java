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
}
