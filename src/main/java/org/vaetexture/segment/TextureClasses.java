package org.vaetexture.segment;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * Texture classes fitted on one image, to label it and others with the same classes: the
 * fingerprint of the model whose features they describe, the features' roughness and smoothing
 * radii, the per-feature centre and scale that standardize them, the projection onto whitened
 * principal components, and a Gaussian mixture there (weight, mean - the class centre - and
 * covariance of each class). A pixel belongs to the class of largest weight x density. Class i
 * (from 0) is label i + 1 in label images.
 */
public final class TextureClasses {

	private final String model;
	private final int roughnessRadius, radius;
	private final double[] featureCentre, featureScale, weights;
	private final double[][] projection, means;
	private final double[][][] covariances;
	/** Per class: inverse covariance and log(weight) - 1/2 log det(covariance). */
	private final double[][][] precisions;
	private final double[] offsets;

	/**
	 * @param roughnessRadius radius of the box of the local roughness, in pixels
	 * @param radius radius of the box the log roughness is averaged over, in pixels
	 * @param projection [q][D]: whitened principal components of the standardized features
	 * @param means [K][q]
	 * @param covariances [K][q][q]
	 * @throws IllegalArgumentException if a covariance is not positive definite
	 */
	public TextureClasses(final String model, final int roughnessRadius, final int radius,
		final double[] featureCentre, final double[] featureScale, final double[][] projection,
		final double[] weights, final double[][] means, final double[][][] covariances)
	{
		this.model = model;
		this.roughnessRadius = roughnessRadius;
		this.radius = radius;
		this.featureCentre = featureCentre.clone();
		this.featureScale = featureScale.clone();
		this.projection = deepCopy(projection);
		this.weights = weights.clone();
		this.means = deepCopy(means);
		this.covariances = new double[covariances.length][][];
		this.precisions = new double[covariances.length][][];
		this.offsets = new double[covariances.length];
		for (int k = 0; k < covariances.length; k++) {
			this.covariances[k] = deepCopy(covariances[k]);
			final CholeskyDecomposition cholesky;
			try {
				cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(covariances[k]));
			}
			catch (final NonPositiveDefiniteMatrixException e) {
				throw new IllegalArgumentException("covariance of class " + (k + 1) +
					" is not positive definite", e);
			}
			precisions[k] = cholesky.getSolver().getInverse().getData();
			offsets[k] = Math.log(weights[k]) - 0.5 * Math.log(cholesky.getDeterminant());
		}
	}

	private static double[][] deepCopy(final double[][] m) {
		final double[][] c = new double[m.length][];
		for (int i = 0; i < m.length; i++)
			c[i] = m[i].clone();
		return c;
	}

	/** The {@link org.vaetexture.model.ModelFingerprint} of the model. */
	public String model() {
		return model;
	}

	/** Radius of the box of the local roughness (see {@link SegmentationFeatures}). */
	public int roughnessRadius() {
		return roughnessRadius;
	}

	/** Radius of the box the log roughness is averaged over. */
	public int radius() {
		return radius;
	}

	/** Number of classes, K. */
	public int count() {
		return weights.length;
	}

	/** Number of features per pixel, D. */
	public int dimension() {
		return featureCentre.length;
	}

	double[] featureCentre() {
		return featureCentre.clone();
	}

	double[] featureScale() {
		return featureScale.clone();
	}

	double[][] projection() {
		return deepCopy(projection);
	}

	double[] weights() {
		return weights.clone();
	}

	double[][] means() {
		return deepCopy(means);
	}

	double[][][] covariances() {
		final double[][][] c = new double[covariances.length][][];
		for (int k = 0; k < c.length; k++)
			c[k] = deepCopy(covariances[k]);
		return c;
	}

	/** The class (from 0) of a pixel's raw features. */
	int classify(final double[] features) {
		final int q = projection.length;
		final double[] z = new double[q];
		for (int a = 0; a < features.length; a++) {
			final double x = (features[a] - featureCentre[a]) / featureScale[a];
			for (int k = 0; k < q; k++)
				z[k] += projection[k][a] * x;
		}
		int best = 0;
		double bestScore = Double.NEGATIVE_INFINITY;
		final double[] e = new double[q];
		for (int k = 0; k < weights.length; k++) {
			for (int a = 0; a < q; a++)
				e[a] = z[a] - means[k][a];
			double quadratic = 0;
			for (int a = 0; a < q; a++) {
				double row = 0;
				for (int b = 0; b < q; b++)
					row += precisions[k][a][b] * e[b];
				quadratic += e[a] * row;
			}
			final double score = offsets[k] - 0.5 * quadratic;
			if (score > bestScore) {
				bestScore = score;
				best = k;
			}
		}
		return best;
	}
}
