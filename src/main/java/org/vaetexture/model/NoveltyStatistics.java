package org.vaetexture.model;

/**
 * What the novelty heatmap needs from training, stored in the model file: the Gaussian of the
 * texture descriptor over training pixels (mean and whitening matrix, the inverse of the Cholesky
 * factor of its covariance), a sample of training pixels' whitened descriptors (the neighbours the
 * score measures its distance to; none in models calibrated before model format 3, which score by
 * the distance to the mean) and how a pixel's neighbour among them is found, the pooling and
 * smoothing radii it was computed with, the terms of two local grey-level statistics, the shape
 * term's skewness and the detail orientation ({@link ShapeStatistics}; none before model formats 5
 * and 6), and the score that the given fraction of held-out training pixels exceed (the mask
 * threshold, cross-fitted by {@code NoveltyCalibration}).
 */
public final class NoveltyStatistics {

	/** The search dimensions of models whose neighbour is the nearest by the full distance. */
	public static final int FULL_SEARCH = 0;

	private final int poolRadius, smoothRadius, searchDimensions;
	private final boolean roughness;
	private final float[] mean;
	private final float[] whitening, neighbours;
	private final double threshold, falsePositiveRate;
	private final ShapeStatistics shape, orientation;

	/**
	 * @param roughness whether the descriptor has the hidden layers' roughness (models calibrated by
	 *          VAE Texture since model format 2; {@link #descriptorDimension} values, else
	 *          {@link #legacyDimension})
	 * @param whitening row-major D x D lower-triangular matrix W with W^T W = covariance^-1
	 * @param neighbours row-major K x D whitened descriptors W (d - m) of K training pixels (K may
	 *          be 0: the score is then the distance to the mean)
	 * @param searchDimensions of the random projection the neighbour is the nearest in, or
	 *          {@link #FULL_SEARCH} (models of format 3)
	 */
	public NoveltyStatistics(final int poolRadius, final int smoothRadius, final boolean roughness,
		final float[] mean, final float[] whitening, final float[] neighbours,
		final int searchDimensions, final double threshold, final double falsePositiveRate)
	{
		this(poolRadius, smoothRadius, roughness, mean.clone(), whitening.clone(), neighbours.clone(),
			searchDimensions, threshold, falsePositiveRate, null, null);
	}

	/** Takes the arrays as they are (the public constructor copies them). */
	private NoveltyStatistics(final int poolRadius, final int smoothRadius, final boolean roughness,
		final float[] mean, final float[] whitening, final float[] neighbours,
		final int searchDimensions, final double threshold, final double falsePositiveRate,
		final ShapeStatistics shape, final ShapeStatistics orientation)
	{
		if (whitening.length != mean.length * mean.length) throw new IllegalArgumentException(
			"whitening must be D x D");
		if (mean.length == 0 || neighbours.length % mean.length != 0) throw new IllegalArgumentException(
			"neighbours must be K x D");
		if (searchDimensions < 0) throw new IllegalArgumentException("search dimensions must be >= 0");
		this.poolRadius = poolRadius;
		this.smoothRadius = smoothRadius;
		this.roughness = roughness;
		this.searchDimensions = searchDimensions;
		this.mean = mean;
		this.whitening = whitening;
		this.neighbours = neighbours;
		this.threshold = threshold;
		this.falsePositiveRate = falsePositiveRate;
		this.shape = shape;
		this.orientation = orientation;
	}

	/** These statistics with the grey-level shape term (null: none). */
	public NoveltyStatistics withShape(final ShapeStatistics newShape) {
		return new NoveltyStatistics(poolRadius, smoothRadius, roughness, mean, whitening, neighbours,
			searchDimensions, threshold, falsePositiveRate, newShape, orientation);
	}

	/** These statistics with the detail orientation term (null: none). */
	public NoveltyStatistics withOrientation(final ShapeStatistics newOrientation) {
		return new NoveltyStatistics(poolRadius, smoothRadius, roughness, mean, whitening, neighbours,
			searchDimensions, threshold, falsePositiveRate, shape, newOrientation);
	}

	/** The grey-level shape term (the skewness), or null (models calibrated before model format 5). */
	public ShapeStatistics shape() {
		return shape;
	}

	/** The detail orientation term, or null (models calibrated before model format 6). */
	public ShapeStatistics orientation() {
		return orientation;
	}

	/** Radius of the box over which the descriptor averages the encoder's outputs. */
	public int poolRadius() {
		return poolRadius;
	}

	/** Whether the descriptor has the hidden layers' roughness (see {@link #legacyDimension}). */
	public boolean roughness() {
		return roughness;
	}

	/** Radius of the box over which the score is averaged. */
	public int smoothRadius() {
		return smoothRadius;
	}

	/**
	 * Dimension of the texture descriptor of a VAE: pooled mu (L), pooled log-variance (L), log
	 * energy and log roughness of the first (F1) and second (F2) hidden layers.
	 */
	public static int descriptorDimension(final VaeConfig config) {
		return 2 * config.latentDim() + 2 * (config.filters1() + config.filters2());
	}

	/**
	 * Dimension of the descriptor of models calibrated by VAE Texture before the hidden layers'
	 * roughness joined it (model format 1): 2L + F1 + F2. Such models still map, with that
	 * descriptor.
	 */
	public static int legacyDimension(final VaeConfig config) {
		return 2 * config.latentDim() + config.filters1() + config.filters2();
	}

	public int dimension() {
		return mean.length;
	}

	public float[] mean() {
		return mean.clone();
	}

	public float[] whitening() {
		return whitening.clone();
	}

	/** The whitened training descriptors, row-major K x D (K = {@link #neighbourCount()}). */
	public float[] neighbours() {
		return neighbours.clone();
	}

	public int neighbourCount() {
		return neighbours.length / mean.length;
	}

	/** Dimensions of the projection the neighbour is the nearest in, or {@link #FULL_SEARCH}. */
	public int searchDimensions() {
		return searchDimensions;
	}

	/** Score exceeded by {@link #falsePositiveRate()} of the held-out training pixels. */
	public double threshold() {
		return threshold;
	}

	public double falsePositiveRate() {
		return falsePositiveRate;
	}
}
