package org.vaetexture.novelty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

/** Greedy k-centre against its definition, computed here in doubles, point by point. */
class KCentreCoresetTest {

	private static final int D = 5;

	@Test
	void choosesTheFarthestPointEachTime() {
		final Random random = new Random(3);
		final int n = 700, k = 40;
		final float[] points = new float[n * D];
		for (int i = 0; i < points.length; i++)
			points[i] = (float) random.nextGaussian();
		final float[] chosen = KCentreCoreset.choose(points, D, k, () -> false);
		assertArrayEquals(rows(points, greedy(points, k)), chosen);
	}

	@Test
	void coversSmallClustersThatADrawWouldMiss() {
		// 995 points around the origin, one point far away in each of 5 directions
		final Random random = new Random(4);
		final int n = 1000;
		final float[] points = new float[n * D];
		for (int i = 0; i < 995 * D; i++)
			points[i] = (float) (0.1 * random.nextGaussian());
		for (int c = 0; c < 5; c++)
			points[(995 + c) * D + c] = 50;
		final float[] chosen = KCentreCoreset.choose(points, D, 6, () -> false);
		final Set<Integer> far = new HashSet<>();
		for (int t = 0; t < 6; t++)
			for (int a = 0; a < D; a++)
				if (chosen[t * D + a] == 50) far.add(a);
		assertEquals(Set.of(0, 1, 2, 3, 4), far);
	}

	@Test
	void keepsAllPointsWhenAskedForMore() {
		final float[] points = { 0, 0, 0, 0, 1, 3, 3, 3, 3, 3 };
		final float[] chosen = KCentreCoreset.choose(points, D, 10, () -> false);
		// the first, then the farthest: all of both
		assertArrayEquals(points, chosen);
	}

	@Test
	void cancelStops() {
		final float[] points = new float[100 * D];
		assertThrows(CancellationException.class, () -> KCentreCoreset.choose(points, D, 10,
			() -> true));
	}

	/** Indices of greedy k-centre by its definition: first point, then farthest from the chosen. */
	private static int[] greedy(final float[] points, final int k) {
		final int n = points.length / D;
		final double[] nearest = new double[n];
		Arrays.fill(nearest, Double.POSITIVE_INFINITY);
		final int[] out = new int[k];
		for (int t = 1; t < k; t++) {
			int farthest = -1;
			for (int i = 0; i < n; i++) {
				double s = 0;
				for (int a = 0; a < D; a++) {
					final double v = points[i * D + a] - points[out[t - 1] * D + a];
					s += v * v;
				}
				nearest[i] = Math.min(nearest[i], s);
				if (farthest < 0 || nearest[i] > nearest[farthest]) farthest = i;
			}
			out[t] = farthest;
		}
		return out;
	}

	private static float[] rows(final float[] points, final int[] indices) {
		final float[] out = new float[indices.length * D];
		for (int t = 0; t < indices.length; t++)
			System.arraycopy(points, indices[t] * D, out, t * D, D);
		return out;
	}
}
