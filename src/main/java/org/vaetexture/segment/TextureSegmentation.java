package org.vaetexture.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;
import org.vaetexture.VaeTextureException;
import org.vaetexture.dense.LatentMap;
import org.vaetexture.dense.MapRunner;
import org.vaetexture.image.MapImages;
import org.vaetexture.image.TextureImage;
import org.vaetexture.math.PrincipalComponents;
import org.vaetexture.math.TiedGaussianMixture;
import org.vaetexture.model.ModelFingerprint;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;

/**
 * Unsupervised texture segmentation into K classes. Per pixel, the {@link SegmentationFeatures}
 * (the log roughness of the hidden layers' activations over a box of radius 1/4 of the tile size,
 * averaged over a box of the smoothing radius) are standardized and projected onto their first
 * {@value #COMPONENTS} principal components (fewer where the features vary in fewer directions),
 * whitened; there a mixture of K Gaussians with one covariance shared by all classes ({@link
 * TiedGaussianMixture}) is fitted by expectation maximization on a seeded sample of the image's
 * pixels, from several seeded k-means++ starts (Apache Commons Math), keeping the fit whose
 * classes lie furthest apart; every pixel gets the class of largest posterior. {@link #fit} learns
 * the classes of an image; {@link #label} labels any image with them, so a second image gets the
 * same classes.
 */
public final class TextureSegmentation {

	/** Whitened principal components the mixture is fitted in. */
	static final int COMPONENTS = 8;
	/** A component's least variance, relative to the first's, for the mixture to be fitted in it. */
	private static final double MIN_RELATIVE_VARIANCE = 1e-6;
	/** Most pixels sampled for fitting. */
	public static final int MAX_SAMPLES = 20_000;
	/** k-means++ starts of the mixture. */
	static final int STARTS = 20;
	private static final int K_MEANS_ITERATIONS = 100;

	private final VaeModel model;
	private final SegmentationFeatures features;
	private final int roughnessRadius, radius;

	/** @param radius of the box over which the log roughness is averaged, in pixels */
	public TextureSegmentation(final VaeModel model, final int radius) {
		this(model, roughnessRadius(model.config()), radius);
	}

	private TextureSegmentation(final VaeModel model, final int roughnessRadius, final int radius) {
		if (radius < 0 || radius > 256) throw new VaeTextureException(
			"smoothing radius must be from 0 to 256 pixels, got " + radius);
		this.model = model;
		this.roughnessRadius = roughnessRadius;
		this.radius = radius;
		this.features = new SegmentationFeatures(model.config(), roughnessRadius, radius);
	}

	/** The segmentation that labels with classes fitted earlier (with their radii). */
	public static TextureSegmentation of(final VaeModel model, final TextureClasses classes) {
		return new TextureSegmentation(model, classes.roughnessRadius(), classes.radius());
	}

	/** Radius of the box of the local roughness: 1/4 of the tile size. */
	static int roughnessRadius(final VaeConfig config) {
		return config.tileSize() / 4;
	}

	/** The default smoothing radius: 3/4 of the tile size. */
	public static int defaultRadius(final VaeConfig config) {
		return 3 * config.tileSize() / 4;
	}

	/**
	 * @param classes K, from 2 to 255
	 * @param seed of the pixel sample and the mixture's starts
	 * @param progress fraction done, 0 to 1
	 * @throws VaeTextureException if K is out of range or the mixture cannot be fitted
	 * @throws CancellationException when {@code cancelled} answers true
	 */
	public TextureClasses fit(final TextureImage image, final int classes, final long seed,
		final DoubleConsumer progress, final BooleanSupplier cancelled)
	{
		requireClasses(classes);
		return fit(sample(image, seed, progress, cancelled), classes, seed, image.name(), cancelled);
	}

	/** @throws VaeTextureException unless 2 <= K <= 255 */
	public static void requireClasses(final int classes) {
		if (classes < 2 || classes > 255) throw new VaeTextureException(
			"classes must be from 2 to 255, got " + classes);
	}

	/**
	 * Fits K classes to a sample of pixels' {@link #features()}, e.g. one drawn from a chunked image
	 * a few blocks at a time.
	 *
	 * @param seed of the mixture's starts
	 * @param name of the image, for messages
	 * @throws VaeTextureException if K is out of range or the mixture cannot be fitted
	 * @throws CancellationException when {@code cancelled} answers true (checked before each start)
	 */
	public TextureClasses fit(final List<double[]> samples, final int classes, final long seed,
		final String name, final BooleanSupplier cancelled)
	{
		requireClasses(classes);
		final int d = features.channels();
		if (samples.size() < 10 * classes) throw new VaeTextureException("image '" + name +
			"' has too few pixels for " + classes + " classes");
		final double[] centre = new double[d], scale = new double[d];
		boolean varies = false;
		for (int a = 0; a < d; a++) {
			double s = 0, ss = 0;
			for (final double[] x : samples)
				s += x[a];
			centre[a] = s / samples.size();
			for (final double[] x : samples)
				ss += (x[a] - centre[a]) * (x[a] - centre[a]);
			final double std = Math.sqrt(ss / samples.size());
			scale[a] = std > 1e-6 ? std : 1;
			varies |= std > 1e-6;
		}
		if (!varies) throw new VaeTextureException("image '" + name +
			"' has no texture to tell apart: its texture features are the same everywhere (a flat" +
			" image?); give an image with at least two textures");
		final float[][] standardized = new float[d][samples.size()];
		for (int i = 0; i < samples.size(); i++)
			for (int a = 0; a < d; a++)
				standardized[a][i] = (float) ((samples.get(i)[a] - centre[a]) / scale[a]);
		final PrincipalComponents pca = PrincipalComponents.fit(standardized);
		// no more components than the features have variance in: the features' centring per layer
		// takes one dimension out of each, and a channel that never fires another, and whitening such
		// a component would blow float rounding up into a coordinate as large as the others
		int q = Math.min(COMPONENTS, d);
		while (q > 1 && !(pca.variance(q - 1) > MIN_RELATIVE_VARIANCE * pca.variance(0)))
			q--;
		final double[][] projection = new double[q][];
		for (int k = 0; k < q; k++) {
			projection[k] = pca.component(k);
			final double norm = 1 / Math.sqrt(Math.max(pca.variance(k), 1e-12));
			for (int a = 0; a < d; a++)
				projection[k][a] *= norm;
		}
		final double[][] z = new double[samples.size()][q];
		for (int i = 0; i < z.length; i++)
			for (int k = 0; k < q; k++)
				for (int a = 0; a < d; a++)
					z[i][k] += projection[k][a] * standardized[a][i];
		final TiedGaussianMixture mixture = mixture(z, classes, seed, cancelled);
		final double[][][] covariances = new double[classes][][];
		for (int k = 0; k < classes; k++)
			covariances[k] = mixture.covariance();
		try {
			return new TextureClasses(ModelFingerprint.of(model), roughnessRadius, radius, centre, scale,
				projection, mixture.weights(), mixture.means(), covariances);
		}
		catch (final IllegalArgumentException e) {
			throw cannotFit(classes, e);
		}
	}

	/**
	 * The tied mixture of largest {@link TiedGaussianMixture#separation() separation} (the share of
	 * the variance between the classes) among EM fits from {@value #STARTS} seeded k-means++
	 * clusterings. One start alone depends on the sample: on one composite one seed in eight gave a
	 * split at chance where the others found the textures. The split of largest likelihood is not
	 * the choice, as it often sets a small, tight part of one texture off from the rest.
	 */
	private static TiedGaussianMixture mixture(final double[][] z, final int classes, final long seed,
		final BooleanSupplier cancelled)
	{
		final List<DoublePoint> points = new ArrayList<>(z.length);
		for (final double[] x : z)
			points.add(new DoublePoint(x));
		final KMeansPlusPlusClusterer<DoublePoint> kMeans = new KMeansPlusPlusClusterer<>(classes,
			K_MEANS_ITERATIONS, new EuclideanDistance(), new Well19937c(seed));
		TiedGaussianMixture best = null;
		double most = Double.NEGATIVE_INFINITY;
		RuntimeException failure = null;
		for (int start = 0; start < STARTS; start++) {
			if (cancelled.getAsBoolean()) throw new CancellationException("fit cancelled");
			try {
				final TiedGaussianMixture fit = fromClusters(z, kMeans.cluster(points));
				final double separation = fit.separation();
				if (separation > most) {
					best = fit;
					most = separation;
				}
			}
			catch (final MathIllegalArgumentException | MathIllegalStateException e) {
				failure = e; // a start whose classes degenerate; another may fit
			}
		}
		if (best == null) throw cannotFit(classes, failure);
		return best;
	}

	/** The tied mixture from k-means clusters: their shares, means and pooled covariance. */
	private static TiedGaussianMixture fromClusters(final double[][] z,
		final List<CentroidCluster<DoublePoint>> clusters)
	{
		final int classes = clusters.size(), q = z[0].length;
		final double[] weights = new double[classes];
		final double[][] means = new double[classes][q];
		final double[][] covariance = new double[q][q];
		for (int k = 0; k < classes; k++) {
			final List<DoublePoint> members = clusters.get(k).getPoints();
			weights[k] = members.size() / (double) z.length;
			for (final DoublePoint p : members)
				for (int a = 0; a < q; a++)
					means[k][a] += p.getPoint()[a] / members.size();
			for (final DoublePoint p : members)
				for (int a = 0; a < q; a++)
					for (int b = 0; b < q; b++)
						covariance[a][b] += (p.getPoint()[a] - means[k][a]) * (p.getPoint()[b] -
							means[k][b]) / z.length;
		}
		return TiedGaussianMixture.fit(z, weights, means, covariance);
	}

	private static VaeTextureException cannotFit(final int classes, final Throwable cause) {
		return new VaeTextureException("could not fit " + classes + " texture classes to this image; " +
			(classes > 2 ? "ask for fewer classes" : "give an image with at least two textures (large" +
				" flat areas, all of one grey level, can also prevent the fit)"), cause);
	}

	/**
	 * The per-pixel features the classes are fitted to (and that
	 * {@link #fit(List, int, long, String, BooleanSupplier)} takes).
	 */
	public LatentMap features() {
		return features;
	}

	/**
	 * Features of a seeded random sample of about {@value #MAX_SAMPLES} pixels (each pixel drawn
	 * with the probability that gives that many; all of a smaller image).
	 */
	private List<double[]> sample(final TextureImage image, final long seed,
		final DoubleConsumer progress, final BooleanSupplier cancelled)
	{
		final int d = features.channels();
		final double fraction = Math.min(1, MAX_SAMPLES / ((double) image.width() * image.height() *
			image.planes()));
		final SplittableRandom random = new SplittableRandom(seed);
		final List<double[]> samples = new ArrayList<>();
		new MapRunner(model).forEachBlock(image, features.halo(), true, (codes, plane, x0, y0, w, h) -> {
			final float[][] f = new float[d][w * h];
			features.compute(codes, w, h, f);
			drawPixels(f, fraction, random, samples);
		}, progress, cancelled);
		return samples;
	}

	/**
	 * Adds to {@code samples} each pixel of a block's features [D][n] with probability
	 * {@code fraction}, one draw of {@code random} per pixel in order.
	 */
	public static void drawPixels(final float[][] features, final double fraction,
		final SplittableRandom random, final List<double[]> samples)
	{
		for (int i = 0; i < features[0].length; i++)
			if (random.nextDouble() < fraction) {
				final double[] x = new double[features.length];
				for (int a = 0; a < features.length; a++)
					x[a] = features[a][i];
				samples.add(x);
			}
	}

	/**
	 * Labels every pixel with its class (1 to K): an 8-bit image of X x Y[ x planes].
	 *
	 * @throws VaeTextureException if the classes were fitted with another model
	 */
	public Img<UnsignedByteType> label(final TextureImage image, final TextureClasses classes,
		final DoubleConsumer progress, final BooleanSupplier cancelled)
	{
		final TextureLabelMap map = new TextureLabelMap(model, classes);
		if (classes.roughnessRadius() != roughnessRadius || classes.radius() != radius)
			throw new VaeTextureException("the class centres were made with other segmentation settings");
		final int planes = image.planes();
		final Img<UnsignedByteType> labels = MapImages.create(new UnsignedByteType(), image.width(),
			image.height(), 1, planes);
		new MapRunner(model).forEachBlock(image, map.halo(), true, (codes, plane, x0, y0, w, h) -> {
			final float[][] values = new float[1][w * h];
			map.compute(codes, w, h, values);
			RandomAccessibleInterval<UnsignedByteType> target = labels;
			if (planes > 1) target = Views.hyperSlice(target, 2, plane);
			LoopBuilder.setImages(ArrayImgs.floats(values[0], w, h), Views.interval(target, Intervals
				.createMinSize(x0, y0, w, h))).forEachPixel((v, t) -> t.set((int) v.get()));
		}, progress, cancelled);
		return labels;
	}
}
