package org.cyclecolor.eval;

/**
 * One method on one scene: what happened and, when it worked, its scores.
 *
 * @param scene the pair's id
 * @param method the method's name
 * @param status {@link Status#OK}, {@link Status#FAILED} (message says why; the run went on) or
 *        {@link Status#NOT_APPLICABLE} (e.g. no authors' result for this scene)
 * @param message the failure or the reason, empty when there is nothing to say
 * @param width, height the pair's size, pixels
 * @param colorSide "left" or "right": where the colour camera is
 * @param maxDisparity the largest disparity searched, pixels: also the width of the left-out border
 * @param seconds wall time of the first colorization (NaN when it did not run)
 * @param cycleSeconds wall time of the second colorization (NaN when it did not run)
 * @param all scores against the ground truth over the whole region, or null without ground truth
 * @param visible the same over the pixels the colour camera sees, or null without an occlusion mask
 * @param occluded the same over the pixels it does not see, or null without an occlusion mask
 * @param cycle the second-time result R'_C against the colour image R_C, or null when there is none
 * @param cycleMessage why there is no cycle score (empty when there is one)
 */
public record SceneRecord(String scene, String method, Status status, String message, int width, int height,
	String colorSide, int maxDisparity, double seconds, double cycleSeconds, Scores all, Scores visible, Scores occluded,
	Scores cycle, String cycleMessage)
{

	/** What happened to a method on a scene. */
	public enum Status {
		OK("ok"), FAILED("failed"), NOT_APPLICABLE("not applicable");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		/** "ok", "failed", "not applicable": as written in tables. */
		public String label() {
			return label;
		}
	}

	public boolean ok() {
		return status == Status.OK;
	}

	/** The scores of a region by name ("all", "visible", "occluded", "cycle"); null when absent. */
	public Scores scores(String region) {
		switch (region) {
			case Region.ALL: return all;
			case Region.VISIBLE: return visible;
			case Region.OCCLUDED: return occluded;
			case "cycle": return cycle;
			default: throw new IllegalArgumentException("No region '" + region + "'.");
		}
	}
}
