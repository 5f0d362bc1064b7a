package org.vaetexture.decode;

import java.util.List;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaetexture.VaeTextureException;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.train.TileSampler;

/**
 * Tiles of an image next to the VAE's reconstructions of them: {@code count} tiles drawn at random
 * (seeded, as for training), each encoded (mu) and decoded. A montage of {@code count} rows and two
 * columns, the tile on the left and its reconstruction on the right, in image units:
 * (2 T) x (count T)[ x C].
 */
public final class TileReconstruction {

	private TileReconstruction() {}

	public static Img<FloatType> montage(final VaeModel model, final TextureImage image,
		final int count, final long seed)
	{
		if (count < 1 || count > 1000) throw new VaeTextureException(
			"tile count must be from 1 to 1000, got " + count);
		final VaeConfig c = model.config();
		final int t = c.tileSize(), length = c.channels() * t * t;
		final float[] tiles = new float[count * length];
		new TileSampler(List.of(image), t, model.normalization(), seed).fill(tiles, count);
		final float[][] decoded;
		try (INDArray in = Nd4j.create(tiles, new long[] { count, c.channels(), t, t }, 'c')) {
			decoded = DecodedTiles.decode(model, model.network().encode(in)[0]);
		}
		final float[][] pairs = new float[2 * count][length];
		for (int i = 0; i < count; i++) {
			for (int k = 0; k < length; k++)
				pairs[2 * i][k] = model.normalization().invert(tiles[i * length + k], k / (t * t));
			pairs[2 * i + 1] = decoded[i];
		}
		return TileMontage.of(pairs, count, 2, t, c.channels());
	}
}
