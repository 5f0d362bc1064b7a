package org.vaetexture.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaetexture.ErrorAssertions.assertMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import ij.ImagePlus;
import ij.process.FloatProcessor;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaetexture.TestImages;
import org.vaetexture.TinyModels;
import org.vaetexture.bench.LabelAccuracy;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeModel;

/**
 * Texture segmentation of a small two-texture image (random streaks, horizontal on the left and
 * vertical on the right, the same mean and spread) with a tiny model trained on it.
 */
class TextureSegmentationTest {

	private static final int W = 128, H = 96, RADIUS = 8;
	private static final int[] TRUTH = new int[W * H];
	private static TextureImage image;
	private static VaeModel model;
	private static TextureClasses classes;
	private static int[] labels;

	@TempDir
	Path dir;

	@BeforeAll
	static void fit() {
		final float[] noise = new float[W * H], pixels = new float[W * H];
		final Random random = new Random(6);
		for (int i = 0; i < noise.length; i++)
			noise[i] = (float) random.nextGaussian();
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				TRUTH[y * W + x] = x < W / 2 ? 0 : 1;
				// streaks: noise averaged along 7 pixels, across on the left, down on the right
				float s = 0;
				for (int k = -3; k <= 3; k++)
					s += x < W / 2 ? noise[y * W + Math.floorMod(x + k, W)] : noise[Math.floorMod(y + k, H) *
						W + x];
				pixels[y * W + x] = 100 + 20 * s;
			}
		image = TestImages.wrap(new ImagePlus("stripes", new FloatProcessor(W, H, pixels)));
		model = TinyModels.train(image, 4);
		final TextureSegmentation segmentation = new TextureSegmentation(model, RADIUS);
		classes = segmentation.fit(image, 2, 1, f -> {}, () -> false);
		labels = values(segmentation.label(image, classes, f -> {}, () -> false));
	}

	private static int[] values(final Img<UnsignedByteType> img) {
		final int[] v = new int[(int) img.size()];
		int i = 0;
		for (final UnsignedByteType t : Views.flatIterable(img))
			v[i++] = t.get();
		return v;
	}

	@Test
	void twoTexturesAreTwoClasses() {
		final double accuracy = LabelAccuracy.of(TRUTH, labels);
		assertTrue(accuracy > 0.9, "accuracy " + accuracy);
	}

	@Test
	void savedClassesLabelTheSameWay() {
		final Path file = dir.resolve("centres.json");
		TextureClassesFile.save(classes, file);
		final TextureClasses loaded = TextureClassesFile.load(file);
		assertEquals(2, loaded.count());
		assertEquals(classes.roughnessRadius(), loaded.roughnessRadius());
		assertEquals(classes.radius(), loaded.radius());
		assertArrayEquals(labels, values(TextureSegmentation.of(model, loaded).label(image, loaded,
			f -> {}, () -> false)));
	}

	@Test
	void badRequestsAreClearErrors() throws Exception {
		final TextureSegmentation segmentation = new TextureSegmentation(model, RADIUS);
		assertMessage("classes must be from 2 to 255, got 1", () -> segmentation.fit(image, 1, 1,
			f -> {}, () -> false));
		assertMessage("classes must be from 2 to 255, got 256", () -> segmentation.fit(image, 256, 1,
			f -> {}, () -> false));
		final VaeModel other = TinyModels.train(TestImages.open("gravel.tif"), 4);
		assertMessage("made with another model", () -> new TextureSegmentation(other, RADIUS).label(
			image, classes, f -> {}, () -> false));
		final Path junk = Files.writeString(dir.resolve("junk.json"), "[1, 2]");
		assertMessage("is not a centres file", () -> TextureClassesFile.load(junk));
		// format 1: one box for the energies; format 2: the energies at two scales
		for (final int format : new int[] { 1, 2 }) {
			final Path old = Files.writeString(dir.resolve("old.json"), "{\"format\": " + format +
				", \"radius\": 16}");
			assertMessage("written by an older version of VAE Texture; fit the classes again and " +
				"write a new one", () -> TextureClassesFile.load(old));
		}
		final Path newer = Files.writeString(dir.resolve("newer.json"), "{\"format\": 4}");
		assertMessage("written by a newer version of VAE Texture; update the plugin",
			() -> TextureClassesFile.load(newer));
		final float[] flat = new float[64 * 64];
		Arrays.fill(flat, 100);
		assertMessage("has no texture to tell apart", () -> segmentation.fit(TestImages.wrap(
			new ImagePlus("flat", new FloatProcessor(64, 64, flat))), 2, 1, f -> {}, () -> false));
	}

	/**
	 * A centres file with a value that is not a number, or a feature scale of 0, is refused on
	 * load (labelling with it would give every pixel one class).
	 */
	@Test
	void damagedValuesInACentresFileAreRefused() throws Exception {
		final Path file = dir.resolve("centres.json");
		TextureClassesFile.save(classes, file);
		final String json = Files.readString(file);
		for (final String[] damage : new String[][] { { "\"featureScale\": \\[\\s*[-0-9.eE]+",
			"\"featureScale\": [0.0" }, { "\"featureCentre\": \\[\\s*[-0-9.eE]+",
				"\"featureCentre\": [NaN" }, { "\"means\": \\[\\s*\\[\\s*[-0-9.eE]+",
					"\"means\": [[Infinity" } })
		{
			final String damaged = json.replaceFirst(damage[0], damage[1]);
			assertTrue(!damaged.equals(json), damage[0]);
			final Path bad = Files.writeString(dir.resolve("bad.json"), damaged);
			assertMessage("is not a centres file written by 'segment'",
				() -> TextureClassesFile.load(bad));
		}
	}

	/**
	 * Features that vary in only four directions (one that tells the two classes apart, three of
	 * noise; a sum of two of them; the rest constant) are fitted in four components, not in eight of
	 * which four would be whitened rounding.
	 */
	@Test
	void theMixtureIsFittedOnlyInComponentsWithVariance() {
		final TextureSegmentation segmentation = new TextureSegmentation(model, RADIUS);
		final int d = segmentation.features().channels();
		assertTrue(d >= 9, "features " + d);
		final List<double[]> samples = noiseInFour(2000, d, 2);
		for (int i = 0; i < samples.size(); i++) {
			final double[] x = samples.get(i);
			x[0] += i % 2 == 0 ? -3 : 3;
			x[4] = x[1] + x[2];
		}
		final TextureClasses fitted = segmentation.fit(samples, 2, 1, "four directions", () -> false);
		assertEquals(4, fitted.projection().length, "components");
		int agree = 0;
		for (int i = 0; i < samples.size(); i++)
			if (fitted.classify(samples.get(i)) == fitted.classify(samples.get(0)) == (i % 2 == 0))
				agree++;
		assertTrue(agree > 0.99 * samples.size(), agree + " of " + samples.size() + " in their class");
	}

	/**
	 * Two even classes apart along one feature, and 3% of the pixels in a tight group far off along
	 * another (two more features of noise, the rest constant): for every seed the fit splits the two
	 * classes, not the small group from the rest, which is the mixture of larger likelihood and where
	 * about half of the k-means++ starts end.
	 */
	@Test
	void theMixtureSplitsTheMainClassesNotASmallGroupFarOff() {
		final TextureSegmentation segmentation = new TextureSegmentation(model, RADIUS);
		final int d = segmentation.features().channels();
		final List<double[]> samples = noiseInFour(3000, d, 3);
		for (int i = 0; i < samples.size(); i++) {
			final double[] x = samples.get(i);
			if (i % 33 == 32) {
				x[0] = 0.1 * x[0];
				x[1] = 12 + 0.1 * x[1];
			}
			else x[0] += i % 2 == 0 ? -3 : 3;
		}
		for (long seed = 1; seed <= 4; seed++) {
			final TextureClasses fitted = segmentation.fit(samples, 2, seed, "a small group far off",
				() -> false);
			int agree = 0, main = 0;
			for (int i = 0; i < samples.size(); i++)
				if (i % 33 != 32) {
					main++;
					if (fitted.classify(samples.get(i)) == fitted.classify(samples.get(0)) == (i % 2 == 0))
						agree++;
				}
			assertTrue(agree > 0.99 * main, "seed " + seed + ": " + agree + " of " + main +
				" in their class");
		}
	}

	/** Three even classes, apart along two features (two more of noise): each gets its own label. */
	@Test
	void threeClassesAreFoundForEverySeed() {
		final TextureSegmentation segmentation = new TextureSegmentation(model, RADIUS);
		final int d = segmentation.features().channels();
		final double[][] centres = { { -3, 0 }, { 3, 0 }, { 0, 5 } };
		final List<double[]> samples = noiseInFour(3000, d, 4);
		for (int i = 0; i < samples.size(); i++)
			for (int a = 0; a < 2; a++)
				samples.get(i)[a] += centres[i % 3][a];
		for (long seed = 1; seed <= 3; seed++) {
			final TextureClasses fitted = segmentation.fit(samples, 3, seed, "three classes", () -> false);
			final int[] truth = new int[samples.size()], found = new int[samples.size()];
			for (int i = 0; i < samples.size(); i++) {
				truth[i] = i % 3;
				found[i] = fitted.classify(samples.get(i)) + 1;
			}
			final double accuracy = LabelAccuracy.of(truth, found);
			assertTrue(accuracy > 0.98, "seed " + seed + ": accuracy " + accuracy);
		}
	}

	/** Cancelling stops the fit of the classes too, not only the features' sampling. */
	@Test
	void theMixturesFitStopsWhenCancelled() {
		final TextureSegmentation segmentation = new TextureSegmentation(model, RADIUS);
		final List<double[]> samples = noiseInFour(1000, segmentation.features().channels(), 5);
		for (int i = 0; i < samples.size(); i++)
			samples.get(i)[0] += i % 2 == 0 ? -3 : 3;
		assertThrows(CancellationException.class, () -> segmentation.fit(samples, 2, 1, "cancelled",
			() -> true));
	}

	/** n feature vectors of d values: the first four Gaussian noise (seeded), the rest 5. */
	private static List<double[]> noiseInFour(final int n, final int d, final long seed) {
		final Random random = new Random(seed);
		final List<double[]> samples = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final double[] x = new double[d];
			Arrays.fill(x, 5);
			for (int a = 0; a < 4; a++)
				x[a] = random.nextGaussian();
			samples.add(x);
		}
		return samples;
	}

	@Test
	void accuracyMatchesLabelsToClassesAtBest() {
		assertEquals(1, LabelAccuracy.of(new int[] { 0, 0, 1, 1 }, new int[] { 2, 2, 1, 1 }));
		assertEquals(0.75, LabelAccuracy.of(new int[] { 0, 0, 1, 1 }, new int[] { 1, 2, 2, 2 }));
	}
}
