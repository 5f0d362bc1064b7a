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
}
