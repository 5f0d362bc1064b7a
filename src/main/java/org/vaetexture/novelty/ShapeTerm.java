package org.vaetexture.novelty;

import org.vaetexture.dense.DenseCodes;
import org.vaetexture.model.ShapeStatistics;

/**
 * The grey-level shape term of the novelty score: per channel, the {@link LocalSkewness} of the
 * normalized input over a (2R + 1)^2 box, whitened by the training Gaussian of {@link
 * ShapeStatistics}, u = W (g - m), and scored 1/2 |u|^2 times the statistics' weight. It sees what
 * the encoder's descriptor barely does: a change of the local histogram's shape that keeps its
 * mean and spread (a power law of the grey levels, an inverted contrast).
 */
final class ShapeTerm {

	private ShapeTerm() {}

	/**
	 * The per-channel skewness of the w x h pixels that lie {@code inset} pixels inside the codes'
	 * rectangle.
	 *
	 * @return [C][w h]
	 * @throws IllegalStateException if the codes do not hold the input the box needs
	 */
	static float[][] features(final DenseCodes codes, final int inset, final int w, final int h,
		final int r)
	{
		final int m = codes.inputMargin(), from = m + inset - r;
		if (from < 0) throw new IllegalStateException("the dense codes hold " + m +
			" input pixels around them, fewer than a shape radius of " + r + " needs");
		final int stride = codes.width() + 2 * m, channels = codes.inputChannels();
		final float[][] g = new float[channels][];
		for (int c = 0; c < channels; c++)
			g[c] = LocalSkewness.compute(codes.input(c), stride, from, from, w, h, r);
		return g;
	}

	/** The weighted score 1/2 |W (g - m)|^2 of every pixel of per-channel features [C][n]. */
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
