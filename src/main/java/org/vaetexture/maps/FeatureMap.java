package org.vaetexture.maps;

/** The latent feature map: mu of every pixel's window, one channel per latent dimension. */
public final class FeatureMap implements LatentMap {

	private final int latentDim;

	public FeatureMap(final int latentDim) {
		this.latentDim = latentDim;
	}

	@Override
	public int channels() {
		return latentDim;
	}

	@Override
	public int halo() {
		return 0;
	}

	@Override
	public String name() {
		return "features";
	}

	@Override
	public void compute(final DenseCodes codes, final int w, final int h, final float[][] out) {
		for (int j = 0; j < latentDim; j++)
			System.arraycopy(codes.mu(j), 0, out[j], 0, w * h);
	}
}
