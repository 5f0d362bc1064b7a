package org.vaetexture.novelty;

import org.vaetexture.dense.DenseCodes;
import org.vaetexture.model.ShapeStatistics;

/**
 * The novelty score's terms of local grey-level statistics over large boxes, per channel of the
 * normalized input: the grey-level shape, the {@link LocalSkewness} over a (2R + 1)^2 box, and
 * (model format 6) the detail orientation, the {@link LocalOrientation} over a (2R - 1)^2 box, R
 * the shape's radius ({@link ShapeStatistics#radius}). Each
 * is whitened by its training Gaussian ({@link ShapeStatistics}), u = W (g - m), and scored 1/2
 * |u|^2 times that Gaussian's weight. They see what the encoder's descriptor, pooled over a smaller
 * box, barely does: a remapping of the grey levels that keeps their local mean and spread (a power
 * law, an inverted contrast), and a turn of texture whose direction lies in its finest detail.
 */
final class ShapeTerm {

	private ShapeTerm() {}

	/**
	 * The per-channel skewness of the w x h pixels that lie {@code inset} pixels inside the codes'
	 * rectangle, over boxes of radius r.
	 *
	 * @return [C][w h]
	 * @throws IllegalStateException if the codes do not hold the input the box needs
	 */
	static float[][] skewness(final DenseCodes codes, final int inset, final int w, final int h,
		final int r)
	{
		final int from = firstInput(codes, inset, r, 0);
		final int stride = codes.width() + 2 * codes.inputMargin();
		final float[][] g = new float[codes.inputChannels()][];
		for (int c = 0; c < g.length; c++)
			g[c] = LocalSkewness.compute(codes.input(c), stride, from, from, w, h, r);
		return g;
	}

	/**
	 * The per-channel detail orientation of the same pixels, over boxes of radius r (the steps read
	 * one pixel beyond them).
	 *
	 * @return [C {@value LocalOrientation#VALUES}][w h], channel c's values at rows c {@value
	 *         LocalOrientation#VALUES} and after
	 * @throws IllegalStateException if the codes do not hold the input the box needs
	 */
	static float[][] orientation(final DenseCodes codes, final int inset, final int w, final int h,
		final int r)
	{
		final int from = firstInput(codes, inset, r, 1);
		final int stride = codes.width() + 2 * codes.inputMargin();
		final int k = LocalOrientation.VALUES;
		final float[][] g = new float[codes.inputChannels() * k][];
		for (int c = 0; c < codes.inputChannels(); c++)
			System.arraycopy(LocalOrientation.compute(codes.input(c), stride, from, from, w, h, r), 0, g,
				c * k, k);
		return g;
	}

	/** Offset in the codes' input plane of the first box's first pixel; {@code extra} more are read. */
	private static int firstInput(final DenseCodes codes, final int inset, final int r,
		final int extra)
	{
		final int m = codes.inputMargin(), from = m + inset - r;
		if (from < extra) throw new IllegalStateException("the dense codes hold " + m +
			" input pixels around them, fewer than a box of radius " + (r + extra) + " needs");
		return from;
	}

	/** The weighted score 1/2 |W (g - m)|^2 of every pixel of features [dimension][n]. */
	static float[] score(final float[][] g, final ShapeStatistics shape) {
		final int c = g.length, n = g[0].length;
		final float[] mean = shape.mean(), w = shape.whitening();
		final double half = 0.5 * shape.weight();
		final float[] out = new float[n];
		final double[] centred = new double[c];
		for (int i = 0; i < n; i++) {
			for (int a = 0; a < c; a++)
				centred[a] = g[a][i] - mean[a];
			double sum = 0;
			for (int a = 0; a < c; a++) {
				double u = 0;
				for (int b = 0; b <= a; b++)
					u += w[a * c + b] * centred[b];
				sum += u * u;
			}
			out[i] = (float) (half * sum);
		}
		return out;
	}
}
