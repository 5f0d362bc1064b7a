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

	/**
	 * At convergence the fit is a fixed point of EM: posteriors computed by definition (each class's
	 * weighted Gaussian density, with the full quadratic form) give back its weights, means and
	 * shared covariance; and its separation is x / (1 + x), x = w_1 w_2 d^2, d the Mahalanobis
	 * distance of the means.
	 */
	@Test
	void theFitIsAFixedPointOfEmAndItsSeparationIsTheShareBetweenTheClasses() {
		final Random random = new Random(5);
		final double[][] z = new double[3000][];
		for (int i = 0; i < z.length; i++) {
			final double a = random.nextGaussian(), b = random.nextGaussian();
			z[i] = i % 3 == 0 ? new double[] { 2 + a, 1 + 0.3 * a + b } : new double[] { a, b };
		}
		final TiedGaussianMixture m = TiedGaussianMixture.fit(z, new double[] { 0.5, 0.5 },
			new double[][] { { -1, 0 }, { 1, 0 } }, new double[][] { { 1, 0 }, { 0, 1 } });
		final double[][] s = m.covariance();
		final double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
		final double[][] p = { { s[1][1] / det, -s[0][1] / det }, { -s[1][0] / det, s[0][0] / det } };
		final double[] mass = new double[2];
		final double[][] sums = new double[2][2];
		final double[][] scatter = new double[2][2];
		final double[][] r = new double[z.length][2];
		for (int i = 0; i < z.length; i++) {
			double total = 0;
			for (int c = 0; c < 2; c++) {
				final double u = z[i][0] - m.means()[c][0], v = z[i][1] - m.means()[c][1];
				r[i][c] = m.weights()[c] * Math.exp(-0.5 * (u * (p[0][0] * u + p[0][1] * v) + v * (p[1][0] *
					u + p[1][1] * v)));
				total += r[i][c];
			}
			for (int c = 0; c < 2; c++) {
				r[i][c] /= total;
				mass[c] += r[i][c];
				sums[c][0] += r[i][c] * z[i][0];
				sums[c][1] += r[i][c] * z[i][1];
			}
		}
		for (int c = 0; c < 2; c++) {
			assertEquals(mass[c] / z.length, m.weights()[c], 1e-4, "weight");
			assertArrayEquals(new double[] { sums[c][0] / mass[c], sums[c][1] / mass[c] }, m.means()[c],
				1e-3, "mean");
		}
		for (int i = 0; i < z.length; i++)
			for (int c = 0; c < 2; c++)
				for (int a = 0; a < 2; a++)
					for (int b = 0; b < 2; b++)
						scatter[a][b] += r[i][c] * (z[i][a] - sums[c][a] / mass[c]) * (z[i][b] - sums[c][b] /
							mass[c]) / z.length;
		for (int a = 0; a < 2; a++)
			assertArrayEquals(scatter[a], s[a], 1e-3, "covariance");
		final double du = m.means()[1][0] - m.means()[0][0], dv = m.means()[1][1] - m.means()[0][1];
		final double d2 = du * (p[0][0] * du + p[0][1] * dv) + dv * (p[1][0] * du + p[1][1] * dv);
		final double x = m.weights()[0] * m.weights()[1] * d2;
		assertEquals(x / (1 + x), m.separation(), 1e-9);
	}
}
