package org.vaetexture.dense;

/**
 * KL divergence of every pixel's posterior to the prior, in nats: KL(N(mu, sigma^2) || N(0, I)) = 1/2
 * sum_j (mu_j^2 + sigma_j^2 - log sigma_j^2 - 1).
 */
public final class KlMap implements LatentMap {

	/** KL to the prior of the posterior of pixel {@code i}. */
	static double kl(final DenseCodes codes, final int i) {
		double s = 0;
		for (int j = 0; j < codes.latentDim(); j++) {
			final double mu = codes.mu(j)[i], logvar = codes.logvar(j)[i];
			s += mu * mu + Math.exp(logvar) - logvar - 1;
		}
		return 0.5 * s;
	}

	@Override
	public int channels() {
		return 1;
	}

	@Override
	public int halo() {
		return 0;
	}

	@Override
	public String name() {
		return "kl";
	}

	@Override
	public void compute(final DenseCodes codes, final int w, final int h, final float[][] out) {
		for (int i = 0; i < w * h; i++)
			out[0][i] = (float) kl(codes, i);
	}
}
