package org.vaetexture.novelty;

/**
 * The skewness of the grey levels in a (2R + 1)^2 box around each pixel, m3 / (m2 + epsilon)^(3/2)
 * with m2 and m3 the box's second and third central moments: the shape of the local histogram,
 * which neither its mean nor its spread describe (a power law or an inverted contrast changes it
 * and keeps both). Moments come from running sums of x, x^2 and x^3 in double, so a pixel's value
 * depends on the block it was computed in only by double rounding.
 */
final class LocalSkewness {

	/** Added to the variance, in normalized units squared, so flat regions have skewness near 0. */
	private static final double EPSILON = 1e-4;

	private LocalSkewness() {}

	/**
	 * @param in row-major plane of width {@code stride}; the box of output pixel (x, y) is centred on
	 *          in[(y + y0 + r) stride + x + x0 + r]
	 * @return row-major, w x h
	 */
	static float[] compute(final float[] in, final int stride, final int x0, final int y0,
		final int w, final int h, final int r)
	{
		final int k = 2 * r + 1, ih = h + 2 * r;
		// horizontal sums of the three powers over each row's boxes, then running sums down columns
		final double[][] rows = new double[3][w * ih];
		for (int y = 0; y < ih; y++) {
			final int o = (y + y0) * stride + x0;
			double s1 = 0, s2 = 0, s3 = 0;
			for (int x = 0; x < k; x++) {
				final double v = in[o + x];
				s1 += v;
				s2 += v * v;
				s3 += v * v * v;
			}
			for (int x = 0; ; x++) {
				rows[0][y * w + x] = s1;
				rows[1][y * w + x] = s2;
				rows[2][y * w + x] = s3;
				if (x == w - 1) break;
				final double add = in[o + x + k], remove = in[o + x];
				s1 += add - remove;
				s2 += add * add - remove * remove;
				s3 += add * add * add - remove * remove * remove;
			}
		}
		final float[] out = new float[w * h];
		final double[] c1 = new double[w], c2 = new double[w], c3 = new double[w];
		final double n = (double) k * k;
		for (int y = 0; y < k; y++)
			for (int x = 0; x < w; x++) {
				c1[x] += rows[0][y * w + x];
				c2[x] += rows[1][y * w + x];
				c3[x] += rows[2][y * w + x];
			}
		for (int y = 0; ; y++) {
			for (int x = 0; x < w; x++) {
				final double mean = c1[x] / n, m2 = Math.max(0, c2[x] / n - mean * mean);
				final double m3 = c3[x] / n - 3 * mean * (c2[x] / n) + 2 * mean * mean * mean;
				out[y * w + x] = (float) (m3 / Math.pow(m2 + EPSILON, 1.5));
			}
			if (y == h - 1) break;
			final int add = (y + k) * w, remove = y * w;
			for (int x = 0; x < w; x++) {
				c1[x] += rows[0][add + x] - rows[0][remove + x];
				c2[x] += rows[1][add + x] - rows[1][remove + x];
				c3[x] += rows[2][add + x] - rows[2][remove + x];
			}
		}
		return out;
	}
}
