package org.vaetexture.model;

import java.util.Collections;
import java.util.List;

import org.vaetexture.VaeTextureException;

/**
 * A trained VAE: architecture, weights, the normalization of its training data, how it was trained
 * and its loss history. What a model file holds; see {@link ModelFile}.
 */
public final class VaeModel {

	private final VaeNetwork network;
	private final Normalization normalization;
	private final TrainingSummary training;
	private final List<EpochRecord> history;
	private final NoveltyStatistics novelty;
	private final LatentStatistics latent;

	public VaeModel(final VaeNetwork network, final Normalization normalization,
		final TrainingSummary training, final List<EpochRecord> history)
	{
		this(network, normalization, training, history, null);
	}

	/** @param novelty null for a model not (yet) calibrated for novelty maps */
	public VaeModel(final VaeNetwork network, final Normalization normalization,
		final TrainingSummary training, final List<EpochRecord> history,
		final NoveltyStatistics novelty)
	{
		this(network, normalization, training, history, novelty, null);
	}

	/**
	 * @param novelty null for a model not (yet) calibrated for novelty maps
	 * @param latent null for a model written before latent statistics were kept
	 */
	public VaeModel(final VaeNetwork network, final Normalization normalization,
		final TrainingSummary training, final List<EpochRecord> history,
		final NoveltyStatistics novelty, final LatentStatistics latent)
	{
		if (normalization.channels() != network.config().channels())
			throw new IllegalArgumentException("normalization has " + normalization.channels() +
				" channels, the network " + network.config().channels());
		this.network = network;
		this.normalization = normalization;
		this.training = training;
		this.history = Collections.unmodifiableList(history);
		this.novelty = novelty;
		this.latent = latent;
	}

	/** The same model with novelty statistics. */
	public VaeModel withNovelty(final NoveltyStatistics statistics) {
		return new VaeModel(network, normalization, training, history, statistics, latent);
	}

	/** The same model with latent statistics. */
	public VaeModel withLatent(final LatentStatistics statistics) {
		return new VaeModel(network, normalization, training, history, novelty, statistics);
	}

	public VaeConfig config() {
		return network.config();
	}

	public VaeNetwork network() {
		return network;
	}

	public Normalization normalization() {
		return normalization;
	}

	public TrainingSummary training() {
		return training;
	}

	public List<EpochRecord> history() {
		return history;
	}

	/** Statistics for novelty maps, or null if the model has none. */
	public NoveltyStatistics novelty() {
		return novelty;
	}

	/**
	 * Statistics for novelty maps.
	 *
	 * @throws VaeTextureException if the model has none (it was written before calibration)
	 */
	public NoveltyStatistics requireNovelty() {
		if (novelty == null) throw new VaeTextureException(
			"the model has no novelty statistics (it was written before novelty calibration); train it again with this version");
		return novelty;
	}

	/** Mean and spread of the training posteriors' mu, or null if the model has none. */
	public LatentStatistics latent() {
		return latent;
	}
}
