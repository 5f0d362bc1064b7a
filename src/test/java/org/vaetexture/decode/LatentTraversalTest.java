package org.vaetexture.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.vaetexture.ErrorAssertions.assertMessage;

import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaetexture.TestImages;
import org.vaetexture.TinyModels;
import org.vaetexture.model.VaeModel;

/** The latent traversal montage of a tiny model trained on gravel. */
class LatentTraversalTest {

	private static final int T = 8, L = 3, STEPS = 5;
	private static VaeModel model;
	private static Img<FloatType> montage;

	@BeforeAll
	static void train() {
		model = TinyModels.train(TestImages.open("gravel.tif"), L);
		montage = LatentTraversal.montage(model, STEPS);
	}

	private static float[] tile(final int row, final int column) {
		final float[] v = new float[T * T];
		final RandomAccess<FloatType> ra = montage.randomAccess();
		for (int y = 0; y < T; y++)
			for (int x = 0; x < T; x++) {
				ra.setPosition(new long[] { column * T + x, row * T + y });
				v[y * T + x] = ra.get().get();
			}
		return v;
	}

	@Test
	void oneRowPerLatentDimensionOneColumnPerStep() {
		assertArrayEquals(new long[] { STEPS * T, L * T }, montage.dimensionsAsLongArray());
	}

	@Test
	void tileOfRowJVariesOnlyZj() {
		final float[] mean = model.latent().mean(), std = model.latent().std();
		for (int j = 0; j < L; j++) {
			final float[] centre = tile(j, STEPS / 2);
			assertArrayEquals(DecodedTiles.decode(model, new float[][] { mean })[0], centre, 1e-5f,
				"the middle column is the training mean");
			final float[] z = mean.clone();
			z[j] += 3 * std[j];
			assertArrayEquals(DecodedTiles.decode(model, new float[][] { z })[0], tile(j, STEPS - 1),
				1e-5f, "the last column is mean_j + 3 std_j");
			assertNotEquals(0, std[j]);
		}
	}

	@Test
	void theSameModelGivesTheSameMontage() {
		final Img<FloatType> again = LatentTraversal.montage(model, STEPS);
		final var a = montage.cursor();
		final var b = again.cursor();
		while (a.hasNext())
			assertEquals(a.next().get(), b.next().get());
	}

	@Test
	void badStepsAndOldModelsAreClearErrors() {
		assertMessage("steps must be from 2 to 101", () -> LatentTraversal.montage(model, 1));
		assertMessage("has no latent statistics", () -> LatentTraversal.montage(new VaeModel(model
			.network(), model.normalization(), model.training(), model.history()), 5));
	}
}
