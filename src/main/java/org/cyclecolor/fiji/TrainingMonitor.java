package org.cyclecolor.fiji;

import java.awt.Button;
import java.awt.FlowLayout;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Label;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.util.ArrayList;

import ij.gui.Plot;
import ij.gui.PlotWindow;

import org.cyclecolor.Progress;
import org.cyclecolor.pipeline.LossPlot;
import org.cyclecolor.pipeline.TrainingRecorder;
import org.cyclecolor.train.TrainingControl;
import org.cyclecolor.train.TrainingEvent;
import org.cyclecolor.train.TrainingListener;

/**
 * What the user sees of a training run in Fiji: the CSV log and PNG plot beside the model (as on
 * the command line), a live loss plot ({@link Plot} window, redrawn at most once a second), and a
 * small window with Finish (stop now, keep the model) and Cancel (stop now, write no model; the
 * checkpoint is kept). Without a display only the files and log lines are written.
 */
final class TrainingMonitor implements TrainingListener, AutoCloseable {

	private static final long REDRAW_MILLIS = 1000;

	private final TrainingRecorder recorder;
	private final TrainingControl control;
	private final Progress log;
	private final String title;
	private final int logEvery;
	private final boolean display;
	private volatile boolean cancelRequested;
	private PlotWindow plotWindow;
	private Frame buttons;
	private Label status;
	private long lastDraw;

	/**
	 * @param logEvery log a line every this many steps (and the last)
	 * @param display show the plot and the buttons (false when headless)
	 */
	TrainingMonitor(TrainingRecorder recorder, TrainingControl control, Progress log, String title, int logEvery, boolean display) {
		this.recorder = recorder;
		this.control = control;
		this.log = log;
		this.title = title;
		this.logEvery = Math.max(1, logEvery);
		this.display = display && !GraphicsEnvironment.isHeadless();
		if (this.display) showButtons();
	}

	/** Finish: stop after the current step and write the model. */
	void requestFinish() {
		control.requestFinish();
	}

	/** Cancel: stop after the current step, keep the checkpoint, write no model. */
	void requestCancel() {
		cancelRequested = true;
	}

	boolean cancelRequested() {
		return cancelRequested;
	}

	@Override
	public void onStep(TrainingEvent e) {
		recorder.onStep(e);
		boolean last = e.step() == e.steps();
		if (e.step() % logEvery == 0 || last) log.log("Train: " + e.summary());
		if (!display) return;
		if (status != null) status.setText(e.summary());
		long now = System.currentTimeMillis();
		if (now - lastDraw >= REDRAW_MILLIS || last) {
			lastDraw = now;
			Plot p = LossPlot.of(recorder.title(), new ArrayList<>(recorder.history()));
			if (plotWindow == null || plotWindow.isClosed()) plotWindow = p.show();
			else plotWindow.drawPlot(p);
		}
	}

	@Override
	public void onCheckpoint(Path checkpoint, int step) {
		recorder.onCheckpoint(checkpoint, step);
	}

	private void showButtons() {
		buttons = new Frame("Train: " + title);
		buttons.setLayout(new FlowLayout(FlowLayout.LEFT));
		status = new Label("Preparing the training data...");
		Button finish = new Button("Finish (keep model)");
		finish.addActionListener(ev -> {
			requestFinish();
			status.setText("Finishing after this step...");
		});
		Button cancel = new Button("Cancel (discard)");
		cancel.addActionListener(ev -> {
			requestCancel();
			status.setText("Cancelling after this step...");
		});
		buttons.add(finish);
		buttons.add(cancel);
		buttons.add(status);
		buttons.addWindowListener(new WindowAdapter() {
			@Override
			public void windowClosing(WindowEvent ev) {
				// Closing the controls is not a decision: say how to stop instead.
				status.setText("Use Finish or Cancel to stop the run.");
			}
		});
		buttons.setSize(640, 80);
		buttons.setVisible(true);
	}

	/** Closes the buttons (the plot window stays for the user). */
	@Override
	public void close() {
		recorder.close();
		if (buttons != null) buttons.dispose();
	}
}
