package org.vaetexture.train;

import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The eps of the reparameterization trick: standard normal [rows, latent] arrays, a fresh draw on
 * every call, the same sequence for the same seed.
 */
public final class GaussianNoise {

	private final Random random;
	private final int latentDim;

	public GaussianNoise(final long seed, final int latentDim) {
		this.random = new Random(seed);
		this.latentDim = latentDim;
	}

	public INDArray next(final int rows) {
		final float[] eps = new float[rows * latentDim];
		for (int i = 0; i < eps.length; i++)
			eps[i] = (float) random.nextGaussian();
		return Nd4j.create(eps, new long[] { rows, latentDim }, 'c');
	}
}
