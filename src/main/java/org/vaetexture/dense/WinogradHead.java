package org.vaetexture.dense;

import java.nio.FloatBuffer;
import java.util.Arrays;

import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The dense map's head, a valid r x r convolution of C channels into K (mu and log-variance), by
 * Winograd's minimal filtering F(m, r) along x: m neighbouring outputs of an r-tap row filter take
 * alpha = m + r - 1 products instead of m r. Each row segment d of alpha inputs is transformed
 * (B<sup>T</sup> d) and each row of the kernel too (G g, once); per transform point, the products
 * summed over channels and kernel rows are an ordinary r x 1 convolution, which oneDNN runs; the m
 * outputs are A<sup>T</sup> times the alpha sums. With r = 7 (32-pixel tiles), alpha = 12 and
 * m = 6: m r / alpha = 3.5 times fewer multiply-adds than the direct 7 x 7 head. The transforms
 * are a few percent of the work and run in Java.
 * <p>
 * The matrices are those of Toom-Cook interpolation at the points {@link #POINTS} and infinity:
 * A<sup>T</sup>[i][j] = a<sub>j</sub><sup>i</sup>; G[j][k] = a<sub>j</sub><sup>k</sup> / prod over
 * l != j of (a<sub>j</sub> - a<sub>l</sub>); row j of B<sup>T</sup> holds the coefficients of prod
 * over l != j of (x - a<sub>l</sub>), its last row those of the product over all l; infinity adds
 * a 1 in the last column of A<sup>T</sup> and the last row of G. With these small points, float
 * rounding stays within a few 1e-5 of the largest output (the tests hold it to the direct
 * convolution and to the per-window encoder).
 */
final class WinogradHead {

	/**
	 * The finite interpolation points: 0, then pairs a, -a, which {@link #transform} relies on;
	 * infinity is the last point.
	 */
	private static final double[] POINTS = { 0, 1, -1, 2, -2, 0.5, -0.5, 1.5, -1.5, 2.0 / 3, -2.0 /
		3 };
	/** Transform points, finite ones and infinity. */
	static final int ALPHA = POINTS.length + 1;

	private final int r, m, channels, outputs;
	private final float[][] bt, at;
	private final float[] bias;
	/** Per transform point, the r x 1 kernel G g of every (row, input, output): [r, 1, C, K]. */
	private final INDArray[] kernels;

	/**
	 * @param weights [r, r, C, K], rows, columns, inputs, outputs (YXIO)
	 * @param bias [K]
	 */
	WinogradHead(final INDArray weights, final INDArray bias) {
		this.r = (int) weights.size(0);
		this.m = outputsPerSegment(r);
		if (!gains(r)) throw new IllegalArgumentException("no Winograd head for a " + r + "-tap kernel");
		this.channels = (int) weights.size(2);
		this.outputs = (int) weights.size(3);
		this.bias = bias.toFloatVector();
		final double[][] g = new double[ALPHA][r], a = new double[m][ALPHA], b = new double[ALPHA][];
		for (int j = 0; j < POINTS.length; j++) {
			double f = 1;
			for (int l = 0; l < POINTS.length; l++)
				if (l != j) f *= POINTS[j] - POINTS[l];
			for (int k = 0; k < r; k++)
				g[j][k] = Math.pow(POINTS[j], k) / f;
			for (int i = 0; i < m; i++)
				a[i][j] = Math.pow(POINTS[j], i);
			b[j] = Arrays.copyOf(coefficients(j), ALPHA);
		}
		g[ALPHA - 1][r - 1] = 1;
		a[m - 1][ALPHA - 1] = 1;
		b[ALPHA - 1] = coefficients(-1);
		bt = toFloat(b);
		at = toFloat(a);
		kernels = new INDArray[ALPHA];
		for (int xi = 0; xi < ALPHA; xi++) {
			// sum over columns u of G[xi][u] W[:, u, :, :] -> [r, 1, C, K]
			final INDArray k = Nd4j.zeros(weights.dataType(), r, 1, channels, outputs);
			for (int u = 0; u < r; u++)
				k.addi(weights.get(NDArrayIndex.all(), NDArrayIndex.interval(u, u + 1), NDArrayIndex.all(),
					NDArrayIndex.all()).mul(g[xi][u]));
			kernels[xi] = k;
		}
	}

	/**
	 * Whether an r-tap kernel gains enough: the direct head takes m r / alpha times the products,
	 * with m = alpha - r + 1; true for 3 to 10 taps.
	 */
	static boolean gains(final int r) {
		return r >= 3 && outputsPerSegment(r) >= 3;
	}

	/** Multiply-adds of the head, as a fraction of the direct convolution's: alpha / (m r). */
	static double workFraction(final int r) {
		return (double) ALPHA / (outputsPerSegment(r) * r);
	}

	private static int outputsPerSegment(final int r) {
		return ALPHA - r + 1;
	}

	/** Coefficients, constant first, of the product of (x - a_l) over all finite l != skip. */
	private static double[] coefficients(final int skip) {
		double[] c = { 1 };
		for (int l = 0; l < POINTS.length; l++) {
			if (l == skip) continue;
			final double[] next = new double[c.length + 1];
			for (int i = 0; i < c.length; i++) {
				next[i + 1] += c[i];
				next[i] -= POINTS[l] * c[i];
			}
			c = next;
		}
		return c;
	}

	private static float[][] toFloat(final double[][] a) {
		final float[][] f = new float[a.length][a[0].length];
		for (int i = 0; i < a.length; i++)
			for (int j = 0; j < a[i].length; j++)
				f[i][j] = (float) a[i][j];
		return f;
	}

	/** Outputs per row segment. */
	int m() {
		return m;
	}

	/**
	 * The intermediate arrays are not closed: call inside a workspace scope, which frees them all
	 * (see {@link DenseEncoder}).
	 *
	 * @param input [B, P, Q, C], NHWC, dense, with Q - r + 1 a multiple of {@link #m()}
	 * @return [B, P - r + 1, Q - r + 1, K], NHWC, the valid convolution plus bias
	 */
	INDArray apply(final INDArray input) {
		final int batch = (int) input.size(0), p = (int) input.size(1), q = (int) input.size(2);
		final int outH = p - r + 1, outW = q - r + 1, segments = outW / m;
		if (outW % m != 0) throw new IllegalArgumentException("output width " + outW +
			" is not a multiple of " + m);
		final INDArray[] transformed = transformInput(input, batch, p, q, segments);
		final INDArray[] products = new INDArray[ALPHA];
		for (int xi = 0; xi < ALPHA; xi++)
			products[xi] = Nd4j.cnn().conv2d(transformed[xi], kernels[xi], column(r));
		return transformOutput(products, batch, outH, segments);
	}

	/** B<sup>T</sup> d for every row segment d of every channel: per point, [B, P, segments, C]. */
	private INDArray[] transformInput(final INDArray input, final int batch, final int p,
		final int q, final int segments)
	{
		final FloatBuffer in = NativeArrays.values(input).duplicate();
		final INDArray[] v = new INDArray[ALPHA];
		final FloatBuffer[] out = new FloatBuffer[ALPHA];
		for (int xi = 0; xi < ALPHA; xi++) {
			v[xi] = Nd4j.createUninitialized(input.dataType(), batch, p, segments, channels);
			out[xi] = NativeArrays.values(v[xi]).duplicate();
		}
		final int c = channels, n = segments * c;
		final float[] row = new float[q * c], even = new float[n], odd = new float[n];
		// shifted[k][t c + ch] = row[(t m + k) c + ch]: equal indices make the loops below vectorize
		final float[][] shifted = new float[ALPHA][n];
		for (int line = 0; line < batch * p; line++) {
			in.position(line * q * c);
			in.get(row);
			for (int k = 0; k < ALPHA; k++)
				for (int t = 0; t < segments; t++)
					System.arraycopy(row, (t * m + k) * c, shifted[k], t * c, c);
			transform(0, 1, shifted, even, odd, out, line * n);
			for (int xi = 1; xi < ALPHA - 1; xi += 2)
				transform(xi, 2, shifted, even, odd, out, line * n);
			transform(ALPHA - 1, 1, shifted, even, odd, out, line * n);
		}
		return v;
	}

	/**
	 * Rows xi (and, for {@code rows} = 2, xi + 1) of B<sup>T</sup> d, written at {@code at}. Rows
	 * xi and xi + 1 belong to the points a and -a, so their polynomials are p(x) and p(-x): the same
	 * coefficients at even powers, opposite ones at odd powers. Both rows come from the even and odd
	 * sums of one.
	 */
	private void transform(final int xi, final int rows, final float[][] shifted, final float[] even,
		final float[] odd, final FloatBuffer[] out, final int at)
	{
		Arrays.fill(even, 0);
		Arrays.fill(odd, 0);
		for (int k = 0; k < ALPHA; k++)
			if (bt[xi][k] != 0) axpy(bt[xi][k], shifted[k], k % 2 == 0 ? even : odd);
		for (int i = 0; i < even.length; i++) {
			final float e = even[i], o = odd[i];
			even[i] = e + o;
			odd[i] = e - o;
		}
		out[xi].position(at);
		out[xi].put(even);
		if (rows == 2) {
			out[xi + 1].position(at);
			out[xi + 1].put(odd);
		}
	}

	/** A<sup>T</sup> times the products of every segment, plus bias: [B, outH, segments m, K]. */
	private INDArray transformOutput(final INDArray[] productArrays, final int batch, final int outH,
		final int segments)
	{
		final int k = outputs, outW = segments * m;
		final INDArray result = Nd4j.createUninitialized(productArrays[0].dataType(), batch, outH,
			outW, k);
		final FloatBuffer out = NativeArrays.values(result).duplicate();
		final FloatBuffer[] in = new FloatBuffer[ALPHA];
		for (int xi = 0; xi < ALPHA; xi++)
			in[xi] = NativeArrays.values(productArrays[xi]).duplicate();
		final int n = segments * k;
		final float[][] products = new float[ALPHA][n], outputsAt = new float[m][n];
		final float[] biases = new float[n], row = new float[outW * k];
		for (int t = 0; t < segments; t++)
			System.arraycopy(bias, 0, biases, t * k, k);
		for (int line = 0; line < batch * outH; line++) {
			for (int xi = 0; xi < ALPHA; xi++) {
				in[xi].position(line * n);
				in[xi].get(products[xi]);
			}
			for (int i = 0; i < m; i++) {
				System.arraycopy(biases, 0, outputsAt[i], 0, n);
				for (int xi = 0; xi < ALPHA; xi++)
					if (at[i][xi] != 0) axpy(at[i][xi], products[xi], outputsAt[i]);
				for (int t = 0; t < segments; t++)
					System.arraycopy(outputsAt[i], t * k, row, (t * m + i) * k, k);
			}
			out.position(line * outW * k);
			out.put(row);
		}
		return result;
	}

	/** y += a x. */
	private static void axpy(final float a, final float[] x, final float[] y) {
		for (int i = 0; i < y.length; i++)
			y[i] += a * x[i];
	}

	private static Conv2DConfig column(final int r) {
		return Conv2DConfig.builder().kH(r).kW(1).sH(1).sW(1).pH(0).pW(0).dH(1).dW(1).paddingMode(
			PaddingMode.VALID).dataFormat("NHWC").weightsFormat(WeightsFormat.YXIO).build();
	}
}
