package org.vaetexture.novelty;

import org.vaetexture.dense.DenseCodes;
import org.vaetexture.dense.LatentMap;
import org.vaetexture.model.NoveltyStatistics;

/**
 * Why a pixel is novel: the novelty score split into its {@link NoveltyTerm}s, one channel each
 * (code, energy, roughness, shape, orientation), in nats, smoothed as the score is; the channels
 * add up to the {@link NoveltyMap} (to float rounding). Models without the roughness in their
 * descriptor give 0 there, models without the shape term (before model format 5) or without the
 * orientation term (before model format 6) 0 in its channel.
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
		final NoveltyTerm[] groups = NoveltyTerm.descriptorTerms();
		final int[] bounds = new int[groups.length + 1];
		for (final NoveltyTerm t : groups)
			bounds[t.ordinal() + 1] = t.end(l, f, d);
		final float[][] terms = novelty.smoothedTerms(codes, w, h, bounds);
		System.arraycopy(terms, 0, out, 0, groups.length);
		// the channels of terms a model lacks keep their zeros
		int next = groups.length;
		if (novelty.statistics().shape() != null) out[NoveltyTerm.SHAPE.ordinal()] = terms[next++];
		if (novelty.statistics().orientation() != null) out[NoveltyTerm.ORIENTATION.ordinal()] =
			terms[next];
	}
}
