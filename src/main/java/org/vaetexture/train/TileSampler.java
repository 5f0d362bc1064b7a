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
	/** Per image, the least and greatest tile corners whose centre the mask holds: x0, y0, x1, y1. */
	private final int[][] cornerBounds;

	public TileSampler(final List<TextureImage> images, final int tileSize,
		final Normalization normalization, final long seed)
	{
		this.images = images;
		this.tileSize = tileSize;
		this.normalization = normalization;
		this.random = new Random(seed);
		this.cumulativeWeight = new double[images.size()];
		this.cornerBounds = new int[images.size()][];
		double total = 0;
		for (int i = 0; i < images.size(); i++) {
			final TextureImage image = images.get(i);
			cornerBounds[i] = image.mask() == null ? new int[] { 0, 0, image.width() - tileSize, image
				.height() - tileSize } : maskedCornerBounds(image);
			total += (double) (image.width() - tileSize + 1) * (image.height() - tileSize + 1) * image
				.planes();
			cumulativeWeight[i] = total;
		}
	}

	/**
	 * The bounds of the tile corners whose centre the mask holds, so that tiles are drawn from the
	 * masked area's bounding box rather than the whole image (a small ROI in a large image would
	 * otherwise reject nearly every draw).
	 *
	 * @throws VaeTextureException if the mask holds no tile centre
	 */
	private int[] maskedCornerBounds(final TextureImage image) {
		final RandomAccess<? extends RealType<?>> mask = image.mask().randomAccess();
		final int h = tileSize / 2;
		int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
		for (int y = 0; y <= image.height() - tileSize; y++)
			for (int x = 0; x <= image.width() - tileSize; x++) {
				mask.setPosition(x + h, 0);
				mask.setPosition(y + h, 1);
				if (mask.get().getRealDouble() == 0) continue;
				x0 = Math.min(x0, x);
				y0 = Math.min(y0, y);
				x1 = Math.max(x1, x);
				y1 = Math.max(y1, y);
			}
		if (x1 < 0) throw new VaeTextureException("the mask (ROI) of image '" + image.name() +
			"' leaves no room for a whole tile of " + tileSize + " pixels; draw a larger area");
		return new int[] { x0, y0, x1, y1 };
	}

	/**
	 * Fills {@code tiles} with {@code count} tiles, laid out [count, C, T, T] (row-major).
	 */
	public void fill(final float[] tiles, final int count) {
		final int t = tileSize;
		for (int n = 0; n < count; n++) {
			final int index = pickImage();
			final TextureImage image = images.get(index);
			final int c = image.channels();
			final int plane = random.nextInt(image.planes());
			final RandomAccess<? extends RealType<?>> data = image.data().randomAccess();
			final long[] corner = corner(image, cornerBounds[index]);
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

	private long[] corner(final TextureImage image, final int[] bounds) {
		final RandomAccess<? extends RealType<?>> mask = image.mask() == null ? null : image.mask()
			.randomAccess();
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			final long x = bounds[0] + random.nextInt(bounds[2] - bounds[0] + 1);
			final long y = bounds[1] + random.nextInt(bounds[3] - bounds[1] + 1);
			if (mask == null) return new long[] { x, y };
			mask.setPosition(x + tileSize / 2, 0);
			mask.setPosition(y + tileSize / 2, 1);
			if (mask.get().getRealDouble() != 0) return new long[] { x, y };
		}
		throw new VaeTextureException("the mask (ROI) of image '" + image.name() +
			"' is too sparse to draw tiles from; draw a larger area");
	}
}
