package org.vaetexture.novelty;

import org.vaetexture.math.BoxFilter;
import org.vaetexture.model.ShapeStatistics;

/**
 * Which way the finest detail runs in a (2r + 1)^2 box around each pixel: for grey-level steps of
 * one pixel (x(i + 1) - x(i)) and of two (x(i + 1) - x(i - 1)), the log ratio of the mean squared
 * step along x to the mean squared step along y over the steps at the box's pixels, log((E_x +
 * epsilon) / (E_y + epsilon)). The steps of two pixels are centred on the box's pixels; those of
 * one start there, so they reach one pixel beyond the box to the right and below (half a pixel off
 * centre). Texture turned by 90 degrees changes the sign of both; a texture whose only preferred
 * direction lies in its finest detail (a camera's or a scanner's anisotropy) keeps it there, where
 * the encoder's descriptor, pooled over a smaller box, sees it through too much noise. Box sums in
 * double, so a pixel's value depends on the block it was computed in only by double rounding.
 */
final class LocalOrientation {

	/** Values per channel: the ratios at steps of one and of two pixels. */
	static final int VALUES = ShapeStatistics.ORIENTATION_VALUES;
	/** Added to both mean squared steps, in normalized units squared, so flat regions give about 0. */
	private static final double EPSILON = 1e-4;

	private LocalOrientation() {}

	/**
	 * @param in row-major plane of width {@code stride}; the box of output pixel (x, y) is centred on
	 *          in[(y + y0 + r) stride + x + x0 + r], and the steps read one pixel beyond the boxes on
	 *          every side (x0, y0 >= 1; the steps of two pixels to the left and above, both to the
	 *          right and below)
	 * @return [{@value #VALUES}][w h], row-major: the ratio at steps of one pixel, then of two
	 */
	static float[][] compute(final float[] in, final int stride, final int x0, final int y0,
		final int w, final int h, final int r)
	{
		if (x0 < 1 || y0 < 1) throw new IllegalArgumentException("the steps need one more pixel");
		final int iw = w + 2 * r, ih = h + 2 * r, n = iw * ih;
		final double[] x1 = new double[n], y1 = new double[n], x2 = new double[n], y2 = new double[n];
		for (int y = 0; y < ih; y++)
			for (int x = 0; x < iw; x++) {
				final int o = (y + y0) * stride + x + x0, i = y * iw + x;
				final double v = in[o], right = in[o + 1], below = in[o + stride];
				final double oneX = right - v, oneY = below - v;
				final double twoX = right - in[o - 1], twoY = below - in[o - stride];
				x1[i] = oneX * oneX;
				y1[i] = oneY * oneY;
				x2[i] = twoX * twoX;
				y2[i] = twoY * twoY;
			}
		final double count = (double) (2 * r + 1) * (2 * r + 1);
		return new float[][] { logRatio(BoxFilter.sums(x1, w, h, r), BoxFilter.sums(y1, w, h, r), count),
			logRatio(BoxFilter.sums(x2, w, h, r), BoxFilter.sums(y2, w, h, r), count) };
	}

	private static float[] logRatio(final double[] alongX, final double[] alongY, final double count) {
		final float[] out = new float[alongX.length];
		for (int i = 0; i < out.length; i++)
			out[i] = (float) Math.log((alongX[i] / count + EPSILON) / (alongY[i] / count + EPSILON));
		return out;
	}
}
