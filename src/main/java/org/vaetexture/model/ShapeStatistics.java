package org.vaetexture.model;

/**
 * One local grey-level statistic of the novelty score: the Gaussian of a per-channel statistic of
 * the grey levels over a (2R + 1)^2 box, fitted on the training pixels (mean and whitening matrix,
 * as for the descriptor), and the weight that puts its score on the descriptor's scale. The
 * statistic is the skewness, the grey-level shape (model format 5; one value per channel), or the
 * detail orientation (format 6; two per channel); models calibrated before have none.
 */
public final class ShapeStatistics {

	/** Values per channel of the detail orientation (its ratios at steps of one and two pixels). */
	public static final int ORIENTATION_VALUES = 2;

	private final int radius;
	private final float[] mean, whitening;
	private final double weight;

	/**
	 * @param radius R of the statistic's box
	 * @param mean D values: per channel, the statistic's values
	 * @param whitening row-major D x D lower-triangular W, W^T W = covariance^-1
	 * @param weight what the shape's score is multiplied by before it joins the novelty score
	 */
	public ShapeStatistics(final int radius, final float[] mean, final float[] whitening,
		final double weight)
	{
		if (mean.length == 0 || whitening.length != mean.length * mean.length)
			throw new IllegalArgumentException("shape statistics must be D and D x D values");
		if (radius < 1 || !(weight >= 0) || Double.isInfinite(weight)) throw new IllegalArgumentException(
			"shape radius must be >= 1 and weight finite and >= 0");
		this.radius = radius;
		this.mean = mean.clone();
		this.whitening = whitening.clone();
		this.weight = weight;
	}

	/**
	 * The box radius of a model's skewness: the descriptor's pooling radius plus how far the
	 * encoder reads beyond a window's centre ({@link VaeConfig#inputReach}), the largest box whose
	 * input the dense codes of a novelty map's blocks hold around every pixel (21 for 32-pixel
	 * tiles).
	 */
	public static int radius(final int poolRadius, final VaeConfig config) {
		return poolRadius + config.inputReach();
	}

	/**
	 * The box radius of a model's detail orientation: one less than {@link #radius}, as its steps
	 * read one pixel beyond the box.
	 */
	public static int orientationRadius(final int poolRadius, final VaeConfig config) {
		return radius(poolRadius, config) - 1;
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
