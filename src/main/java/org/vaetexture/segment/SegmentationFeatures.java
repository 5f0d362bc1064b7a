package org.vaetexture.segment;

import org.vaetexture.dense.DenseCodes;
import org.vaetexture.dense.HiddenEnergy;
import org.vaetexture.dense.LatentMap;
import org.vaetexture.math.BoxFilter;
import org.vaetexture.model.VaeConfig;

/**
 * The per-pixel features that texture segmentation clusters, at two scales. First the local
 * roughness of every channel of the encoder's two hidden layers: the log of the mean absolute
 * difference between neighbouring activations over a (2r + 1)^2 box, r the roughness radius
 * ({@link HiddenEnergy#logRoughness}), minus the mean of those logs over the layer's channels at
 * that pixel (which takes out the overall level of a layer's response, following local contrast
 * and brightness; what is left is the shape of the response across filters, i.e. the texture).
 * Then these are averaged over a (2s + 1)^2 box, s the smoothing radius. The roughness sees how
 * fast each filter's response changes from pixel to pixel, so the scale of the texture as well as
 * what it is made of; the energy (the mean activation) sees the latter only, and on the
 * benchmark's composites the roughness separates more of them (README). Averaging logs rather than
 * widening the first box keeps a busy texture from dominating a box that straddles a boundary (the
 * log of a mean leans towards the larger values; a mean of logs does not) and lowers the features'
 * spread within a texture.
 */
public final class SegmentationFeatures implements LatentMap {

	private final int roughnessRadius, smoothingRadius, filters1, filters2;

	public SegmentationFeatures(final VaeConfig config, final int roughnessRadius,
		final int smoothingRadius)
	{
		this.roughnessRadius = roughnessRadius;
		this.smoothingRadius = smoothingRadius;
		this.filters1 = config.filters1();
		this.filters2 = config.filters2();
	}

	@Override
	public int channels() {
		return filters1 + filters2;
	}

	@Override
	public int halo() {
		// one more pixel for the roughness's differences between neighbours
		return roughnessRadius + smoothingRadius + 1;
	}

	@Override
	public String name() {
		return "segmentation features";
	}

	@Override
	public boolean usesHidden() {
		return true;
	}

	@Override
	public void compute(final DenseCodes codes, final int w, final int h, final float[][] out) {
		final float[][] hidden = codes.hidden();
		final int s = smoothingRadius;
		for (int c = 0; c < channels(); c++)
			out[c] = BoxFilter.mean(HiddenEnergy.logRoughness(hidden[c], w + 2 * s, h + 2 * s,
				roughnessRadius), w, h, s);
		// the channel mean is linear, so it may be taken out after the smoothing
		centre(out, 0, filters1, w * h);
		centre(out, filters1, filters2, w * h);
	}

	/** Subtracts from rows [from, from + n) their mean at every pixel. */
	private static void centre(final float[][] rows, final int from, final int n, final int pixels) {
		for (int i = 0; i < pixels; i++) {
			double s = 0;
			for (int c = from; c < from + n; c++)
				s += rows[c][i];
			final float m = (float) (s / n);
			for (int c = from; c < from + n; c++)
				rows[c][i] -= m;
		}
	}
}
