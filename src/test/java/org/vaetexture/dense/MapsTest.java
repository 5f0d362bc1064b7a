package org.vaetexture.dense;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaetexture.ErrorAssertions.assertMessage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import ij.ImagePlus;
import ij.plugin.filter.GaussianBlur;
import ij.process.ImageProcessor;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaetexture.TestImages;
import org.vaetexture.api.Monitor;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.decode.Reconstructed;
import org.vaetexture.decode.Reconstruction;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.Backend;
import org.vaetexture.model.NoveltyStatistics;
import org.vaetexture.model.ShapeStatistics;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.novelty.NoveltyCalibration;
import org.vaetexture.novelty.NoveltyMap;
import org.vaetexture.novelty.NoveltyTerm;
import org.vaetexture.novelty.NoveltyTermsMap;
import org.vaetexture.segment.SegmentationFeatures;
import org.vaetexture.train.Trainer;
import org.vaetexture.train.TrainingListener;
import org.vaetexture.train.TrainingOptions;

/** The maps on a small model trained briefly on a real texture. */
class MapsTest {

	private static final VaeConfig CONFIG = VaeConfig.builder().tileSize(16).latentDim(4).filters1(6)
		.filters2(8).build();
	private static TextureImage gravel;
	private static VaeModel model;

	@BeforeAll
	static void train() {
		Backend.useThreads(1);
		gravel = TestImages.open("gravel.tif");
		final TextureImage crop = new TextureImage("gravel crop", Views.zeroMin(Views.interval(gravel
			.data(), new long[] { 0, 0, 0, 0 }, new long[] { 159, 159, 0, 0 })), null);
		final VaeModel trained = new Trainer(CONFIG, TrainingOptions.builder().epochs(2).stepsPerEpoch(
			20).batchSize(32).validationTiles(64).build()).train(List.of(crop), TrainingListener.NONE,
				() -> false);
		model = NoveltyCalibration.calibrate(trained, List.of(crop), 0.05, f -> {}, () -> false);
	}

	private static float at(final RandomAccessibleInterval<FloatType> img, final long... pos) {
		final RandomAccess<FloatType> ra = img.randomAccess();
		ra.setPosition(pos);
		return ra.get().get();
	}

	private static void assertSame(final Img<FloatType> a, final Img<FloatType> b, final double tol) {
		assertArrayEquals(a.dimensionsAsLongArray(), b.dimensionsAsLongArray());
		final var ca = Views.flatIterable(a).cursor();
		final var cb = Views.flatIterable(b).cursor();
		double scale = 1e-6, diff = 0;
		while (ca.hasNext()) {
			final float x = ca.next().get(), y = cb.next().get();
			scale = Math.max(scale, Math.abs(x));
			diff = Math.max(diff, Math.abs(x - y));
		}
		assertTrue(diff / scale < tol, "relative difference " + diff / scale);
	}

	private static TextureImage region(final int x0, final int y0, final int w, final int h) {
		return new TextureImage("region", Views.zeroMin(Views.interval(gravel.data(), new long[] { x0,
			y0, 0, 0 }, new long[] { x0 + w - 1, y0 + h - 1, 0, 0 })), null);
	}

	/**
	 * Maps that are continuous in the encoder's output agree to float rounding whatever the blocks.
	 * The novelty score with the full search is (a minimum of distances); with the projected search
	 * the neighbour can change where two neighbours tie in the projection to within rounding, and
	 * the score then jumps by the difference of their full distances (README), so that map is
	 * checked to agree on all but a few pixels.
	 */
	@Test
	void blockSizeDoesNotChangeAnyMap() {
		final TextureImage image = region(100, 50, 90, 70);
		final NoveltyStatistics full = fullSearch(model.novelty());
		for (final LatentMap map : new LatentMap[] { new FeatureMap(4), new KlMap(), new NoveltyMap(
			full), new NoveltyTermsMap(full), new SegmentationFeatures(model.config(), 3, 5) })
			assertSame(new MapRunner(model, 256, 2).run(image, map), new MapRunner(model, 24, 2).run(image,
				map), 1e-5);
		final NoveltyMap projected = new NoveltyMap(model.novelty());
		final Img<FloatType> a = new MapRunner(model, 256, 2).run(image, projected), b = new MapRunner(
			model, 24, 2).run(image, projected);
		final var ca = Views.flatIterable(a).cursor();
		final var cb = Views.flatIterable(b).cursor();
		int differ = 0;
		while (ca.hasNext()) {
			final float x = ca.next().get(), y = cb.next().get();
			if (Math.abs(x - y) > 1e-5 * Math.max(1, Math.abs(x))) differ++;
		}
		assertTrue(differ < 0.02 * a.size(), differ + " of " + a.size() + " pixels differ");
	}

	/** The same statistics with the neighbour found by the full distance. */
	private static NoveltyStatistics fullSearch(final NoveltyStatistics n) {
		return new NoveltyStatistics(n.poolRadius(), n.smoothRadius(), n.roughness(), n.mean(), n
			.whitening(), n.neighbours(), NoveltyStatistics.FULL_SEARCH, n.threshold(), n
				.falsePositiveRate()).withShape(n.shape()).withOrientation(n.orientation());
	}

	@Test
	void workersDoNotChangeAnyMapBitForBit() {
		final TextureImage image = region(30, 20, 150, 130);
		for (final LatentMap map : new LatentMap[] { new FeatureMap(4), new NoveltyMap(model
			.novelty()) }) {
			final Img<FloatType> one = new MapRunner(model, 32, 1).run(image, map), three = new MapRunner(
				model, 32, 3).run(image, map);
			final var a = Views.flatIterable(one).cursor();
			final var b = Views.flatIterable(three).cursor();
			while (a.hasNext())
				assertEquals(a.next().get(), b.next().get(), 0.0, map.name());
		}
	}

	@Test
	void aFinishedMapLeavesNoNativeMemoryOnItsThread() {
		final RandomAccessible<? extends RealType<?>> plane = Views.extendMirrorSingle(Views.hyperSlice(
			region(0, 0, 40, 30).data(), 3, 0));
		new DenseEncoder(model).codes(plane, 0, 0, 40, 30, true);
		assertTrue(NativeArrays.workspaceBytes() > 0, "a block leaves its workspaces for the next");
		new MapRunner(model).run(region(0, 0, 40, 30), new NoveltyMap(model.novelty()));
		assertEquals(0, NativeArrays.workspaceBytes());
	}

	@Test
	void mapsHaveTheDocumentedShape() {
		final TextureImage image = region(0, 0, 40, 30);
		assertArrayEquals(new long[] { 40, 30, 4 }, new MapRunner(model).run(image, new FeatureMap(4))
			.dimensionsAsLongArray());
		assertArrayEquals(new long[] { 40, 30 }, new MapRunner(model).run(image, new KlMap())
			.dimensionsAsLongArray());
	}

	@Test
	void stacksAreMappedPlaneByPlane() {
		final ij.ImageStack stack = new ij.ImageStack(40, 30);
		stack.addSlice(TestImages.noise(40, 30, 1).getProcessor());
		stack.addSlice(TestImages.noise(40, 30, 2).getProcessor());
		final TextureImage image = TestImages.wrap(new ImagePlus("stack", stack));
		final Img<FloatType> features = new MapRunner(model).run(image, new FeatureMap(4));
		assertArrayEquals(new long[] { 40, 30, 4, 2 }, features.dimensionsAsLongArray());
		final Img<FloatType> kl = new MapRunner(model).run(image, new KlMap());
		assertArrayEquals(new long[] { 40, 30, 2 }, kl.dimensionsAsLongArray());
		final TextureImage second = TestImages.wrap(TestImages.noise(40, 30, 2));
		final Img<FloatType> alone = new MapRunner(model).run(second, new KlMap());
		assertEquals(at(alone, 13, 17), at(kl, 13, 17, 1), 1e-6);
	}

	@Test
	void klMapIsTheClosedFormOfThePosterior() {
		final TextureImage image = region(10, 10, 20, 20);
		final RandomAccessible<? extends RealType<?>> plane = Views.extendMirrorSingle(Views.hyperSlice(
			image.data(), 3, 0));
		final INDArray post = new DenseEncoder(model).encode(plane, 0, 0, 20, 20);
		final Img<FloatType> kl = new MapRunner(model).run(image, new KlMap());
		for (final int[] p : new int[][] { { 0, 0 }, { 7, 3 }, { 19, 19 } }) {
			double expected = 0;
			for (int j = 0; j < 4; j++) {
				final double mu = post.getDouble(j, p[1], p[0]), lv = post.getDouble(4 + j, p[1], p[0]);
				expected += 0.5 * (mu * mu + Math.exp(lv) - lv - 1);
			}
			assertEquals(expected, at(kl, p[0], p[1]), 1e-4 * Math.max(1, expected));
		}
	}

	@Test
	void hiddenLayersAreCentredOnTheWindow() {
		final TextureImage image = region(0, 0, 30, 30);
		final RandomAccessible<? extends RealType<?>> plane = Views.extendMirrorSingle(Views.hyperSlice(
			image.data(), 3, 0));
		final DenseCodes codes = new DenseEncoder(model).codes(plane, 0, 0, 30, 30, true);
		final Map<String, float[]> w = model.network().weights();
		final RandomAccess<? extends RealType<?>> ra = plane.randomAccess();
		for (final int[] p : new int[][] { { 0, 0 }, { 12, 5 }, { 29, 29 } }) {
			double s = w.get("enc1_b")[2];
			for (int ky = 0; ky < 3; ky++)
				for (int kx = 0; kx < 3; kx++) {
					ra.setPosition(new long[] { p[0] - 1 + kx, p[1] - 1 + ky, 0 });
					s += w.get("enc1_w")[(ky * 3 + kx) * 6 + 2] * model.normalization().apply(ra.get()
						.getRealFloat(), 0);
				}
			assertEquals(Math.max(0, s), codes.hidden()[2][p[1] * 30 + p[0]], 1e-4);
		}
	}

	/**
	 * The segmentation features by their definition, from the hidden activations of the
	 * mirror-extended image: per channel the log of (0.01 + the mean over the (2e + 1)^2 box of
	 * |a(u + 1, v) - a(u, v)| + |a(u, v + 1) - a(u, v)|), averaged over the (2s + 1)^2 box centred
	 * on the pixel, minus that average's mean over the channels of its layer; at corners and inside.
	 */
	@Test
	void segmentationFeaturesAreTheSmoothedLogRoughnessCentredPerLayer() {
		final int w = 40, h = 30, e = 3, s = 4, m = e + s + 1, f1 = CONFIG.filters1();
		final TextureImage image = region(30, 20, w, h);
		final Img<FloatType> map = new MapRunner(model, 24, 2).run(image, new SegmentationFeatures(
			CONFIG, e, s));
		final float[][] a = new DenseEncoder(model).codes(Views.extendMirrorSingle(Views.hyperSlice(
			image.data(), 3, 0)), -m, -m, w + 2 * m, h + 2 * m, true).hidden();
		final int aw = w + 2 * m, channels = a.length;
		for (final int[] p : new int[][] { { 0, 0 }, { w - 1, h - 1 }, { 17, 11 }, { 2, h - 3 } }) {
			final double[] smoothed = new double[channels];
			for (int c = 0; c < channels; c++)
				for (int y = p[1] - s; y <= p[1] + s; y++)
					for (int x = p[0] - s; x <= p[0] + s; x++) {
						double steps = 0;
						for (int v = y - e; v <= y + e; v++)
							for (int u = x - e; u <= x + e; u++) {
								final int i = (v + m) * aw + u + m;
								steps += Math.abs(a[c][i + 1] - a[c][i]) + Math.abs(a[c][i + aw] - a[c][i]);
							}
						smoothed[c] += Math.log(0.01 + steps / ((2 * e + 1) * (2 * e + 1))) / ((2 * s + 1) *
							(2 * s + 1));
					}
			for (int c = 0; c < channels; c++) {
				final int from = c < f1 ? 0 : f1, to = c < f1 ? f1 : channels;
				double layer = 0;
				for (int k = from; k < to; k++)
					layer += smoothed[k] / (to - from);
				assertEquals(smoothed[c] - layer, at(map, p[0], p[1], c), 1e-4, p[0] + ", " + p[1] + ", " +
					c);
			}
		}
	}

	/**
	 * Grey levels squared in a square, rescaled to keep its mean and standard deviation: the shape
	 * term (the local histogram's skewness) is more than twice as high there as elsewhere.
	 */
	@Test
	void theShapeTermFindsSquaredGreyLevels() {
		final int side = 140, from = 40, to = 100;
		final ImageProcessor ip = copy(side);
		double sum = 0, squares = 0, sum2 = 0, squares2 = 0;
		final int n = (to - from) * (to - from);
		for (int y = from; y < to; y++)
			for (int x = from; x < to; x++) {
				final double v = ip.getf(x, y), q = v * v;
				sum += v;
				squares += v * v;
				sum2 += q;
				squares2 += q * q;
			}
		final double mean = sum / n, std = Math.sqrt(squares / n - mean * mean);
		final double mean2 = sum2 / n, std2 = Math.sqrt(squares2 / n - mean2 * mean2);
		for (int y = from; y < to; y++)
			for (int x = from; x < to; x++) {
				final double q = ip.getf(x, y) * (double) ip.getf(x, y);
				ip.setf(x, y, (float) (mean + (q - mean2) * std / std2));
			}
		final Img<FloatType> terms = new MapRunner(model).run(TestImages.wrap(new ImagePlus("squared",
			ip)), new NoveltyTermsMap(model.novelty()));
		double inside = 0, outside = 0;
		int in = 0, out = 0;
		for (int y = 0; y < side; y++)
			for (int x = 0; x < side; x++) {
				final float v = at(terms, x, y, NoveltyTerm.SHAPE.ordinal());
				if (x >= from + 15 && x < to - 15 && y >= from + 15 && y < to - 15) {
					inside += v;
					in++;
				}
				else if (x < from - 25 || x >= to + 25 || y < from - 25 || y >= to + 25) {
					outside += v;
					out++;
				}
			}
		assertTrue(inside / in > 2 * outside / out, "shape term inside " + inside / in + ", outside " +
			outside / out);
	}

	/**
	 * Without smoothing, and with the skewness's Gaussian the standard one and weight 1, the shape
	 * channel is 1/2 g^2, g the skewness of the normalized image, mirrored at its borders, over the
	 * (2R + 1)^2 box centred on the pixel: the box is centred where the descriptor is, at the
	 * borders too.
	 */
	@Test
	void theShapeTermsBoxIsCentredOnThePixel() {
		final NoveltyStatistics n = model.novelty();
		final int r = n.shape().radius();
		final NoveltyStatistics unsmoothed = unsmoothed(n).withShape(new ShapeStatistics(r,
			new float[] { 0 }, new float[] { 1 }, 1));
		final TextureImage image = region(30, 20, 61, 47);
		final Img<FloatType> terms = new MapRunner(model, 24, 2).run(image, new NoveltyTermsMap(
			unsmoothed));
		final RandomAccess<? extends RealType<?>> ra = Views.extendMirrorSingle(Views.hyperSlice(image
			.data(), 3, 0)).randomAccess();
		final int side = 2 * r + 1;
		for (final int[] p : new int[][] { { 0, 0 }, { 60, 46 }, { 30, 20 }, { 3, 44 }, { 57, 2 } }) {
			final double[] v = new double[side * side];
			double mean = 0;
			for (int i = 0; i < v.length; i++) {
				v[i] = grey(ra, p[0] - r + i % side, p[1] - r + i / side);
				mean += v[i] / v.length;
			}
			double m2 = 0, m3 = 0;
			for (final double x : v) {
				m2 += (x - mean) * (x - mean) / v.length;
				m3 += (x - mean) * (x - mean) * (x - mean) / v.length;
			}
			final double g = m3 / Math.pow(m2 + 1e-4, 1.5);
			assertEquals(0.5 * g * g, at(terms, p[0], p[1], NoveltyTerm.SHAPE.ordinal()), 1e-4 * Math
				.max(1, 0.5 * g * g), p[0] + ", " + p[1]);
		}
	}

	/**
	 * An unsmoothed map with a standard Gaussian for the detail orientation scores 1/2 (o1^2 + o2^2),
	 * o_k = log((E_x + 1e-4) / (E_y + 1e-4)) with E the mean squared step of k pixels (forward for
	 * one, centred for two) along x and y, over the box centred on the pixel of the normalized,
	 * mirror-extended image: at the corners and inside.
	 */
	@Test
	void theOrientationTermsBoxIsCentredOnThePixel() {
		final NoveltyStatistics n = model.novelty();
		final int r = n.orientation().radius();
		final NoveltyStatistics unsmoothed = unsmoothed(n).withOrientation(new ShapeStatistics(r,
			new float[2], new float[] { 1, 0, 0, 1 }, 1));
		final TextureImage image = region(30, 20, 61, 47);
		final Img<FloatType> terms = new MapRunner(model, 24, 2).run(image, new NoveltyTermsMap(
			unsmoothed));
		final RandomAccess<? extends RealType<?>> ra = Views.extendMirrorSingle(Views.hyperSlice(image
			.data(), 3, 0)).randomAccess();
		for (final int[] p : new int[][] { { 0, 0 }, { 60, 46 }, { 30, 20 }, { 3, 44 }, { 57, 2 } }) {
			double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
			for (int dy = -r; dy <= r; dy++)
				for (int dx = -r; dx <= r; dx++) {
					final int x = p[0] + dx, y = p[1] + dy;
					final double v = grey(ra, x, y);
					x1 += square(grey(ra, x + 1, y) - v);
					y1 += square(grey(ra, x, y + 1) - v);
					x2 += square(grey(ra, x + 1, y) - grey(ra, x - 1, y));
					y2 += square(grey(ra, x, y + 1) - grey(ra, x, y - 1));
				}
			final double count = (2 * r + 1) * (2 * r + 1);
			final double o1 = Math.log((x1 / count + 1e-4) / (y1 / count + 1e-4));
			final double o2 = Math.log((x2 / count + 1e-4) / (y2 / count + 1e-4));
			final double expected = 0.5 * (o1 * o1 + o2 * o2);
			assertEquals(expected, at(terms, p[0], p[1], NoveltyTerm.ORIENTATION.ordinal()), 1e-4 * Math
				.max(1, expected), p[0] + ", " + p[1]);
			assertEquals(0, at(terms, p[0], p[1], NoveltyTerm.SHAPE.ordinal()), 0.0,
				"no shape term, its channel 0");
		}
	}

	/** The model's descriptor statistics without smoothing and without the grey-level terms. */
	private static NoveltyStatistics unsmoothed(final NoveltyStatistics n) {
		return new NoveltyStatistics(n.poolRadius(), 0, true, n.mean(), n.whitening(), n.neighbours(), n
			.searchDimensions(), n.threshold(), n.falsePositiveRate());
	}

	/** The normalized grey level of the plane {@code ra} reads at (x, y). */
	private double grey(final RandomAccess<? extends RealType<?>> ra, final int x, final int y) {
		ra.setPosition(new long[] { x, y, 0 });
		return model.normalization().apply(ra.get().getRealFloat(), 0);
	}

	private static double square(final double v) {
		return v * v;
	}

	/**
	 * The calibration weighs the shape and orientation terms each to a quarter of the descriptor
	 * score's spread over held-out training pixels; over all of them (some of which the Gaussians
	 * came from) that ratio holds to within a factor of two.
	 */
	@Test
	void theGreyLevelTermsAreWeighedToAQuarterOfTheDescriptorsSpread() {
		final Img<FloatType> terms = new MapRunner(model).run(region(0, 0, 160, 160),
			new NoveltyTermsMap(model.novelty()));
		final int shape = NoveltyTerm.SHAPE.ordinal();
		final double[] descriptor = new double[160 * 160];
		final double[][] grey = new double[2][descriptor.length];
		for (int y = 0; y < 160; y++)
			for (int x = 0; x < 160; x++) {
				for (int t = 0; t < shape; t++)
					descriptor[y * 160 + x] += at(terms, x, y, t);
				for (int g = 0; g < 2; g++)
					grey[g][y * 160 + x] = at(terms, x, y, shape + g);
			}
		for (int g = 0; g < 2; g++) {
			final double ratio = standardDeviation(grey[g]) / standardDeviation(descriptor);
			assertTrue(ratio > 0.125 && ratio < 0.5, NoveltyTerm.values()[shape + g].label() +
				" spread / descriptor spread " + ratio);
		}
	}

	private static double standardDeviation(final double[] v) {
		double sum = 0, squares = 0;
		for (final double x : v)
			sum += x;
		for (final double x : v)
			squares += (x - sum / v.length) * (x - sum / v.length);
		return Math.sqrt(squares / v.length);
	}

	/** The top-left side x side pixels of the gravel image as a float processor. */
	private static ImageProcessor copy(final int side) {
		final ij.process.FloatProcessor fp = new ij.process.FloatProcessor(side, side);
		final RandomAccess<? extends RealType<?>> ra = gravel.data().randomAccess();
		for (int y = 0; y < side; y++)
			for (int x = 0; x < side; x++) {
				ra.setPosition(new long[] { x, y, 0, 0 });
				fp.setf(x, y, ra.get().getRealFloat());
			}
		return fp;
	}

	@Test
	void aCropMapsLikeTheSameRegionOfTheWholeImage() {
		// the full search: the crop's encoder output differs from the whole's by rounding
		final NoveltyMap novelty = new NoveltyMap(fullSearch(model.novelty()));
		final Img<FloatType> whole = new MapRunner(model).run(region(0, 0, 200, 200), novelty);
		final Img<FloatType> crop = new MapRunner(model).run(region(60, 70, 100, 90), novelty);
		// away from the crop's border (window half + halo), the two see the same pixels
		final int margin = 8 + novelty.halo();
		for (int y = margin; y < 90 - margin; y += 7)
			for (int x = margin; x < 100 - margin; x += 7)
				assertEquals(at(whole, 60 + x, 70 + y), at(crop, x, y), 1e-4 * Math.max(1, at(whole, 60 + x,
					70 + y)));
	}

	@Test
	void noveltyTermsAddUpToTheScore() {
		final TextureImage image = region(60, 40, 120, 100);
		final Img<FloatType> score = new MapRunner(model).run(image, new NoveltyMap(model.novelty()));
		final Img<FloatType> terms = new MapRunner(model).run(image, new NoveltyTermsMap(model
			.novelty()));
		final int parts = NoveltyTerm.values().length;
		assertArrayEquals(new long[] { 120, 100, parts }, terms.dimensionsAsLongArray());
		final double[] totals = new double[parts];
		for (int y = 0; y < 100; y++)
			for (int x = 0; x < 120; x++) {
				double sum = 0;
				for (int t = 0; t < parts; t++) {
					final float v = at(terms, x, y, t);
					assertTrue(v >= 0, "a term is half a sum of squares");
					sum += v;
					totals[t] += v;
				}
				assertEquals(at(score, x, y), sum, 1e-4 * Math.max(1, sum));
			}
		for (int t = 0; t < parts; t++)
			assertTrue(totals[t] > 0, "term " + t + " carries part of the score");
	}

	@Test
	void legacyModelsMapWithoutTheRoughness() {
		// a descriptor without the roughness (model format 1) is the first 2L + F rows of today's, and
		// its Gaussian the marginal of those rows: the top-left block of the triangular whitening
		final NoveltyStatistics full = model.novelty();
		final int d = full.dimension(), legacy = NoveltyStatistics.legacyDimension(CONFIG);
		assertEquals(NoveltyStatistics.descriptorDimension(CONFIG), d);
		final float[] w = full.whitening(), block = new float[legacy * legacy];
		for (int a = 0; a < legacy; a++)
			System.arraycopy(w, a * d, block, a * legacy, legacy);
		final NoveltyStatistics old = new NoveltyStatistics(full.poolRadius(), full.smoothRadius(),
			false, Arrays.copyOf(full.mean(), legacy), block, new float[0], 0, full.threshold(), full
				.falsePositiveRate());
		// and, like format 2 models, without neighbours: the distance to the mean
		final NoveltyStatistics gaussian = new NoveltyStatistics(full.poolRadius(), full.smoothRadius(),
			true, full.mean(), w, new float[0], 0, full.threshold(), full.falsePositiveRate());
		final TextureImage image = region(10, 10, 70, 60);
		final Img<FloatType> terms = new MapRunner(model).run(image, new NoveltyTermsMap(gaussian));
		final Img<FloatType> oldScore = new MapRunner(model).run(image, new NoveltyMap(old));
		final Img<FloatType> oldTerms = new MapRunner(model).run(image, new NoveltyTermsMap(old));
		for (int y = 0; y < 60; y++)
			for (int x = 0; x < 70; x++) {
				final float expected = at(terms, x, y, 0) + at(terms, x, y, 1);
				assertEquals(expected, at(oldScore, x, y), 1e-4 * Math.max(1, expected));
				assertEquals(0, at(oldTerms, x, y, 2), 0.0, "no roughness term");
				assertEquals(0, at(oldTerms, x, y, 3), 0.0, "no shape term");
				assertEquals(0, at(oldTerms, x, y, 4), 0.0, "no orientation term");
			}
	}

	@Test
	void theThresholdIsCrossFittedAboveTheTrainingPixelsOwnQuantile() {
		// the threshold is the 5% quantile of held-out halves' scores; the training pixels' own
		// scores, against statistics and neighbours drawn from them, lie lower: well under 5% of them
		// exceed it (the in-sample quantile would flag 5%)
		final TextureImage train = region(0, 0, 160, 160);
		final Img<FloatType> map = new MapRunner(model).run(train, new NoveltyMap(model.novelty()));
		long above = 0;
		for (final FloatType v : map)
			if (v.get() > model.novelty().threshold()) above++;
		final double flagged = above / (160.0 * 160);
		assertTrue(model.novelty().threshold() > 0 && flagged < 0.025, "flagged " + flagged +
			" of training pixels");
	}

	@Test
	void smootherThanNormalTextureIsFlagged() {
		// normal gravel with a blurred square: less texture, same mean, which KL to the prior misses
		final ImagePlus imp = ij.IJ.openImage(TestImages.sample("gravel.tif").toString());
		final ImageProcessor ip = imp.getProcessor();
		ip.setRoi(260, 260, 80, 80);
		final ImageProcessor blurred = ip.crop();
		new GaussianBlur().blurGaussian(blurred, 3, 3, 0.01);
		ip.insert(blurred, 260, 260);
		final TextureImage image = TestImages.wrap(imp);
		final Img<FloatType> map = new MapRunner(model).run(image, new NoveltyMap(model.novelty()));
		final double threshold = model.novelty().threshold();
		final double normal = flagged(map, 260, 100, threshold), smooth = flagged(map, 280, 280,
			threshold);
		assertTrue(smooth > 0.5 && smooth > 4 * normal, "blurred " + smooth + " vs normal " + normal);
	}

	/** Fraction of a 40 x 40 square above the threshold. */
	private static double flagged(final Img<FloatType> map, final int x0, final int y0,
		final double threshold)
	{
		int n = 0;
		for (int y = y0; y < y0 + 40; y++)
			for (int x = x0; x < x0 + 40; x++)
				if (at(map, x, y) > threshold) n++;
		return n / 1600.0;
	}

	@Test
	void reconstructionHasTheImageShapeAndUnits() {
		final TextureImage image = region(0, 0, 50, 40);
		final Reconstructed r = new Reconstruction(model).run(image, f -> {}, () -> false);
		assertArrayEquals(new long[] { 50, 40 }, r.image().dimensionsAsLongArray());
		assertArrayEquals(new long[] { 50, 40 }, r.error().dimensionsAsLongArray());
		double mean = 0;
		for (final FloatType v : r.image())
			mean += v.get() / 2000;
		assertEquals(model.normalization().center(0), mean, 3 * model.normalization().scale(0));
		for (final FloatType v : r.error())
			assertTrue(v.get() >= 0 && Float.isFinite(v.get()));
	}

	@Test
	void wrongImagesAreRefused() {
		assertMessage("smaller than the tile size 16", () -> VaeTexture.kl(model, region(0, 0, 10, 40),
			Monitor.NONE));
		assertMessage("has 3 channel(s) but the model was trained on 1", () -> VaeTexture.kl(model,
			TestImages.open("ihc.tif"), Monitor.NONE));
		final ImagePlus nan = TestImages.noise(30, 30, 1);
		nan.getProcessor().putPixelValue(4, 5, Float.NaN);
		assertMessage("NaN or infinite pixel at x=4, y=5", () -> VaeTexture.kl(model, TestImages.wrap(
			nan), Monitor.NONE));
	}

	@Test
	void twoMapsAtOnceEqualTheSameMapsOneAfterTheOther() throws Exception {
		final TextureImage a = region(0, 0, 120, 100), b = region(200, 150, 110, 90);
		final NoveltyMap novelty = new NoveltyMap(model.novelty());
		final Img<FloatType> aAlone = new MapRunner(model, 32, 2).run(a, novelty);
		final Img<FloatType> bAlone = new MapRunner(model, 32, 2).run(b, new FeatureMap(4));
		final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors
			.newFixedThreadPool(2);
		try {
			final var fa = pool.submit(() -> new MapRunner(model, 32, 2).run(a, novelty));
			final var fb = pool.submit(() -> new MapRunner(model, 32, 2).run(b, new FeatureMap(4)));
			assertSame(aAlone, fa.get(), 1e-6);
			assertSame(bAlone, fb.get(), 1e-6);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void cancelStopsBeforeTheNextBlock() {
		final int[] blocks = { 0 };
		assertThrows(CancellationException.class, () -> new MapRunner(model, 16, 1).run(region(0, 0, 64,
			64), new KlMap(), f -> blocks[0]++, () -> blocks[0] >= 2));
		assertEquals(2, blocks[0]);
	}
}
