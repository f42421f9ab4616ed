package org.cyclecolor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.cyclecolor.UserException;
import org.cyclecolor.model.NetworkKind;

/**
 * The shipped model, whichever state this build is in: when the jar carries it, it is a
 * {@code cyclecnn} model under 10 MB trained by this suite's trainer, with its provenance and the
 * parity measured when it was packaged; when it does not, asking for it says what to do instead.
 */
class BundledModelTest {

	@Test
	void theShippedModelIsSmallTrainedHereAndDescribed() throws IOException {
		if (!BundledModel.available()) {
			UserException e = assertThrows(UserException.class, BundledModel::path);
			assertTrue(e.getMessage().startsWith("No model was given and this version of Cycle Colorization ships no default model yet"),
				e.getMessage());
			return;
		}
		try (InputStream in = BundledModel.class.getResourceAsStream(BundledModel.RESOURCE)) {
			assertTrue(in.readAllBytes().length < 10_000_000, "the shipped model stays under 10 MB");
		}
		OnnxModelFile f = OnnxModelFile.read(BundledModel.path());
		assertEquals("cyclecnn", f.variant().name());
		assertTrue(f.bundle().has(NetworkKind.COLORIZATION));
		Map<String, String> meta = f.metadata();
		assertTrue(meta.get("cyclecolor.provenance.weights").startsWith("trained by Cycle Colorization's trainer"), meta.toString());
		for (String key : new String[] { "command", "training_data", "training_steps", "training_wall_time", "training_losses",
			"software", "parity", "exported_from" }) {
			assertNotNull(meta.get("cyclecolor.provenance." + key), key + " is recorded: " + meta);
		}
	}
}
