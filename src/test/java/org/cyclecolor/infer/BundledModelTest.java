package org.cyclecolor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.cyclecolor.UserException;
import org.cyclecolor.model.NetworkKind;

/**
 * The shipped models, whichever state this build is in: when the jar carries them, the default is a
 * {@code cyclecnn-guided} model and the reproduction a {@code cyclecnn} model, each under 10 MB,
 * trained by this suite's trainer, with its provenance (naming data by folders relative to the data
 * root, never a path of the machine it was trained on) and the parity measured when it was packaged;
 * when the default is missing, asking for it says what to do instead.
 */
class BundledModelTest {

	@Test
	void theDefaultModelIsMissingWithAClearMessageOrShipped() {
		if (!BundledModel.available()) {
			UserException e = assertThrows(UserException.class, BundledModel::path);
			assertTrue(e.getMessage().startsWith("No model was given and this version of Cycle Colorization ships no default model yet"),
				e.getMessage());
		}
	}

	@ParameterizedTest
	@CsvSource({ "DEFAULT, cyclecnn-guided", "CYCLECNN, cyclecnn" })
	void theShippedModelIsSmallTrainedHereAndDescribed(BundledModel.Which which, String variant) throws IOException {
		Assumptions.assumeTrue(BundledModel.available(which), "this build ships no " + which.label());
		try (InputStream in = BundledModel.class.getResourceAsStream(which.resource())) {
			assertTrue(in.readAllBytes().length < 10_000_000, "the shipped model stays under 10 MB");
		}
		OnnxModelFile f = OnnxModelFile.read(BundledModel.path(which));
		assertEquals(variant, f.variant().name());
		assertTrue(f.bundle().has(NetworkKind.COLORIZATION));
		Map<String, String> meta = f.metadata();
		assertTrue(meta.get("cyclecolor.provenance.weights").startsWith("trained by Cycle Colorization's trainer"), meta.toString());
		for (String key : new String[] { "command", "training_data", "training_steps", "training_wall_time", "training_losses",
			"software", "parity", "exported_from" }) {
			assertNotNull(meta.get("cyclecolor.provenance." + key), key + " is recorded: " + meta);
		}
		for (Map.Entry<String, String> e : meta.entrySet()) {
			if (!e.getKey().startsWith("cyclecolor.provenance.")) continue;
			assertFalse(e.getValue().matches("(?s).*(^|[\\s,=:'\"(])/(work|home|tmp|root|Users)/.*"),
				"no path of the training machine in " + e.getKey() + ": " + e.getValue());
		}
	}
}
