package org.vaetexture.novelty;

import org.vaetexture.dense.DenseCodes;
import org.vaetexture.dense.LatentMap;
import org.vaetexture.model.NoveltyStatistics;

/**
 * Why a pixel is novel: the novelty score split into its {@link NoveltyTerm}s, one channel each
 * (code, energy, roughness), in nats, smoothed as the score is; the channels add up to the
 * {@link NoveltyMap} (to float rounding). Models without the roughness in
 * their descriptor give 0 there.
 */
public final class NoveltyTermsMap implements LatentMap {

	private final NoveltyMap novelty;

	public NoveltyTermsMap(final NoveltyStatistics statistics) {
		this.novelty = new NoveltyMap(statistics);
	}

	@Override
	public int channels() {
		return NoveltyTerm.values().length;
	}

	@Override
	public int halo() {
		return novelty.halo();
	}

	@Override
	public String name() {
		return "novelty-terms";
	}

	@Override
	public boolean usesHidden() {
		return true;
	}

	@Override
	public void compute(final DenseCodes codes, final int w, final int h, final float[][] out) {
		final int l = codes.latentDim(), f = codes.hidden().length;
		final int d = novelty.statistics().dimension();
		final int[] bounds = new int[channels() + 1];
		for (final NoveltyTerm t : NoveltyTerm.values())
			bounds[t.ordinal() + 1] = t.end(l, f, d);
		final float[][] terms = novelty.smoothedTerms(codes, w, h, bounds);
		System.arraycopy(terms, 0, out, 0, terms.length);
	}
}
