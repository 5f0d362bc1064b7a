package org.vaetexture.model;

import java.util.Arrays;

/**
 * Per-channel affine normalization learned from training data and stored with the model: a pixel v
 * of channel c becomes (v - center[c]) / scale[c]. The center is the median and the scale the
 * spread between the 1st and 99th percentiles divided by 4.65 (the standard deviation, for Gaussian
 * data), so a few outliers cannot dominate. Every map uses the model's normalization, never the
 * image at hand's, so a crop gives the same values as the full image.
 */
public final class Normalization {

	private final float[] center;
	private final float[] scale;

	public Normalization(final float[] center, final float[] scale) {
		if (center.length != scale.length || center.length == 0)
			throw new IllegalArgumentException("center and scale need one value per channel");
		this.center = center.clone();
		this.scale = scale.clone();
	}

	public int channels() {
		return center.length;
	}

	public float center(final int channel) {
		return center[channel];
	}

	public float scale(final int channel) {
		return scale[channel];
	}

	public float[] centers() {
		return center.clone();
	}

	public float[] scales() {
		return scale.clone();
	}

	/** The normalized value of a pixel of the given channel. */
	public float apply(final float value, final int channel) {
		return (value - center[channel]) / scale[channel];
	}

	/** The pixel value of a normalized value of the given channel. */
	public float invert(final float normalized, final int channel) {
		return normalized * scale[channel] + center[channel];
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof Normalization && Arrays.equals(center, ((Normalization) o).center) &&
			Arrays.equals(scale, ((Normalization) o).scale);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(center) + Arrays.hashCode(scale);
	}

	@Override
	public String toString() {
		return "center " + Arrays.toString(center) + ", scale " + Arrays.toString(scale);
	}
}
