package org.cyclecolor.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;

import org.cyclecolor.train.Objective;
import org.cyclecolor.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training plot reads on its own: a title with the model, mode and crop; axes that say what
 * they show; a legend entry per term saying what the term is; a curve that merely repeats another
 * (total = supervised) is drawn once.
 */
class LossPlotTest {

	@TempDir
	Path dir;

	private static List<Map<String, Double>> history(boolean totalIsSupervised) {
		List<Map<String, Double>> h = new ArrayList<>();
		for (int s = 1; s <= 300; s++) {
			Map<String, Double> m = new LinkedHashMap<>();
			double sup = 1e-3 / s, ref = 2e-3 / Math.sqrt(s);
			m.put(Objective.TOTAL, totalIsSupervised ? sup : sup + ref);
			m.put(Objective.SUPERVISED, sup);
			m.put(Objective.REFINEMENT, ref);
			h.add(m);
		}
		return h;
	}

	@Test
	void theTitleNamesTheModelModeCropAndStructureLoss() {
		String t = LossPlot.title("rig.onnx", TrainingConfig.paper());
		assertTrue(t.startsWith("Training losses of rig.onnx: cycle mode, crop "), t);
		TrainingConfig c = TrainingConfig.paper();
		assertTrue(t.contains("crop " + c.cropWidth() + "x" + c.cropHeight()) && t.contains("structure loss " + c.structure().key()), t);
	}

	@Test
	void axesAndLegendSayWhatTheyShowAndARepeatedCurveIsDrawnOnce() {
		Plot p = LossPlot.of("Training losses of x.onnx: supervised mode", history(true));
		assertEquals("training step", p.getLabel('x'));
		assertTrue(p.getLabel('y').startsWith("loss (dimensionless; mean of 3 steps; log scale"), p.getLabel('y'));
		String[] legend = p.getDataObjectDesignations();
		assertEquals(2, legend.length, String.join(" | ", legend));
		assertTrue(legend[0].contains(LossPlot.describe(Objective.SUPERVISED)), legend[0]);
		assertTrue(legend[1].contains(LossPlot.describe(Objective.REFINEMENT)), legend[1]);
		assertTrue(LossPlot.describe(Objective.CYCLE).contains("eq. 2"));

		assertEquals(3, LossPlot.of("t", history(false)).getDataObjectDesignations().length, "total differs: drawn too");
		assertFalse(LossPlot.sameAsAnother(history(false), Objective.TOTAL));
	}

	@Test
	void thePngCarriesTheTitleAboveThePlot() {
		Path png = dir.resolve("losses.png");
		String title = "Training losses of rig.onnx: cycle mode, crop 256x128";
		LossPlot.writePng(title, history(false), png);
		ImagePlus imp = IJ.openImage(png.toString());
		ImagePlus plot = LossPlot.of(title, history(false)).getImagePlus();
		assertEquals(plot.getWidth(), imp.getWidth());
		assertTrue(imp.getHeight() > plot.getHeight() + 40, "a title band");
		int dark = 0;
		for (int y = 0; y < imp.getHeight() - plot.getHeight(); y++) {
			for (int x = 0; x < imp.getWidth(); x++) if ((imp.getProcessor().get(x, y) & 0xff) < 100) dark++;
		}
		assertTrue(dark > 200, "title text in the band: " + dark + " dark pixels");
	}
}
