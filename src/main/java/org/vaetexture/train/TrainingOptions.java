package org.vaetexture.train;

import org.vaetexture.Defaults;
import org.vaetexture.VaeTextureException;

/**
 * How to train (as opposed to what to train, {@link org.vaetexture.model.VaeConfig}): epochs of
 * {@code stepsPerEpoch} Adam steps on fresh random batches, a fixed set of held-out validation
 * tiles, early stopping after {@code patience} epochs without a better validation loss (0: never),
 * the seed, the thread count, and the false-positive rate of the novelty calibration that follows
 * training. Immutable; made with {@link #builder()}, which starts from {@link Defaults}.
 */
public final class TrainingOptions {

	private final int epochs, stepsPerEpoch, batchSize, validationTiles, patience, threads;
	private final double learningRate, falsePositiveRate;
	private final long seed;

	private TrainingOptions(final Builder b) {
		epochs = b.epochs;
		stepsPerEpoch = b.stepsPerEpoch;
		batchSize = b.batchSize;
		validationTiles = b.validationTiles;
		patience = b.patience;
		threads = b.threads;
		learningRate = b.learningRate;
		falsePositiveRate = b.falsePositiveRate;
		seed = b.seed;
	}

	public static Builder builder() {
		return new Builder();
	}

	public int epochs() {
		return epochs;
	}

	public int stepsPerEpoch() {
		return stepsPerEpoch;
	}

	public int batchSize() {
		return batchSize;
	}

	public int validationTiles() {
		return validationTiles;
	}

	public int patience() {
		return patience;
	}

	public int threads() {
		return threads;
	}

	public double learningRate() {
		return learningRate;
	}

	public long seed() {
		return seed;
	}

	/** Fraction of training pixels above the novelty mask's threshold, set when training ends. */
	public double falsePositiveRate() {
		return falsePositiveRate;
	}

	/** Collects training options; {@link #build()} validates them. */
	public static final class Builder {

		private int epochs = Defaults.EPOCHS, stepsPerEpoch = Defaults.STEPS_PER_EPOCH,
				batchSize = Defaults.BATCH_SIZE, validationTiles = Defaults.VALIDATION_TILES,
				patience = Defaults.PATIENCE, threads = Defaults.THREADS;
		private double learningRate = Defaults.LEARNING_RATE,
				falsePositiveRate = Defaults.FALSE_POSITIVE_RATE;
		private long seed = Defaults.SEED;

		private Builder() {}

		public Builder epochs(final int v) {
			epochs = v;
			return this;
		}

		public Builder stepsPerEpoch(final int v) {
			stepsPerEpoch = v;
			return this;
		}

		public Builder batchSize(final int v) {
			batchSize = v;
			return this;
		}

		public Builder validationTiles(final int v) {
			validationTiles = v;
			return this;
		}

		public Builder patience(final int v) {
			patience = v;
			return this;
		}

		public Builder threads(final int v) {
			threads = v;
			return this;
		}

		public Builder learningRate(final double v) {
			learningRate = v;
			return this;
		}

		public Builder seed(final long v) {
			seed = v;
			return this;
		}

		public Builder falsePositiveRate(final double v) {
			falsePositiveRate = v;
			return this;
		}

		/** @throws VaeTextureException naming the first value out of range */
		public TrainingOptions build() {
			check(epochs >= 1 && epochs <= 100_000, "epochs must be from 1 to 100000, got " + epochs);
			check(stepsPerEpoch >= 1 && stepsPerEpoch <= 1_000_000,
				"steps per epoch must be from 1 to 1000000, got " + stepsPerEpoch);
			check(batchSize >= 1 && batchSize <= 4096, "batch size must be from 1 to 4096, got " +
				batchSize);
			check(validationTiles >= 1 && validationTiles <= 65536,
				"validation tiles must be from 1 to 65536, got " + validationTiles);
			check(patience >= 0, "patience must be 0 (no early stopping) or more, got " + patience);
			check(threads >= 1 && threads <= 256, "threads must be from 1 to 256, got " + threads);
			check(learningRate > 0 && learningRate <= 1,
				"learning rate must be above 0 and at most 1, got " + learningRate);
			check(falsePositiveRate > 0 && falsePositiveRate < 1,
				"false-positive rate must be between 0 and 1, got " + falsePositiveRate);
			return new TrainingOptions(this);
		}

		private static void check(final boolean ok, final String message) {
			if (!ok) throw new VaeTextureException(message);
		}
	}
}
