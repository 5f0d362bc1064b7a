package org.vaetexture.decode;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

/** What {@link Reconstruction} gives: the reconstructed image and the reconstruction error. */
public final class Reconstructed {

	private final Img<FloatType> image, error;

	Reconstructed(final Img<FloatType> image, final Img<FloatType> error) {
		this.image = image;
		this.error = error;
	}

	/** The image as the VAE reconstructs it: X, Y[, C][, plane], in image units. */
	public Img<FloatType> image() {
		return image;
	}

	/** Squared error per pixel in normalized units, summed over channels: X, Y[, plane]. */
	public Img<FloatType> error() {
		return error;
	}
}
