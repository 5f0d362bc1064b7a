package org.vaetexture.novelty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vaetexture.model.Backend;
import org.vaetexture.model.NoveltyStatistics;

/** The novelty score against its definition, on random statistics and descriptors. */
class NoveltyMapTest {

	private static final int D = 9, K = 40, N = 2500; // N > one chunk of pixels

	@Test
	void theScoreIsHalfTheSquaredDistanceToTheNearestNeighbour() {
		Backend.start();
		final Random random = new Random(4);
		final float[] mean = new float[D], whitening = new float[D * D], neighbours = new float[K * D];
		for (int a = 0; a < D; a++) {
			mean[a] = (float) random.nextGaussian();
			for (int b = 0; b <= a; b++)
				whitening[a * D + b] = (float) (a == b ? 1 + random.nextDouble() : 0.3 * random
					.nextGaussian());
		}
		for (int i = 0; i < neighbours.length; i++)
			neighbours[i] = (float) random.nextGaussian();
		final float[][] descriptors = new float[D][N];
		for (int a = 0; a < D; a++)
			for (int j = 0; j < N; j++)
				descriptors[a][j] = (float) (mean[a] + random.nextGaussian());
		final NoveltyMap map = new NoveltyMap(new NoveltyStatistics(1, 1, true, mean, whitening,
			neighbours, 1, 0.01));
		final int[] bounds = { 0, 4, D };
		final float[][] parts = map.scores(descriptors, bounds);
		for (int j = 0; j < N; j++) {
			final double[] z = new double[D];
			for (int a = 0; a < D; a++)
				for (int b = 0; b <= a; b++)
					z[a] += whitening[a * D + b] * (descriptors[b][j] - mean[b]);
			double best = Double.POSITIVE_INFINITY;
			double[] bestParts = null;
			for (int k = 0; k < K; k++) {
				final double[] p = new double[2];
				for (int a = 0; a < D; a++) {
					final double diff = z[a] - neighbours[k * D + a];
					p[a < 4 ? 0 : 1] += 0.5 * diff * diff;
				}
				if (p[0] + p[1] < best) {
					best = p[0] + p[1];
					bestParts = p;
				}
			}
			assertEquals(bestParts[0], parts[0][j], 1e-4 * Math.max(1, best), "pixel " + j);
			assertEquals(bestParts[1], parts[1][j], 1e-4 * Math.max(1, best), "pixel " + j);
		}
	}

	@Test
	void withoutNeighboursTheScoreIsHalfTheSquaredWhitenedDistanceToTheMean() {
		Backend.start();
		final float[] mean = { 1, -2 }, whitening = { 2, 0, 1, 3 };
		final float[][] descriptors = { { 1, 2 }, { -2, 0 } };
		final float[][] parts = new NoveltyMap(new NoveltyStatistics(1, 1, true, mean, whitening,
			new float[0], 1, 0.01)).scores(descriptors, new int[] { 0, 2 });
		assertEquals(0, parts[0][0], 1e-6);
		// z = W (d - m) = (2 * 1, 1 * 1 + 3 * 2) = (2, 7)
		assertEquals(0.5 * (4 + 49), parts[0][1], 1e-4);
	}
}
