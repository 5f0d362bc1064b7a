package org.vaetexture.novelty;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imglib2.img.Img;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.real.FloatType;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaetexture.dense.DenseCodes;
import org.vaetexture.dense.LatentMap;
import org.vaetexture.dense.NativeArrays;
import org.vaetexture.math.BoxFilter;
import org.vaetexture.model.NoveltyStatistics;
import org.vaetexture.model.ShapeStatistics;

/**
 * The novelty heatmap, in nats. The pixel's {@link TextureDescriptor} d is whitened by the training
 * texture's Gaussian N(m, S), z = W (d - m) with W^T W = S^-1, and scored by its distance to a
 * near one b* of K whitened training descriptors b_k: score = 1/2 |z - b*|^2, averaged over a box
 * around the pixel. That is the KL divergence between two Gaussians of covariance S centred on the
 * pixel's descriptor and on a similar training pixel's: texture rougher or smoother than normal,
 * more or less uniform, or simply different, lies far from every training pixel, while a normal
 * texture that varies across the image (several kinds of normal) stays near one of them. b* is
 * found as {@link NeighbourSearch} says: the nearest in a projection (models of format 3: the
 * nearest, b* = argmin_k |z - b_k|). Models without neighbours (calibrated before model format 3)
 * score 1/2 |z|^2, the distance to the mean. Models calibrated since model format 5 add the
 * grey-level shape term, those since format 6 the detail orientation term ({@link ShapeTerm}).
 * {@link NoveltyTermsMap} gives the score's parts.
 */
public final class NoveltyMap implements LatentMap {

	/** Pixels scored per matrix product: enough for a fast product, small enough for young garbage. */
	private static final int CHUNK = 1024;

	private final NoveltyStatistics statistics;
	private final INDArray mean, whitening;
	/** Row-major K x D whitened training descriptors. */
	private final float[] neighbours;
	/** Null for models without neighbours. */
	private final NeighbourSearch search;

	public NoveltyMap(final NoveltyStatistics statistics) {
		this.statistics = statistics;
		final int d = statistics.dimension();
		this.mean = Nd4j.create(statistics.mean(), new long[] { d, 1 }, 'c');
		this.whitening = Nd4j.create(statistics.whitening(), new long[] { d, d }, 'c');
		this.neighbours = statistics.neighbours();
		this.search = statistics.neighbourCount() == 0 ? null : new NeighbourSearch(neighbours, d,
			statistics.searchDimensions());
	}

	@Override
	public int channels() {
		return 1;
	}

	@Override
	public int halo() {
		return TextureDescriptor.margin(statistics.poolRadius(), statistics.roughness()) + statistics
			.smoothRadius();
	}

	@Override
	public String name() {
		return "novelty";
	}

	@Override
	public boolean usesHidden() {
		return true;
	}

	@Override
	public void compute(final DenseCodes codes, final int w, final int h, final float[][] out) {
		final float[][] parts = unsmoothedParts(codes, w, h, new int[] { 0, statistics.dimension() });
		final float[] score = parts[0];
		for (int p = 1; p < parts.length; p++)
			for (int i = 0; i < score.length; i++)
				score[i] += parts[p][i];
		out[0] = BoxFilter.mean(score, w, h, statistics.smoothRadius());
	}

	/**
	 * The score's parts, each smoothed as the score is: over groups of descriptor rows, for
	 * boundaries {b0 = 0, b1, ..., bk = D} part i sums the squared whitened rows [b_i, b_i+1); then,
	 * for models with them, the weighted grey-level shape and detail orientation terms ({@link
	 * ShapeTerm}).
	 *
	 * @return [k, k + 1 or k + 2][w h]
	 */
	float[][] smoothedTerms(final DenseCodes codes, final int w, final int h, final int[] bounds) {
		final float[][] terms = unsmoothedParts(codes, w, h, bounds);
		for (int i = 0; i < terms.length; i++)
			terms[i] = BoxFilter.mean(terms[i], w, h, statistics.smoothRadius());
		return terms;
	}

	/** The parts of {@link #smoothedTerms} at the (w + 2s) x (h + 2s) pixels the smoothing reads. */
	private float[][] unsmoothedParts(final DenseCodes codes, final int w, final int h,
		final int[] bounds)
	{
		final int s = statistics.smoothRadius(), ws = w + 2 * s, hs = h + 2 * s;
		final int inset = (codes.width() - ws) / 2;
		final List<float[]> parts = new ArrayList<>(Arrays.asList(scores(TextureDescriptor.compute(
			codes, ws, hs, statistics.poolRadius(), statistics.roughness()), bounds)));
		final ShapeStatistics shape = statistics.shape(), orientation = statistics.orientation();
		if (shape != null) parts.add(ShapeTerm.score(ShapeTerm.skewness(codes, inset, ws, hs, shape
			.radius()), shape));
		if (orientation != null) parts.add(ShapeTerm.score(ShapeTerm.orientation(codes, inset, ws, hs,
			orientation.radius()), orientation));
		return parts.toArray(new float[0][]);
	}

	/** The model's statistics this map scores with. */
	NoveltyStatistics statistics() {
		return statistics;
	}

	/** A 0/1 copy of a novelty map: 1 where the score exceeds the model's calibrated threshold. */
	public static Img<FloatType> mask(final Img<FloatType> map, final NoveltyStatistics statistics) {
		final Img<FloatType> mask = map.factory().create(map);
		final double threshold = statistics.threshold();
		LoopBuilder.setImages(map, mask).forEachPixel((v, m) -> m.set(v.get() > threshold ? 1 : 0));
		return mask;
	}

	/** Turns a novelty map into its 0/1 mask in place (for when the map itself is no longer needed). */
	public static void thresholdInPlace(final Img<FloatType> map, final NoveltyStatistics statistics) {
		final double threshold = statistics.threshold();
		LoopBuilder.setImages(map).forEachPixel(v -> v.set(v.get() > threshold ? 1 : 0));
	}

	/**
	 * Unsmoothed score parts of each descriptor column of [D][n], in chunks of columns: part i is half
	 * the squared norm of rows [bounds[i], bounds[i + 1]) of z - b, z the whitened column and b its
	 * neighbour ({@link NeighbourSearch}; 0 for models without neighbours).
	 */
	float[][] scores(final float[][] descriptors, final int[] bounds) {
		final int d = descriptors.length, n = descriptors[0].length, parts = bounds.length - 1;
		final float[][] scores = new float[parts][n];
		final float[] flat = new float[d * Math.min(CHUNK, n)];
		for (int start = 0; start < n; start += CHUNK) {
			final int m = Math.min(CHUNK, n - start);
			for (int i = 0; i < d; i++)
				System.arraycopy(descriptors[i], start, flat, i * m, m);
			try (MemoryWorkspace chunk = NativeArrays.workspace("novelty-scores")) {
				final INDArray x = NativeArrays.of(flat.length == d * m ? flat : Arrays.copyOf(flat, d * m),
					d, m).subiColumnVector(mean);
				final INDArray z = whitening.mmul(x);
				final int[] nearest = search == null ? null : search.nearest(z, m);
				// the parts in Java: ND4J's sum over the first axis of a row-major array walks it
				// column by column, a tenth of the map's time
				final FloatBuffer values = NativeArrays.values(z);
				final float[] row = new float[m];
				for (int p = 0; p < parts; p++) {
					final float[] sum = new float[m];
					for (int i = bounds[p]; i < bounds[p + 1]; i++) {
						values.get(row);
						if (nearest != null) for (int j = 0; j < m; j++)
							row[j] -= neighbours[nearest[j] * d + i];
						for (int j = 0; j < m; j++)
							sum[j] += row[j] * row[j];
					}
					for (int j = 0; j < m; j++)
						scores[p][start + j] = 0.5f * sum[j];
				}
			}
		}
		return scores;
	}
}
