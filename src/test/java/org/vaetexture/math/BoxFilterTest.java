package org.vaetexture.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The box filter is the mean over the (2r + 1)^2 box, computed the slow way here. */
class BoxFilterTest {

	@Test
	void eachOutputIsTheMeanOfItsBox() {
		final Random random = new Random(4);
		for (final int r : new int[] { 0, 1, 3, 7 }) {
			final int w = 23, h = 17, iw = w + 2 * r, ih = h + 2 * r;
			final float[] in = new float[iw * ih];
			for (int i = 0; i < in.length; i++)
				in[i] = (float) (100 * random.nextGaussian());
			final float[] out = BoxFilter.mean(in, w, h, r);
			assertEquals(w * h, out.length);
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					double sum = 0;
					for (int dy = 0; dy <= 2 * r; dy++)
						for (int dx = 0; dx <= 2 * r; dx++)
							sum += in[(y + dy) * iw + x + dx];
					assertEquals(sum / ((2 * r + 1) * (2 * r + 1)), out[y * w + x], 1e-3, "r " + r + " at " +
						x + ", " + y);
				}
		}
	}
}
