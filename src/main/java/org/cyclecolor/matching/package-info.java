/**
 * Classical stereo matching between the mono image and the colour image's luminance: BoofCV's
 * semi-global matching ({@link org.cyclecolor.matching.SgmMatcher}) and what is derived from it —
 * the disparity prior the guided networks read ({@link org.cyclecolor.matching.MatchingPrior}) and
 * the row fill of pixels it could not match. Core code: uses {@code image}, {@code method} and
 * BoofCV, never ImageJ's user interface.
 */
package org.cyclecolor.matching;
