package org.vaetexture.maps;

/**
 * Texture classes fitted on one image, to label it and others with the same classes: the
 * fingerprint of the model whose features they cluster, the features' smoothing radius, the
 * per-feature centre and scale that standardize them, and one centre per class in standardized
 * units. Class i (from 0) is label i + 1 in label images.
 */
public final class TextureClasses {

	private final String model;
	private final int radius;
	private final double[] featureCentre, featureScale;
	private final double[][] centres;

	public TextureClasses(final String model, final int radius, final double[] featureCentre,
		final double[] featureScale, final double[][] centres)
	{
		this.model = model;
		this.radius = radius;
		this.featureCentre = featureCentre.clone();
		this.featureScale = featureScale.clone();
		this.centres = new double[centres.length][];
		for (int i = 0; i < centres.length; i++)
			this.centres[i] = centres[i].clone();
	}

	/** The {@link org.vaetexture.model.ModelFingerprint} of the model. */
	public String model() {
		return model;
	}

	public int radius() {
		return radius;
	}

	public int count() {
		return centres.length;
	}

	public int dimension() {
		return featureCentre.length;
	}

	double[] featureCentre() {
		return featureCentre.clone();
	}

	double[] featureScale() {
		return featureScale.clone();
	}

	double[][] centres() {
		final double[][] c = new double[centres.length][];
		for (int i = 0; i < c.length; i++)
			c[i] = centres[i].clone();
		return c;
	}

	/** Index of the nearest centre to standardized features. */
	int nearest(final double[] x) {
		int best = 0;
		double bestDistance = Double.POSITIVE_INFINITY;
		for (int i = 0; i < centres.length; i++) {
			double d = 0;
			for (int a = 0; a < x.length; a++) {
				final double e = x[a] - centres[i][a];
				d += e * e;
			}
			if (d < bestDistance) {
				bestDistance = d;
				best = i;
			}
		}
		return best;
	}
}
