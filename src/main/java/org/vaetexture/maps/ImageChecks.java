package org.vaetexture.maps;

import org.vaetexture.VaeTextureException;
import org.vaetexture.image.FinitePixels;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeConfig;

/** Checks that an image can be mapped with a model: channels, size and finite pixels. */
final class ImageChecks {

	private ImageChecks() {}

	/** @throws VaeTextureException saying what does not fit */
	static void requireCompatible(final TextureImage image, final VaeConfig config) {
		if (image.channels() != config.channels()) throw new VaeTextureException("image '" + image
			.name() + "' has " + image.channels() + " channel(s) but the model was trained on " + config
				.channels() + "; use a model trained on images like this one");
		if (image.width() < config.tileSize() || image.height() < config.tileSize())
			throw new VaeTextureException("image '" + image.name() + "' is " + image.width() + " x " +
				image.height() + " pixels, smaller than the model's tile size " + config.tileSize() +
				"; use a larger image or a model with smaller tiles");
		FinitePixels.require(image);
	}
}
