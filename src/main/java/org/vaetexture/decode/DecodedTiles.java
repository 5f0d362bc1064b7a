package org.vaetexture.decode;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;

/** Latent codes decoded into tiles in image units, as [N][C * T * T] (channel, row, column). */
final class DecodedTiles {

	private DecodedTiles() {}

	/** @param z row-major [N][latent] */
	static float[][] decode(final VaeModel model, final float[][] z) {
		try (INDArray codes = Nd4j.createFromArray(z)) {
			return decode(model, codes);
		}
	}

	/** @param z [N, latent] */
	static float[][] decode(final VaeModel model, final INDArray z) {
		final VaeConfig c = model.config();
		final int n = (int) z.size(0), length = c.channels() * c.tileSize() * c.tileSize();
		final int plane = c.tileSize() * c.tileSize();
		final float[] decoded = model.network().decode(z).dup('c').data().asFloat();
		final float[][] tiles = new float[n][length];
		for (int i = 0; i < n; i++)
			for (int k = 0; k < length; k++)
				tiles[i][k] = model.normalization().invert(decoded[i * length + k], k / plane);
		return tiles;
	}
}
