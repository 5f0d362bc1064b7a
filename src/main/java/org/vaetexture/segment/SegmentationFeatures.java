package org.vaetexture.segment;

import org.vaetexture.dense.DenseCodes;
import org.vaetexture.dense.HiddenEnergy;
import org.vaetexture.dense.LatentMap;
import org.vaetexture.math.BoxFilter;
import org.vaetexture.model.VaeConfig;

/**
 * The per-pixel features that texture segmentation clusters, at two scales. First the local
 * energy: the log of the mean activation of every channel of the encoder's two hidden layers over
 * a (2e + 1)^2 box, minus the mean of those logs over the layer's channels at that pixel (which
 * takes out the overall level of a layer's response, following local contrast and brightness; what
 * is left is the shape of the response across filters, i.e. the texture). Then these are averaged
 * over a (2s + 1)^2 box. Averaging logs rather than widening the first box keeps a busy texture
 * from dominating a box that straddles a boundary (the log of a mean leans towards the larger
 * energies; a mean of logs does not) and lowers the features' spread within a texture.
 */
public final class SegmentationFeatures implements LatentMap {

	private final int energyRadius, smoothingRadius, filters1, filters2;

	public SegmentationFeatures(final VaeConfig config, final int energyRadius, final int smoothingRadius) {
		this.energyRadius = energyRadius;
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
		return energyRadius + smoothingRadius;
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
			out[c] = BoxFilter.mean(HiddenEnergy.log(hidden[c], w + 2 * s, h + 2 * s,
				energyRadius), w, h, s);
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
