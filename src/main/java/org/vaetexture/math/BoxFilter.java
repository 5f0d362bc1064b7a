package org.vaetexture.math;

import java.util.function.IntToDoubleFunction;

/**
 * Mean or sum over a (2r + 1) x (2r + 1) box, "valid" part only: an input of (w + 2r) x (h + 2r)
 * pixels gives w x h outputs, each the mean or sum of the box centred on it. Separable running sums
 * in double, so the cost does not depend on r.
 */
public final class BoxFilter {

	private BoxFilter() {}

	/**
	 * @param in row-major, (w + 2r) x (h + 2r)
	 * @return row-major, w x h
	 */
	public static float[] mean(final float[] in, final int w, final int h, final int r) {
		if (r == 0) return in.clone();
		final double[] sums = sums(i -> in[i], w, h, r);
		final double norm = 1.0 / ((double) (2 * r + 1) * (2 * r + 1));
		final float[] out = new float[w * h];
		for (int i = 0; i < out.length; i++)
			out[i] = (float) (sums[i] * norm);
		return out;
	}

	/**
	 * The sums over the boxes, in double.
	 *
	 * @param in row-major, (w + 2r) x (h + 2r)
	 * @return row-major, w x h
	 */
	public static double[] sums(final double[] in, final int w, final int h, final int r) {
		return sums(i -> in[i], w, h, r);
	}

	/** The sums over the boxes of the values {@code in} gives by row-major index. */
	private static double[] sums(final IntToDoubleFunction in, final int w, final int h,
		final int r)
	{
		final int iw = w + 2 * r, ih = h + 2 * r, k = 2 * r + 1;
		final double[] rows = new double[w * ih];
		for (int y = 0; y < ih; y++) {
			double s = 0;
			final int o = y * iw;
			for (int x = 0; x < k; x++)
				s += in.applyAsDouble(o + x);
			rows[y * w] = s;
			for (int x = 1; x < w; x++) {
				s += in.applyAsDouble(o + x + k - 1) - in.applyAsDouble(o + x - 1);
				rows[y * w + x] = s;
			}
		}
		// the vertical pass row by row (a running sum per column), in the order a column-by-column
		// pass would add, so the same values, read and written in memory order
		final double[] out = new double[w * h];
		final double[] columns = new double[w];
		for (int y = 0; y < k; y++)
			for (int x = 0; x < w; x++)
				columns[x] += rows[y * w + x];
		System.arraycopy(columns, 0, out, 0, w);
		for (int y = 1; y < h; y++) {
			final int add = (y + k - 1) * w, remove = (y - 1) * w, o = y * w;
			for (int x = 0; x < w; x++) {
				columns[x] += rows[add + x] - rows[remove + x];
				out[o + x] = columns[x];
			}
		}
		return out;
	}
}
