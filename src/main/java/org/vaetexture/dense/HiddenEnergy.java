package org.vaetexture.dense;

import org.vaetexture.math.BoxFilter;

/**
 * Local statistics of a hidden channel of the encoder, on a log scale (such values are skewed and
 * their logs close to Gaussian): its energy, the log of the channel's mean activation over a
 * (2r + 1)^2 box, and its roughness, the log of the mean absolute difference between neighbouring
 * activations over that box (differences, not a variance from the sums of squares, so it stays
 * exact to float rounding whatever the block). The novelty descriptor and the segmentation
 * features are built from them.
 */
public final class HiddenEnergy {

	/** Added to mean activations and differences before the log, in normalized units. */
	private static final float EPSILON = 0.01f;

	private HiddenEnergy() {}

	/**
	 * @param activations of (w + 2r) x (h + 2r) pixels
	 * @return w x h
	 */
	public static float[] log(final float[] activations, final int w, final int h, final int r) {
		return logInPlace(BoxFilter.mean(activations, w, h, r));
	}

	/**
	 * @param activations of (w + 2r + 2) x (h + 2r + 2) pixels
	 * @return w x h: the log of the mean over the box of |a(x + 1, y) - a(x, y)| + |a(x, y + 1) -
	 *         a(x, y)| (plus epsilon), differences taken from each box pixel to its right and lower
	 *         neighbours
	 */
	public static float[] logRoughness(final float[] activations, final int w, final int h,
		final int r)
	{
		final int iw = w + 2 * r + 2, gw = w + 2 * r, gh = h + 2 * r;
		final float[] gradient = new float[gw * gh];
		for (int y = 0; y < gh; y++)
			for (int x = 0; x < gw; x++) {
				final int i = (y + 1) * iw + x + 1;
				gradient[y * gw + x] = Math.abs(activations[i + 1] - activations[i]) + Math.abs(
					activations[i + iw] - activations[i]);
			}
		return logInPlace(BoxFilter.mean(gradient, w, h, r));
	}

	/** log(v + epsilon) of every value, in place. */
	private static float[] logInPlace(final float[] pooled) {
		for (int i = 0; i < pooled.length; i++)
			pooled[i] = (float) Math.log(pooled[i] + EPSILON);
		return pooled;
	}
}
