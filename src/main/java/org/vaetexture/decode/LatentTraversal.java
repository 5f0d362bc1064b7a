package org.vaetexture.decode;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.vaetexture.VaeTextureException;
import org.vaetexture.model.LatentStatistics;
import org.vaetexture.model.VaeModel;

/**
 * What each latent dimension means: a montage with one row per latent dimension j and
 * {@code steps} columns, the tile in column k decoded from the training mean with z_j moved to
 * mean_j + s_k std_j, s_k evenly spaced from -{@value #RANGE} to +{@value #RANGE} (mean and std
 * of the training posteriors' mu, {@link LatentStatistics}). Tiles in image units; the montage is
 * (steps T) x (latent T)[ x C].
 */
public final class LatentTraversal {

	/** The traversal spans this many standard deviations on each side of the mean. */
	public static final double RANGE = 3;

	private LatentTraversal() {}

	/**
	 * @throws VaeTextureException if steps is not from 2 to 101 or the model has no latent
	 *           statistics
	 */
	public static Img<FloatType> montage(final VaeModel model, final int steps) {
		if (steps < 2 || steps > 101) throw new VaeTextureException(
			"steps must be from 2 to 101, got " + steps);
		final LatentStatistics stats = model.latent();
		if (stats == null) throw new VaeTextureException(
			"the model has no latent statistics (written by an older version); train it again");
		final int l = model.config().latentDim();
		final float[] mean = stats.mean(), std = stats.std();
		final float[][] z = new float[l * steps][];
		for (int j = 0; j < l; j++)
			for (int k = 0; k < steps; k++) {
				final float[] code = mean.clone();
				code[j] += (float) ((-RANGE + 2 * RANGE * k / (steps - 1)) * std[j]);
				z[j * steps + k] = code;
			}
		return TileMontage.of(DecodedTiles.decode(model, z), l, steps, model.config().tileSize(), model
			.config().channels());
	}
}
