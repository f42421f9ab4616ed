package org.cyclecolor.metrics;

import java.util.Map;

/** Lets tests in other packages read the committed oracle fixtures (and their images). */
public final class MetricsOracleTestAccess {

	private MetricsOracleTestAccess() {}

	/** The synthetic fixture case of that name. */
	public static Map<String, Object> synthetic(String name) {
		return MetricsOracleTest.cases("ssim-fixtures-synthetic.json").stream().filter(c -> name.equals(c.get("name")))
			.findFirst().orElseThrow(() -> new IllegalArgumentException("no fixture " + name));
	}
}
