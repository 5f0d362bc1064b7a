package org.vaetexture.novelty;

import java.nio.FloatBuffer;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaetexture.dense.NativeArrays;

/**
 * Finds each pixel's neighbour among K whitened training descriptors: the one nearest to the
 * pixel's whitened descriptor z in a random projection P to a few dimensions, argmin_k |P (z -
 * b_k)|^2 (the first of equals), or, without a projection, the nearest by the full distance. In
 * the projection distances keep their order only roughly, so the neighbour is often not the
 * nearest but a near one; the search costs a seventh of the multiply-adds of the full one (32
 * instead of 224 per neighbour), and the novelty score built on it separates normal from
 * anomalous pixels about as well (README). The neighbour depends on the descriptor alone, but
 * unlike the full search's distance the score is not continuous in it: where two neighbours tie in
 * the projection, a descriptor changed by float rounding (other blocks) may get the other one.
 */
final class NeighbourSearch {

	/** Dimensions of the projection of models calibrated by this version. */
	static final int DIMENSIONS = 32;
	/** Seed of the projection's signs: part of the score's definition, never to change. */
	private static final long SEED = 20261130L;

	/** The projection, p x D of signs (null: none), and the neighbours in it, K x p. */
	private final INDArray projection, projected;
	/** |projected neighbour|^2. */
	private final float[] norms;

	/**
	 * @param neighbours row-major K x D
	 * @param dimensions of the projection; 0: none, the search is by the full distance
	 */
	NeighbourSearch(final float[] neighbours, final int d, final int dimensions) {
		final int k = neighbours.length / d, p = dimensions == 0 ? d : dimensions;
		final float[] signs = dimensions == 0 ? null : signs(dimensions, d);
		final float[] inProjection = dimensions == 0 ? neighbours : new float[k * p];
		if (signs != null) for (int n = 0; n < k; n++)
			for (int r = 0; r < p; r++) {
				double s = 0;
				for (int a = 0; a < d; a++)
					s += signs[r * d + a] * neighbours[n * d + a];
				inProjection[n * p + r] = (float) s;
			}
		norms = new float[k];
		for (int n = 0; n < k; n++)
			for (int r = 0; r < p; r++)
				norms[n] += inProjection[n * p + r] * inProjection[n * p + r];
		projection = signs == null ? null : Nd4j.create(signs, new long[] { p, d }, 'c');
		projected = Nd4j.create(inProjection, new long[] { k, p }, 'c');
	}

	/** The projection: row-major p x D of +1 and -1, the same on every run. */
	static float[] signs(final int dimensions, final int d) {
		final float[] signs = new float[dimensions * d];
		final Random random = new Random(SEED);
		for (int i = 0; i < signs.length; i++)
			signs[i] = random.nextBoolean() ? 1 : -1;
		return signs;
	}

	/**
	 * For each of the m whitened columns of z (D x m), the index of its neighbour: the smallest
	 * |P b_k|^2 - 2 P b_k . P z (|P z|^2 is the same for all k).
	 */
	int[] nearest(final INDArray z, final int m) {
		final int k = norms.length;
		// column-major, so that each pixel's K dot products lie together (and ND4J need not turn a
		// column-major product into a row-major array, which took longer than the product)
		final INDArray dots = Nd4j.createUninitialized(DataType.FLOAT, new long[] { k, m }, 'f');
		projected.mmul(projection == null ? z : projection.mmul(z), dots);
		final FloatBuffer byPixel = NativeArrays.values(dots.transpose());
		final float[] row = new float[k];
		final int[] nearest = new int[m];
		for (int j = 0; j < m; j++) {
			byPixel.get(row);
			float best = Float.POSITIVE_INFINITY;
			for (int n = 0; n < k; n++) {
				final float v = norms[n] - 2 * row[n];
				if (v < best) {
					best = v;
					nearest[j] = n;
				}
			}
		}
		return nearest;
	}
}
