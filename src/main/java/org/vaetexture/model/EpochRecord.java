package org.vaetexture.model;

/**
 * Losses of one training epoch: mean reconstruction loss (sum of squared errors per tile, in
 * normalized units) and mean KL to the prior (nats per tile), on the training batches and on the
 * held-out validation tiles.
 */
public final class EpochRecord {

	private final int epoch;
	private final double trainRecon, trainKl, validationRecon, validationKl, seconds;

	public EpochRecord(final int epoch, final double trainRecon, final double trainKl,
		final double validationRecon, final double validationKl, final double seconds)
	{
		this.epoch = epoch;
		this.trainRecon = trainRecon;
		this.trainKl = trainKl;
		this.validationRecon = validationRecon;
		this.validationKl = validationKl;
		this.seconds = seconds;
	}

	/** 1-based epoch number. */
	public int epoch() {
		return epoch;
	}

	public double trainRecon() {
		return trainRecon;
	}

	public double trainKl() {
		return trainKl;
	}

	public double validationRecon() {
		return validationRecon;
	}

	public double validationKl() {
		return validationKl;
	}

	/** Validation loss as minimised: reconstruction + beta * KL. */
	public double validationLoss(final double beta) {
		return validationRecon + beta * validationKl;
	}

	/** Seconds since training started, at the end of this epoch. */
	public double seconds() {
		return seconds;
	}
}
