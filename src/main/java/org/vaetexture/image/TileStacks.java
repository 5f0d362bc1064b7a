package org.vaetexture.image;

import org.vaetexture.VaeTextureException;

/** The bound on the size of a tile stack a command makes, so that a large count fails, not memory. */
public final class TileStacks {

	/** Most float values in one tile stack: 2^27, i.e. 512 MB. */
	public static final long MAX_VALUES = 1L << 27;

	private TileStacks() {}

	/** @throws VaeTextureException if {@code count} tiles of the given size exceed {@link #MAX_VALUES} */
	public static void requireSize(final int count, final int tileSize, final int channels) {
		final long values = (long) count * tileSize * tileSize * channels;
		if (values > MAX_VALUES) throw new VaeTextureException(count + " tiles of " + tileSize + " x " +
			tileSize + " x " + channels + " values take " + values * 4 / (1 << 20) +
			" MB, more than the " + MAX_VALUES * 4 / (1 << 20) + " MB allowed; ask for fewer tiles");
	}
}
