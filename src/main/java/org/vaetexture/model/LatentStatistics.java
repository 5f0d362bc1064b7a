package org.vaetexture.model;

/**
 * Where the training posteriors lie in latent space: the mean and standard deviation, per latent
 * dimension, of mu over held-out training tiles. Latent traversals step in units of these standard
 * deviations. Stored in the model file.
 */
public final class LatentStatistics {

	private final float[] mean, std;

	public LatentStatistics(final float[] mean, final float[] std) {
		if (mean.length != std.length) throw new IllegalArgumentException(
			"mean and std need one value per latent dimension");
		this.mean = mean.clone();
		this.std = std.clone();
	}

	/** Mean and standard deviation of each column of {@code mu} (one row per tile). */
	public static LatentStatistics of(final float[][] mu) {
		final int l = mu[0].length, n = mu.length;
		final float[] mean = new float[l], std = new float[l];
		for (int j = 0; j < l; j++) {
			double s = 0, ss = 0;
			for (final float[] row : mu)
				s += row[j];
			final double m = s / n;
			for (final float[] row : mu)
				ss += (row[j] - m) * (row[j] - m);
			mean[j] = (float) m;
			std[j] = (float) Math.sqrt(ss / n);
		}
		return new LatentStatistics(mean, std);
	}

	public int dimension() {
		return mean.length;
	}

	public float[] mean() {
		return mean.clone();
	}

	public float[] std() {
		return std.clone();
	}
}
