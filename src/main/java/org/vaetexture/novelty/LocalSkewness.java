package org.vaetexture.novelty;

import org.vaetexture.math.BoxFilter;

/**
 * The skewness of the grey levels in a (2R + 1)^2 box around each pixel, m3 / (m2 + epsilon)^(3/2)
 * with m2 and m3 the box's second and third central moments: the shape of the local histogram,
 * which neither its mean nor its spread describe (a power law or an inverted contrast changes it
 * and keeps both). Moments come from box sums of x, x^2 and x^3 in double, so a pixel's value
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
		final int iw = w + 2 * r, ih = h + 2 * r;
		final double[] x1 = new double[iw * ih], x2 = new double[x1.length], x3 = new double[x1.length];
		for (int y = 0; y < ih; y++)
			for (int x = 0; x < iw; x++) {
				final double v = in[(y + y0) * stride + x + x0];
				x1[y * iw + x] = v;
				x2[y * iw + x] = v * v;
				x3[y * iw + x] = v * v * v;
			}
		final double[] s1 = BoxFilter.sums(x1, w, h, r), s2 = BoxFilter.sums(x2, w, h, r);
		final double[] s3 = BoxFilter.sums(x3, w, h, r);
		final double n = (double) (2 * r + 1) * (2 * r + 1);
		final float[] out = new float[w * h];
		for (int i = 0; i < out.length; i++) {
			final double mean = s1[i] / n, m2 = Math.max(0, s2[i] / n - mean * mean);
			final double m3 = s3[i] / n - 3 * mean * (s2[i] / n) + 2 * mean * mean * mean;
			out[i] = (float) (m3 / Math.pow(m2 + EPSILON, 1.5));
		}
		return out;
	}
}
