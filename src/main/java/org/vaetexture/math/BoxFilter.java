package org.vaetexture.math;

/**
 * Mean over a (2r + 1) x (2r + 1) box, "valid" part only: an input of (w + 2r) x (h + 2r) pixels
 * gives w x h outputs, each the mean of the box centred on it. Separable running sums, so the cost
 * does not depend on r.
 */
public final class BoxFilter {

	private BoxFilter() {}

	/**
	 * @param in row-major, (w + 2r) x (h + 2r)
	 * @return row-major, w x h
	 */
	public static float[] mean(final float[] in, final int w, final int h, final int r) {
		if (r == 0) return in.clone();
		final int iw = w + 2 * r, ih = h + 2 * r, k = 2 * r + 1;
		final double[] rows = new double[w * ih];
		for (int y = 0; y < ih; y++) {
			double s = 0;
			final int o = y * iw;
			for (int x = 0; x < k; x++)
				s += in[o + x];
			rows[y * w] = s;
			for (int x = 1; x < w; x++) {
				s += in[o + x + k - 1] - in[o + x - 1];
				rows[y * w + x] = s;
			}
		}
		// the vertical pass row by row (a running sum per column), in the order a column-by-column
		// pass would add, so the same values, read and written in memory order
		final float[] out = new float[w * h];
		final double norm = 1.0 / ((double) k * k);
		final double[] columns = new double[w];
		for (int y = 0; y < k; y++)
			for (int x = 0; x < w; x++)
				columns[x] += rows[y * w + x];
		for (int x = 0; x < w; x++)
			out[x] = (float) (columns[x] * norm);
		for (int y = 1; y < h; y++) {
			final int add = (y + k - 1) * w, remove = (y - 1) * w, o = y * w;
			for (int x = 0; x < w; x++) {
				columns[x] += rows[add + x] - rows[remove + x];
				out[o + x] = (float) (columns[x] * norm);
			}
		}
		return out;
	}
}
