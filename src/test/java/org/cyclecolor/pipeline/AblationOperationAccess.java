package org.cyclecolor.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.cyclecolor.synth.DatasetOptions;
import org.cyclecolor.train.TrainingConfig;

/** Test access to the ablation's per-variant objectives. */
public final class AblationOperationAccess {

	private AblationOperationAccess() {}

	/** "λ_ss λ_cc λ_smooth structure" of every variant, in Table 4's order. */
	public static List<String> objectives(boolean learned) {
		AblationOperation a = new AblationOperation(List.of(), List.of(), DatasetOptions.defaults(), java.nio.file.Path.of("x"));
		List<String> out = new ArrayList<>();
		for (AblationOperation.Variant v : AblationOperation.Variant.values()) {
			TrainingConfig c = a.configFor(v, learned);
			out.add(c.lambdaStructure() + " " + c.lambdaCycle() + " " + c.lambdaSmooth() + " " + c.structure().key());
		}
		return out;
	}
}
