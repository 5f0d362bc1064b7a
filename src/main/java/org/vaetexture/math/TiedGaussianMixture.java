package org.vaetexture.math;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.util.LocalizedFormats;
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
	 * How far apart the classes lie: the share of the mixture's variance that lies between them,
	 * trace((S + B)^-1 B) (Pillai's trace), with S the shared covariance and B the covariance of the
	 * class means, sum_k w_k (m_k - m)(m_k - m)^T, m the weighted mean of the means; from 0 to K - 1.
	 * For two classes it is x / (1 + x), x = w_1 w_2 d^2, d the Mahalanobis distance between their
	 * means: a small class must lie far off to outscore an even split (at a share of 3%, about 2.9
	 * times as far).
	 */
	public double separation() {
		final int k = weights.length, q = covariance.length;
		final double[] overall = new double[q];
		for (int c = 0; c < k; c++)
			for (int a = 0; a < q; a++)
				overall[a] += weights[c] * means[c][a];
		final double[][] total = new double[q][q];
		for (int a = 0; a < q; a++)
			for (int b = 0; b <= a; b++) {
				total[a][b] = covariance[a][b];
				for (int c = 0; c < k; c++)
					total[a][b] += weights[c] * (means[c][a] - overall[a]) * (means[c][b] - overall[b]);
				total[b][a] = total[a][b];
			}
		final double[][] precision = new CholeskyDecomposition(new Array2DRowRealMatrix(total))
			.getSolver().getInverse().getData();
		double s = 0;
		for (int c = 0; c < k; c++)
			s += weights[c] * quadratic(means[c], overall, precision);
		return s;
	}

	/**
	 * @param z points, [n][q]
	 * @param weights starting weights, [K]
	 * @param means starting means, [K][q]
	 * @param covariance starting shared covariance, [q][q]
	 * @throws NonPositiveDefiniteMatrixException if the covariance degenerates
	 * @throws MathIllegalStateException if a class loses all its points, or the likelihood stops
	 *         being a number
	 */
	public static TiedGaussianMixture fit(final double[][] z, final double[] weights,
		final double[][] means, final double[][] covariance)
	{
		final int n = z.length, k = weights.length, q = covariance.length;
		// with one covariance S, (x - m_c)^T S^-1 (x - m_c) = x^T S^-1 x - 2 b_c.x + b_c.m_c, b_c =
		// S^-1 m_c: the first term is the same for every class, so the posteriors need only the dot
		// products b_c.x, and its sum over the points is trace(S^-1 T), T the points' scatter. The
		// points are centred first, so that T and the covariance T/n - sum_c w_c m_c m_c^T keep their
		// digits.
		final double[] centre = new double[q];
		for (final double[] x : z)
			for (int a = 0; a < q; a++)
				centre[a] += x[a] / n;
		final double[][] y = new double[n][q];
		final double[][] scatter = new double[q][q];
		for (int i = 0; i < n; i++) {
			for (int a = 0; a < q; a++)
				y[i][a] = z[i][a] - centre[a];
			for (int a = 0; a < q; a++)
				for (int b = 0; b <= a; b++)
					scatter[a][b] += y[i][a] * y[i][b];
		}
		final double[] w = weights.clone();
		double[][] mu = new double[k][];
		for (int c = 0; c < k; c++) {
			mu[c] = means[c].clone();
			for (int a = 0; a < q; a++)
				mu[c][a] -= centre[a];
		}
		double[][] cov = covariance;
		double previous = Double.NEGATIVE_INFINITY;
		final double[] score = new double[k];
		for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
			final CholeskyDecomposition cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(
				cov));
			final double[][] precision = cholesky.getSolver().getInverse().getData();
			final double[][] slope = new double[k][q];
			final double[] offset = new double[k];
			for (int c = 0; c < k; c++) {
				for (int a = 0; a < q; a++)
					for (int b = 0; b < q; b++)
						slope[c][a] += precision[a][b] * mu[c][b];
				offset[c] = Math.log(w[c]) - 0.5 * dot(slope[c], mu[c]);
			}
			final double[] mass = new double[k];
			final double[][] sums = new double[k][q];
			double logLikelihood = 0;
			for (final double[] x : y) {
				double max = Double.NEGATIVE_INFINITY;
				for (int c = 0; c < k; c++) {
					score[c] = offset[c] + dot(slope[c], x);
					max = Math.max(max, score[c]);
				}
				double sum = 0;
				for (int c = 0; c < k; c++) {
					score[c] = Math.exp(score[c] - max);
					sum += score[c];
				}
				for (int c = 0; c < k; c++) {
					final double r = score[c] / sum;
					mass[c] += r;
					for (int a = 0; a < q; a++)
						sums[c][a] += r * x[a];
				}
				logLikelihood += max + Math.log(sum);
			}
			double trace = 0;
			for (int a = 0; a < q; a++)
				for (int b = 0; b < q; b++)
					trace += precision[a][b] * scatter[Math.max(a, b)][Math.min(a, b)];
			logLikelihood = (logLikelihood - 0.5 * trace) / n - 0.5 * Math.log(cholesky.getDeterminant());
			for (int c = 0; c < k; c++)
				if (!(mass[c] > 0)) throw new MathIllegalStateException(LocalizedFormats.SIMPLE_MESSAGE,
					"class " + c + " has no points");
			if (!Double.isFinite(logLikelihood)) throw new MathIllegalStateException(
				LocalizedFormats.SIMPLE_MESSAGE, "the likelihood is not a number");
			mu = new double[k][q];
			for (int c = 0; c < k; c++) {
				w[c] = mass[c] / n;
				for (int a = 0; a < q; a++)
					mu[c][a] = sums[c][a] / mass[c];
			}
			cov = new double[q][q];
			for (int a = 0; a < q; a++) {
				for (int b = 0; b <= a; b++) {
					double between = 0;
					for (int c = 0; c < k; c++)
						between += w[c] * mu[c][a] * mu[c][b];
					cov[a][b] = scatter[a][b] / n - between;
					cov[b][a] = cov[a][b];
				}
				cov[a][a] += RIDGE;
			}
			if (Math.abs(logLikelihood - previous) < TOLERANCE) break;
			previous = logLikelihood;
		}
		for (int c = 0; c < k; c++)
			for (int a = 0; a < q; a++)
				mu[c][a] += centre[a];
		return new TiedGaussianMixture(w, mu, cov);
	}

	private static double dot(final double[] u, final double[] v) {
		double s = 0;
		for (int a = 0; a < u.length; a++)
			s += u[a] * v[a];
		return s;
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
