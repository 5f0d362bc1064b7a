package org.vaetexture.dense;

/**
 * A per-pixel map computed from the dense codes (mu and log-variance of every pixel's window):
 * latent features, KL to the prior, novelty. {@link MapRunner} feeds it block by block, each block
 * with a margin of {@link #halo()} pixels of posteriors around it.
 */
public interface LatentMap {

	/** Output values per pixel. */
	int channels();

	/** Pixels of context each output pixel needs on every side (0 for pointwise maps). */
	int halo();

	/** What the map's output is, for image titles ("novelty", "features"...). */
	String name();

	/** Whether {@link #compute} reads the encoder's hidden layers. */
	default boolean usesHidden() {
		return false;
	}

	/**
	 * Computes one block.
	 *
	 * @param codes the dense codes of the block and its halo: (w + 2 halo) x (h + 2 halo) pixels
	 * @param out [channels][h w], row-major, to fill
	 */
	void compute(DenseCodes codes, int w, int h, float[][] out);
}
