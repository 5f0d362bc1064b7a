package org.vaetexture.image;

import org.vaetexture.VaeTextureException;
import org.vaetexture.model.VaeConfig;

/**
 * The checks an image must pass before a model trains on it or maps it, each failing with a
 * one-line message that says what to change: at least one tile wide and high, the model's channels,
 * finite pixels ({@link FinitePixels}).
 */
public final class ImageChecks {

	private ImageChecks() {}

	/** @throws VaeTextureException unless the image is at least one tile wide and high */
	public static void requireAtLeastOneTile(final TextureImage image, final int tileSize) {
		requireAtLeastOneTile(image.name(), image.width(), image.height(), tileSize);
	}

	private static void requireAtLeastOneTile(final String name, final int width, final int height,
		final int tileSize)
	{
		if (width < tileSize || height < tileSize) throw new VaeTextureException("image '" + name +
			"' is " + width + " x " + height + " pixels, smaller than the tile size " + tileSize +
			"; use a larger image, or a smaller tile size (a model trained with smaller tiles)");
	}

	/**
	 * Whether a model can map the image: the model's channels, at least one tile, finite pixels.
	 *
	 * @throws VaeTextureException saying what does not fit
	 */
	public static void requireCompatible(final TextureImage image, final VaeConfig config) {
		requireFits(image.name(), image.width(), image.height(), image.channels(), config);
		FinitePixels.require(image);
	}

	/**
	 * The checks of {@link #requireCompatible} but the pixels', for an image known by its size (one
	 * read a region at a time checks its pixels as it reads them).
	 */
	public static void requireFits(final String name, final int width, final int height,
		final int channels, final VaeConfig config)
	{
		if (channels != config.channels()) throw new VaeTextureException("image '" + name + "' has " +
			channels + " channel(s) but the model was trained on " + config.channels() +
			"; use a model trained on images like this one");
		requireAtLeastOneTile(name, width, height, config.tileSize());
	}
}
