package org.vaetexture.novelty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LocalSkewnessTest {

	/** The definition, in double, for the box of radius r centred on (cx, cy) of a stride-wide plane. */
	private static double skewness(final float[] in, final int stride, final int cx, final int cy,
		final int r)
	{
		final int n = (2 * r + 1) * (2 * r + 1);
		double mean = 0;
		for (int y = cy - r; y <= cy + r; y++)
			for (int x = cx - r; x <= cx + r; x++)
				mean += in[y * stride + x];
		mean /= n;
		double m2 = 0, m3 = 0;
		for (int y = cy - r; y <= cy + r; y++)
			for (int x = cx - r; x <= cx + r; x++) {
				final double d = in[y * stride + x] - mean;
				m2 += d * d;
				m3 += d * d * d;
			}
		return m3 / n / Math.pow(m2 / n + 1e-4, 1.5);
	}

	@Test
	void equalsTheDefinitionAtEveryPixel() {
		// exponential grey levels (skewed) offset from 0, so the moments' cancellation is exercised
		final int stride = 61, rows = 47, r = 5, x0 = 3, y0 = 2, w = stride - 2 * r - x0 - 4;
		final int h = rows - 2 * r - y0 - 1;
		final Random random = new Random(3);
		final float[] in = new float[stride * rows];
		for (int i = 0; i < in.length; i++)
			in[i] = (float) (2 - Math.log(1 - random.nextDouble()));
		final float[] out = LocalSkewness.compute(in, stride, x0, y0, w, h, r);
		assertEquals(w * h, out.length);
		double largest = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double expected = skewness(in, stride, x + x0 + r, y + y0 + r, r);
				largest = Math.max(largest, Math.abs(expected));
				assertEquals(expected, out[y * w + x], 1e-5 * Math.max(1, Math.abs(expected)), x + ", " + y);
			}
		assertTrue(largest > 0.5, "exponential grey levels are skewed: " + largest);
	}

	@Test
	void flatAndSymmetricBoxesHaveNone() {
		final float[] flat = new float[20 * 20];
		Arrays.fill(flat, 7.5f);
		for (final float v : LocalSkewness.compute(flat, 20, 0, 0, 10, 10, 5))
			assertEquals(0, v, 0.0);
		// a box holding two grey levels in equal numbers, one on each side of the mean
		final float[] checker = new float[9 * 9];
		for (int i = 0; i < checker.length; i++)
			checker[i] = i % 2 == 0 ? 1 : -1;
		final float[] one = LocalSkewness.compute(checker, 9, 0, 0, 1, 1, 4);
		// 41 of one level and 40 of the other: the only asymmetry is that one pixel
		assertEquals(skewness(checker, 9, 4, 4, 4), one[0], 1e-6);
		assertTrue(Math.abs(one[0]) < 0.05, "nearly symmetric: " + one[0]);
	}
}
