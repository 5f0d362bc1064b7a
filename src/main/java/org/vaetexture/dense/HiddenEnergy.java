package org.vaetexture.dense;

import org.vaetexture.math.BoxFilter;

/**
 * The local energy of a hidden channel of the encoder, on a log scale: the log of the channel's mean
 * activation over a (2r + 1)^2 box (log, because such energies are skewed and their logs close to
 * Gaussian). The novelty descriptor and the segmentation features are built from it.
 */
public final class HiddenEnergy {

	/** Added to mean activations before the log, in normalized units. */
	private static final float EPSILON = 0.01f;

	private HiddenEnergy() {}

	/**
	 * @param activations of (w + 2r) x (h + 2r) pixels
	 * @return w x h
	 */
	public static float[] log(final float[] activations, final int w, final int h, final int r) {
		final float[] pooled = BoxFilter.mean(activations, w, h, r);
		for (int i = 0; i < pooled.length; i++)
			pooled[i] = (float) Math.log(pooled[i] + EPSILON);
		return pooled;
	}
}
