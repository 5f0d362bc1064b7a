package org.vaetexture.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaetexture.ErrorAssertions.assertMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.vaetexture.TestImages;
import org.vaetexture.VaeTextureException;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.EpochRecord;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;

class TrainerTest {

	private static final VaeConfig SMALL = VaeConfig.builder().tileSize(16).latentDim(4).filters1(8)
		.filters2(16).build();

	private static TrainingOptions.Builder quick() {
		return TrainingOptions.builder().epochs(2).stepsPerEpoch(5).batchSize(16).validationTiles(32);
	}

	private static VaeModel train(final VaeConfig config, final TrainingOptions options,
		final TextureImage... images)
	{
		return new Trainer(config, options).train(Arrays.asList(images), TrainingListener.NONE,
			() -> false);
	}

	@Test
	void lossFallsOnARealTexture() {
		final List<EpochRecord> epochs = new ArrayList<>();
		final TrainingListener listener = new TrainingListener() {

			@Override
			public void step(final TrainingProgress p) {}

			@Override
			public void epochDone(final EpochRecord e) {
				epochs.add(e);
			}
		};
		final VaeModel model = new Trainer(SMALL, TrainingOptions.builder().epochs(4).stepsPerEpoch(25)
			.batchSize(32).validationTiles(128).patience(0).learningRate(2e-3).build()).train(List.of(
				TestImages.open("brick.tif")), listener, () -> false);
		assertEquals(4, epochs.size());
		assertEquals(4, model.history().size());
		final EpochRecord first = epochs.get(0), last = epochs.get(3);
		assertTrue(last.validationLoss(1) < 0.8 * first.validationLoss(1), first.validationLoss(1) +
			" -> " + last.validationLoss(1));
		assertTrue(last.trainRecon() < first.trainRecon());
		assertEquals(4 * 25 * 32, model.training().tilesSeen());
	}

	@Test
	void sameSeedGivesTheSameWeights() {
		final TextureImage brick = TestImages.open("brick.tif");
		final Map<String, float[]> a = train(SMALL, quick().seed(3).build(), brick).network().weights();
		final Map<String, float[]> b = train(SMALL, quick().seed(3).build(), brick).network().weights();
		final Map<String, float[]> c = train(SMALL, quick().seed(4).build(), brick).network().weights();
		for (final String name : a.keySet())
			assertArrayEquals(a.get(name), b.get(name), name);
		assertFalse(Arrays.equals(a.get("enc1_w"), c.get("enc1_w")));
	}

	@Test
	void progressReachesTheListenerAndCancelStopsBeforeTheNextStep() {
		final AtomicInteger steps = new AtomicInteger();
		final Trainer trainer = new Trainer(SMALL, quick().epochs(5).build());
		assertThrows(CancellationException.class, () -> trainer.train(List.of(TestImages.open(
			"gravel.tif")), p -> steps.incrementAndGet(), () -> steps.get() >= 3));
		assertEquals(3, steps.get());
	}

	@Test
	void earlyStoppingEndsTrainingAndKeepsTheBestEpoch() {
		// A huge learning rate makes the validation loss worsen after the first epochs.
		final VaeModel model = train(SMALL, quick().epochs(30).patience(1).learningRate(0.5).build(),
			TestImages.open("grass.tif"));
		assertTrue(model.training().stoppedEarly());
		assertTrue(model.history().size() < 30);
	}

	/**
	 * Run out of epochs after the best one (a huge learning rate worsens the validation loss, too
	 * few epochs for the patience to stop it), training keeps the best epoch's weights: the model's
	 * loss on the validation tiles, drawn again as the trainer draws them, is that epoch's.
	 */
	@Test
	void theBestEpochIsKeptWhenTheEpochsRunOutAfterIt() {
		final TextureImage grass = TestImages.open("grass.tif");
		// the first of these rates whose loss worsens after its best epoch without diverging
		TrainingOptions options = null;
		VaeModel model = null;
		EpochRecord best = null;
		for (final double rate : new double[] { 0.3, 0.2, 0.1, 0.05, 0.02 }) {
			options = quick().epochs(4).patience(10).learningRate(rate).build();
			try {
				model = train(SMALL, options, grass);
			}
			catch (final VaeTextureException diverged) {
				continue;
			}
			best = model.history().get(0);
			for (final EpochRecord e : model.history())
				if (e.validationLoss(SMALL.beta()) < best.validationLoss(SMALL.beta())) best = e;
			if (best.epoch() < 4) break;
		}
		assertTrue(best != null && best.epoch() < 4, "no rate ends after its best epoch");
		assertTrue(!model.training().stoppedEarly());
		final TileSampler sampler = new TileSampler(List.of(grass), SMALL.tileSize(),
			NormalizationEstimator.estimate(List.of(grass)), options.seed());
		final float[] tiles = new float[options.validationTiles() * SMALL.tileSize() * SMALL.tileSize()];
		sampler.fill(tiles, options.validationTiles());
		final double[] losses = model.network().losses(org.nd4j.linalg.factory.Nd4j.create(tiles,
			new long[] { options.validationTiles(), 1, SMALL.tileSize(), SMALL.tileSize() }, 'c'),
			new GaussianNoise(options.seed() + 1, SMALL.latentDim()).next(options.validationTiles()));
		assertEquals(best.validationLoss(SMALL.beta()), losses[0] + SMALL.beta() * losses[1], 1e-4 *
			best.validationLoss(SMALL.beta()));
	}

	@Test
	void imageSmallerThanTheTile() {
		assertMessage("is 12 x 40 pixels, smaller than the tile size 16", () -> train(SMALL, quick()
			.build(), TestImages.wrap(TestImages.noise(12, 40, 1))));
	}

	@Test
	void constantImage() {
		assertMessage("is constant", () -> train(SMALL, quick().build(), TestImages.wrap(TestImages
			.constant(40, 40, 7))));
	}

	@Test
	void nanPixelsAreLocated() {
		final ImagePlus imp = TestImages.noise(40, 40, 1);
		imp.getProcessor().putPixelValue(5, 9, Float.NaN);
		assertMessage("NaN or infinite pixel at x=5, y=9", () -> train(SMALL, quick().build(),
			TestImages.wrap(imp)));
	}

	@Test
	void channelCountMustMatchTheConfig() {
		assertMessage("has 3 channel(s), the model expects 1", () -> train(SMALL, quick().build(),
			TestImages.open("ihc.tif")));
	}

	@Test
	void optionsOutOfRange() {
		assertMessage("epochs must be from 1", () -> TrainingOptions.builder().epochs(-1).build());
		assertMessage("batch size must be from 1", () -> TrainingOptions.builder().batchSize(0).build());
		assertMessage("learning rate must be above 0", () -> TrainingOptions.builder().learningRate(0)
			.build());
	}
}
