package org.vaetexture.math;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * A Gaussian mixture whose components share one covariance matrix, fitted by expectation
 * maximization from a starting point. With a shared covariance the boundary between two classes
 * is a hyperplane midway between them in the covariance's metric (as in linear discriminant
 * analysis), where separate covariances pull it towards the tighter class.
 */
public final class TiedGaussianMixture {

	private static final int MAX_ITERATIONS = 200;
	/** Stop when the mean log-likelihood per point changes by less than this. */
	private static final double TOLERANCE = 1e-7;
	private static final double RIDGE = 1e-6;

	private final double[] weights;
	private final double[][] means;
	private final double[][] covariance;

	private TiedGaussianMixture(final double[] weights, final double[][] means,
		final double[][] covariance)
	{
		this.weights = weights;
		this.means = means;
		this.covariance = covariance;
	}

	/** Weight of each class, [K]. */
	public double[] weights() {
		return weights;
	}

	/** Mean of each class, [K][q]. */
	public double[][] means() {
		return means;
	}

	/** The covariance all classes share, [q][q]. */
	public double[][] covariance() {
		return covariance;
	}

	/**
	 * @param z points, [n][q]
	 * @param weights starting weights, [K]
	 * @param means starting means, [K][q]
	 * @param covariance starting shared covariance, [q][q]
	 * @throws NonPositiveDefiniteMatrixException if the covariance degenerates
	 */
	public static TiedGaussianMixture fit(final double[][] z, final double[] weights,
		final double[][] means, final double[][] covariance)
	{
		final int n = z.length, k = weights.length, q = covariance.length;
		double[] w = weights.clone();
		double[][] mu = new double[k][];
		for (int c = 0; c < k; c++)
			mu[c] = means[c].clone();
		double[][] cov = covariance;
		final double[][] resp = new double[n][k];
		double previous = Double.NEGATIVE_INFINITY;
		for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
			final CholeskyDecomposition cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(
				cov));
			final double[][] precision = cholesky.getSolver().getInverse().getData();
			final double logDet = Math.log(cholesky.getDeterminant());
			double logLikelihood = 0;
			final double[] score = new double[k];
			for (int i = 0; i < n; i++) {
				double max = Double.NEGATIVE_INFINITY;
				for (int c = 0; c < k; c++) {
					score[c] = Math.log(w[c]) - 0.5 * quadratic(z[i], mu[c], precision);
					max = Math.max(max, score[c]);
				}
				double sum = 0;
				for (int c = 0; c < k; c++) {
					resp[i][c] = Math.exp(score[c] - max);
					sum += resp[i][c];
				}
				for (int c = 0; c < k; c++)
					resp[i][c] /= sum;
				logLikelihood += max + Math.log(sum) - 0.5 * logDet;
			}
			logLikelihood /= n;
			for (int c = 0; c < k; c++) {
				double s = 0;
				final double[] m = new double[q];
				for (int i = 0; i < n; i++) {
					s += resp[i][c];
					for (int a = 0; a < q; a++)
						m[a] += resp[i][c] * z[i][a];
				}
				for (int a = 0; a < q; a++)
					m[a] /= s;
				mu[c] = m;
				w[c] = s / n;
			}
			cov = new double[q][q];
			final double[] e = new double[q];
			for (int i = 0; i < n; i++)
				for (int c = 0; c < k; c++) {
					for (int a = 0; a < q; a++)
						e[a] = z[i][a] - mu[c][a];
					for (int a = 0; a < q; a++)
						for (int b = 0; b <= a; b++)
							cov[a][b] += resp[i][c] * e[a] * e[b];
				}
			for (int a = 0; a < q; a++) {
				for (int b = 0; b <= a; b++) {
					cov[a][b] /= n;
					cov[b][a] = cov[a][b];
				}
				cov[a][a] += RIDGE;
			}
			if (Math.abs(logLikelihood - previous) < TOLERANCE) break;
			previous = logLikelihood;
		}
		return new TiedGaussianMixture(w, mu, cov);
	}

	private static double quadratic(final double[] x, final double[] m, final double[][] precision) {
		final int q = x.length;
		double s = 0;
		for (int a = 0; a < q; a++) {
			double row = 0;
			for (int b = 0; b < q; b++)
				row += precision[a][b] * (x[b] - m[b]);
			s += (x[a] - m[a]) * row;
		}
		return s;
	}
}
