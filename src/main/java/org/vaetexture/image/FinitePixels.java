package org.vaetexture.image;

import net.imglib2.Cursor;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.vaetexture.VaeTextureException;

/** The check that every pixel of an image is a finite number, with the error that locates one that is not. */
public final class FinitePixels {

	private FinitePixels() {}

	/** @throws VaeTextureException at the first NaN or infinite pixel */
	public static void require(final TextureImage image) {
		final Cursor<? extends RealType<?>> c = Views.flatIterable(image.data()).cursor();
		while (c.hasNext())
			if (!Float.isFinite(c.next().getRealFloat())) throw error(image, c.getLongPosition(0), c
				.getLongPosition(1), c.getIntPosition(2), c.getLongPosition(3));
	}

	/** The error for a NaN or infinite pixel of {@code image} at the given position. */
	public static VaeTextureException error(final TextureImage image, final long x, final long y,
		final int channel, final long plane)
	{
		return error(image.name(), x, y, image.channels() > 1 ? channel : -1, image.planes() > 1 ? plane
			: -1);
	}

	/**
	 * The error for a NaN or infinite pixel of the image named {@code name}.
	 *
	 * @param channel from 0, or -1 to leave it out (an image of one channel)
	 * @param plane from 0, or -1 to leave it out (an image of one plane)
	 */
	public static VaeTextureException error(final String name, final long x, final long y,
		final int channel, final long plane)
	{
		return new VaeTextureException("image '" + name + "' has a NaN or infinite pixel at x=" + x +
			", y=" + y + (channel >= 0 ? ", channel " + (channel + 1) : "") + (plane >= 0 ? ", plane " +
				(plane + 1) : "") + "; replace such pixels (Process > Math > Remove NaNs) first");
	}
}
