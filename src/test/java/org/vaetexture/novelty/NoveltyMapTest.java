package org.vaetexture.novelty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vaetexture.model.Backend;
import org.vaetexture.model.NoveltyStatistics;

/** The novelty score against its definition, on random statistics and descriptors. */
class NoveltyMapTest {

	private static final int N = 2500; // > one chunk of pixels

	@Test
	void theFullSearchScoresHalfTheSquaredDistanceToTheNearestNeighbour() {
		Backend.start();
		final Case c = new Case(new Random(4), 9, 40, NoveltyStatistics.FULL_SEARCH);
		final float[][] parts = new NoveltyMap(c.statistics).scores(c.descriptors, c.bounds);
		for (int j = 0; j < N; j++) {
			final double[] z = c.whitened(j);
			int nearest = 0;
			for (int n = 1; n < c.k; n++)
				if (c.distance(z, n) < c.distance(z, nearest)) nearest = n;
			c.assertParts(z, nearest, parts, j);
		}
	}

	@Test
	void theNeighbourIsTheNearestInTheProjection() {
		Backend.start();
		final int dimensions = 6;
		final Case c = new Case(new Random(5), 24, 50, dimensions);
		final float[][] parts = new NoveltyMap(c.statistics).scores(c.descriptors, c.bounds);
		final float[] signs = NeighbourSearch.signs(dimensions, c.d);
		int notNearest = 0;
		for (int j = 0; j < N; j++) {
			final double[] z = c.whitened(j);
			int chosen = 0, nearest = 0;
			double best = Double.POSITIVE_INFINITY;
			for (int n = 0; n < c.k; n++) {
				double projected = 0;
				for (int r = 0; r < dimensions; r++) {
					double s = 0;
					for (int a = 0; a < c.d; a++)
						s += signs[r * c.d + a] * (z[a] - c.neighbours[n * c.d + a]);
					projected += s * s;
				}
				if (projected < best) {
					best = projected;
					chosen = n;
				}
				if (c.distance(z, n) < c.distance(z, nearest)) nearest = n;
			}
			if (chosen != nearest) notNearest++;
			c.assertParts(z, chosen, parts, j);
		}
		// a case where the projection often misses the nearest, so the test tells the two apart
		assertTrue(notNearest > N / 10, notNearest + " pixels");
	}

	/** Random statistics with neighbours, and descriptors around their mean. */
	private static final class Case {

		final int d, k;
		final float[] mean, whitening, neighbours;
		final float[][] descriptors;
		final int[] bounds;
		final NoveltyStatistics statistics;

		Case(final Random random, final int d, final int k, final int searchDimensions) {
			this.d = d;
			this.k = k;
			mean = new float[d];
			whitening = new float[d * d];
			neighbours = new float[k * d];
			for (int a = 0; a < d; a++) {
				mean[a] = (float) random.nextGaussian();
				for (int b = 0; b <= a; b++)
					whitening[a * d + b] = (float) (a == b ? 1 + random.nextDouble() : 0.3 * random
						.nextGaussian());
			}
			for (int i = 0; i < neighbours.length; i++)
				neighbours[i] = (float) random.nextGaussian();
			descriptors = new float[d][N];
			for (int a = 0; a < d; a++)
				for (int j = 0; j < N; j++)
					descriptors[a][j] = (float) (mean[a] + random.nextGaussian());
			bounds = new int[] { 0, 4, d };
			statistics = new NoveltyStatistics(1, 1, true, mean, whitening, neighbours, searchDimensions,
				1, 0.01);
		}

		double[] whitened(final int j) {
			final double[] z = new double[d];
			for (int a = 0; a < d; a++)
				for (int b = 0; b <= a; b++)
					z[a] += whitening[a * d + b] * (descriptors[b][j] - mean[b]);
			return z;
		}

		double distance(final double[] z, final int n) {
			double s = 0;
			for (int a = 0; a < d; a++)
				s += (z[a] - neighbours[n * d + a]) * (z[a] - neighbours[n * d + a]);
			return s;
		}

		/** The two parts (rows 0-3 and the rest) of 1/2 |z - b_n|^2 against the map's. */
		void assertParts(final double[] z, final int n, final float[][] parts, final int j) {
			final double[] p = new double[2];
			for (int a = 0; a < d; a++) {
				final double diff = z[a] - neighbours[n * d + a];
				p[a < 4 ? 0 : 1] += 0.5 * diff * diff;
			}
			final double tolerance = 1e-4 * Math.max(1, p[0] + p[1]);
			assertEquals(p[0], parts[0][j], tolerance, "pixel " + j);
			assertEquals(p[1], parts[1][j], tolerance, "pixel " + j);
		}
	}

	@Test
	void withoutNeighboursTheScoreIsHalfTheSquaredWhitenedDistanceToTheMean() {
		Backend.start();
		final float[] mean = { 1, -2 }, whitening = { 2, 0, 1, 3 };
		final float[][] descriptors = { { 1, 2 }, { -2, 0 } };
		final float[][] parts = new NoveltyMap(new NoveltyStatistics(1, 1, true, mean, whitening,
			new float[0], 0, 1, 0.01)).scores(descriptors, new int[] { 0, 2 });
		assertEquals(0, parts[0][0], 1e-6);
		// z = W (d - m) = (2 * 1, 1 * 1 + 3 * 2) = (2, 7)
		assertEquals(0.5 * (4 + 49), parts[0][1], 1e-4);
	}
}
