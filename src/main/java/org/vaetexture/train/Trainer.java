package org.vaetexture.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaetexture.VaeTextureException;
import org.vaetexture.image.ImageChecks;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.Backend;
import org.vaetexture.model.EpochRecord;
import org.vaetexture.model.LatentStatistics;
import org.vaetexture.model.Normalization;
import org.vaetexture.model.TrainingSummary;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.model.VaeNetwork;

/**
 * Trains a VAE on images: normalization from the images, a held-out set of validation tiles, then
 * epochs of Adam steps on freshly sampled batches, with a fresh eps for every step. Deterministic
 * for a seed (on one thread). Stops early when the validation loss has not improved for
 * {@code patience} epochs; either way keeps the weights of the epoch with the best validation loss
 * (with patience 0, the last epoch's). The model keeps the mean and spread of the
 * validation tiles' mu ({@link LatentStatistics}). Cancel is checked before every step.
 */
public final class Trainer {

	private final VaeConfig config;
	private final TrainingOptions options;

	public Trainer(final VaeConfig config, final TrainingOptions options) {
		this.config = config;
		this.options = options;
	}

	/**
	 * @throws VaeTextureException on unusable images (different channel counts, smaller than a
	 *           tile, NaN pixels, constant) or a diverging run
	 * @throws CancellationException when {@code cancelled} answers true; nothing is returned
	 */
	public VaeModel train(final List<TextureImage> images, final TrainingListener listener,
		final BooleanSupplier cancelled)
	{
		checkImages(images);
		Backend.useThreads(options.threads());
		final Normalization normalization = NormalizationEstimator.estimate(images);
		final TileSampler sampler = new TileSampler(images, config.tileSize(), normalization, options
			.seed());
		final int c = config.channels(), t = config.tileSize(), b = options.batchSize();
		final int tileLength = c * t * t;
		final float[] validation = new float[options.validationTiles() * tileLength];
		sampler.fill(validation, options.validationTiles());
		final INDArray validationTiles = Nd4j.create(validation, new long[] { options
			.validationTiles(), c, t, t }, 'c');
		final INDArray validationEps = new GaussianNoise(options.seed() + 1, config.latentDim()).next(
			options.validationTiles());

		final VaeNetwork network = VaeNetwork.create(config, options.seed());
		final GaussianNoise noise = new GaussianNoise(options.seed() + 2, config.latentDim());
		final float[] batch = new float[b * tileLength];
		final List<EpochRecord> history = new ArrayList<>();
		final long start = System.nanoTime();
		Map<String, float[]> best = null;
		double bestLoss = Double.POSITIVE_INFINITY;
		int sinceBest = 0;
		boolean stoppedEarly = false;
		long tiles = 0;
		for (int epoch = 1; epoch <= options.epochs() && !stoppedEarly; epoch++) {
			double reconSum = 0, klSum = 0;
			for (int step = 1; step <= options.stepsPerEpoch(); step++) {
				if (cancelled.getAsBoolean()) throw new CancellationException("training cancelled");
				sampler.fill(batch, b);
				final double[] losses = network.fitStep(Nd4j.create(batch, new long[] { b, c, t, t }, 'c'),
					noise.next(b), options.learningRate());
				if (!Double.isFinite(losses[0]) || !Double.isFinite(losses[1]))
					throw new VaeTextureException("training diverged (loss " + losses[0] + ", KL " +
						losses[1] + ") at epoch " + epoch + "; lower the learning rate");
				reconSum += losses[0];
				klSum += losses[1];
				tiles += b;
				final double seconds = seconds(start);
				listener.step(new TrainingProgress(epoch, options.epochs(), step, options
					.stepsPerEpoch(), reconSum / step, klSum / step, tiles / seconds, seconds));
			}
			final double[] validationLosses = network.losses(validationTiles, validationEps);
			final EpochRecord record = new EpochRecord(epoch, reconSum / options.stepsPerEpoch(), klSum /
				options.stepsPerEpoch(), validationLosses[0], validationLosses[1], seconds(start));
			history.add(record);
			listener.epochDone(record);
			final double loss = record.validationLoss(config.beta());
			if (loss < bestLoss) {
				bestLoss = loss;
				sinceBest = 0;
				if (options.patience() > 0) best = network.weights();
			}
			else if (options.patience() > 0 && ++sinceBest >= options.patience()) stoppedEarly = true;
		}
		// the best epoch's weights, whether training stopped early or ran out of epochs after it
		if (options.patience() > 0 && sinceBest > 0) network.setWeights(best);
		final List<String> names = new ArrayList<>();
		for (final TextureImage image : images)
			names.add(image.name());
		final LatentStatistics latent = LatentStatistics.of(network.encode(validationTiles)[0]
			.toFloatMatrix());
		return new VaeModel(network, normalization, new TrainingSummary(options.seed(), b, options
			.learningRate(), tiles, seconds(start), stoppedEarly, names), history, null, latent);
	}

	private void checkImages(final List<TextureImage> images) {
		if (images.isEmpty()) throw new VaeTextureException("no training image given");
		for (final TextureImage image : images) {
			if (image.channels() != config.channels()) throw new VaeTextureException("image '" + image
				.name() + "' has " + image.channels() + " channel(s), the model expects " + config
					.channels() + "; give images with the same channels");
			ImageChecks.requireAtLeastOneTile(image, config.tileSize());
		}
	}

	private static double seconds(final long start) {
		return Math.max(1e-9, (System.nanoTime() - start) / 1e9);
	}
}
