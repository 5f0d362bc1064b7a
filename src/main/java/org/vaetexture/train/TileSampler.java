package org.vaetexture.train;

import java.util.List;
import java.util.Random;

import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;

import org.vaetexture.VaeTextureException;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.Normalization;

/**
 * Draws normalized T x T training tiles at random (seeded) from whole images: every plane of a
 * stack, all channels as the tile's channels, and only tiles whose centre pixel lies inside the
 * image's mask when it has one. A stack of T x T slices is a tile stack: each slice is one tile.
 */
public final class TileSampler {

	private static final int MAX_ATTEMPTS = 100_000;

	private final List<TextureImage> images;
	private final int tileSize;
	private final Normalization normalization;
	private final Random random;
	private final double[] cumulativeWeight;

	public TileSampler(final List<TextureImage> images, final int tileSize,
		final Normalization normalization, final long seed)
	{
		this.images = images;
		this.tileSize = tileSize;
		this.normalization = normalization;
		this.random = new Random(seed);
		this.cumulativeWeight = new double[images.size()];
		double total = 0;
		for (int i = 0; i < images.size(); i++) {
			final TextureImage image = images.get(i);
			if (image.mask() != null) requireMaskedPositions(image);
			total += (double) (image.width() - tileSize + 1) * (image.height() - tileSize + 1) * image
				.planes();
			cumulativeWeight[i] = total;
		}
	}

	private void requireMaskedPositions(final TextureImage image) {
		final RandomAccess<? extends RealType<?>> mask = image.mask().randomAccess();
		final int h = tileSize / 2;
		for (int y = h; y <= image.height() - tileSize + h; y++)
			for (int x = h; x <= image.width() - tileSize + h; x++) {
				mask.setPosition(x, 0);
				mask.setPosition(y, 1);
				if (mask.get().getRealDouble() != 0) return;
			}
		throw new VaeTextureException("the mask (ROI) of image '" + image.name() +
			"' leaves no room for a whole tile of " + tileSize + " pixels; draw a larger area");
	}

	/**
	 * Fills {@code tiles} with {@code count} tiles, laid out [count, C, T, T] (row-major).
	 */
	public void fill(final float[] tiles, final int count) {
		final int t = tileSize;
		for (int n = 0; n < count; n++) {
			final TextureImage image = images.get(pickImage());
			final int c = image.channels();
			final int plane = random.nextInt(image.planes());
			final RandomAccess<? extends RealType<?>> data = image.data().randomAccess();
			final long[] corner = corner(image);
			data.setPosition(plane, 3);
			int i = n * c * t * t;
			for (int ch = 0; ch < c; ch++) {
				data.setPosition(ch, 2);
				for (int y = 0; y < t; y++) {
					data.setPosition(corner[1] + y, 1);
					data.setPosition(corner[0], 0);
					for (int x = 0; x < t; x++, data.fwd(0))
						tiles[i++] = normalization.apply(data.get().getRealFloat(), ch);
				}
			}
		}
	}

	private int pickImage() {
		final double r = random.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
		for (int i = 0; i < cumulativeWeight.length; i++)
			if (r < cumulativeWeight[i]) return i;
		return cumulativeWeight.length - 1;
	}

	private long[] corner(final TextureImage image) {
		final RandomAccess<? extends RealType<?>> mask = image.mask() == null ? null : image.mask()
			.randomAccess();
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			final long x = random.nextInt(image.width() - tileSize + 1);
			final long y = random.nextInt(image.height() - tileSize + 1);
			if (mask == null) return new long[] { x, y };
			mask.setPosition(x + tileSize / 2, 0);
			mask.setPosition(y + tileSize / 2, 1);
			if (mask.get().getRealDouble() != 0) return new long[] { x, y };
		}
		throw new VaeTextureException("the mask (ROI) of image '" + image.name() +
			"' is too sparse to draw tiles from; draw a larger area");
	}
}
