package org.vaetexture.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import ij.ImagePlus;
import ij.process.FloatProcessor;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;
import org.vaetexture.TestImages;
import org.vaetexture.TinyModels;
import org.vaetexture.image.TextureImage;
import org.vaetexture.math.PrincipalComponents;

/** PCA and the RGB overview of the latent feature map. */
class LatentOverviewTest {

	@Test
	void componentsAreOrthonormalAndSortedByVariance() {
		final Random random = new Random(4);
		final float[][] x = new float[4][2000];
		for (int i = 0; i < 2000; i++) {
			final double a = random.nextGaussian() * 5, b = random.nextGaussian() * 2, c = random
				.nextGaussian() * 0.5;
			x[0][i] = (float) (a + b);
			x[1][i] = (float) (a - b);
			x[2][i] = (float) c;
			x[3][i] = (float) (0.1 * random.nextGaussian() + 3);
		}
		final PrincipalComponents pca = PrincipalComponents.fit(x);
		for (int p = 0; p < 4; p++)
			for (int q = 0; q < 4; q++) {
				double dot = 0;
				for (int a = 0; a < 4; a++)
					dot += pca.component(p)[a] * pca.component(q)[a];
				assertEquals(p == q ? 1 : 0, dot, 1e-9);
			}
		for (int k = 1; k < 4; k++)
			assertTrue(pca.variance(k - 1) >= pca.variance(k));
		assertArrayEquals(new double[] { Math.sqrt(0.5), Math.sqrt(0.5), 0, 0 }, pca.component(0), 0.02);
		assertEquals(50, pca.variance(0), 5, "2 * 25");
	}

	@Test
	void twoTexturesGiveTwoColours() {
		final int w = 96, h = 64;
		final float[] pixels = new float[w * h];
		final int[] truth = new int[w * h];
		final Random random = new Random(5);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				truth[y * w + x] = x < w / 2 ? 0 : 1;
				final int stripe = x < w / 2 ? x : y;
				pixels[y * w + x] = (stripe / 2) % 2 * 100 + (float) random.nextGaussian() * 10;
			}
		final TextureImage image = TestImages.wrap(new ImagePlus("stripes", new FloatProcessor(w, h,
			pixels)));
		final Img<ARGBType> rgb = new LatentOverview(TinyModels.train(image, 4), 4).run(image, f -> {},
			() -> false);
		assertArrayEquals(new long[] { w, h }, rgb.dimensionsAsLongArray());
		final double[][] sum = new double[2][3], squares = new double[2][3];
		final int[] count = new int[2];
		int i = 0;
		for (final ARGBType v : Views.flatIterable(rgb)) {
			final int t = truth[i++], c = v.get();
			final int[] channels = { ARGBType.red(c), ARGBType.green(c), ARGBType.blue(c) };
			count[t]++;
			for (int k = 0; k < 3; k++) {
				sum[t][k] += channels[k];
				squares[t][k] += channels[k] * channels[k];
			}
		}
		double between = 0, within = 0;
		for (int k = 0; k < 3; k++) {
			final double m0 = sum[0][k] / count[0], m1 = sum[1][k] / count[1];
			between += (m0 - m1) * (m0 - m1);
			within += squares[0][k] / count[0] - m0 * m0 + squares[1][k] / count[1] - m1 * m1;
		}
		assertTrue(Math.sqrt(between) > Math.sqrt(within / 2), "colour distance " + Math.sqrt(between) +
			" vs spread " + Math.sqrt(within / 2));
	}
}
