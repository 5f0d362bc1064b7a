package org.vaetexture.train;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.vaetexture.VaeTextureException;
import org.vaetexture.image.ImageChecks;
import org.vaetexture.image.TextureImage;
import org.vaetexture.image.TileStacks;
import org.vaetexture.model.Normalization;
import org.vaetexture.model.VaeConfig;

/**
 * Cuts texture tiles out of an image, for looking at them or training on them later as a tile
 * stack: a grid of non-overlapping tiles (every plane; only those centred in the mask, if any), or
 * {@code count} random ones (seeded, as training draws them). Pixel values are kept.
 */
public final class TileExtractor {

	private TileExtractor() {}

	/** @return T x T [x C] x N */
	public static Img<FloatType> grid(final TextureImage image, final int tileSize) {
		VaeConfig.requireTileSize(tileSize);
		ImageChecks.requireAtLeastOneTile(image, tileSize);
		final List<long[]> corners = new ArrayList<>();
		final RandomAccess<? extends RealType<?>> mask = image.mask() == null ? null : image.mask()
			.randomAccess();
		for (int p = 0; p < image.planes(); p++)
			for (int y = 0; y + tileSize <= image.height(); y += tileSize)
				for (int x = 0; x + tileSize <= image.width(); x += tileSize) {
					if (mask != null) {
						mask.setPosition(new long[] { x + tileSize / 2, y + tileSize / 2 });
						if (mask.get().getRealDouble() == 0) continue;
					}
					corners.add(new long[] { x, y, p });
				}
		if (corners.isEmpty()) throw new VaeTextureException("no whole tile of " + tileSize +
			" pixels fits inside the selection of image '" + image.name() + "'; draw a larger area");
		final int c = image.channels();
		final Img<FloatType> tiles = create(tileSize, c, corners.size());
		final Cursor<FloatType> out = Views.flatIterable(tiles).cursor();
		final RandomAccess<? extends RealType<?>> in = image.data().randomAccess();
		for (final long[] corner : corners)
			for (int ch = 0; ch < c; ch++)
				for (int y = 0; y < tileSize; y++)
					for (int x = 0; x < tileSize; x++) {
						in.setPosition(new long[] { corner[0] + x, corner[1] + y, ch, corner[2] });
						out.next().set(in.get().getRealFloat());
					}
		return tiles;
	}

	/** @return T x T [x C] x count random tiles */
	public static Img<FloatType> random(final TextureImage image, final int tileSize,
		final int count, final long seed)
	{
		if (count < 1 || count > 100_000) throw new VaeTextureException(
			"tile count must be from 1 to 100000, got " + count);
		VaeConfig.requireTileSize(tileSize);
		ImageChecks.requireAtLeastOneTile(image, tileSize);
		final int c = image.channels();
		TileStacks.requireSize(count, tileSize, c);
		final float[] zeros = new float[c], ones = new float[c];
		java.util.Arrays.fill(ones, 1);
		final float[] values = new float[count * c * tileSize * tileSize];
		new TileSampler(List.of(image), tileSize, new Normalization(zeros, ones), seed).fill(values,
			count);
		final Img<FloatType> tiles = create(tileSize, c, count);
		int i = 0;
		for (final FloatType v : Views.flatIterable(tiles))
			v.set(values[i++]);
		return tiles;
	}

	private static Img<FloatType> create(final int t, final int c, final int n) {
		return new ArrayImgFactory<>(new FloatType()).create(c > 1 ? new long[] { t, t, c, n }
			: new long[] { t, t, n });
	}
}
