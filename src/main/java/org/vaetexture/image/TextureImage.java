package org.vaetexture.image;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * An image as the VAE sees it: an ImgLib2 view with axes X, Y, channel, plane (Z and T flattened,
 * Z fastest), a name for messages, and optionally a 2D mask (non-zero = inside) restricting where
 * training tiles are centred. Pixel data are not copied.
 */
public final class TextureImage {

	private final String name;
	private final RandomAccessibleInterval<? extends RealType<?>> data;
	private final RandomAccessibleInterval<? extends RealType<?>> mask;

	/**
	 * @param data 4D X, Y, C, plane, with a zero minimum
	 * @param mask null, or 2D with the same X and Y size
	 */
	public TextureImage(final String name, final RandomAccessibleInterval<? extends RealType<?>> data,
		final RandomAccessibleInterval<? extends RealType<?>> mask)
	{
		if (data.numDimensions() != 4 || data.min(0) != 0 || data.min(1) != 0 || data.min(2) != 0 ||
			data.min(3) != 0) throw new IllegalArgumentException("data must be 4D (X, Y, C, plane) from 0");
		if (mask != null && (mask.numDimensions() != 2 || mask.dimension(0) != data.dimension(0) ||
			mask.dimension(1) != data.dimension(1))) throw new IllegalArgumentException(
				"mask of " + name + " must be 2D with the image's width and height");
		this.name = name;
		this.data = data;
		this.mask = mask;
	}

	/** The same pixels restricted to a mask (2D, same width and height; non-zero = inside). */
	public TextureImage withMask(final RandomAccessibleInterval<? extends RealType<?>> newMask) {
		return new TextureImage(name, data, newMask);
	}

	public String name() {
		return name;
	}

	public RandomAccessibleInterval<? extends RealType<?>> data() {
		return data;
	}

	/** The mask, or null when every position may be used. */
	public RandomAccessibleInterval<? extends RealType<?>> mask() {
		return mask;
	}

	public int width() {
		return (int) data.dimension(0);
	}

	public int height() {
		return (int) data.dimension(1);
	}

	public int channels() {
		return (int) data.dimension(2);
	}

	public int planes() {
		return (int) data.dimension(3);
	}
}
