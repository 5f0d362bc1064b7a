package org.vaetexture.maps;

import org.vaetexture.model.VaeConfig;

/**
 * The per-pixel features that texture segmentation clusters: the {@link TextureDescriptor} over a
 * (2r + 1)^2 box, restricted to the chosen parts (pooled mu, pooled log-variance, log pooled
 * hidden-layer energies).
 */
final class SegmentationFeatures implements LatentMap {

	private final int radius, latent, hidden;
	private final boolean mu, logvar, energies;

	SegmentationFeatures(final VaeConfig config, final int radius, final boolean mu,
		final boolean logvar, final boolean energies)
	{
		this.radius = radius;
		this.latent = config.latentDim();
		this.hidden = config.filters1() + config.filters2();
		this.mu = mu;
		this.logvar = logvar;
		this.energies = energies;
	}

	@Override
	public int channels() {
		return (mu ? latent : 0) + (logvar ? latent : 0) + (energies ? hidden : 0);
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
		int k = 0;
		if (mu) for (int j = 0; j < latent; j++)
			out[k++] = d[j];
		if (logvar) for (int j = 0; j < latent; j++)
			out[k++] = d[latent + j];
		if (energies) for (int c = 0; c < hidden; c++)
			out[k++] = d[2 * latent + c];
	}
}
