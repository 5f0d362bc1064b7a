package org.vaetexture.model;

/**
 * The grey-level shape term of the novelty score (model format 5): the Gaussian of the per-channel
 * local skewness of the grey levels over a (2R + 1)^2 box, fitted on the training pixels (mean and
 * whitening matrix, as for the descriptor), and the weight that puts its score on the descriptor's
 * scale. Models calibrated before format 5 have none.
 */
public final class ShapeStatistics {

	private final int radius;
	private final float[] mean, whitening;
	private final double weight;

	/**
	 * @param radius R of the skewness's box
	 * @param mean per channel
	 * @param whitening row-major C x C lower-triangular W, W^T W = covariance^-1
	 * @param weight what the shape's score is multiplied by before it joins the novelty score
	 */
	public ShapeStatistics(final int radius, final float[] mean, final float[] whitening,
		final double weight)
	{
		if (mean.length == 0 || whitening.length != mean.length * mean.length)
			throw new IllegalArgumentException("shape statistics must be C and C x C values");
		if (radius < 1 || !(weight >= 0) || Double.isInfinite(weight)) throw new IllegalArgumentException(
			"shape radius must be >= 1 and weight finite and >= 0");
		this.radius = radius;
		this.mean = mean.clone();
		this.whitening = whitening.clone();
		this.weight = weight;
	}

	/**
	 * The box radius of a model's shape term: the descriptor's pooling radius plus how far the
	 * encoder reads beyond a window's centre ({@link VaeConfig#inputReach}), the largest box whose
	 * input the dense codes of a novelty map's blocks hold around every pixel (21 for 32-pixel
	 * tiles).
	 */
	public static int radius(final int poolRadius, final VaeConfig config) {
		return poolRadius + config.inputReach();
	}

	/** The same Gaussian with another weight. */
	public ShapeStatistics withWeight(final double newWeight) {
		return new ShapeStatistics(radius, mean, whitening, newWeight);
	}

	public int radius() {
		return radius;
	}

	public float[] mean() {
		return mean.clone();
	}

	public float[] whitening() {
		return whitening.clone();
	}

	public double weight() {
		return weight;
	}
}
