package org.vaetexture.novelty;

import java.util.Arrays;

import org.vaetexture.dense.DenseCodes;
import org.vaetexture.dense.HiddenEnergy;
import org.vaetexture.math.BoxFilter;
import org.vaetexture.model.NoveltyStatistics;

/**
 * A per-pixel description of the local texture in the encoder's terms, over a (2r + 1)^2 box, in
 * three groups ({@link NoveltyTerm}): the code (the mean of the posterior means and
 * log-variances), the energy of each channel of the encoder's two hidden layers (the log of its
 * mean activation) and their roughness (the log of the mean difference between neighbouring
 * activations); see {@link HiddenEnergy}. The hidden layers carry the fine structure that a VAE
 * trained with squared error leaves out of its latent code: without them, blurred texture looks
 * normal. Models calibrated before the roughness was added have descriptors without it (see
 * {@link NoveltyStatistics#legacyDimension}).
 */
final class TextureDescriptor {

	private TextureDescriptor() {}

	/**
	 * Pixels of dense codes the descriptor needs around a pixel: the pooling radius, and one more for
	 * the roughness's differences between neighbours.
	 */
	static int margin(final int poolRadius, final boolean roughness) {
		return poolRadius + (roughness ? 1 : 0);
	}

	/**
	 * @param codes of (w + 2m) x (h + 2m) pixels, with hidden layers, m the {@link #margin}
	 * @param r the pooling radius
	 * @param roughness whether the descriptor has the roughness group
	 * @return [D][w h], its rows grouped as {@link NoveltyTerm} says
	 */
	static float[][] compute(final DenseCodes codes, final int w, final int h, final int r,
		final boolean roughness)
	{
		final int l = codes.latentDim();
		final float[][] hidden = codes.hidden();
		final int f = hidden.length, extra = margin(r, roughness) - r;
		final int energy = NoveltyTerm.ENERGY.start(l, f), rough = NoveltyTerm.ROUGHNESS.start(l, f);
		final float[][] d = new float[roughness ? rough + f : rough][];
		for (int j = 0; j < l; j++) {
			d[j] = BoxFilter.mean(inner(codes.mu(j), w + 2 * r, h + 2 * r, extra), w, h, r);
			d[l + j] = BoxFilter.mean(inner(codes.logvar(j), w + 2 * r, h + 2 * r, extra), w, h, r);
		}
		for (int c = 0; c < f; c++) {
			d[energy + c] = HiddenEnergy.log(inner(hidden[c], w + 2 * r, h + 2 * r, extra), w, h, r);
			if (roughness) d[rough + c] = HiddenEnergy.logRoughness(hidden[c], w, h, r);
		}
		return d;
	}

	/** The inner w x h of a (w + 2e) x (h + 2e) array. */
	private static float[] inner(final float[] a, final int w, final int h, final int e) {
		if (e == 0) return a;
		final float[] out = new float[w * h];
		for (int y = 0; y < h; y++)
			System.arraycopy(a, (y + e) * (w + 2 * e) + e, out, y * w, w);
		return out;
	}
}
