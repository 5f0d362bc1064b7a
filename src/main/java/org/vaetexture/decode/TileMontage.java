package org.vaetexture.decode;

import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Lays T x T tiles of C channels out in a grid of rows and columns, without gaps: an image of
 * (columns T) x (rows T)[ x C], tile (row, column) at (column T, row T).
 */
final class TileMontage {

	private TileMontage() {}

	/** @param tiles [rows * columns][C * T * T], row by row */
	static Img<FloatType> of(final float[][] tiles, final int rows, final int columns, final int t,
		final int channels)
	{
		final long[] dims = channels > 1 ? new long[] { (long) columns * t, (long) rows * t, channels }
			: new long[] { (long) columns * t, (long) rows * t };
		final Img<FloatType> montage = new ArrayImgFactory<>(new FloatType()).create(dims);
		final RandomAccess<FloatType> ra = montage.randomAccess();
		final long[] position = new long[dims.length];
		for (int i = 0; i < tiles.length; i++) {
			final int x0 = (i % columns) * t, y0 = (i / columns) * t;
			for (int c = 0; c < channels; c++)
				for (int y = 0; y < t; y++)
					for (int x = 0; x < t; x++) {
						position[0] = x0 + x;
						position[1] = y0 + y;
						if (channels > 1) position[2] = c;
						ra.setPosition(position);
						ra.get().set(tiles[i][(c * t + y) * t + x]);
					}
		}
		return montage;
	}
}
