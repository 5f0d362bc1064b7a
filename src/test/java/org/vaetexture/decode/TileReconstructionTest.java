package org.vaetexture.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;

import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaetexture.TestImages;
import org.vaetexture.TinyModels;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeModel;
import org.vaetexture.train.TileSampler;

/** Tiles beside their reconstructions. */
class TileReconstructionTest {

	@Test
	void theRightColumnIsTheDecodedMeanOfTheLeft() {
		final TextureImage gravel = TestImages.open("gravel.tif");
		final VaeModel model = TinyModels.train(gravel, 3);
		final Img<FloatType> montage = TileReconstruction.montage(model, gravel, 3, 5);
		assertArrayEquals(new long[] { 16, 24 }, montage.dimensionsAsLongArray());
		final float[] tiles = new float[3 * 64];
		new TileSampler(List.of(gravel), 8, model.normalization(), 5).fill(tiles, 3);
		final float[][] expected;
		try (INDArray in = Nd4j.create(tiles, new long[] { 3, 1, 8, 8 }, 'c')) {
			expected = DecodedTiles.decode(model, model.network().encode(in)[0]);
		}
		final RandomAccess<FloatType> ra = montage.randomAccess();
		for (int row = 0; row < 3; row++) {
			final float[] left = new float[64], right = new float[64];
			for (int y = 0; y < 8; y++)
				for (int x = 0; x < 8; x++) {
					ra.setPosition(new long[] { x, row * 8 + y });
					left[y * 8 + x] = ra.get().get();
					ra.setPosition(new long[] { 8 + x, row * 8 + y });
					right[y * 8 + x] = ra.get().get();
				}
			final float[] original = new float[64];
			for (int k = 0; k < 64; k++)
				original[k] = model.normalization().invert(tiles[row * 64 + k], 0);
			assertArrayEquals(original, left, 1e-3f);
			assertArrayEquals(expected[row], right, 1e-4f);
		}
	}
}
