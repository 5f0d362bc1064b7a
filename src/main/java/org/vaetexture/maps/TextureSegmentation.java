package org.vaetexture.maps;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.vaetexture.VaeTextureException;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.ModelFingerprint;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;

/**
 * Unsupervised texture segmentation: clusters per-pixel {@link SegmentationFeatures} into K texture
 * classes with k-means++ (Apache Commons Math, seeded, best of several runs) and labels every pixel
 * with its nearest class centre. Features are standardized (per feature, over the image) before
 * clustering. {@link #fit} learns the classes from a seeded sample of an image's pixels;
 * {@link #label} labels any image with them, so a second image gets the same classes.
 */
public final class TextureSegmentation {

	/** Most pixels sampled for clustering. */
	private static final int MAX_SAMPLES = 20_000;
	private static final int RUNS = 4, ITERATIONS = 100;

	private final VaeModel model;
	private final SegmentationFeatures features;
	private final int radius;

	/** @param radius of the box over which features are averaged, in pixels */
	public TextureSegmentation(final VaeModel model, final int radius) {
		this(model, radius, true, false, true);
	}

	/** The segmentation that labels with classes fitted earlier (with their smoothing radius). */
	public static TextureSegmentation of(final VaeModel model, final TextureClasses classes) {
		return new TextureSegmentation(model, classes.radius());
	}

	/** The default smoothing radius: half the tile size. */
	public static int defaultRadius(final VaeConfig config) {
		return config.tileSize() / 2;
	}

	public TextureSegmentation(final VaeModel model, final int radius, final boolean mu,
		final boolean logvar, final boolean energies)
	{
		if (radius < 0 || radius > 256) throw new VaeTextureException(
			"smoothing radius must be from 0 to 256 pixels, got " + radius);
		this.model = model;
		this.radius = radius;
		this.features = new SegmentationFeatures(model.config(), radius, mu, logvar, energies);
	}

	/**
	 * @param classes K, from 2 to 255
	 * @param progress fraction done, 0 to 1
	 * @throws CancellationException when {@code cancelled} answers true
	 */
	public TextureClasses fit(final TextureImage image, final int classes, final long seed,
		final DoubleConsumer progress, final BooleanSupplier cancelled)
	{
		if (classes < 2 || classes > 255) throw new VaeTextureException(
			"classes must be from 2 to 255, got " + classes);
		final int d = features.channels();
		final double fraction = Math.min(1, MAX_SAMPLES / ((double) image.width() * image.height() *
			image.planes()));
		final SplittableRandom random = new SplittableRandom(seed);
		final List<double[]> samples = new ArrayList<>();
		new MapRunner(model).forEachBlock(image, radius, true, (codes, plane, x0, y0, w, h) -> {
			final float[][] f = new float[d][w * h];
			features.compute(codes, w, h, f);
			for (int i = 0; i < w * h; i++)
				if (random.nextDouble() < fraction) {
					final double[] x = new double[d];
					for (int a = 0; a < d; a++)
						x[a] = f[a][i];
					samples.add(x);
				}
		}, progress, cancelled);
		if (samples.size() < classes) throw new VaeTextureException("image '" + image.name() +
			"' has too few pixels for " + classes + " classes");
		final double[] centre = new double[d], scale = new double[d];
		for (int a = 0; a < d; a++) {
			double s = 0, ss = 0;
			for (final double[] x : samples)
				s += x[a];
			centre[a] = s / samples.size();
			for (final double[] x : samples)
				ss += (x[a] - centre[a]) * (x[a] - centre[a]);
			final double std = Math.sqrt(ss / samples.size());
			scale[a] = std > 1e-6 ? std : 1;
		}
		final List<DoublePoint> points = new ArrayList<>();
		for (final double[] x : samples)
			points.add(new DoublePoint(standardize(x, centre, scale)));
		final KMeansPlusPlusClusterer<DoublePoint> kMeans = new KMeansPlusPlusClusterer<>(classes,
			ITERATIONS, new EuclideanDistance(), new JDKRandomGenerator((int) seed));
		final List<CentroidCluster<DoublePoint>> clusters = new MultiKMeansPlusPlusClusterer<>(kMeans,
			RUNS).cluster(points);
		final double[][] centres = new double[clusters.size()][];
		for (int i = 0; i < centres.length; i++)
			centres[i] = clusters.get(i).getCenter().getPoint();
		return new TextureClasses(ModelFingerprint.of(model), radius, centre, scale, centres);
	}

	/**
	 * Labels every pixel with its nearest class (1 to K): an 8-bit image of X x Y[ x planes].
	 *
	 * @throws VaeTextureException if the classes were fitted with another model or other settings
	 */
	public Img<UnsignedByteType> label(final TextureImage image, final TextureClasses classes,
		final DoubleConsumer progress, final BooleanSupplier cancelled)
	{
		if (!classes.model().equals(ModelFingerprint.of(model))) throw new VaeTextureException(
			"the class centres were made with another model; use the model they were fitted with");
		if (classes.radius() != radius || classes.dimension() != features.channels())
			throw new VaeTextureException("the class centres were made with other segmentation settings");
		final int d = features.channels(), planes = image.planes();
		final double[] centre = classes.featureCentre(), scale = classes.featureScale();
		final Img<UnsignedByteType> labels = MapRunner.create(new UnsignedByteType(), image.width(),
			image.height(), 1, planes);
		new MapRunner(model).forEachBlock(image, radius, true, (codes, plane, x0, y0, w, h) -> {
			final float[][] f = new float[d][w * h];
			features.compute(codes, w, h, f);
			RandomAccessibleInterval<UnsignedByteType> target = labels;
			if (planes > 1) target = Views.hyperSlice(target, 2, plane);
			final Cursor<UnsignedByteType> cursor = Views.flatIterable(Views.interval(target,
				new FinalInterval(new long[] { x0, y0 }, new long[] { x0 + w - 1, y0 + h - 1 }))).cursor();
			final double[] x = new double[d];
			for (int i = 0; i < w * h; i++) {
				for (int a = 0; a < d; a++)
					x[a] = (f[a][i] - centre[a]) / scale[a];
				cursor.next().set(classes.nearest(x) + 1);
			}
		}, progress, cancelled);
		return labels;
	}

	private static double[] standardize(final double[] x, final double[] centre,
		final double[] scale)
	{
		final double[] z = new double[x.length];
		for (int a = 0; a < x.length; a++)
			z[a] = (x[a] - centre[a]) / scale[a];
		return z;
	}
}
