package org.vaetexture.model;

import java.util.Map;

/**
 * The encoder of {@link VaeNetwork} written out as plain loops, straight from its definition: the
 * independent reference the SameDiff graph (and later the dense maps) are tested against.
 */
final class ReferenceEncoder {

	private final VaeConfig c;
	private final Map<String, float[]> w;

	ReferenceEncoder(final VaeConfig config, final Map<String, float[]> weights) {
		this.c = config;
		this.w = weights;
	}

	/** {mu, logvar} of one tile laid out [C][T][T]. */
	double[][] encode(final float[] tile) {
		final double[] h1 = conv(tile, c.channels(), c.tileSize(), w.get("enc1_w"), w.get("enc1_b"),
			c.filters1(), c.size1());
		final double[] h2 = conv(toFloat(h1), c.filters1(), c.size1(), w.get("enc2_w"), w.get("enc2_b"),
			c.filters2(), c.size2());
		return new double[][] { dense(h2, w.get("mu_w"), w.get("mu_b")), dense(h2, w.get("logvar_w"), w
			.get("logvar_b")) };
	}

	/** 3x3 stride-2 VALID convolution and ReLU; kernel [3][3][in][out], maps [ch][y][x]. */
	private static double[] conv(final float[] in, final int inC, final int inSize,
		final float[] kernel, final float[] bias, final int outC, final int outSize)
	{
		final double[] out = new double[outC * outSize * outSize];
		for (int o = 0; o < outC; o++)
			for (int y = 0; y < outSize; y++)
				for (int x = 0; x < outSize; x++) {
					double s = bias[o];
					for (int ky = 0; ky < 3; ky++)
						for (int kx = 0; kx < 3; kx++)
							for (int i = 0; i < inC; i++)
								s += kernel[((ky * 3 + kx) * inC + i) * outC + o] * in[(i * inSize + 2 * y + ky) *
									inSize + 2 * x + kx];
					out[(o * outSize + y) * outSize + x] = Math.max(0, s);
				}
		return out;
	}

	private double[] dense(final double[] flat, final float[] weights, final float[] bias) {
		final int l = c.latentDim();
		final double[] out = new double[l];
		for (int j = 0; j < l; j++) {
			double s = bias[j];
			for (int k = 0; k < flat.length; k++)
				s += flat[k] * weights[k * l + j];
			out[j] = s;
		}
		return out;
	}

	private static float[] toFloat(final double[] d) {
		final float[] f = new float[d.length];
		for (int i = 0; i < d.length; i++)
			f[i] = (float) d[i];
		return f;
	}
}
