package org.vaetexture.maps;

import net.imglib2.Cursor;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.vaetexture.VaeTextureException;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeConfig;

/** Checks that an image can be mapped with a model: channels, size and finite pixels. */
public final class ImageChecks {

	private ImageChecks() {}

	/** @throws VaeTextureException saying what does not fit */
	public static void requireCompatible(final TextureImage image, final VaeConfig config) {
		if (image.channels() != config.channels()) throw new VaeTextureException("image '" + image
			.name() + "' has " + image.channels() + " channel(s) but the model was trained on " + config
				.channels() + "; use a model trained on images like this one");
		if (image.width() < config.tileSize() || image.height() < config.tileSize())
			throw new VaeTextureException("image '" + image.name() + "' is " + image.width() + " x " +
				image.height() + " pixels, smaller than the model's tile size " + config.tileSize() +
				"; use a larger image or a model with smaller tiles");
		final Cursor<? extends RealType<?>> c = Views.flatIterable(image.data()).cursor();
		while (c.hasNext())
			if (!Float.isFinite(c.next().getRealFloat())) throw new VaeTextureException("image '" + image
				.name() + "' has a NaN or infinite pixel at x=" + c.getLongPosition(0) + ", y=" + c
					.getLongPosition(1) + "; replace such pixels (Process > Math > Remove NaNs) first");
	}
}
