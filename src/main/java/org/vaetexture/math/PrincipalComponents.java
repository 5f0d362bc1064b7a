package org.vaetexture.math;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Principal component analysis of points in D dimensions (Apache Commons Math's symmetric eigen
 * decomposition of their covariance): the mean, and the components as unit vectors in order of
 * decreasing variance, each with the sign that makes its largest entry positive.
 */
public final class PrincipalComponents {

	private final double[] mean;
	private final double[][] components;
	private final double[] variances;

	private PrincipalComponents(final double[] mean, final double[][] components,
		final double[] variances)
	{
		this.mean = mean;
		this.components = components;
		this.variances = variances;
	}

	/** @param x [D][n]: feature a of point i at x[a][i] */
	public static PrincipalComponents fit(final float[][] x) {
		final int d = x.length, n = x[0].length;
		final double[] mean = new double[d];
		for (int a = 0; a < d; a++) {
			double s = 0;
			for (final float v : x[a])
				s += v;
			mean[a] = s / n;
		}
		final double[][] cov = new double[d][d];
		for (int a = 0; a < d; a++)
			for (int b = 0; b <= a; b++) {
				double s = 0;
				for (int i = 0; i < n; i++)
					s += (x[a][i] - mean[a]) * (x[b][i] - mean[b]);
				cov[a][b] = cov[b][a] = s / n;
			}
		final EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
		final double[] values = eigen.getRealEigenvalues();
		final Integer[] order = new Integer[d];
		for (int a = 0; a < d; a++)
			order[a] = a;
		java.util.Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
		final double[][] components = new double[d][];
		final double[] variances = new double[d];
		for (int k = 0; k < d; k++) {
			final RealVector v = eigen.getEigenvector(order[k]);
			final double[] c = v.unitVector().toArray();
			int largest = 0;
			for (int a = 1; a < d; a++)
				if (Math.abs(c[a]) > Math.abs(c[largest])) largest = a;
			if (c[largest] < 0) for (int a = 0; a < d; a++)
				c[a] = -c[a];
			components[k] = c;
			variances[k] = Math.max(0, values[order[k]]);
		}
		return new PrincipalComponents(mean, components, variances);
	}

	public int dimension() {
		return mean.length;
	}

	/** Component k (from 0, largest variance first), a unit vector. */
	public double[] component(final int k) {
		return components[k].clone();
	}

	/** Variance of the points along component k. */
	public double variance(final int k) {
		return variances[k];
	}

	/** Coordinate of a point along component k. */
	public double project(final double[] point, final int k) {
		double s = 0;
		for (int a = 0; a < mean.length; a++)
			s += (point[a] - mean[a]) * components[k][a];
		return s;
	}
}
