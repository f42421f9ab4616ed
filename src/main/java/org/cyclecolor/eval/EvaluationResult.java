package org.cyclecolor.eval;

import java.util.List;

import org.cyclecolor.synth.DatasetProblem;

/**
 * What an evaluation run found.
 *
 * @param dataset the dataset's name (its path)
 * @param methods the methods' names, in the run's order
 * @param scenes the ids of the scenes evaluated, in order
 * @param records one per scene and method, scene by scene in the methods' order
 * @param problems dataset items left out: broken when the dataset was opened, or failing to load
 * @param leftOut scenes not selected by the scene filter or the limit
 */
public record EvaluationResult(String dataset, List<String> methods, List<String> scenes, List<SceneRecord> records,
	List<DatasetProblem> problems, int leftOut)
{

	public EvaluationResult {
		methods = List.copyOf(methods);
		scenes = List.copyOf(scenes);
		records = List.copyOf(records);
		problems = List.copyOf(problems);
	}

	/** How many dataset items were skipped because they were broken. */
	public int skipped() {
		return problems.size();
	}

	/** The records of one method, in scene order. */
	public List<SceneRecord> of(String method) {
		return records.stream().filter(r -> r.method().equals(method)).toList();
	}

	/** The summary of each method, in the run's order. */
	public List<MethodSummary> summaries() {
		return methods.stream().map(m -> MethodSummary.of(m, of(m))).toList();
	}

	/** True when any record has scores against ground truth. */
	public boolean hasGroundTruth() {
		return records.stream().anyMatch(r -> r.all() != null);
	}

	/** True when any record has visible/occluded scores. */
	public boolean hasOcclusion() {
		return records.stream().anyMatch(r -> r.visible() != null);
	}

	/** True when any record has a cycle score. */
	public boolean hasCycle() {
		return records.stream().anyMatch(r -> r.cycle() != null);
	}
}
