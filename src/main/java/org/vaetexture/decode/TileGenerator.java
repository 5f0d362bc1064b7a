package org.vaetexture.decode;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.vaetexture.VaeTextureException;
import org.vaetexture.image.TileStacks;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.train.GaussianNoise;

/**
 * What the normal texture looks like to the model: tiles decoded from z ~ N(0, I) (seeded), in
 * image units, as a T x T [x C] x N stack.
 */
public final class TileGenerator {

	private TileGenerator() {}

	public static Img<FloatType> generate(final VaeModel model, final int count, final long seed) {
		if (count < 1 || count > 10_000) throw new VaeTextureException(
			"tile count must be from 1 to 10000, got " + count);
		final VaeConfig c = model.config();
		TileStacks.requireSize(count, c.tileSize(), c.channels());
		final float[][] decoded = DecodedTiles.decode(model, new GaussianNoise(seed, c.latentDim())
			.next(count));
		final int t = c.tileSize(), ch = c.channels();
		final long[] dims = ch > 1 ? new long[] { t, t, ch, count } : new long[] { t, t, count };
		final Img<FloatType> tiles = new ArrayImgFactory<>(new FloatType()).create(dims);
		// each decoded tile is [C][T][T]; the image iterates X fastest, then Y, (C,) N: the same order
		int i = 0;
		final int length = ch * t * t;
		for (final FloatType v : Views.flatIterable(tiles)) {
			v.set(decoded[i / length][i % length]);
			i++;
		}
		return tiles;
	}
}
