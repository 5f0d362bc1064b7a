package org.vaetexture.novelty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class LocalOrientationTest {

	/** log((E_x + 1e-4) / (E_y + 1e-4)) over the box of radius r centred on (cx, cy), in double. */
	private static double ratio(final float[] in, final int stride, final int cx, final int cy,
		final int r, final int step)
	{
		double alongX = 0, alongY = 0;
		for (int y = cy - r; y <= cy + r; y++)
			for (int x = cx - r; x <= cx + r; x++) {
				final int i = y * stride + x, back = step == 1 ? 0 : 1;
				final double dx = in[i + 1] - in[i - back], dy = in[i + stride] - in[i - back * stride];
				alongX += dx * dx;
				alongY += dy * dy;
			}
		final int n = (2 * r + 1) * (2 * r + 1);
		return Math.log((alongX / n + 1e-4) / (alongY / n + 1e-4));
	}

	/** Noise smoothed along x, so the steps along y are larger: ratios well below 0. */
	private static float[] streaks(final int stride, final int rows, final long seed) {
		final Random random = new Random(seed);
		final float[] in = new float[stride * rows];
		for (int y = 0; y < rows; y++) {
			float previous = 0;
			for (int x = 0; x < stride; x++)
				in[y * stride + x] = previous = (float) (0.7 * previous + random.nextGaussian());
		}
		return in;
	}

	@Test
	void equalsTheDefinitionAtEveryPixel() {
		final int stride = 53, rows = 41, r = 4, x0 = 2, y0 = 1, w = stride - 2 * r - x0 - 3;
		final int h = rows - 2 * r - y0 - 1;
		final float[] in = streaks(stride, rows, 3);
		final float[][] out = LocalOrientation.compute(in, stride, x0, y0, w, h, r);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				for (int step = 1; step <= 2; step++) {
					final double expected = ratio(in, stride, x + x0 + r, y + y0 + r, r, step);
					assertEquals(expected, out[step - 1][y * w + x], 1e-5 * Math.max(1, Math.abs(expected)),
						"step " + step + " at " + x + ", " + y);
				}
	}

	/** Texture turned by 90 degrees (transposed) has the same ratios with the opposite sign. */
	@Test
	void aTurnedPlaneNegatesBothRatios() {
		final int side = 40, r = 6, w = side - 2 * r - 2;
		final float[] in = streaks(side, side, 5), turned = new float[in.length];
		for (int y = 0; y < side; y++)
			for (int x = 0; x < side; x++)
				turned[x * side + y] = in[y * side + x];
		final float[][] a = LocalOrientation.compute(in, side, 1, 1, w, w, r);
		final float[][] b = LocalOrientation.compute(turned, side, 1, 1, w, w, r);
		for (int step = 0; step < 2; step++)
			for (int y = 0; y < w; y++)
				for (int x = 0; x < w; x++) {
					final float v = a[step][y * w + x];
					assertEquals(-v, b[step][x * w + y], 1e-5 * Math.max(1, Math.abs(v)));
					if (step == 0 && v > -0.5) throw new AssertionError("streaks along x: " + v);
				}
	}
}
