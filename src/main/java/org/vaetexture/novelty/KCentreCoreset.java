package org.vaetexture.novelty;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Chooses k of n points that cover them all, greedy k-centre (farthest first): the first point,
 * then again and again the point farthest (squared Euclidean distance) from those chosen, the
 * first of equals. The novelty score's neighbours are chosen so among a larger sample of training
 * descriptors: rare textures of the training image get a neighbour of their own, where a draw at
 * random would spend most neighbours on the commonest texture. k n D multiply-adds.
 */
final class KCentreCoreset {

	private KCentreCoreset() {}

	/**
	 * @param points row-major n x D
	 * @return the chosen points, row-major min(k, n) x D, in the order chosen
	 * @throws CancellationException when {@code cancelled} answers true
	 */
	static float[] choose(final float[] points, final int d, final int k,
		final BooleanSupplier cancelled)
	{
		final int n = points.length / d, chosen = Math.min(k, n);
		// column-major, so each distance update is a loop over points that the JIT vectorises
		final float[][] columns = new float[d][n];
		for (int i = 0; i < n; i++)
			for (int a = 0; a < d; a++)
				columns[a][i] = points[i * d + a];
		final float[] nearest = new float[n], distance = new float[n];
		Arrays.fill(nearest, Float.POSITIVE_INFINITY);
		final float[] out = new float[chosen * d];
		int next = 0;
		for (int t = 0; t < chosen; t++) {
			if (cancelled.getAsBoolean()) throw new CancellationException();
			System.arraycopy(points, next * d, out, t * d, d);
			Arrays.fill(distance, 0);
			for (int a = 0; a < d; a++) {
				final float[] column = columns[a];
				final float centre = column[next];
				for (int i = 0; i < n; i++) {
					final float v = column[i] - centre;
					distance[i] += v * v;
				}
			}
			int farthest = 0;
			for (int i = 0; i < n; i++) {
				nearest[i] = Math.min(nearest[i], distance[i]);
				if (nearest[i] > nearest[farthest]) farthest = i;
			}
			next = farthest;
		}
		return out;
	}
}
