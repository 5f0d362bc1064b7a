package org.vaetexture.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** EM with a shared covariance recovers a mixture it was given samples of. */
class TiedGaussianMixtureTest {

	@Test
	void recoversWeightsMeansAndTheSharedCovariance() {
		final Random random = new Random(8);
		final double[][] z = new double[4000][];
		for (int i = 0; i < z.length; i++) {
			final boolean second = i % 4 == 0;
			final double a = random.nextGaussian(), b = random.nextGaussian();
			// covariance [[1, 0.5], [0.5, 1.25]] around (0, 0) or (3, -1)
			z[i] = new double[] { a + (second ? 3 : 0), 0.5 * a + b + (second ? -1 : 0) };
		}
		final TiedGaussianMixture m = TiedGaussianMixture.fit(z, new double[] { 0.5, 0.5 },
			new double[][] { { 1, 0 }, { 2, 0 } }, new double[][] { { 2, 0 }, { 0, 2 } });
		assertArrayEquals(new double[] { 0.75, 0.25 }, m.weights(), 0.03);
		assertArrayEquals(new double[] { 0, 0 }, m.means()[0], 0.1);
		assertArrayEquals(new double[] { 3, -1 }, m.means()[1], 0.1);
		assertEquals(1, m.covariance()[0][0], 0.1);
		assertEquals(0.5, m.covariance()[0][1], 0.1);
		assertEquals(1.25, m.covariance()[1][1], 0.1);
	}
}
