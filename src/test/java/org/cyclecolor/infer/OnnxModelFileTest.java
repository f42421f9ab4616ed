package org.cyclecolor.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cyclecolor.UserException;
import org.cyclecolor.image.YCbCrRange;
import org.cyclecolor.model.ModelBundle;
import org.cyclecolor.model.ModelMetadata;
import org.cyclecolor.model.NetworkKind;
import org.cyclecolor.model.ParamSpec;
import org.cyclecolor.model.Provenance;
import org.cyclecolor.model.Variants;

class OnnxModelFileTest {

	@TempDir
	Path dir;

	private static ModelBundle bundle() {
		return ModelBundle.initialized(Variants.get("cyclecnn"), 5, Provenance.of(Map.of("training_steps", "0")));
	}

	@Test
	void exportedModelReadsBackWithItsWeightsMetadataAndProvenance() {
		ModelBundle b = bundle();
		Path p = dir.resolve("m.onnx");
		OnnxExporter.write(b, p, false);
		OnnxModelFile f = OnnxModelFile.read(p);
		assertEquals("cyclecnn", f.variant().name());
		assertEquals(48, f.variant().candidates());
		assertEquals(YCbCrRange.FULL, f.colorRange());
		assertEquals(b.networks(), f.bundle().networks());
		for (NetworkKind k : b.networks()) {
			for (ParamSpec s : b.variant().graph(k).params()) {
				assertArrayEquals(b.weights(k).get(s.name()).data(), f.bundle().weights(k).get(s.name()).data(), s.name());
			}
		}
		assertEquals("0", f.bundle().provenance().get("training_steps"));
		Map<String, String> m = f.metadata();
		assertEquals("right", m.get(ModelMetadata.NATIVE_SIDE));
		assertEquals("masked", m.get(ModelMetadata.OUT_OF_IMAGE));
		assertEquals("false", m.get(ModelMetadata.UPSIDE_DOWN));
		assertTrue(m.get(ModelMetadata.INTERFACE).contains("(N, 3, H, W)"));
		assertTrue(m.containsKey("cyclecolor.software"));
	}

	@Test
	void eachNetworkIsItsOwnRunnableModel() throws Exception {
		Path p = dir.resolve("m.onnx");
		OnnxExporter.write(bundle(), p, false);
		OnnxModelFile f = OnnxModelFile.read(p);
		ModelProto refine = ModelProto.parseFrom(f.networkModel(NetworkKind.REFINEMENT));
		assertEquals(List.of("colorized"), refine.getGraph().getInputList().stream().map(v -> v.getName()).toList());
		assertTrue(refine.getGraph().getInitializerList().stream().allMatch(t -> t.getName().startsWith("refinement")));
		ModelProto m = ModelProto.parseFrom(f.networkModel(NetworkKind.COLORIZATION));
		assertEquals(List.of("chroma", "luminance", "weights"), m.getGraph().getOutputList().stream().map(v -> v.getName()).toList());
	}

	@Test
	void refusesToOverwriteUnlessAsked() {
		Path p = dir.resolve("m.onnx");
		OnnxExporter.write(bundle(), p, false);
		UserException e = assertThrows(UserException.class, () -> OnnxExporter.write(bundle(), p, false));
		assertTrue(e.getMessage().contains("already exists"), e.getMessage());
		OnnxExporter.write(bundle(), p, true);
	}

	@Test
	void missingNotOnnxAndForeignFilesAreClearErrors() throws Exception {
		assertMessage(() -> OnnxModelFile.read(dir.resolve("none.onnx")), "does not exist");
		Path text = dir.resolve("notes.onnx");
		Files.writeString(text, "this is not a model at all, just some words in a file");
		assertMessage(() -> OnnxModelFile.read(text), "not an ONNX model");
		Path foreign = dir.resolve("foreign.onnx");
		ModelProto bare = OnnxExporter.toProto(bundle()).toBuilder().clearMetadataProps().build();
		Files.write(foreign, bare.toByteArray());
		assertMessage(() -> OnnxModelFile.read(foreign), "no Cycle Colorization metadata");
	}

	@Test
	void metadataThatContradictsTheVariantIsRefused() throws Exception {
		ModelProto proto = OnnxExporter.toProto(bundle());
		assertMessage(() -> OnnxModelFile.fromProto(dir.resolve("x.onnx"), withMeta(proto, ModelMetadata.COLOR_RANGE, "studio")),
			"color_range = studio but variant cyclecnn uses full");
		assertMessage(() -> OnnxModelFile.fromProto(dir.resolve("x.onnx"), withMeta(proto, ModelMetadata.VARIANT, "dong19")),
			"variant 'dong19' is not known");
		assertMessage(() -> OnnxModelFile.fromProto(dir.resolve("x.onnx"), withMeta(proto, ModelMetadata.FORMAT_KEY, "9")),
			"newer version");
	}

	/** Issue 17 item 6: a candidate count that overflows, or differs from what the stored network computes, is refused. */
	@Test
	void candidateCountsOutOfRangeOrUnlikeTheNetworksAreRefused() {
		ModelProto proto = OnnxExporter.toProto(bundle());
		assertMessage(() -> OnnxModelFile.fromProto(dir.resolve("x.onnx"), withMeta(proto, ModelMetadata.CANDIDATES, "2147483644")),
			"cyclecolor.candidates is 2147483644, outside 1..1024");
		assertMessage(() -> OnnxModelFile.fromProto(dir.resolve("x.onnx"), withMeta(proto, ModelMetadata.CANDIDATES, "8")),
			"its metadata declare 8 disparity candidates but its network computes 48");
	}

	@Test
	void missingWeightIsReportedAsDamage() {
		ModelProto proto = OnnxExporter.toProto(bundle());
		var g = proto.getGraph().toBuilder();
		int i = 0;
		while (!g.getInitializer(i).getName().equals("colorization/unet.last.weight")) i++;
		g.removeInitializer(i);
		ModelProto damaged = proto.toBuilder().setGraph(g).build();
		assertMessage(() -> OnnxModelFile.fromProto(dir.resolve("x.onnx"), damaged), "unet.last.weight");
	}

	@Test
	void declaredVariantOrRangeMustMatch() {
		Path p = dir.resolve("m.onnx");
		OnnxExporter.write(bundle(), p, false);
		OnnxModelFile f = OnnxModelFile.read(p);
		f.requireDeclared("cyclecnn", YCbCrRange.FULL);
		assertMessage(() -> f.requireDeclared("authors-aaai20", null), "is of variant cyclecnn, not authors-aaai20");
		assertMessage(() -> f.requireDeclared(null, YCbCrRange.STUDIO), "full-range");
	}

	private static ModelProto withMeta(ModelProto p, String key, String value) {
		ModelProto.Builder b = p.toBuilder().clearMetadataProps();
		for (StringStringEntryProto e : p.getMetadataPropsList()) {
			b.addMetadataProps(e.getKey().equals(key) ? e.toBuilder().setValue(value) : e.toBuilder());
		}
		return b.build();
	}

	static void assertMessage(Runnable r, String part) {
		UserException e = assertThrows(UserException.class, r::run);
		assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should mention '" + part + "'");
	}
}
