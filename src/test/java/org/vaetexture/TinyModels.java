package org.vaetexture;

import java.util.List;

import org.vaetexture.image.TextureImage;
import org.vaetexture.model.Backend;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.train.Trainer;
import org.vaetexture.train.TrainingListener;
import org.vaetexture.train.TrainingOptions;

/** Fixture: small VAEs (tile 8, small layers) trained for a few seeded steps, in a second or two. */
public final class TinyModels {

	private TinyModels() {}

	/** A VAE with tile size 8 and {@code latentDim} latent dimensions trained on {@code image}. */
	public static VaeModel train(final TextureImage image, final int latentDim) {
		Backend.useThreads(1);
		final VaeConfig config = VaeConfig.builder().tileSize(8).latentDim(latentDim).filters1(6)
			.filters2(8).channels(image.channels()).build();
		return new Trainer(config, TrainingOptions.builder().epochs(2).stepsPerEpoch(15).batchSize(32)
			.validationTiles(64).seed(3).build()).train(List.of(image), TrainingListener.NONE, () -> false);
	}
}
