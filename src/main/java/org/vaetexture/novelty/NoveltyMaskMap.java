package org.vaetexture.novelty;

import org.vaetexture.dense.DenseCodes;
import org.vaetexture.dense.LatentMap;
import org.vaetexture.model.NoveltyStatistics;

/**
 * The novelty mask as a map of its own: 1 where the {@link NoveltyMap} exceeds the model's
 * calibrated threshold, 0 elsewhere, so a block-wise job writes the mask without the map.
 */
public final class NoveltyMaskMap implements LatentMap {

	private final NoveltyMap novelty;
	private final double threshold;

	public NoveltyMaskMap(final NoveltyStatistics statistics) {
		this.novelty = new NoveltyMap(statistics);
		this.threshold = statistics.threshold();
	}

	@Override
	public int channels() {
		return 1;
	}

	@Override
	public int halo() {
		return novelty.halo();
	}

	@Override
	public String name() {
		return "novelty mask";
	}

	@Override
	public boolean usesHidden() {
		return true;
	}

	@Override
	public void compute(final DenseCodes codes, final int w, final int h, final float[][] out) {
		novelty.compute(codes, w, h, out);
		final float[] v = out[0];
		for (int i = 0; i < v.length; i++)
			v[i] = v[i] > threshold ? 1 : 0;
	}
}
