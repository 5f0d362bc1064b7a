package org.vaetexture.novelty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The neighbours' sample depends on the pixels, not on the blocks they come in. */
class NeighbourSampleTest {

	private static final int D = 3, W = 40, H = 30, K = 50;

	@Test
	void blocksOfAnySizeAndOrderGiveTheSameSample() {
		final float[][] image = new float[D][W * H];
		final Random random = new Random(9);
		for (final float[] channel : image)
			for (int i = 0; i < channel.length; i++)
				channel[i] = (float) random.nextGaussian();
		final float[] mean = { 0.5f, -1, 2 }, whitening = { 1, 0, 0, 0.5f, 2, 0, -1, 0.25f, 3 };
		final NeighbourSample whole = new NeighbourSample(K);
		whole.offer(image, 0, 0, 0, 0, W, H, y -> true);
		// the same pixels in 7 x 4 blocks, last block first
		final NeighbourSample blocks = new NeighbourSample(K);
		for (int y0 = H - 1 - (H - 1) % 4; y0 >= 0; y0 -= 4)
			for (int x0 = W - 1 - (W - 1) % 7; x0 >= 0; x0 -= 7) {
				final int w = Math.min(7, W - x0), h = Math.min(4, H - y0);
				final float[][] block = new float[D][w * h];
				for (int a = 0; a < D; a++)
					for (int y = 0; y < h; y++)
						System.arraycopy(image[a], (y0 + y) * W + x0, block[a], y * w, w);
				blocks.offer(block, 0, 0, x0, y0, w, h, y -> true);
			}
		final float[] expected = whole.whitened(mean, whitening);
		assertEquals(K * D, expected.length);
		assertArrayEquals(expected, blocks.whitened(mean, whitening));
		// two halves of the rows, joined, are the whole
		final NeighbourSample even = new NeighbourSample(K), odd = new NeighbourSample(K);
		even.offer(image, 0, 0, 0, 0, W, H, y -> y % 2 == 0);
		odd.offer(image, 0, 0, 0, 0, W, H, y -> y % 2 == 1);
		assertArrayEquals(expected, NeighbourSample.union(even, odd).whitened(mean, whitening));
		// another image index draws other pixels
		final NeighbourSample other = new NeighbourSample(K);
		other.offer(image, 1, 0, 0, 0, W, H, y -> true);
		assertFalse(Arrays.equals(expected, other.whitened(mean, whitening)));
	}

	@Test
	void theSampleIsWhitened() {
		final float[][] one = { { 3 }, { 5 } };
		final NeighbourSample sample = new NeighbourSample(4);
		sample.offer(one, 0, 0, 0, 0, 1, 1, y -> true);
		// W (d - m) with W = [[2, 0], [1, 3]], d - m = (1, 2): (2, 7)
		assertArrayEquals(new float[] { 2, 7 }, sample.whitened(new float[] { 2, 3 }, new float[] { 2,
			0, 1, 3 }));
	}
}
