package org.vaetexture.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import org.vaetexture.image.ImageFiles;
import org.vaetexture.image.ImageWriter;

/**
 * Texture-novelty cases made from the sample images, in two sets: {@link #DEVELOPMENT} (settings
 * are chosen on these, with the four cases of {@code ../shared/data/novelty-dev}) and
 * {@link #HELD_OUT} (other images and kinds, kept out of every choice). Laid out like
 * {@code ../shared/data/novelty-dev}: NAME-train.tif is the top half of a texture, NAME-test.tif
 * the bottom half with three elliptical blobs of anomalous texture, NAME-mask.tif 255 inside them.
 * Inside a blob the values are shifted and scaled to the test image's mean and standard deviation,
 * so intensity alone does not find them (a smooth patch keeps only the mean). One development case
 * is a real anomaly: the cell of {@code cell.tif} in its saline background. Seeded: the same files
 * every time.
 */
public final class NoveltyCases {

	/** How a blob's texture is made from the texture image (full size, grey). */
	private enum Kind {
		BLUR, NOISE, FOREIGN, FINE, ROTATED, COARSE, SMOOTH, INVERTED, GAMMA
	}

	/** One synthetic case: blobs of {@code kind} made from {@code texture} (and a foreign image). */
	private static final class Case {

		final String name, texture, foreign;
		final Kind kind;
		final long seed;

		Case(final String name, final String texture, final Kind kind, final String foreign,
			final long seed)
		{
			this.name = name;
			this.texture = texture;
			this.kind = kind;
			this.foreign = foreign;
			this.seed = seed;
		}
	}

	private static final List<Case> DEVELOPMENT = List.of( //
		new Case("ihc-blur", "ihc.tif", Kind.BLUR, null, 21), //
		new Case("grass-rotated", "grass.tif", Kind.ROTATED, null, 22), //
		new Case("brick-fine", "brick.tif", Kind.FINE, null, 23), //
		new Case("grass-coarse", "grass.tif", Kind.COARSE, null, 24), //
		new Case("gravel-noise", "gravel.tif", Kind.NOISE, null, 25), //
		new Case("brick-foreign-gravel", "brick.tif", Kind.FOREIGN, "gravel.tif", 26), //
		new Case("ihc-smooth", "ihc.tif", Kind.SMOOTH, null, 27), //
		new Case("gravel-inverted", "gravel.tif", Kind.INVERTED, null, 28), //
		new Case("grass-gamma", "grass.tif", Kind.GAMMA, null, 29));

	private static final List<Case> HELD_OUT = List.of( //
		new Case("gravel-blur", "gravel.tif", Kind.BLUR, null, 11), //
		new Case("brick-noise", "brick.tif", Kind.NOISE, null, 12), //
		new Case("grass-foreign-gravel", "grass.tif", Kind.FOREIGN, "gravel.tif", 13), //
		new Case("ihc-fine", "ihc.tif", Kind.FINE, null, 14), //
		new Case("brick-rotated", "brick.tif", Kind.ROTATED, null, 15), //
		new Case("gravel-coarse", "gravel.tif", Kind.COARSE, null, 16));

	/** Rows of {@code cell.tif} above the cell, the training part of the real case. */
	private static final int CELL_TRAIN_ROWS = 240;
	/** Pixels by which the real case's mask extends the cell's bright disc (its dark halo). */
	private static final int CELL_HALO = 12;

	private NoveltyCases() {}

	/** Writes the development cases into {@code folder}, made from the sample images in {@code samples}. */
	public static void writeDevelopment(final Path samples, final Path folder) throws IOException {
		Files.createDirectories(folder);
		for (final Case c : DEVELOPMENT)
			write(samples, folder, c);
		writeCell(samples, folder);
	}

	/**
	 * Writes README's first example into {@code folder}: {@code gravel-normal.tif}, the top half of
	 * {@code gravel.tif}, to train on; {@code gravel-anomalies.tif}, its bottom half with one blob
	 * each of blurred gravel, grass and a smooth patch; {@code gravel-anomalies-mask.tif}, 255 in
	 * the blobs.
	 */
	public static void writeSample(final Path samples, final Path folder) throws IOException {
		Files.createDirectories(folder);
		final ImageProcessor full = grey(samples.resolve("gravel.tif"));
		final int w = full.getWidth(), h = full.getHeight() / 2;
		final double[] test = doubles((float[]) crop(full, h, w, h).convertToFloat().getPixels());
		final boolean[] all = new boolean[w * h];
		final Kind[] kinds = { Kind.BLUR, Kind.FOREIGN, Kind.SMOOTH };
		final ImageProcessor grass = grey(samples.resolve("grass.tif"));
		for (int k = 0; k < kinds.length; k++) {
			final boolean[] mask = blobs(w, h, 31 + k, 1);
			final ImageProcessor source = anomalous(kinds[k], full, grass, 31 + k);
			paste(source, test, mask, kinds[k], h);
			for (int i = 0; i < all.length; i++)
				all[i] |= mask[i];
		}
		save(crop(full, 0, w, h).convertToByte(false), folder.resolve("gravel-normal.tif"));
		save(bytes(test, w, h), folder.resolve("gravel-anomalies.tif"));
		save(maskImage(all, w, h), folder.resolve("gravel-anomalies-mask.tif"));
	}

	/** Writes the held-out cases into {@code folder}, made from the sample images in {@code samples}. */
	public static void writeHeldOut(final Path samples, final Path folder) throws IOException {
		Files.createDirectories(folder);
		for (final Case c : HELD_OUT)
			write(samples, folder, c);
	}

	private static void write(final Path samples, final Path folder, final Case c) {
		final ImageProcessor full = grey(samples.resolve(c.texture));
		final int w = full.getWidth(), h = full.getHeight() / 2;
		final ImageProcessor train = crop(full, 0, w, h), test = crop(full, h, w, h);
		final ImageProcessor source = anomalous(c.kind, full, c.foreign == null ? null : grey(samples
			.resolve(c.foreign)), c.seed);
		final boolean[] mask = blobs(w, h, c.seed, 3);
		final double[] t = doubles((float[]) test.convertToFloat().getPixels());
		paste(source, t, mask, c.kind, h);
		save(train.convertToByte(false), folder.resolve(c.name + "-train.tif"));
		save(bytes(t, w, h), folder.resolve(c.name + "-test.tif"));
		save(maskImage(mask, w, h), folder.resolve(c.name + "-mask.tif"));
	}

	/**
	 * Fills the masked pixels of {@code test} (the bottom half, {@code y0} rows down, of the source)
	 * with the source, shifted to the test's mean and scaled to its standard deviation (a smooth
	 * patch keeps its own).
	 */
	private static void paste(final ImageProcessor source, final double[] test, final boolean[] mask,
		final Kind kind, final int y0)
	{
		final int w = source.getWidth(), h = test.length / w;
		final double[] stats = meanStd(test, null);
		final float[] a = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				a[y * w + x] = source.getPixelValue(x, y0 + y);
		final double[] blobStats = meanStd(a, mask);
		final double scale = kind == Kind.SMOOTH ? 1 : stats[1] / blobStats[1];
		for (int i = 0; i < w * h; i++)
			if (mask[i]) test[i] = stats[0] + (a[i] - blobStats[0]) * scale;
	}

	private static double[] doubles(final float[] v) {
		final double[] d = new double[v.length];
		for (int i = 0; i < v.length; i++)
			d[i] = v[i];
		return d;
	}

	/** Values rounded and clamped to 8 bits. */
	private static ByteProcessor bytes(final double[] v, final int w, final int h) {
		final ByteProcessor out = new ByteProcessor(w, h);
		for (int i = 0; i < w * h; i++)
			out.set(i, (int) Math.max(0, Math.min(255, Math.round(v[i]))));
		return out;
	}

	/**
	 * The real case: a cell (a bright disc in a dark halo) in saline. Trained on the rows above it;
	 * the mask is the disc found by its brightness, grown by {@value #CELL_HALO} pixels.
	 */
	private static void writeCell(final Path samples, final Path folder) {
		final ImageProcessor full = grey(samples.resolve("cell.tif"));
		final int w = full.getWidth(), h = full.getHeight() - CELL_TRAIN_ROWS;
		final ImageProcessor train = crop(full, 0, w, CELL_TRAIN_ROWS), test = crop(full,
			CELL_TRAIN_ROWS, w, h);
		final ImageProcessor smooth = test.duplicate();
		smooth.blurGaussian(3);
		final float[] s = (float[]) smooth.getPixels();
		final double[] stats = meanStd(s, null);
		double sx = 0, sy = 0;
		int n = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				if (s[y * w + x] > stats[0] + 3 * stats[1]) {
					sx += x;
					sy += y;
					n++;
				}
		final double cx = sx / n, cy = sy / n, r = Math.sqrt(n / Math.PI) + CELL_HALO;
		final boolean[] mask = new boolean[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				mask[y * w + x] = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
		save(train.convertToByte(false), folder.resolve("cell-real-train.tif"));
		save(test.convertToByte(false), folder.resolve("cell-real-test.tif"));
		save(maskImage(mask, w, h), folder.resolve("cell-real-mask.tif"));
	}

	/** The image that fills the blobs, as large as the texture image. */
	private static ImageProcessor anomalous(final Kind kind, final ImageProcessor full,
		final ImageProcessor foreign, final long seed)
	{
		final ImageProcessor f = full.convertToFloat().duplicate();
		final int w = f.getWidth(), h = f.getHeight();
		switch (kind) {
			case BLUR:
				f.blurGaussian(2);
				return f;
			case SMOOTH: // nearly flat: the local mean only
				f.blurGaussian(8);
				return f;
			case NOISE: { // finer: white noise of the texture's own standard deviation added
				final Random random = new Random(seed);
				final double sd = meanStd((float[]) f.getPixels(), null)[1];
				for (int i = 0; i < w * h; i++)
					f.setf(i, (float) (f.getf(i) + sd * random.nextGaussian()));
				return f;
			}
			case FOREIGN:
				return foreign.convertToFloat();
			case FINE: // half the scale: every other pixel, mirrored at the border
				return resample(f, 2);
			case COARSE: // twice the scale, interpolated
				return resample(f, 0.5);
			case ROTATED: { // 90 degrees: x and y swapped
				final ImageProcessor r = f.createProcessor(w, h);
				for (int y = 0; y < h; y++)
					for (int x = 0; x < w; x++)
						r.setf(x, y, f.getf(y % w, x % h));
				return r;
			}
			case INVERTED: // contrast reversed (the blob's mean and spread are restored after)
				f.multiply(-1);
				return f;
			case GAMMA: { // a monotone change of the histogram's shape: squared on [0, 1]
				final double min = f.getMin(), max = f.getMax();
				for (int i = 0; i < w * h; i++) {
					final double v = (f.getf(i) - min) / (max - min);
					f.setf(i, (float) (v * v));
				}
				return f;
			}
			default:
				throw new IllegalStateException(kind.toString());
		}
	}

	private static ImageProcessor resample(final ImageProcessor f, final double step) {
		final int w = f.getWidth(), h = f.getHeight();
		final ImageProcessor r = f.createProcessor(w, h);
		f.setInterpolationMethod(ImageProcessor.BILINEAR);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				r.setf(x, y, (float) f.getInterpolatedValue(mirror(x * step, w), mirror(y * step, h)));
		return r;
	}

	private static double mirror(final double v, final int n) {
		final double period = 2.0 * (n - 1), m = v % period;
		return m < n - 1 ? m : period - m;
	}

	/** Elliptical blobs, radii 20 to 40 pixels, inside the image. */
	private static boolean[] blobs(final int w, final int h, final long seed, final int count) {
		final Random random = new Random(seed);
		final boolean[] mask = new boolean[w * h];
		for (int b = 0; b < count; b++) {
			final double rx = 20 + 20 * random.nextDouble(), ry = 20 + 20 * random.nextDouble();
			final double cx = rx + (w - 2 * rx) * random.nextDouble(), cy = ry + (h - 2 * ry) * random
				.nextDouble();
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					final double dx = (x - cx) / rx, dy = (y - cy) / ry;
					if (dx * dx + dy * dy <= 1) mask[y * w + x] = true;
				}
		}
		return mask;
	}

	/** Mean and standard deviation of the values (inside {@code where}, if given). */
	private static double[] meanStd(final float[] v, final boolean[] where) {
		return meanStd(doubles(v), where);
	}

	private static double[] meanStd(final double[] v, final boolean[] where) {
		double s = 0, s2 = 0;
		long n = 0;
		for (int i = 0; i < v.length; i++)
			if (where == null || where[i]) {
				s += v[i];
				s2 += v[i] * v[i];
				n++;
			}
		final double mean = s / n;
		return new double[] { mean, Math.sqrt(Math.max(1e-12, s2 / n - mean * mean)) };
	}

	private static ByteProcessor maskImage(final boolean[] mask, final int w, final int h) {
		final ByteProcessor m = new ByteProcessor(w, h);
		for (int i = 0; i < w * h; i++)
			m.set(i, mask[i] ? 255 : 0);
		return m;
	}

	private static ImageProcessor grey(final Path file) {
		return ImageFiles.openImagePlus(file).getProcessor().convertToFloat();
	}

	private static ImageProcessor crop(final ImageProcessor p, final int y0, final int w,
		final int h)
	{
		p.setRoi(0, y0, w, h);
		final ImageProcessor c = p.crop();
		p.resetRoi();
		return c;
	}

	private static void save(final ImageProcessor p, final Path file) {
		ImageWriter.saveTiff(new ImagePlus(file.getFileName().toString(), p), file);
	}
}
