package org.vaetexture.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import ij.ImagePlus;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.Test;
import org.vaetexture.TestImages;
import org.vaetexture.model.Normalization;

class NormalizationEstimatorTest {

	@Test
	void medianAndPercentileSpread() {
		final float[] pixels = new float[1001];
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = i;
		final Normalization n = NormalizationEstimator.estimate(List.of(TestImages.wrap(new ImagePlus(
			"ramp", new FloatProcessor(1001, 1, pixels)))));
		assertEquals(500, n.center(0), 1e-6);
		assertEquals((990 - 10) / 4.6527, n.scale(0), 1e-3);
	}

	@Test
	void outliersDoNotSetTheScale() {
		final float[] pixels = new float[1000];
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = i % 2;
		pixels[0] = 1e9f;
		final Normalization n = NormalizationEstimator.estimate(List.of(TestImages.wrap(new ImagePlus(
			"spike", new FloatProcessor(1000, 1, pixels)))));
		assertEquals(1 / 4.6527, n.scale(0), 1e-6);
	}

	/**
	 * A large image sampled one pixel in k: with k a multiple of the width every sample came from the
	 * same columns. Here the left column of a 3-pixel-wide image of 3 x 2^20 pixels is 0 and the
	 * other two 100 to 200: a stride of 3 saw only zeros (centre 0), one coprime to the width sees
	 * all three (a third zeros, so the median is a quarter into 100 to 200).
	 */
	@Test
	void aSubsampleTakesEveryColumn() {
		final int h = 1 << 20;
		final float[] pixels = new float[3 * h];
		final java.util.Random random = new java.util.Random(1);
		for (int y = 0; y < h; y++)
			for (int x = 1; x < 3; x++)
				pixels[3 * y + x] = 100 + 100 * random.nextFloat();
		final Normalization n = NormalizationEstimator.estimate(List.of(TestImages.wrap(new ImagePlus(
			"three columns", new FloatProcessor(3, h, pixels)))));
		assertEquals(125, n.center(0), 2);
	}
}
