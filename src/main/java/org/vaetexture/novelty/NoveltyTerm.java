package org.vaetexture.novelty;

/**
 * The five parts of the novelty score: three in the order of the {@link TextureDescriptor}'s
 * groups, then the two local grey-level terms of {@link ShapeTerm}. Because the whitening matrix is the inverse of a
 * lower-triangular Cholesky factor, the descriptor's score (the whitened distance to the pixel's
 * neighbour, or to the mean) splits exactly into a sum over the groups: the code's own Mahalanobis
 * term, then the energies' given the code, then the roughness's given both (the chain rule of a
 * Gaussian's log-density). The shape and orientation terms are added to that sum (0 for models
 * calibrated before model formats 5 and 6).
 */
public enum NoveltyTerm {

	/** What the latent code (local mean of mu and log-variance) alone finds unusual. */
	CODE("code"),
	/** Hidden-channel energies unusual for that code: structure rougher, smoother or of other kind. */
	ENERGY("energy"),
	/** Hidden-channel roughness unusual for the code and energies: finer or smoother detail. */
	ROUGHNESS("roughness"),
	/** The local grey-level histogram's shape (skewness) unusual: a power law, inverted contrast. */
	SHAPE("shape"),
	/** Which way the finest detail runs unusual: texture turned, or finer detail of another direction. */
	ORIENTATION("orientation");

	private final String label;

	NoveltyTerm(final String label) {
		this.label = label;
	}

	/** A short lower-case name, used for channel labels and in README. */
	public String label() {
		return label;
	}

	/** The terms that are groups of descriptor rows (all but {@link #SHAPE} and {@link #ORIENTATION}). */
	static NoveltyTerm[] descriptorTerms() {
		return new NoveltyTerm[] { CODE, ENERGY, ROUGHNESS };
	}

	/** First descriptor row of a descriptor term for latent dimension l and f hidden channels. */
	int start(final int l, final int f) {
		return this == CODE ? 0 : this == ENERGY ? 2 * l : 2 * l + f;
	}

	/** One past the last descriptor row of a descriptor term, in a descriptor of {@code dimension} rows. */
	int end(final int l, final int f, final int dimension) {
		return this == ROUGHNESS ? dimension : values()[ordinal() + 1].start(l, f);
	}
}
