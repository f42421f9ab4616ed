package org.cyclecolor.infer;

import org.cyclecolor.image.FloatPlane;

/**
 * What the colorization network M gives for one pair, in the caller's frame and size: the chroma
 * (Cb, Cr) it transfers, the W-weighted reference luminance (the structure loss and checks
 * compare it with the gray image), and the weight volume W. 0..255 units, the model's YCbCr range.
 */
public record NetworkOutput(FloatPlane cb, FloatPlane cr, FloatPlane luminance, WeightVolume weights) {}
