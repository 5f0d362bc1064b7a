package org.vaetexture.train;

/**
 * Where a training run stands after a step: epoch and step (1-based), the epoch's running mean
 * losses, throughput and the estimated time left.
 */
public final class TrainingProgress {

	private final int epoch, epochs, step, stepsPerEpoch;
	private final double recon, kl, tilesPerSecond, elapsedSeconds;

	public TrainingProgress(final int epoch, final int epochs, final int step,
		final int stepsPerEpoch, final double recon, final double kl, final double tilesPerSecond,
		final double elapsedSeconds)
	{
		this.epoch = epoch;
		this.epochs = epochs;
		this.step = step;
		this.stepsPerEpoch = stepsPerEpoch;
		this.recon = recon;
		this.kl = kl;
		this.tilesPerSecond = tilesPerSecond;
		this.elapsedSeconds = elapsedSeconds;
	}

	public int epoch() {
		return epoch;
	}

	public int epochs() {
		return epochs;
	}

	public int step() {
		return step;
	}

	public int stepsPerEpoch() {
		return stepsPerEpoch;
	}

	/** Mean reconstruction loss of this epoch's steps so far. */
	public double recon() {
		return recon;
	}

	/** Mean KL to the prior of this epoch's steps so far (nats per tile). */
	public double kl() {
		return kl;
	}

	public double tilesPerSecond() {
		return tilesPerSecond;
	}

	public double elapsedSeconds() {
		return elapsedSeconds;
	}

	/** Fraction of all steps done, from 0 to 1. */
	public double fraction() {
		return ((epoch - 1) * (double) stepsPerEpoch + step) / ((double) epochs * stepsPerEpoch);
	}

	/** Seconds left if every epoch runs, at the pace so far. */
	public double etaSeconds() {
		final double f = fraction();
		return f > 0 ? elapsedSeconds * (1 - f) / f : Double.NaN;
	}
}
