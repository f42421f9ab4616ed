package org.cyclecolor.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Mono/colour pairs made from colour stereo pairs (scene folders or photos) by the synthesized
 * protocol ({@link MonoColorProtocol}): every pair has ground truth.
 */
public final class StereoPairs implements PairDataset {

	private record Item(StereoSource source, StereoViews.Side graySide, String id) {}

	private final String name;
	private final List<Item> items = new ArrayList<>();
	private final List<Entry> entries = new ArrayList<>();
	private final List<DatasetProblem> problems;
	private final DatasetOptions options;

	StereoPairs(String name, List<? extends StereoSource> sources, List<DatasetProblem> problems, DatasetOptions options) {
		this.name = name;
		this.problems = List.copyOf(problems);
		this.options = options;
		for (StereoSource s : sources) {
			switch (options.grayView()) {
				case LEFT -> add(s, StereoViews.Side.LEFT, s.id());
				case RIGHT -> add(s, StereoViews.Side.RIGHT, s.id());
				case BOTH -> {
					add(s, StereoViews.Side.LEFT, s.id() + "-grayleft");
					add(s, StereoViews.Side.RIGHT, s.id() + "-grayright");
				}
			}
		}
	}

	private void add(StereoSource s, StereoViews.Side side, String id) {
		items.add(new Item(s, side, id));
		entries.add(new Entry(id, s.width(), s.height(), true, s.files()));
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public List<Entry> entries() {
		return Collections.unmodifiableList(entries);
	}

	@Override
	public List<DatasetProblem> problems() {
		return problems;
	}

	@Override
	public DatasetPair load(int index) {
		return load(index, true);
	}

	@Override
	public MonoColorPair loadPair(int index) {
		return load(index, false).pair();
	}

	/** The stereo pair behind item {@code index} (both views and their ground truth). */
	public StereoViews views(int index) {
		StereoViews v = items.get(index).source().load();
		return options.maxDisparity() > 0 ? v.withMaxDisparity(options.maxDisparity()) : v;
	}

	private DatasetPair load(int index, boolean withTruth) {
		Item it = items.get(index);
		return MonoColorProtocol.make(views(index), it.graySide(), it.id(), options.degradation(), options.seed(), withTruth);
	}
}
