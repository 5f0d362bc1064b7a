package org.vaetexture.novelty;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaetexture.dense.MapRunner;
import org.vaetexture.dense.NativeArrays;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.NoveltyStatistics;
import org.vaetexture.model.VaeModel;

/**
 * Fits the {@link NoveltyStatistics} of a trained model on its training images: the mean and
 * covariance of the {@link TextureDescriptor} over all training pixels (one pass of dense maps),
 * then the score that a given fraction of training pixels exceed (a second pass), which becomes
 * the mask threshold. The pooling radius is T/4 - 1 (7 for 32-pixel tiles), the smoothing radius
 * about T/3 (11).
 */
public final class NoveltyCalibration {

	/** Ridge added to the covariance, relative to its mean variance, so rare directions stay finite. */
	private static final double RIDGE = 1e-3;
	private static final int MAX_THRESHOLD_SAMPLES = 1 << 21;

	private NoveltyCalibration() {}

	/** Radius of the descriptor's pooling box for a tile size. */
	public static int radius(final int tileSize) {
		return Math.max(1, tileSize / 4 - 1);
	}

	/** Radius of the score's smoothing box for a tile size. */
	public static int smoothRadius(final int tileSize) {
		return Math.max(1, (tileSize + 1) / 3);
	}

	/**
	 * @return the model with novelty statistics
	 * @throws CancellationException when {@code cancelled} answers true
	 */
	public static VaeModel calibrate(final VaeModel model, final List<TextureImage> images,
		final double falsePositiveRate, final DoubleConsumer progress, final BooleanSupplier cancelled)
	{
		final int r = radius(model.config().tileSize()), s = smoothRadius(model.config().tileSize());
		final int d = NoveltyStatistics.descriptorDimension(model.config());
		// the descriptor's layout and radii, before its Gaussian is known
		final NoveltyStatistics layout = new NoveltyStatistics(r, s, true, new float[d], new float[d *
			d], Double.NaN, falsePositiveRate);
		final MapRunner runner = new MapRunner(model);
		// Sums of (x - shift) and its outer products, with shift the first block's mean: without it
		// the covariance of near-constant features drowns in float rounding.
		final double[] sum = new double[d];
		final double[][] products = new double[d][d];
		final long[] count = { 0 };
		final float[][] shift = new float[1][];
		for (int i = 0; i < images.size(); i++) {
			final int index = i;
			runner.forEachBlock(images.get(i), layout.descriptorMargin(), true, (codes, plane, x0, y0, w,
				h) -> {
				final float[][] desc = TextureDescriptor.compute(codes, w, h, layout);
				if (shift[0] == null) shift[0] = rowMeans(desc);
				accumulate(desc, shift[0], sum, products);
				count[0] += w * h;
			}, f -> progress.accept(0.5 * (index + f) / images.size()), cancelled);
		}
		final double[] mean = new double[d], centre = new double[d];
		for (int a = 0; a < d; a++) {
			centre[a] = sum[a] / count[0];
			mean[a] = centre[a] + shift[0][a];
		}
		final double[][] cov = new double[d][d];
		double trace = 0;
		for (int a = 0; a < d; a++)
			for (int b = 0; b <= a; b++) {
				cov[a][b] = 0.5 * (products[a][b] + products[b][a]) / count[0] - centre[a] * centre[b];
				cov[b][a] = cov[a][b];
			}
		for (int a = 0; a < d; a++)
			trace += cov[a][a];
		for (int a = 0; a < d; a++)
			cov[a][a] += RIDGE * trace / d + 1e-9;
		final RealMatrix lower = new CholeskyDecomposition(new Array2DRowRealMatrix(cov, false), 1e-9,
			0).getL();
		final RealMatrix whitening = MatrixUtils.inverse(lower);
		final NoveltyStatistics provisional = new NoveltyStatistics(r, s, true, toFloat(mean), toFloat(
			whitening.getData()), Double.NaN, falsePositiveRate);
		final double threshold = threshold(model.withNovelty(provisional), images, falsePositiveRate,
			progress, cancelled);
		return model.withNovelty(new NoveltyStatistics(r, s, true, provisional.mean(), provisional
			.whitening(), threshold, falsePositiveRate));
	}

	private static float[] rowMeans(final float[][] desc) {
		final float[] m = new float[desc.length];
		for (int a = 0; a < desc.length; a++) {
			double s = 0;
			for (final float v : desc[a])
				s += v;
			m[a] = (float) (s / desc[a].length);
		}
		return m;
	}

	private static void accumulate(final float[][] desc, final float[] shift, final double[] sum,
		final double[][] products)
	{
		final int d = desc.length, n = desc[0].length;
		final float[] flat = new float[d * n];
		for (int a = 0; a < d; a++)
			for (int i = 0; i < n; i++)
				flat[a * n + i] = desc[a][i] - shift[a];
		try (INDArray x = NativeArrays.of(flat, d, n);
				INDArray xxT = x.mmul(x.transpose());
				INDArray rowSums = x.sum(1))
		{
			final double[] s = rowSums.toDoubleVector();
			final double[][] p = xxT.toDoubleMatrix();
			for (int a = 0; a < d; a++) {
				sum[a] += s[a];
				for (int b = 0; b < d; b++)
					products[a][b] += p[a][b];
			}
		}
	}

	private static double threshold(final VaeModel model, final List<TextureImage> images,
		final double falsePositiveRate, final DoubleConsumer progress, final BooleanSupplier cancelled)
	{
		final MapRunner runner = new MapRunner(model);
		long pixels = 0;
		for (final TextureImage image : images)
			pixels += (long) image.width() * image.height() * image.planes();
		final long stride = Math.max(1, pixels / MAX_THRESHOLD_SAMPLES);
		final float[] samples = new float[(int) Math.min(pixels, MAX_THRESHOLD_SAMPLES + images.size())];
		int n = 0;
		for (int i = 0; i < images.size(); i++) {
			final int index = i;
			final Img<FloatType> scores = runner.run(images.get(i), new NoveltyMap(model.novelty()),
				f -> progress.accept(0.5 + 0.5 * (index + f) / images.size()), cancelled);
			long k = 0;
			final Cursor<FloatType> c = scores.cursor();
			while (c.hasNext()) {
				final float v = c.next().get();
				if (k++ % stride == 0 && n < samples.length) samples[n++] = v;
			}
		}
		Arrays.sort(samples, 0, n);
		return samples[(int) Math.min(n - 1, Math.floor((1 - falsePositiveRate) * n))];
	}

	private static float[] toFloat(final double[] v) {
		final float[] f = new float[v.length];
		for (int i = 0; i < v.length; i++)
			f[i] = (float) v[i];
		return f;
	}

	private static float[] toFloat(final double[][] m) {
		final int d = m.length;
		final float[] f = new float[d * d];
		for (int a = 0; a < d; a++)
			for (int b = 0; b < d; b++)
				f[a * d + b] = (float) m[a][b];
		return f;
	}
}
