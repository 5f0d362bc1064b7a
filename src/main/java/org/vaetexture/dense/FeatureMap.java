package org.vaetexture.dense;

import org.vaetexture.math.BoxFilter;

/**
 * The latent feature map: mu of every pixel's window, one channel per latent dimension; optionally
 * averaged over a (2r + 1)^2 box around each pixel.
 */
public final class FeatureMap implements LatentMap {

	private final int latentDim, radius;

	public FeatureMap(final int latentDim) {
		this(latentDim, 0);
	}

	/** @param radius of the averaging box; 0 for mu itself */
	public FeatureMap(final int latentDim, final int radius) {
		this.latentDim = latentDim;
		this.radius = radius;
	}

	@Override
	public int channels() {
		return latentDim;
	}

	@Override
	public int halo() {
		return radius;
	}

	@Override
	public String name() {
		return "features";
	}

	@Override
	public void compute(final DenseCodes codes, final int w, final int h, final float[][] out) {
		for (int j = 0; j < latentDim; j++)
			out[j] = BoxFilter.mean(codes.mu(j), w, h, radius);
	}
}
