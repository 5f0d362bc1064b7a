package org.vaetexture.novelty;

import org.vaetexture.dense.DenseCodes;
import org.vaetexture.dense.HiddenEnergy;
import org.vaetexture.math.BoxFilter;
import org.vaetexture.model.NoveltyStatistics;
import org.vaetexture.model.VaeConfig;

/**
 * A per-pixel description of the local texture in the encoder's terms: over a (2r + 1)^2 box, the
 * mean of the posterior means and log-variances and the log of the mean activation of each
 * channel of the encoder's two hidden layers ({@link HiddenEnergy}). The hidden layers carry the fine structure that a VAE trained with squared
 * error leaves out of its latent code: without them, blurred texture looks normal.
 * Layout: see {@link NoveltyStatistics#descriptorDimension}.
 */
final class TextureDescriptor {

	private TextureDescriptor() {}

	static int dimension(final VaeConfig config) {
		return NoveltyStatistics.descriptorDimension(config);
	}

	/**
	 * @param codes of (w + 2r) x (h + 2r) pixels, with hidden layers
	 * @return [D][w h]
	 */
	static float[][] compute(final DenseCodes codes, final int w, final int h, final int r) {
		final int l = codes.latentDim();
		final float[][] hidden = codes.hidden();
		final float[][] d = new float[2 * l + hidden.length][];
		for (int j = 0; j < l; j++) {
			d[j] = BoxFilter.mean(codes.mu(j), w, h, r);
			d[l + j] = BoxFilter.mean(codes.logvar(j), w, h, r);
		}
		for (int c = 0; c < hidden.length; c++)
			d[2 * l + c] = HiddenEnergy.log(hidden[c], w, h, r);
		return d;
	}
}
