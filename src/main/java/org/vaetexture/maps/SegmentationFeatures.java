package org.vaetexture.maps;

import org.vaetexture.model.VaeConfig;

/**
 * The per-pixel features that texture segmentation clusters: the log of the mean activation of
 * every channel of the encoder's two hidden layers over a (2r + 1)^2 box (as in the
 * {@link TextureDescriptor}), minus the mean of those logs over the layer's channels at that pixel.
 * The subtraction takes out the overall level of a layer's response, which follows local contrast
 * and brightness; what is left is the shape of the response across filters, i.e. the texture.
 */
final class SegmentationFeatures implements LatentMap {

	private final int radius, latent, filters1, filters2;

	SegmentationFeatures(final VaeConfig config, final int radius) {
		this.radius = radius;
		this.latent = config.latentDim();
		this.filters1 = config.filters1();
		this.filters2 = config.filters2();
	}

	@Override
	public int channels() {
		return filters1 + filters2;
	}

	@Override
	public int halo() {
		return radius;
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
		final float[][] d = TextureDescriptor.compute(codes, w, h, radius);
		for (int c = 0; c < channels(); c++)
			out[c] = d[2 * latent + c];
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
