package org.cyclecolor.fiji;

/**
 * Where the suite's commands sit in {@code Plugins > Cycle Colorization}: in the order of the work
 * (prepare the pair, colorize and check, measure, models, evaluate), one group per ten. SciJava's menu
 * builders draw a separator where two neighbouring weights differ by more than 1 (imagej-legacy
 * issue #265), so the groups are separated in Fiji's modern UI; Fiji's legacy (ImageJ 1.x) menus
 * keep the order by weight but draw no separators.
 */
final class MenuOrder {

	static final String PLUGINS = "Plugins";
	static final String SUITE = "Cycle Colorization";

	static final double RECTIFY_PAIR = 10;

	static final double COLORIZE = 20;
	static final double CYCLE_CHECK = 21;
	static final double WEIGHT_VOLUME = 22;

	static final double SSIM_MAP = 30;

	static final double IMPORT_AUTHORS_MODEL = 40;
	static final double TRAIN = 41;

	static final double EVALUATE = 50;

	private MenuOrder() {}
}
