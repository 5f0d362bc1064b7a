package org.vaetexture.novelty;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import net.imglib2.RandomAccess;
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
import org.vaetexture.math.SampleStride;
import org.vaetexture.model.NoveltyStatistics;
import org.vaetexture.model.ShapeStatistics;
import org.vaetexture.model.VaeModel;

/**
 * Fits the {@link NoveltyStatistics} of a trained model on its training images: the mean and
 * covariance of the {@link TextureDescriptor} over all training pixels and 1,024 of them, the
 * neighbours, chosen by {@link KCentreCoreset} among 16,384 drawn by {@link NeighbourSample}, and
 * the Gaussians of the two local grey-level statistics of {@link ShapeTerm}, the skewness and the
 * detail orientation (one pass of dense maps); then, cross-fitted, their terms' weights and the
 * mask threshold: the training rows are cut into two halves (alternate bands of 32 rows), each
 * half's pixels are scored with the Gaussians and the neighbours of the other half, each weight
 * puts its statistic's score at a quarter of the descriptor score's spread over those held-out
 * pixels, and the threshold is the weighted score that the given fraction of them exceed (two more
 * passes). The pooling radius is T/4 - 1 (7 for 32-pixel tiles), the smoothing radius about T/3
 * (11), the skewness's box radius the pooling radius plus the encoder's reach (21), the
 * orientation's one less (20).
 */
public final class NoveltyCalibration {

	/** Ridge added to the covariance, relative to its mean variance, so rare directions stay finite. */
	private static final double RIDGE = 1e-3;
	private static final int MAX_THRESHOLD_SAMPLES = 1 << 21;
	/** Rows per band of the two halves the threshold is cross-fitted on. */
	private static final int BAND = 32;
	/** Training pixels whose whitened descriptors the score measures its distance to. */
	private static final int NEIGHBOURS = 1024;
	/** Training pixels drawn (by a hash of their position) for the neighbours to be chosen among. */
	private static final int CANDIDATES = 16 * NEIGHBOURS;
	/**
	 * Each local grey-level statistic's score's spread (standard deviation) over held-out training
	 * pixels, relative to the descriptor score's: on normal texture each varies a quarter as much
	 * (for the skewness alone 0.25 and 0.5 scored alike on the development cases, 0.5 lower on
	 * tissue at twice the scale; the orientation took the same share).
	 */
	private static final double SHAPE_SPREAD = 0.25;
	/** Channels of {@link NoveltyTermsMap}: the descriptor's terms come before these two. */
	private static final int SHAPE = NoveltyTerm.SHAPE.ordinal(),
			ORIENTATION = NoveltyTerm.ORIENTATION.ordinal();

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
		final int shapeRadius = ShapeStatistics.radius(r, model.config());
		final int orientationRadius = ShapeStatistics.orientationRadius(r, model.config());
		final int d = NoveltyStatistics.descriptorDimension(model.config());
		final MapRunner runner = new MapRunner(model);
		final Moments[] halves = { new Moments(d), new Moments(d) };
		final int c = model.config().channels();
		final Moments[] shapeHalves = { new Moments(c), new Moments(c) };
		final int o = c * ShapeStatistics.ORIENTATION_VALUES;
		final Moments[] orientationHalves = { new Moments(o), new Moments(o) };
		final NeighbourSample[] samples = { new NeighbourSample(CANDIDATES), new NeighbourSample(
			CANDIDATES) };
		for (int i = 0; i < images.size(); i++) {
			final int index = i;
			final int margin = TextureDescriptor.margin(r, true);
			runner.forEachBlock(images.get(i), margin, true, (codes, plane, x0, y0, w, h) -> {
				final float[][] desc = TextureDescriptor.compute(codes, w, h, r, true);
				final float[][] shape = ShapeTerm.skewness(codes, margin, w, h, shapeRadius);
				final float[][] orientation = ShapeTerm.orientation(codes, margin, w, h,
					orientationRadius);
				for (int half = 0; half < 2; half++) {
					final int which = half;
					halves[half].add(rowsOfHalf(desc, w, y0, h, half));
					shapeHalves[half].add(rowsOfHalf(shape, w, y0, h, half));
					orientationHalves[half].add(rowsOfHalf(orientation, w, y0, h, half));
					samples[half].offer(desc, index, plane, x0, y0, w, h, y -> half(y) == which);
				}
			}, f -> progress.accept(0.35 * (index + f) / images.size()), cancelled);
		}
		final boolean split = halves[0].count > 0 && halves[1].count > 0;
		final NoveltyStatistics whole = statistics(r, s, Moments.all(halves), NeighbourSample.union(
			samples[0], samples[1]), falsePositiveRate, cancelled).withShape(shape(shapeRadius, Moments
				.all(shapeHalves))).withOrientation(shape(orientationRadius, Moments.all(
					orientationHalves)));
		progress.accept(split ? 0.37 : 0.4);
		// images of fewer than two bands of rows: the threshold from the pixels of the fit
		NoveltyStatistics[] fits = { whole };
		if (split) {
			fits = new NoveltyStatistics[2];
			for (int half = 0; half < 2; half++) {
				fits[half] = statistics(r, s, halves[half], samples[half], falsePositiveRate, cancelled)
					.withShape(shape(shapeRadius, shapeHalves[half])).withOrientation(shape(
						orientationRadius, orientationHalves[half]));
				progress.accept(0.385 + 0.015 * half);
			}
		}
		final double[] weightsAndThreshold = weightsAndThreshold(model, fits, images, falsePositiveRate,
			progress, cancelled);
		return model.withNovelty(new NoveltyStatistics(r, s, true, whole.mean(), whole.whitening(), whole
			.neighbours(), NeighbourSearch.DIMENSIONS, weightsAndThreshold[2], falsePositiveRate).withShape(
				whole.shape().withWeight(weightsAndThreshold[0])).withOrientation(whole.orientation()
					.withWeight(weightsAndThreshold[1])));
	}

	/**
	 * The statistics of one fit, without a threshold yet: the Gaussian of the moments and the
	 * neighbours, {@value #NEIGHBOURS} candidates of the sample whitened by it that cover them all.
	 */
	private static NoveltyStatistics statistics(final int r, final int s, final Moments moments,
		final NeighbourSample sample, final double falsePositiveRate, final BooleanSupplier cancelled)
	{
		final float[][] g = gaussian(moments);
		final float[] neighbours = KCentreCoreset.choose(sample.whitened(g[0], g[1]), g[0].length,
			NEIGHBOURS, cancelled);
		return new NoveltyStatistics(r, s, true, g[0], g[1], neighbours, NeighbourSearch.DIMENSIONS,
			Double.NaN, falsePositiveRate);
	}

	/** A local grey-level statistic of one fit, the Gaussian of its moments, of weight 1 until weighed. */
	private static ShapeStatistics shape(final int radius, final Moments moments) {
		final float[][] g = gaussian(moments);
		return new ShapeStatistics(radius, g[0], g[1], 1);
	}

	/** Which half a pixel row belongs to: bands of {@value #BAND} rows, alternately. */
	private static int half(final long y) {
		return (int) Math.floorMod(Math.floorDiv(y, BAND), 2);
	}

	/** The descriptor columns of the pixels of rows y0 to y0 + h - 1 in one half, or null if none. */
	private static float[][] rowsOfHalf(final float[][] desc, final int w, final int y0, final int h,
		final int which)
	{
		int rows = 0;
		for (int y = 0; y < h; y++)
			if (half(y0 + y) == which) rows++;
		if (rows == 0) return null;
		final float[][] out = new float[desc.length][rows * w];
		for (int a = 0; a < desc.length; a++)
			for (int y = 0, k = 0; y < h; y++)
				if (half(y0 + y) == which) System.arraycopy(desc[a], y * w, out[a], w * k++, w);
		return out;
	}

	/** Mean and whitening matrix (row-major) of the Gaussian of the moments, with the ridge. */
	private static float[][] gaussian(final Moments m) {
		final int d = m.sum.length;
		final double[] mean = new double[d], centre = new double[d];
		for (int a = 0; a < d; a++) {
			centre[a] = m.sum[a] / m.count;
			mean[a] = centre[a] + m.shift[a];
		}
		final double[][] cov = new double[d][d];
		double trace = 0;
		for (int a = 0; a < d; a++)
			for (int b = 0; b <= a; b++) {
				cov[a][b] = 0.5 * (m.products[a][b] + m.products[b][a]) / m.count - centre[a] * centre[b];
				cov[b][a] = cov[a][b];
			}
		for (int a = 0; a < d; a++)
			trace += cov[a][a];
		for (int a = 0; a < d; a++)
			cov[a][a] += RIDGE * trace / d + 1e-9;
		final RealMatrix lower = new CholeskyDecomposition(new Array2DRowRealMatrix(cov, false), 1e-9,
			0).getL();
		return new float[][] { toFloat(mean), toFloat(MatrixUtils.inverse(lower).getData()) };
	}

	/**
	 * Running sums of descriptor columns: of (x - shift) and its outer products, with shift the
	 * first columns' mean (without it the covariance of near-constant features drowns in float
	 * rounding).
	 */
	private static final class Moments {

		final double[] sum;
		final double[][] products;
		float[] shift;
		long count;

		Moments(final int d) {
			sum = new double[d];
			products = new double[d][d];
		}

		void add(final float[][] desc) {
			if (desc == null) return;
			if (shift == null) shift = rowMeans(desc);
			accumulate(desc, shift, sum, products);
			count += desc[0].length;
		}

		/** The moments of the two halves together, or of the one that has columns. */
		static Moments all(final Moments[] halves) {
			if (halves[0].count == 0) return halves[1];
			return halves[1].count == 0 ? halves[0] : sum(halves[0], halves[1]);
		}

		/** The moments of both sets of columns together, about the first one's shift. */
		static Moments sum(final Moments a, final Moments b) {
			final int d = a.sum.length;
			final Moments m = new Moments(d);
			m.shift = a.shift;
			m.count = a.count + b.count;
			for (int i = 0; i < d; i++) {
				// b's sums about a's shift: x - sa = (x - sb) + (sb - sa)
				final double di = b.shift[i] - a.shift[i];
				m.sum[i] = a.sum[i] + b.sum[i] + b.count * di;
				for (int j = 0; j < d; j++) {
					final double dj = b.shift[j] - a.shift[j];
					m.products[i][j] = a.products[i][j] + b.products[i][j] + di * b.sum[j] + dj * b.sum[i] +
						b.count * di * dj;
				}
			}
			return m;
		}
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

	/**
	 * The local grey-level terms' weights and the mask threshold, from held-out training pixels: with two
	 * fits, each half's pixels scored by the statistics of the other half (a threshold from the
	 * pixels the statistics came from would be too low for new images of the same texture); with
	 * one, all pixels by it. Each weight gives its statistic's score {@value #SHAPE_SPREAD} times the
	 * spread (standard deviation) of the descriptor's score over those pixels; the threshold is the
	 * weighted sum that the false-positive rate of them exceed.
	 *
	 * @return {skewness weight, orientation weight, threshold}
	 */
	private static double[] weightsAndThreshold(final VaeModel model, final NoveltyStatistics[] fits,
		final List<TextureImage> images, final double falsePositiveRate, final DoubleConsumer progress,
		final BooleanSupplier cancelled)
	{
		long pixels = 0;
		for (final TextureImage image : images)
			pixels += (long) image.width() * image.height() * image.planes();
		// rounded up, so that all passes together keep at most their share, spread over both halves
		final long stride = SampleStride.atMost(pixels, MAX_THRESHOLD_SAMPLES);
		final int capacity = (int) Math.min(pixels, MAX_THRESHOLD_SAMPLES + 2 * images.size());
		// per held-out pixel: the descriptor's score, the skewness's and the orientation's (weight 1)
		final float[][] parts = new float[3][capacity];
		int n = 0;
		final MapRunner runner = new MapRunner(model);
		final double part = 0.6 / fits.length;
		for (int fit = 0; fit < fits.length; fit++) {
			final NoveltyTermsMap map = new NoveltyTermsMap(fits[fit]);
			for (int i = 0; i < images.size(); i++) {
				final double done = 0.4 + part * (fit + (double) i / images.size());
				final Img<FloatType> terms = runner.run(images.get(i), map, f -> progress.accept(done +
					part * f / images.size()), cancelled);
				final RandomAccess<FloatType> at = terms.randomAccess();
				final int planes = images.get(i).planes(), w = images.get(i).width();
				final int h = images.get(i).height();
				final long every = SampleStride.acrossColumns(stride, w);
				long k = 0;
				for (int p = 0; p < planes; p++)
					for (int y = 0; y < h; y++)
						for (int x = 0; x < w; x++) {
							if (fits.length > 1 && half(y) == fit || k++ % every != 0 || n >= capacity) continue;
							at.setPosition(x, 0);
							at.setPosition(y, 1);
							if (planes > 1) at.setPosition(p, 3);
							float descriptor = 0;
							for (int t = 0; t < SHAPE; t++) {
								at.setPosition(t, 2);
								descriptor += at.get().get();
							}
							parts[0][n] = descriptor;
							at.setPosition(SHAPE, 2);
							parts[1][n] = at.get().get();
							at.setPosition(ORIENTATION, 2);
							parts[2][n++] = at.get().get();
						}
			}
		}
		final double descriptorSpread = standardDeviation(parts[0], n);
		final double[] weights = new double[parts.length - 1];
		for (int c = 0; c < weights.length; c++) {
			final double spread = standardDeviation(parts[c + 1], n);
			weights[c] = spread > 0 ? SHAPE_SPREAD * descriptorSpread / spread : 0;
		}
		final float[] scores = new float[n];
		for (int j = 0; j < n; j++) {
			double score = parts[0][j];
			for (int c = 0; c < weights.length; c++)
				score += weights[c] * parts[c + 1][j];
			scores[j] = (float) score;
		}
		Arrays.sort(scores);
		return new double[] { weights[0], weights[1], scores[(int) Math.min(n - 1, Math.floor((1 -
			falsePositiveRate) * n))] };
	}

	private static double standardDeviation(final float[] v, final int n) {
		double sum = 0, squares = 0;
		for (int i = 0; i < n; i++)
			sum += v[i];
		final double mean = sum / n;
		for (int i = 0; i < n; i++)
			squares += (v[i] - mean) * (v[i] - mean);
		return Math.sqrt(squares / n);
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
